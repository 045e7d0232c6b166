import { strict as assert } from 'node:assert';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { overdueCard, reminderCard } from '../../src/cards/reminder-cards';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { projectView } from '../../src/domain/case-projection';
import type { Deadline } from '../../src/domain/case-state';
import { deriveCase } from '../../src/domain/case-timeline';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import type { CaseRecord, StoredEvent } from '../../src/domain/case-record';
import { actionData, cardText } from '../support/bot-driver';
import { checkCard } from '../support/card-check';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';
import { details } from '../support/case-fixtures';

/** As every template is checked: parses and validates, all bound, schema 1.5. */
const check = (card: AdaptiveCardJson): void => checkCard(String(card.type), card);

const verbs = (card: AdaptiveCardJson) => ((card.actions ?? []) as Array<{ verb: string }>).map((a) => a.verb);

const policy = findPreset('hos-2024')!;
const calendar = calendarForPolicy(policy);
const ev = (e: object, i: number): StoredEvent => ({ id: `e${i}`, at: '2026-12-21T10:00:00.000Z', by: 'alex.morgan', ...e }) as StoredEvent;

function sampleCase(events: StoredEvent[]): CaseRecord {
  const derived = deriveCase(events, { policy, calendar });
  if (!derived.ok) throw new Error(derived.message);
  return {
    id: 'case-7', reference: 'HC-2026-00007', policyId: policy.id, version: '"etag-9"',
    details: details({ complainant: { complainantName: COMPLAINANT.complainantName, estate: COMPLAINANT.estate }, complaint: { category: COMPLAINT.category } }),
    events, estate: 'Riverside', category: 'repairs', serviceArea: 'housing-management', ...projectView(derived.view),
  };
}

const assigned = ev({ type: 'assigned', on: '2026-12-21', officerId: 'alex.morgan' }, 2);
const received = sampleCase([ev({ type: 'received', on: '2026-12-21' }, 1), assigned]);
const acknowledged = sampleCase([ev({ type: 'received', on: '2026-12-21' }, 1), assigned, ev({ type: 'acknowledged', on: '2026-12-22' }, 3)]);
const deadline = (r: CaseRecord, kind: Deadline['kind']) => r.deadlines.find((d) => d.kind === kind && d.metOn === null)!;
const alex = DEMO_DIRECTORY.people.find((p) => p.id === 'alex.morgan')!;

