import { strict as assert } from 'node:assert';
import type { ActionScope } from '../../src/bot/actions/case-card-action';
import { CASE_ACTION_NAMES, CASE_CARD_ACTIONS } from '../../src/bot/actions/registry';
import { buttonsFor } from '../../src/bot/actions/run-case-action';
import type { BotDependencies } from '../../src/bot/bot-dependencies';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { caseDetailCard, type CaseCardContext } from '../../src/cards/case-cards';
import { reminderCard } from '../../src/cards/reminder-cards';
import { extensionDecisionCard, refusalDecisionCard, respondFormCard } from '../../src/cards/workflow-cards';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { composeLetter } from '../../src/documents/letters/compose-letter';
import { LETTER_KINDS, type Letter, type LetterKind } from '../../src/documents/letters/letter';
import type { LetterContext } from '../../src/documents/letters/letter-context';
import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseRecord } from '../../src/domain/case-record';
import { viewOf } from '../../src/domain/case-view';
import { decideEscalationRefusal } from '../../src/domain/commands/decide-escalation-refusal';
import { decideExtension } from '../../src/domain/commands/decide-extension';
import type { Policy } from '../../src/domain/policy';
import { findPreset } from '../../src/policies/preset-registry';
import { makeCase, respond } from '../reports/fixtures';

/**
 * Under the Scottish preset, nothing a resident or an officer reads names the Housing
 * Ombudsman: every letter the app drafts and every card it can render for a case names the
 * Scottish Public Services Ombudsman, with the details the SPSO publishes.
 */
const SPSO = findPreset('spso-model') as Policy;
const CALENDAR = calendarForPolicy(SPSO);
const LANDLORD = { name: 'Glenview Housing Association', addressLines: ['1 Example Street', 'Inverglen', 'IV1 2AB'], phone: '0300 000 0000', email: 'complaints@example.invalid' };
const LETTERS: LetterContext = { policy: SPSO, calendar: CALENDAR, directory: DEMO_DIRECTORY, landlord: LANDLORD, today: '2026-04-20' };
const CARDS: CaseCardContext = { policy: SPSO, calendar: CALENDAR, directory: DEMO_DIRECTORY, today: '2026-04-20' };

/** What the SPSO publishes, as a resident must be able to use it. */
const SPSO_DETAILS = ['Scottish Public Services Ombudsman', 'Bridgeside House, 99 McDonald Road, Edinburgh EH7 4NS', 'Freepost SPSO', 'Freephone 0800 377 7330', 'www.spso.org.uk'];

const received: CaseEvent[] = [{ type: 'received', on: '2026-03-02' }, { type: 'assigned', on: '2026-03-02', officerId: 'alex.morgan' }];
const STAGE_1 = { decision: 'We agree the repair was late.', reasons: 'The order was cancelled twice.', 'how-to-escalate': 'Ask us for stage 2 by phone, email or letter.' };
const stage1: CaseEvent[] = [...received, { ...respond('2026-03-06', 'upheld', 1, STAGE_1, SPSO), actions: [{ id: 'a1', kind: 'repair', description: 'Repair the gutter', due: '2026-04-10' }] } as CaseEvent];
const STAGE_2 = {
  'complaint-definition': 'The gutter repair promised at stage 1 was late.', decision: 'The repair was late.', reasons: 'The contractor did not finish.',
  remedy: 'A new contractor will replace the gutter.', apology: 'We are sorry for the delay.', 'ombudsman-details': 'This is our final decision.',
};
const stage2: CaseEvent[] = [
  ...stage1, { type: 'escalation-requested', on: '2026-03-20' }, { type: 'assigned', on: '2026-03-20', officerId: 'priya.shah' }, { type: 'acknowledged', on: '2026-03-23' },
  { ...respond('2026-04-14', 'partly-upheld', 2, STAGE_2, SPSO), by: 'priya.shah' } as CaseEvent,
];

const scottishCase = (reference: string, events: CaseEvent[]): CaseRecord => makeCase(reference, events, { category: 'repairs', policy: SPSO, name: 'Morag Baird' });

