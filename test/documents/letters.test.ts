import { strict as assert } from 'node:assert';
import PizZip from 'pizzip';
import { formatDate } from '../../src/domain/calendar-date';
import type { CaseRecord } from '../../src/domain/case-record';
import { viewOf } from '../../src/domain/case-view';
import { RESPONSE_CONTENT_NAMES, requiredContents } from '../../src/domain/response-contents';
import { readLetterTemplate } from '../../src/documents/letter-files';
import { composeLetter } from '../../src/documents/letters/compose-letter';
import { LETTER_KINDS, type Letter, type LetterKind } from '../../src/documents/letters/letter';
import { checkLetter } from '../../src/documents/letters/letter-check';
import { responseLetter } from '../../src/documents/letters/response-letter';
import { LetterTemplateError, renderDocx } from '../../src/documents/render/docx-letter';
import { renderPdf } from '../../src/documents/render/pdf-letter';
import { HOS } from '../reports/fixtures';
import {
  acknowledgementCase, behaviourCase, extensionCase, LETTER_CTX, refusalCase, STAGE_1_CONTENT, STAGE_2_CONTENT, stage1Case, stage2Case,
} from './letter-fixtures';
import { docxText, flat, pdfText } from './read-back';

const TEMPLATE = readLetterTemplate();

/** The Housing Ombudsman's details as it publishes them (seed 001), one line each in a letter under the Code preset. */
const OMBUDSMAN_LINES = ['Housing Ombudsman Service', 'PO Box 152, Liverpool L33 7WQ', '0300 111 3000', 'info@housing-ombudsman.org.uk', 'www.housing-ombudsman.org.uk'];

function compose(record: CaseRecord, kind: LetterKind, today = LETTER_CTX.today): Letter {
  const result = composeLetter(record, kind, { ...LETTER_CTX, today });
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.letter;
}

/** What each letter must say, written out here from the case, not read from the composer. */
const EXPECTED: Record<LetterKind, { record: () => CaseRecord; officer: string; phrases: string[] }> = {
  acknowledgement: {
    record: acknowledgementCase, officer: 'Alex Morgan',
    // Code 5.6: the stage, who deals with it, the definition and outcome sought, when to expect the response
    // (10 working days from the acknowledgement on 20 March, over Good Friday and Easter Monday).
    phrases: ['stage 1', 'Alex Morgan, Area Housing Manager, is dealing with your complaint', 'The damp in the back bedroom has not been put right.', 'A lasting repair.', 'by Tue 7 Apr 2026'],
  },
  extension: {
    record: extensionCase, officer: 'Alex Morgan',
    // 10 working days from the acknowledgement on 3 March is 17 March, plus 5: 24 March.
    phrases: ['We are waiting for an independent damp survey, booked for 20 March.', 'by Tue 24 Mar 2026', ...OMBUDSMAN_LINES],
  },
  'stage-1-response': {
    record: stage1Case, officer: 'Alex Morgan',
    phrases: [
      'our stage 1 response', 'We have upheld your complaint.', ...Object.values(STAGE_1_CONTENT),
      'Treat the mould and repair the gutter: by Fri 10 Apr 2026', 'Compensation for the delay (£150.00): by Thu 2 Apr 2026',
    ],
  },
  'stage-2-response': {
    record: stage2Case, officer: 'Priya Shah',
    phrases: [
      'our stage 2 response, and our final response', 'We have upheld part of your complaint.', ...Object.values(STAGE_2_CONTENT),
      'Replace the gutter: by Fri 1 May 2026, arranged by Chris Doyle', ...OMBUDSMAN_LINES,
    ],
  },
  'refusal-to-escalate': {
    record: refusalCase, officer: 'Alex Morgan',
    phrases: ['We have decided not to do this.', 'which we are treating as a new service request.', 'You do not need to wait.', ...OMBUDSMAN_LINES],
  },
  'behaviour-decision': {
    record: behaviourCase, officer: 'Priya Shah',
    phrases: ['limit how you contact us', 'Please contact us by email or letter only, to complaints@example.invalid.', 'The calls on 4 and 5 March were abusive to staff.', 'Tue 9 Jun 2026', 'This does not change how we deal with your complaint.'],
  },
};

