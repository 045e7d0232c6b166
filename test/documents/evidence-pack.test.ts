import { strict as assert } from 'node:assert';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { evidencePack, PACK_SECTIONS, type PackFile } from '../../src/documents/evidence/evidence-pack';
import { eventWords } from '../../src/documents/evidence/pack-words';
import { HOS } from '../reports/fixtures';
import { documentText, letterPdf, PACK_CTX, packCase, photoPng } from './evidence-fixtures';

describe('the evidence pack: what it says, section by section', () => {
  let record: ReturnType<typeof packCase>;
  let files: PackFile[];
  before(async () => {
    const pdf = { fileId: '11111111-1111-4111-8111-111111111111', bytes: await letterPdf('Damp survey: rising damp in the rear wall.') };
    const photo = { fileId: '22222222-2222-4222-8222-222222222222', bytes: photoPng() };
    record = packCase({ pdf, photo });
    const attached = record.events.filter((e): e is PackFile['event'] => e.type === 'correspondence-attached');
    files = attached.map((event) => ({ event, check: event.fileName === 'damp-survey.pdf' ? 'changed' : 'matches' }));
  });

  it('has every section, in the order a caseworker reads it, each a level-2 heading', () => {
    const doc = evidencePack(record, PACK_CTX, files);
    assert.deepEqual(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text), [...PACK_SECTIONS]);
    assert.equal(doc.title, 'Complaint file HC-2026-00420');
    assert.match(doc.subtitle.join('\n'), /Riverside Homes: the complaint file for the Housing Ombudsman\nMade Thu 1 Oct 2026 at 10:30 by Morgan Lee \(PIM\)/);
  });

  it('the cover: resident, property, category, policy, stages, outcomes and the Ombudsman\'s reference', () => {
    const text = documentText(evidencePack(record, PACK_CTX, files));
    for (const fact of ['Imogen Threlkeld', 'Riverside estate', 'Damp and mould', `${HOS.name} (hos-2024)`, 'stage 1, stage 2', 'stage 1: upheld (Fri 27 Mar 2026)', 'stage 2: not upheld (Mon 11 May 2026)', '202612345 (referred Mon 1 Jun 2026)']) {
      assert.ok(text.includes(fact), `the cover says ${fact}`);
    }
  });

  it('the timeline has every event, with who, when and why', () => {
    const doc = evidencePack(record, PACK_CTX, files);
    const timeline = doc.blocks.find((b) => b.kind === 'table' && b.head[3] === 'What');
    assert.ok(timeline?.kind === 'table');
    assert.equal(timeline.rows.length, record.events.length);
    for (const [i, e] of record.events.entries()) {
      const row: string[] = (timeline.rows[i] ?? []).map((c) => c.lines.join(' '));
      assert.equal(row[3], eventWords(e, DEMO_DIRECTORY));
      assert.equal(row[4], e.why ?? '');
    }
    const text = documentText(doc);
    for (const words of ['Deadline extended by 5 working days (approved). Reason: Waiting for the damp survey booked for 20 March', 'Paused. Reason: The resident is in hospital; the complainant consented', 'Priya Shah (AD)', 'Morgan Lee (PIM)', 'Approved: the survey is needed']) {
      assert.ok(text.includes(words), words);
    }
  });

  it('every deadline with its due date, when it was met and working days early or late; the extension and pause with their reasons', () => {
    const doc = evidencePack(record, PACK_CTX, files);
    const table = doc.blocks.find((b) => b.kind === 'table' && b.head.includes('Early or late'));
    assert.ok(table?.kind === 'table');
    const rows = table.rows.map((r) => r.map((c) => c.lines.join(' ')).join(' | '));
    // Acknowledged 3 March, 2 March received: due within 5 working days, Mon 9 March; met 4 working days early.
    assert.ok(rows.includes('Stage 1 acknowledgement | Mon 9 Mar 2026 | Mon 9 Mar 2026 | Tue 3 Mar 2026 | 4 working days early'), rows.join('\n'));
    // Response: 10 working days from 3 March is 17 March; +5 extension is 24 March; paused 11-16 March (3 working days) is 27 March; met that day.
    assert.ok(rows.includes('Stage 1 response | Tue 17 Mar 2026 | Fri 27 Mar 2026 | Fri 27 Mar 2026 | on the day'), rows.join('\n'));
    const text = documentText(doc);
    assert.ok(text.includes('Extension requested: 5 working days. Reason: Waiting for the damp survey booked for 20 March'));
    assert.ok(text.includes('Resumed'));
  });

  it('vulnerabilities, the correspondence log with each file\'s check, the responses\' contents, and remedies and orders with their evidence', () => {
    const text = documentText(evidencePack(record, PACK_CTX, files));
    for (const words of [
      'Vulnerabilities', 'No review of them is recorded on the case.',
      'mould-bedroom.png (', 'Photo of mould above the bedroom window', 'file attached, unchanged',
      'damp-survey.pdf (', 'CHANGED since it was attached: its SHA-256 does not match the one recorded then',
      'Phoned the resident to explain the survey findings',
      'Stage 1 response, Fri 27 Mar 2026: upheld', 'The gutter leak was reported twice and not fixed.',
      'Stage 2 response, Mon 11 May 2026: not upheld', 'The mould came back because of a new leak, now repaired.',
      'a1: Repair the gutter and treat the mould (repair or works), due Fri 17 Apr 2026', 'done Wed 15 Apr 2026', 'Contractor job sheet 4471 signed off',
      'o1: Pay the resident for the delay (compensation, £300.00), due Tue 15 Sept 2026', 'BACS payment 88812 on 10 September',
      'maladministration (complaint handling)',
      'Warning: 1 file does not match what was attached: damp-survey.pdf (changed).',
    ]) assert.ok(text.includes(words), `the pack says: ${words}`);
  });
});