/** A case at the point each letter is written. */
const LETTER_CASES: Record<LetterKind, () => CaseRecord> = {
  acknowledgement: () => scottishCase('HC-2026-00201', received),
  extension: () => scottishCase('HC-2026-00202', [...received, { type: 'extended', on: '2026-03-05', workingDays: 5, reason: 'We are waiting for the roofer\'s report.' }]),
  'stage-1-response': () => scottishCase('HC-2026-00203', stage1),
  'stage-2-response': () => scottishCase('HC-2026-00204', stage2),
  'refusal-to-escalate': () => scottishCase('HC-2026-00205', [
    ...stage1, { type: 'escalation-refusal-proposed', on: '2026-03-09', why: 'The new matter is a first request for a service.' },
    { type: 'escalation-refused', on: '2026-03-10', by: 'priya.shah', why: 'Refusal approved by Priya Shah.' },
  ]),
  'behaviour-decision': () => scottishCase('HC-2026-00206', [
    ...received, { type: 'behaviour-proposed', on: '2026-03-03', why: 'Abusive calls.' },
    { type: 'behaviour-decided', on: '2026-03-04', by: 'priya.shah', decision: 'restrict', why: 'Abusive calls.', restrictions: 'Please write to us only.', reviewOn: '2026-06-04' },
  ]),
};

/** Every word on the letter, as the resident reads it. */
function letterText(letter: Letter): string {
  return [letter.heading, ...letter.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...(s.list ?? [])])].join('\n');
}

/** Every word on a card, as Teams shows it (the JSON's strings). */
const cardText = (card: object): string => JSON.stringify(card);