describe('reminders: the reminder and overdue cards', () => {
  it('reminds of an acknowledgement with Acknowledge and View case, carrying the case version', () => {
    const m = reminderCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-24', calendar, policy });
    check(m.card);
    assert.match(cardText(m.card), /HC-2026-00007: Stage 1 acknowledgement due in 2 working days[\s\S]*Robin Example, Riverside · Repairs and maintenance[\s\S]*Wed 30 Dec 2026[\s\S]*2 working days left/);
    assert.deepEqual(verbs(m.card), ['case.acknowledge', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.acknowledge'), { caseId: 'case-7', version: '"etag-9"', seen: 2 });
    assert.deepEqual(actionData(m.card, 'case.view'), { caseId: 'case-7' });
    assert.equal(m.summary, 'HC-2026-00007: Stage 1 acknowledgement due in 2 working days');
  });

  it('reminds of the review of the resident\'s adjustments with Review adjustments, on the card and in the mail, without saying what they are', () => {
    const withAdjustments = sampleCase([ev({ type: 'received', on: '2026-12-21' }, 1), assigned, ev({ type: 'adjustments-recorded', on: '2026-12-21', reviewOn: '2027-01-07' }, 3)]);
    const record = { ...withAdjustments, details: { ...withAdjustments.details, complainant: { ...withAdjustments.details.complainant, vulnerabilities: 'Hearing loss', adjustments: 'Write rather than phone' } } };
    const m = reminderCard({ record, deadline: deadline(record, 'adjustments-review'), today: '2027-01-06', calendar, policy });
    check(m.card);
    assert.match(cardText(m.card), /HC-2026-00007: Review of adjustments due in 1 working day[\s\S]*Review the resident's adjustments on HC-2026-00007 by Thu 7 Jan 2027/);
    assert.deepEqual(verbs(m.card), ['case.review-adjustments.form', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.review-adjustments.form'), { caseId: 'case-7', version: '"etag-9"', seen: 3 });
    assert.match(m.mail.text, /Review the resident's adjustments on HC-2026-00007 by Thu 7 Jan 2027/);
    for (const text of [JSON.stringify(m.card), m.mail.text, m.mail.subject, m.summary]) assert.doesNotMatch(text, /Hearing loss|Write rather than phone/);
    const o = overdueCard({ record, deadline: deadline(record, 'adjustments-review'), today: '2027-01-08', calendar, policy, officer: alex });
    check(o.card);
    assert.doesNotMatch(JSON.stringify(o.card) + o.mail.text, /Hearing loss|Write rather than phone/);
  });

  it('reminds of a response with Respond and Request extension', () => {
    const d = deadline(acknowledged, 'respond');
    const m = reminderCard({ record: acknowledged, deadline: d, today: d.due, calendar, policy });
    check(m.card);
    assert.match(cardText(m.card), /Stage 1 response due today/);
    assert.deepEqual(verbs(m.card), ['case.respond.form', 'case.extend.form', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.respond.form'), { caseId: 'case-7', version: '"etag-9"', seen: 3 });
    assert.deepEqual(actionData(m.card, 'case.extend.form'), { caseId: 'case-7', version: '"etag-9"', seen: 3 });
  });

  it('says how overdue, and that a reminder is late when its point passed days ago', () => {
    const m = reminderCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2027-01-05', calendar, policy, pointOn: '2026-12-31' });
    check(m.card);
    assert.match(cardText(m.card), /Stage 1 acknowledgement 3 working days overdue[\s\S]*This reminder was due on Thu 31 Dec 2026 and is sent late/);
    assert.match(m.mail.text, /3 working days overdue[\s\S]*Open the complaints bot in Microsoft Teams/);
    assert.doesNotMatch(cardText(reminderCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-24', calendar, policy, pointOn: '2026-12-24' }).card), /late/);
  });

  it('offers only View case for other deadlines', () => {
    const m = reminderCard({ record: received, deadline: { stage: 1, kind: 'draft', due: '2026-12-30', originalDue: '2026-12-30', metOn: null }, today: '2026-12-29', calendar, policy });
    check(m.card);
    assert.deepEqual(verbs(m.card), ['case.view']);
  });

  // After the response (issue 13): a closed case whose response promised two actions, then the Ombudsman stage.
  const followUps = sampleCase([
    ev({ type: 'received', on: '2026-12-18' }, 1), { ...assigned, on: '2026-12-18' }, ev({ type: 'acknowledged', on: '2026-12-22' }, 3),
    ev({
      type: 'responded', on: '2027-01-05', outcome: 'upheld', actions: [
        { id: 'a1', kind: 'repair', description: 'Replace the kitchen window', due: '2027-01-19', ownerId: 'sam.okafor' },
        { id: 'a2', kind: 'compensation', description: 'Pay for the damaged carpet and the delay', due: '2027-01-19', amountPence: 125050 },
      ],
    }, 4),
    ev({ type: 'closed', on: '2027-01-06' }, 5),
    ev({ type: 'ombudsman-referred', on: '2027-02-01', reference: 'HOS-202612345' }, 6),
    ev({ type: 'ombudsman-information-requested', on: '2027-02-02', requestId: 'r1', due: '2027-02-16' }, 7),
    ev({ type: 'ombudsman-determined', on: '2027-05-03', findings: [{ finding: 'service-failure' }], orders: [{ id: 'o1', kind: 'apology', description: 'Apologise in writing for the delay to the repair', due: '2027-05-31' }] }, 8),
  ]);
  const item = (id: string) => followUps.deadlines.find((d) => d.id === id)!;
  const seen = followUps.events.length;

  it('reminds of a promised action: what, its kind, the buttons Mark done (with the action) and View case, on a closed case', () => {
    const m = reminderCard({ record: followUps, deadline: item('a1'), today: '2027-01-15', calendar, policy });
    check(m.card);
    const text = cardText(m.card);
    assert.match(text, /HC-2026-00007: Action a1 due in 2 working days[\s\S]*What\s*Replace the kitchen window[\s\S]*Kind\s*repair or works[\s\S]*Promised\s*Stage 1 response, Tue 5 Jan 2027[\s\S]*Tue 19 Jan 2027[\s\S]*Case\s*closed/);
    assert.match(text, /Make sure this is done by Tue 19 Jan 2027, as the response promised\. Then press "Mark done" and give the evidence \(the works order and the date it was finished\)[\s\S]*The case is closed, but this still has to be done\./);
    assert.doesNotMatch(text, /Amount/);
    assert.deepEqual(verbs(m.card), ['case.action-done.form', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.action-done.form'), { caseId: 'case-7', version: '"etag-9"', seen, actionId: 'a1' });
    assert.equal(m.summary, 'HC-2026-00007: Action a1 due in 2 working days: Replace the kitchen window');
    assert.match(m.mail.text, /What: Replace the kitchen window[\s\S]*Mark done/);
  });

  it('reminds of compensation with the amount in pounds', () => {
    const m = reminderCard({ record: followUps, deadline: item('a2'), today: '2027-01-19', calendar, policy });
    check(m.card);
    assert.match(cardText(m.card), /Action a2 due today[\s\S]*Pay for the damaged carpet and the delay[\s\S]*Kind\s*compensation[\s\S]*Amount\s*£1,250\.50[\s\S]*Pay the resident the compensation of £1,250\.50 by Tue 19 Jan 2027/);
    assert.deepEqual(actionData(m.card, 'case.action-done.form'), { caseId: 'case-7', version: '"etag-9"', seen, actionId: 'a2' });
  });

  it('reminds of an Ombudsman order with Mark complied (with the order) and the Ombudsman\'s reference', () => {
    const m = reminderCard({ record: followUps, deadline: item('o1'), today: '2027-06-01', calendar, policy });
    check(m.card);
    const text = cardText(m.card);
    assert.match(text, /HC-2026-00007: Ombudsman order o1 1 working day overdue[\s\S]*What\s*Apologise in writing for the delay to the repair[\s\S]*Kind\s*apology[\s\S]*Ordered\s*Ombudsman's determination, Mon 3 May 2027[\s\S]*Ombudsman case\s*HOS-202612345/);
    assert.match(text, /Give the resident the apology by Mon 31 May 2027, as the Ombudsman ordered, and send the Ombudsman the evidence\. Then press "Mark complied" and give the evidence \(the letter and the date it was sent\)/);
    assert.deepEqual(verbs(m.card), ['case.order-complied.form', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.order-complied.form'), { caseId: 'case-7', version: '"etag-9"', seen, orderId: 'o1' });
  });

  it('reminds of the Ombudsman\'s request for information with Information sent (with the request)', () => {
    const m = reminderCard({ record: followUps, deadline: item('r1'), today: '2027-02-15', calendar, policy });
    check(m.card);
    assert.match(cardText(m.card), /Information for the Ombudsman \(r1\) due in 1 working day[\s\S]*Ombudsman case\s*HOS-202612345[\s\S]*Send the Housing Ombudsman the information it asked for by Tue 16 Feb 2027, then press "Information sent"/);
    assert.deepEqual(verbs(m.card), ['case.ombudsman-sent.form', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.ombudsman-sent.form'), { caseId: 'case-7', version: '"etag-9"', seen, requestId: 'r1' });
  });

  it('tells the owner\'s manager which action was missed, and that the owner is responsible', () => {
    const sam = DEMO_DIRECTORY.people.find((p) => p.id === 'sam.okafor')!;
    const m = overdueCard({ record: followUps, deadline: item('a1'), today: '2027-01-20', calendar, policy, officer: sam });
    check(m.card);
    assert.match(cardText(m.card), /Missed deadline: HC-2026-00007[\s\S]*The action a1 \(Replace the kitchen window\) for HC-2026-00007 was due Tue 19 Jan 2027 and has not been met \(1 working day overdue\)\. Sam Okafor \(EM\) is responsible\.[\s\S]*Promised\s*Stage 1 response[\s\S]*Check it gets done/);
    const order = overdueCard({ record: followUps, deadline: item('o1'), today: '2027-06-01', calendar, policy, officer: alex });
    check(order.card);
    assert.match(cardText(order.card), /The Ombudsman order o1 \(Apologise in writing for the delay to the repair\) for HC-2026-00007/);
    check(overdueCard({ record: followUps, deadline: item('r1'), today: '2027-02-17', calendar, policy, officer: null }).card);
  });

  it('tells the manager who is responsible and what was missed', () => {
    const m = overdueCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-31', calendar, policy, officer: alex });
    check(m.card);
    assert.match(cardText(m.card), /Missed deadline: HC-2026-00007[\s\S]*stage 1 acknowledgement for HC-2026-00007 was due Wed 30 Dec 2026 and has not been met \(1 working day overdue\)\. Alex Morgan \(AHM\) is responsible/);
    assert.deepEqual(verbs(m.card), ['case.view']);
    check(overdueCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-31', calendar, policy, officer: null }).card);
  });
});