describe('letters: composed from the case, checked, and rendered as Word and PDF', function () {
  this.timeout(60_000);

  it('the response letters cover every item the policy requires (Code 2024 preset)', () => {
    // The expectations above hold each stage's required items; this keeps them honest if the preset changes.
    for (const [stage, content] of [[1, STAGE_1_CONTENT], [2, STAGE_2_CONTENT]] as const) {
      const needed = requiredContents(HOS, stage, stage === 1 ? 'upheld' : 'partly-upheld').filter((i) => !['stage', 'decision'].includes(i));
      const covered = Object.keys(content);
      // The Ombudsman's details are the letter's own (OMBUDSMAN_LINES), and expected as such.
      assert.deepEqual(needed.filter((i) => !covered.includes(i) && i !== 'ombudsman-details'), [], `stage ${stage}`);
    }
  });

  for (const kind of LETTER_KINDS) {
    it(`${kind}: the Word document and the PDF say every required item, the officer and the reference`, async () => {
      const expected = EXPECTED[kind];
      const record = expected.record();
      const letter = compose(record, kind);
      assert.equal(letter.signOff.name, expected.officer);
      const docx = renderDocx(letter, TEMPLATE);
      const pdf = await renderPdf(letter);
      const texts = { docx: flat(docxText(docx)), pdf: flat((await pdfText(pdf)).join('\n')) };
      for (const [format, text] of Object.entries(texts)) {
        for (const phrase of [...expected.phrases, expected.officer, record.reference, 'Imogen Threlkeld', LETTER_CTX.landlord.name, formatDate(LETTER_CTX.today)]) {
          assert.ok(text.includes(flat(phrase)), `${kind} ${format} lacks "${phrase}":\n${text}`);
        }
        assert.ok(!/undefined|null|\{[a-z#/]/i.test(text), `${kind} ${format}: no unfilled field or "undefined":\n${text}`);
      }
    });
  }

  it('the Word document is a valid .docx: the template\'s styles are kept and the remedies are Word bullets', () => {
    const docx = renderDocx(compose(stage1Case(), 'stage-1-response'), TEMPLATE);
    const zip = new PizZip(docx);
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    assert.ok(zip.file('word/styles.xml'), 'styles kept');
    assert.equal((xml.match(/<w:numId w:val="1"\/>/g) ?? []).length, 2, 'two remedies, two bullets');
    assert.match(xml, /w:val="LetterSubheading"/);
    assert.match(zip.file('word/footer1.xml')?.asText() ?? '', /Reference HC-2026-00103/);
  });

  it('a missing required item is refused with its name, never left out', () => {
    const record = acknowledgementCase();
    record.details.complaint.complaintDefinition = '';
    record.details.complaint.outcomeSought = '  ';
    const result = composeLetter(record, 'acknowledgement', LETTER_CTX);
    assert.ok(!result.ok);
    assert.equal(result.code, 'LETTER.MISSING_ITEMS');
    assert.deepEqual(result.missing, ['Complaint definition', 'Outcome sought']);
    assert.match(result.message, /acknowledgement letter for HC-2026-00101 cannot be drafted: it would leave out Complaint definition, Outcome sought/);
  });

  it('the check reads the letter itself: a required section dropped on the way is named', () => {
    const record = stage1Case();
    const composed = responseLetter(record, viewOf(record, LETTER_CTX), LETTER_CTX, 1);
    assert.ok(!('ok' in composed));
    composed.letter.sections = composed.letter.sections.filter((s) => s.heading !== 'Why we reached this decision');
    const result = checkLetter(composed);
    assert.ok(!result.ok);
    assert.deepEqual(result.missing, [RESPONSE_CONTENT_NAMES.reasons]);
  });

  it('a letter with nobody to sign it is refused', () => {
    const result = composeLetter(stage1Case(), 'stage-1-response', { ...LETTER_CTX, directory: { people: [], estates: [] } });
    assert.ok(!result.ok);
    assert.ok(result.missing.includes('The officer signing the letter'), result.message);
  });

  it('a letter the case cannot support yet says why', () => {
    for (const [kind, pattern] of [
      ['stage-2-response', /no stage 2 response recorded/], ['extension', /no approved extension/],
      ['refusal-to-escalate', /no approved refusal/], ['behaviour-decision', /no decision on unacceptable behaviour/],
    ] as const) {
      const result = composeLetter(stage1Case(), kind, LETTER_CTX);
      assert.ok(!result.ok && result.code === 'LETTER.NOT_AVAILABLE', kind);
      assert.match(result.message, pattern);
    }
  });

  it('a remedy given a new date is quoted with the new date', () => {
    const record = stage1Case();
    record.events.push({ id: 'x1', type: 'action-redated', on: '2026-03-25', at: '2026-03-25T10:00:00Z', by: 'alex.morgan', actionId: 'a1', due: '2026-04-24', reason: 'Scaffold' });
    const letter = compose(record, 'stage-1-response');
    assert.ok(letter.sections.some((s) => s.list?.includes('Treat the mould and repair the gutter: by Fri 24 Apr 2026')));
  });

  it('the PDF takes any typed text: characters the standard font lacks are replaced, not fatal', async () => {
    const letter = compose(stage1Case(), 'stage-1-response');
    letter.recipient.name = 'Zoë Łukasiewicz 🙂';
    letter.sections[0]?.paragraphs.push('Repair → done — “quoted” £20 café', 'x'.repeat(300));
    const text = flat((await pdfText(await renderPdf(letter))).join('\n'));
    assert.ok(text.includes('Zoë Lukasiewicz ?'), text.slice(0, 400));
    assert.ok(text.includes('Repair -> done — “quoted” £20 café'), text);
  });

  it('a landlord\'s own template: its letterhead is kept and the fields are filled; a broken one is a clear error', () => {
    const zip = new PizZip(TEMPLATE);
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    zip.file('word/document.xml', xml.replace('<w:body>', '<w:body><w:p><w:r><w:t>Northgate Housing Association: registered provider L1234</w:t></w:r></w:p>'));
    const own = zip.generate({ type: 'nodebuffer' });
    const text = flat(docxText(renderDocx(compose(stage1Case(), 'stage-1-response'), own)));
    assert.ok(text.startsWith('Northgate Housing Association: registered provider L1234'));
    assert.ok(text.includes('We have upheld your complaint.'));

    zip.file('word/document.xml', xml.replace('{heading}', '{heading'));
    assert.throws(() => renderDocx(compose(stage1Case(), 'stage-1-response'), zip.generate({ type: 'nodebuffer' })), LetterTemplateError);
  });
});