describe('under the SPSO model preset, letters and cards name the SPSO, never the Housing Ombudsman', () => {
  for (const kind of LETTER_KINDS) {
    it(`the ${kind} letter`, () => {
      const result = composeLetter(LETTER_CASES[kind](), kind, LETTERS);
      assert.ok(result.ok, result.ok ? '' : result.message);
      const text = letterText(result.letter);
      assert.doesNotMatch(text, /Housing Ombudsman/);
      // The letters that send the resident to the ombudsman give its details as it publishes them.
      if (['extension', 'stage-2-response', 'refusal-to-escalate'].includes(kind)) {
        for (const detail of SPSO_DETAILS) assert.ok(text.includes(detail), `${kind} lacks "${detail}":\n${text}`);
      }
    });
  }

  it('the final response says when the resident can go to the SPSO and its time limit, under the SPSO\'s name', () => {
    const result = composeLetter(LETTER_CASES['stage-2-response'](), 'stage-2-response', LETTERS);
    assert.ok(result.ok);
    const text = letterText(result.letter);
    assert.match(text, /^The Scottish Public Services Ombudsman$/m);
    assert.match(text, /you can ask the Scottish Public Services Ombudsman \(SPSO\) to look at it\. The SPSO cannot normally look at a complaint more than 12 months after you became aware of the problem/);
  });

  // A Scottish case that has been everywhere: the stage 2 response, the SPSO's reference,
  // its request for information and its decision, and an extension and refusal waiting.
  const atTheSpso = scottishCase('HC-2026-00207', [
    ...stage2, { type: 'ombudsman-referred', on: '2026-04-16', reference: 'SPSO-202601234' },
    { type: 'ombudsman-information-requested', on: '2026-04-17', requestId: 'r1', due: '2026-05-01' },
    { type: 'ombudsman-determined', on: '2026-04-20', findings: [{ finding: 'service-failure', about: 'the delay' }], orders: [{ id: 'o1', kind: 'apology', description: 'Apologise in writing', due: '2026-05-04' }] },
  ]);
  const waiting = scottishCase('HC-2026-00208', [
    ...received, { type: 'extension-requested', on: '2026-03-04', workingDays: 5, reason: 'Roofer' },
  ]);
  const atStage2 = scottishCase('HC-2026-00209', [...stage1, { type: 'escalation-requested', on: '2026-03-20' }, { type: 'assigned', on: '2026-03-20', officerId: 'priya.shah' }, { type: 'acknowledged', on: '2026-03-23' }]);
  const refusalProposed = scottishCase('HC-2026-00210', [...stage1, { type: 'escalation-refusal-proposed', on: '2026-03-09', why: 'A first request for a service.' }]);

  const ALEX = DEMO_DIRECTORY.people.find((p) => p.id === 'alex.morgan')!;
  const PRIYA = DEMO_DIRECTORY.people.find((p) => p.id === 'priya.shah')!;
  const scopeOf = (person: typeof ALEX): ActionScope => {
    const scope: ActionScope = {
      person, deps: {} as BotDependencies, cards: CARDS, commands: { ...CARDS },
      caseCard: (record, viewer, banner = '') => caseDetailCard(record, CARDS, buttonsFor(record, viewer, scope), banner),
    };
    return scope;
  };
  const blank = { values: {}, errors: {}, banner: '' };

  it('the case card at the SPSO stage heads it with the SPSO', () => {
    const text = cardText(caseDetailCard(atTheSpso, CARDS, [], '', true));
    assert.match(text, /"text":"The Scottish Public Services Ombudsman"/);
    assert.match(text, /SPSO-202601234/);
    assert.doesNotMatch(text, /Housing Ombudsman/);
  });

  it('the stage 2 response form offers the SPSO\'s details to tell the resident', () => {
    const text = cardText(respondFormCard(atStage2, CARDS, blank));
    assert.match(text, /How to go to the Scottish Public Services Ombudsman/);
    assert.match(text, /If you remain dissatisfied you can contact the Scottish Public Services Ombudsman \(SPSO\), Bridgeside House/);
    assert.doesNotMatch(text, /Housing Ombudsman/);
  });

  it('the manager\'s decision cards, and the history their decisions write', () => {
    for (const card of [refusalDecisionCard(refusalProposed, CARDS, ''), extensionDecisionCard(waiting, CARDS, '')]) {
      assert.doesNotMatch(cardText(card), /Housing Ombudsman/);
    }
    assert.match(cardText(refusalDecisionCard(refusalProposed, CARDS, '')), /told it with the Scottish Public Services Ombudsman's details/);
    const ctx = { ...CARDS };
    const extended = decideExtension.events({ record: waiting, view: viewOf(waiting, ctx) }, PRIYA, { approve: true, comment: '' }, ctx);
    const refused = decideEscalationRefusal.events({ record: refusalProposed, view: viewOf(refusalProposed, ctx) }, PRIYA, { approve: true, comment: '' }, ctx);
    for (const decided of [extended, refused]) {
      assert.ok(decided.ok);
      const why = decided.events.map((e) => e.why ?? '').join('\n');
      assert.match(why, /the Ombudsman's details \(Scottish Public Services Ombudsman \(SPSO\), Bridgeside House/);
      assert.doesNotMatch(why, /Housing Ombudsman/);
    }
  });

  it('the reminder to send the SPSO what it asked for', () => {
    const deadline = atTheSpso.deadlines.find((d) => d.kind === 'ombudsman-information')!;
    const text = cardText(reminderCard({ record: atTheSpso, deadline, today: '2026-04-29', calendar: CALENDAR, policy: SPSO }).card);
    assert.match(text, /Send the Scottish Public Services Ombudsman the information it asked for by Fri 1 May 2026/);
    assert.doesNotMatch(text, /Housing Ombudsman/);
  });

  it('every case action\'s form, for the handler and the manager', () => {
    for (const name of CASE_ACTION_NAMES) {
      const form = CASE_CARD_ACTIONS[name].form;
      if (!form) continue;
      for (const [record, person] of [[atTheSpso, ALEX], [atTheSpso, PRIYA], [waiting, PRIYA], [refusalProposed, PRIYA]] as const) {
        assert.doesNotMatch(cardText(form(record, scopeOf(person), blank)), /Housing Ombudsman/, `${name} for ${person.name} on ${record.reference}`);
      }
    }
  });
});
