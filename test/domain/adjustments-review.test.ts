import { strict as assert } from 'node:assert';
import { projectView } from '../../src/domain/case-projection';
import type { CaseEvent } from '../../src/domain/case-events';
import { isRunningDeadline, isTerminal, type CaseView } from '../../src/domain/case-state';
import { deriveCase } from '../../src/domain/case-timeline';
import { CASE_COMMANDS } from '../../src/domain/commands/case-commands';
import { decide, type CaseFile, type CommandContext } from '../../src/domain/commands/command';
import { logComplaint } from '../../src/domain/commands/log-complaint';
import type { ReviewAdjustmentsInput } from '../../src/domain/commands/review-adjustments';
import { ACKNOWLEDGED, contextFor, fileOf, person, RECEIVED, RESPONDED } from './commands/command-fixtures';
import { details } from '../support/case-fixtures';

// Seed 003: reasonable adjustments and disabilities disclosed are recorded "and kept under review".
const ALEX = person('alex.morgan'); // the handler
const MORGAN = person('morgan.lee'); // the PIM: acts on every case
const SAM = person('sam.okafor'); // sees nothing of this case

/** Recorded at intake on Mon 21 Dec 2026: the review is due 10 working days later (25, 28 Dec and 1 Jan are bank holidays). */
const RECORDED: CaseEvent = { type: 'adjustments-recorded', on: '2026-12-21', reviewOn: '2027-01-07' };
const withAdjustments = (events: CaseEvent[]): CaseEvent[] => [...events.slice(0, 2), RECORDED, ...events.slice(2)];

const reviewsOf = (view: CaseView) => view.deadlines.filter((d) => d.kind === 'adjustments-review');
const running = (view: CaseView) => reviewsOf(view).filter((d) => isRunningDeadline(d, !isTerminal(view.state)));
const review = (file: CaseFile, ctx: CommandContext, input: Partial<ReviewAdjustmentsInput>, who = ALEX) => decide(CASE_COMMANDS['review-adjustments'], file, who, {
  on: ctx.today, outcome: 'still-needed', adjustments: '', nextReviewOn: null, why: 'Rang the resident', ...input,
}, ctx);
const after = (file: CaseFile, ctx: CommandContext, events: CaseEvent[]): CaseFile => fileOf(ctx, [...file.record.events, ...events]);

