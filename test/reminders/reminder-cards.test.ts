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
    const m = reminderCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-24', calendar });
    check(m.card);
    assert.match(cardText(m.card), /HC-2026-00007: Stage 1 acknowledgement due in 2 working days[\s\S]*Robin Example, Riverside · Repairs and maintenance[\s\S]*Wed 30 Dec 2026[\s\S]*2 working days left/);
    assert.deepEqual(verbs(m.card), ['case.acknowledge', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.acknowledge'), { caseId: 'case-7', version: '"etag-9"', seen: 2 });
    assert.deepEqual(actionData(m.card, 'case.view'), { caseId: 'case-7' });
    assert.equal(m.summary, 'HC-2026-00007: Stage 1 acknowledgement due in 2 working days');
  });

  it('reminds of a response with Respond and Request extension', () => {
    const d = deadline(acknowledged, 'respond');
    const m = reminderCard({ record: acknowledged, deadline: d, today: d.due, calendar });
    check(m.card);
    assert.match(cardText(m.card), /Stage 1 response due today/);
    assert.deepEqual(verbs(m.card), ['case.respond.form', 'case.extend.form', 'case.view']);
    assert.deepEqual(actionData(m.card, 'case.respond.form'), { caseId: 'case-7', version: '"etag-9"', seen: 3 });
    assert.deepEqual(actionData(m.card, 'case.extend.form'), { caseId: 'case-7', version: '"etag-9"', seen: 3 });
  });

  it('says how overdue, and that a reminder is late when its point passed days ago', () => {
    const m = reminderCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2027-01-05', calendar, pointOn: '2026-12-31' });
    check(m.card);
    assert.match(cardText(m.card), /Stage 1 acknowledgement 3 working days overdue[\s\S]*This reminder was due on Thu 31 Dec 2026 and is sent late/);
    assert.match(m.mail.text, /3 working days overdue[\s\S]*Open the complaints bot in Microsoft Teams/);
    assert.doesNotMatch(cardText(reminderCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-24', calendar, pointOn: '2026-12-24' }).card), /late/);
  });

  it('offers only View case for other deadlines', () => {
    const m = reminderCard({ record: received, deadline: { stage: 1, kind: 'draft', due: '2026-12-30', originalDue: '2026-12-30', metOn: null }, today: '2026-12-29', calendar });
    check(m.card);
    assert.deepEqual(verbs(m.card), ['case.view']);
  });

  it('tells the manager who is responsible and what was missed', () => {
    const m = overdueCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-31', calendar, officer: alex });
    check(m.card);
    assert.match(cardText(m.card), /Missed deadline: HC-2026-00007[\s\S]*stage 1 acknowledgement for HC-2026-00007 was due Wed 30 Dec 2026 and has not been met \(1 working day overdue\)\. Alex Morgan \(AHM\) is responsible/);
    assert.deepEqual(verbs(m.card), ['case.view']);
    check(overdueCard({ record: received, deadline: deadline(received, 'acknowledge'), today: '2026-12-31', calendar, officer: null }).card);
  });
});