describe('adjustments kept under review', () => {
  const ctx = contextFor('hos-2024', '2027-01-06');

  it('intake gives a complaint with vulnerabilities or adjustments a review date from the policy: 10 working days after it was received', () => {
    assert.equal(ctx.policy.adjustmentsReviewWorkingDays, 10);
    const complaint = { ...details().complaint, receivedOn: '2026-12-21', issueOccurredOn: '2026-12-01' };
    const logged = logComplaint({
      intakeId: 'i1', loggedBy: ALEX, complaint,
      complainant: details({ complainant: { estate: 'Riverside', vulnerabilities: 'Hearing loss', adjustments: 'Write rather than phone' } }).complainant,
    }, ctx);
    assert.ok(logged.ok);
    assert.deepEqual(logged.events.map((e) => e.type), ['received', 'assigned', 'adjustments-recorded']);
    assert.deepEqual(running(logged.view).map((d) => [d.kind, d.due]), [['adjustments-review', '2027-01-07']]);
    assert.deepEqual(logged.view.adjustments, { text: null, needed: true, reviewOn: '2027-01-07', lastReview: null });
    // The complaint's own next date is the acknowledgement's; the review is the officer's, reminded apart.
    assert.equal(projectView(logged.view).nextDueOn, logged.view.deadlines.find((d) => d.kind === 'acknowledge')?.due);

    const longer = { ...ctx, policy: { ...ctx.policy, adjustmentsReviewWorkingDays: 20 } };
    const later = logComplaint({ intakeId: 'i2', loggedBy: ALEX, complaint, complainant: details({ complainant: { estate: 'Riverside', vulnerabilities: 'Hearing loss' } }).complainant }, longer);
    assert.ok(later.ok);
    assert.equal(later.view.adjustments?.reviewOn, '2027-01-21', 'a landlord\'s own interval');

    const none = logComplaint({ intakeId: 'i3', loggedBy: ALEX, complaint, complainant: details({ complainant: { estate: 'Riverside' } }).complainant }, ctx);
    assert.ok(none.ok);
    assert.deepEqual(none.events.map((e) => e.type), ['received', 'assigned']);
    assert.equal(none.view.adjustments, null);
    assert.deepEqual(reviewsOf(none.view), []);
  });

  it('a review moves the date: the running review is met and the next one starts; changed words replace intake\'s', () => {
    const file = fileOf(ctx, withAdjustments(ACKNOWLEDGED));
    const still = review(file, ctx, { nextReviewOn: '2027-01-20' });
    assert.ok(still.ok, still.ok ? '' : still.message);
    const reviewed = after(file, ctx, still.events);
    assert.deepEqual(reviewsOf(reviewed.view).map((d) => [d.due, d.metOn]), [['2027-01-07', '2027-01-06'], ['2027-01-20', null]]);
    assert.deepEqual(reviewed.view.adjustments, {
      text: null, needed: true, reviewOn: '2027-01-20', lastReview: { on: '2027-01-06', by: 'alex.morgan', outcome: 'still-needed', why: 'Rang the resident' },
    });

    const changed = review(reviewed, ctx, { outcome: 'changed', adjustments: 'Large print letters, and calls in the morning', nextReviewOn: '2027-02-03' }, MORGAN);
    assert.ok(changed.ok);
    const now = after(reviewed, ctx, changed.events.map((e) => ({ ...e, by: MORGAN.id })));
    assert.equal(now.view.adjustments?.text, 'Large print letters, and calls in the morning');
    assert.equal(now.view.adjustments?.lastReview?.by, 'morgan.lee');
    assert.deepEqual(running(now.view).map((d) => d.due), ['2027-02-03']);

    const ended = review(now, ctx, { outcome: 'no-longer-needed', nextReviewOn: '2027-02-10', why: 'The resident has recovered' });
    assert.ok(ended.ok);
    assert.equal(ended.events[0]?.type === 'adjustments-reviewed' && ended.events[0].nextReviewOn, null, 'no next review once no longer needed');
    const done = after(now, ctx, ended.events);
    assert.deepEqual(running(done.view), []);
    assert.equal(done.view.adjustments?.needed, false);
    assert.equal(CASE_COMMANDS['review-adjustments'].allowed(done, ALEX, ctx), null, 'a later review may restore them');
  });

  it('a review says why, gives the new words when changed, and sets the next review after it and within a year', () => {
    const file = fileOf(ctx, withAdjustments(ACKNOWLEDGED));
    const refused = (input: Partial<ReviewAdjustmentsInput>) => {
      const r = review(file, ctx, input);
      assert.ok(!r.ok, 'refused');
      return [r.code, r.field];
    };
    assert.deepEqual(refused({ nextReviewOn: '2027-01-20', why: ' ' }), ['CASE.REASON_REQUIRED', 'why']);
    assert.deepEqual(refused({ outcome: 'changed', adjustments: '', nextReviewOn: '2027-01-20' }), ['CASE.INVALID_INPUT', 'adjustments']);
    assert.deepEqual(refused({ nextReviewOn: null }), ['CASE.INVALID_DATE', 'nextReviewOn']);
    assert.deepEqual(refused({ nextReviewOn: '2027-01-06' }), ['CASE.INVALID_DATE', 'nextReviewOn']);
    assert.deepEqual(refused({ nextReviewOn: '2028-01-07' }), ['CASE.INVALID_DATE', 'nextReviewOn']);
  });

  it('only those who act on the case review them, and only on a case with something recorded', () => {
    const file = fileOf(ctx, withAdjustments(ACKNOWLEDGED));
    assert.equal(CASE_COMMANDS['review-adjustments'].allowed(file, ALEX, ctx), null);
    assert.equal(CASE_COMMANDS['review-adjustments'].allowed(file, MORGAN, ctx), null);
    assert.match(CASE_COMMANDS['review-adjustments'].allowed(file, SAM, ctx)?.message ?? '', /Only the people who act on this case/);
    assert.match(CASE_COMMANDS['review-adjustments'].allowed(fileOf(ctx, ACKNOWLEDGED), ALEX, ctx)?.message ?? '', /No vulnerabilities or adjustments are recorded/);
  });

  it('a case logged before reviews existed, with adjustments in its intake details, gets its first review date from its first review', () => {
    const plain = fileOf(ctx, ACKNOWLEDGED);
    const old: CaseFile = { ...plain, record: { ...plain.record, details: details({ complainant: { estate: 'Riverside', adjustments: 'Large print' } }) } };
    assert.equal(old.view.adjustments, null);
    assert.equal(CASE_COMMANDS['review-adjustments'].allowed(old, ALEX, ctx), null);
    const first = review(old, ctx, { nextReviewOn: '2027-01-20' });
    assert.ok(first.ok);
    const derived = deriveCase([...old.record.events, ...first.events.map((e) => ({ ...e, by: ALEX.id }))], ctx);
    assert.ok(derived.ok);
    assert.deepEqual(running(derived.view).map((d) => d.due), ['2027-01-20']);
    assert.equal(derived.view.adjustments?.text, null, 'the words are still intake\'s');
  });

  it('a pause does not move the review, and it can be done while paused', () => {
    const paused = fileOf(ctx, [...withAdjustments(ACKNOWLEDGED), { type: 'paused', on: '2026-12-23', reason: 'Mediation', complainantConsented: true }]);
    assert.equal(CASE_COMMANDS['review-adjustments'].allowed(paused, ALEX, ctx), null);
    const resumed = after(paused, ctx, [{ type: 'resumed', on: '2027-01-06' }]);
    assert.deepEqual(running(resumed.view).map((d) => d.due), ['2027-01-07'], 'the review keeps its date');
    assert.notEqual(resumed.view.deadlines.find((d) => d.kind === 'respond')?.due, paused.view.deadlines.find((d) => d.kind === 'respond')?.due, 'the response moved');
  });

  it('a closed or withdrawn case has no review running and offers none: the tenancy record carries the duty on', () => {
    const closed = fileOf(ctx, [...withAdjustments(RESPONDED), { type: 'closed', on: '2027-01-06' }]);
    assert.equal(reviewsOf(closed.view).length, 1);
    assert.deepEqual(running(closed.view), []);
    assert.match(CASE_COMMANDS['review-adjustments'].allowed(closed, ALEX, ctx)?.message ?? '', /closed/);
    const withdrawn = fileOf(ctx, [...withAdjustments(RECEIVED), { type: 'withdrawn', on: '2027-01-06', why: 'Email of 6 Jan' }]);
    assert.deepEqual(running(withdrawn.view), []);
    const replayed = deriveCase([...closed.record.events, { type: 'adjustments-reviewed', on: '2027-01-06', outcome: 'still-needed', nextReviewOn: '2027-01-20', why: 'x' }], ctx);
    assert.ok(!replayed.ok && replayed.code === 'CASE.CLOSED');
  });
});
