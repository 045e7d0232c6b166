import assert from 'node:assert/strict';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { addCalendarDays, type CalendarDate } from '../../src/domain/calendar-date';
import { CASE_EVENT_TYPES, type CaseEvent } from '../../src/domain/case-events';
import type { CaseView } from '../../src/domain/case-state';
import { applyEvent, deriveCase } from '../../src/domain/case-timeline';
import { viewOf } from '../../src/domain/case-view';
import type { CaseRecord } from '../../src/domain/case-record';
import { continueCase, deriveStoredCase, snapshotOf, timelineKey } from '../../src/domain/view-snapshot';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { Policy } from '../../src/domain/policy';
import type { WorkingDayCalendar } from '../../src/domain/working-days';
import { findPreset, listPresets } from '../../src/policies/preset-registry';
import { generateDemoCases, seededRandom } from '../../src/reports/demo-cases';


const contexts = new Map<string, { policy: Policy; calendar: WorkingDayCalendar }>();
/** One context per preset, as the app builds one at start-up. */
function contextOf(policyId: string): { policy: Policy; calendar: WorkingDayCalendar } {
  let ctx = contexts.get(policyId);
  if (!ctx) {
    const policy = findPreset(policyId);
    if (!policy) throw new Error(`no preset ${policyId}`);
    ctx = { policy, calendar: calendarForPolicy(policy) };
    contexts.set(policyId, ctx);
  }
  return ctx;
}

/** A few invented cases `complaints demo` makes, under every preset: whole histories. */
function* demoCases(): Generator<{ policyId: string; events: CaseEvent[] }> {
  for (const { id: policyId } of listPresets()) {
    const ctx = contextOf(policyId);
    for (const c of generateDemoCases({ count: 30, seed: 42, today: '2026-11-20', policy: ctx.policy, calendar: ctx.calendar, directory: DEMO_DIRECTORY })) {
      yield { policyId, events: c.events };
    }
  }
}

/** Events that might come next in a case that has reached `view`, on `on`: the timeline decides which it takes. */
function candidates(view: CaseView, on: CalendarDate): CaseEvent[] {
  const e = (event: { type: CaseEvent['type'] } & Record<string, unknown>): CaseEvent => ({ why: 'The reason, recorded', ...event, on, by: 'alex.morgan' }) as unknown as CaseEvent;
  return [
    e({ type: 'note' }),
    e({ type: 'correspondence-attached', fileId: 'f1', fileName: 'letter.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), direction: 'from-resident', dated: on, description: 'A letter' }),
    e({ type: 'evidence-pack-made', format: 'pdf', parts: 3 }),
    e({ type: 'subject-access-made', format: 'json', cases: 2 }), e({ type: 'complainant-erased', request: 'DSR-1' }),
    e({ type: 'matter-added', intakeId: 'i1', receivedOn: on, channel: 'phone' }), e({ type: 'split-off', newCaseId: 'c2', raisedOn: on }),
    e({ type: 'split-from', fromCaseId: 'c1', fromReference: 'HC-2026-00001' }),
    e({ type: 'draft-issued' }), e({ type: 'comments-received' }),
    e({ type: 'extension-requested', workingDays: 5, reason: 'Waiting for a survey', complainantAgreed: true }),
    e({ type: 'extension-rejected' }),
    e({ type: 'behaviour-proposed' }), e({ type: 'behaviour-decided', decision: 'no-action' }), e({ type: 'behaviour-decided', decision: 'restrict', restrictions: 'Contact by letter only' }),
    e({ type: 'escalation-refusal-proposed' }), e({ type: 'escalation-refused' }), e({ type: 'escalation-refusal-rejected' }),
    e({ type: 'paused', reason: 'Legal advice', complainantConsented: true }), e({ type: 'resumed' }),
    e({ type: 'escalation-requested' }),
    e({ type: 'ombudsman-referred', reference: 'HO-202612345' }),
    e({ type: 'ombudsman-determined', findings: [{ finding: 'service-failure' }], orders: [{ id: 'o1', kind: 'apology', description: 'Apologise in writing', due: addCalendarDays(on, 28) }] }),
    ...Object.keys(view.items).map((orderId) => e({ type: 'ombudsman-order-complied', orderId, evidence: 'Letter sent' })),
    ...Object.keys(view.items).map((actionId) => e({ type: 'action-redated', actionId, due: addCalendarDays(on, 20), reason: 'The contractor is away' })),
    ...view.toTell.map((t) => e({ type: 'resident-told', about: t.about, method: 'phone' })),
    e({ type: 'adjustments-recorded', reviewOn: addCalendarDays(on, 14) }),
    e({ type: 'adjustments-reviewed', outcome: 'still-needed', nextReviewOn: addCalendarDays(on, 14) }),
    e({ type: 'adjustments-reviewed', outcome: 'changed', adjustments: 'Large print letters', nextReviewOn: addCalendarDays(on, 30) }),
    e({ type: 'adjustments-reviewed', outcome: 'no-longer-needed', nextReviewOn: null }),
  ];
}

/**
 * The fixture cases, and each of them cut short at a random point and carried on by a random
 * walk through the events above that the timeline accepts there: the demo cases alone never
 * note, attach, redate or propose anything.
 */
function* fixtures(): Generator<{ policyId: string; events: CaseEvent[] }> {
  const rnd = seededRandom(17);
  for (const fixture of demoCases()) {
    yield fixture;
    const ctx = contextOf(fixture.policyId);
    const cut = 1 + Math.floor(rnd() * fixture.events.length);
    const events = fixture.events.slice(0, cut);
    const start = deriveCase(events, ctx);
    if (!start.ok) continue;
    let view = start.view;
    for (let step = 0; step < 15; step++) {
      const on = addCalendarDays(view.lastEventOn, Math.floor(rnd() * 3));
      const options = candidates(view, on).map((c) => ({ c, r: rnd() })).sort((a, b) => a.r - b.r).map((x) => x.c);
      const next = options.find((c) => applyEvent(view, c, ctx).ok);
      if (!next) break;
      const applied = applyEvent(view, next, ctx);
      if (!applied.ok) break;
      events.push(next);
      view = applied.view;
    }
    yield { policyId: fixture.policyId, events };
  }
}

describe('view snapshots', () => {
  it('give the same view as a full replay from every point of every fixture case, for every type of event', () => {
    const seen = new Set<string>();
    let cases = 0;
    for (const { policyId, events } of fixtures()) {
      const ctx = contextOf(policyId);
      const full = deriveCase(events, ctx);
      assert.ok(full.ok, `a fixture case does not replay: ${full.ok ? '' : full.message}`);
      cases++;
      for (const e of events) seen.add(e.type);
      // The view after each prefix, by replaying it (deriveCase is this fold, event by event).
      const prefixes: CaseView[] = [];
      for (const e of events) {
        const step = applyEvent(prefixes.at(-1) ?? null, e, ctx);
        assert.ok(step.ok);
        prefixes.push(step.view);
      }
      assert.deepEqual(prefixes.at(-1), full.view);
      for (let k = 1; k <= events.length; k++) {
        const prefix = { view: prefixes[k - 1] as CaseView };
        // Stored and read back as JSON, as the stores keep it.
        const snapshot = JSON.parse(JSON.stringify(snapshotOf(prefix.view, events.slice(0, k), ctx))) as ReturnType<typeof snapshotOf>;
        const stored = { events, snapshot };
        assert.deepEqual(deriveStoredCase(stored, ctx), full, `${policyId}, snapshot after ${k} of ${events.length} events`);
        assert.deepEqual(continueCase(prefix.view, events.slice(k), ctx, k), full);
      }
    }
    assert.ok(cases >= 150, `${cases} cases`);
    assert.deepEqual(CASE_EVENT_TYPES.filter((t) => !seen.has(t)), [], 'event types no fixture reached');
  });

  it('is not used under another policy, another calendar or for more events than the case has', () => {
    const hos = contextOf('hos-2024');
    const [first] = generateDemoCases({ count: 1, seed: 3, today: '2026-11-20', policy: hos.policy, calendar: hos.calendar, directory: DEMO_DIRECTORY });
    assert.ok(first);
    const truth = deriveCase(first.events, hos);
    assert.ok(truth.ok);
    // A snapshot whose view is plainly wrong shows whether it was used.
    const wrong = { ...truth.view, stage: 99 };
    const edited = { ...hos, policy: { ...hos.policy, name: `${hos.policy.name} (edited)` } };
    const closure = { ...hos, calendar: calendarForPolicy({ ...hos.policy, closureDays: [...hos.policy.closureDays, '2026-12-24'] }) };
    assert.notEqual(timelineKey(edited, first.events), timelineKey(hos, first.events));
    assert.notEqual(timelineKey(closure, first.events), timelineKey(hos, first.events));
    assert.equal(timelineKey(contextOf('hos-2024'), first.events), timelineKey({ policy: hos.policy, calendar: calendarForPolicy(hos.policy) }, first.events), 'the same rules give the same key');
    for (const ctx of [edited, closure]) {
      const stored = { events: first.events, snapshot: snapshotOf(wrong, first.events, hos) };
      const derived = deriveStoredCase(stored, ctx);
      assert.ok(derived.ok);
      assert.notEqual(derived.view.stage, 99, 'a snapshot made under other rules was trusted');
    }
    const tooMany = deriveStoredCase({ events: first.events, snapshot: { ...snapshotOf(wrong, first.events, hos), events: first.events.length + 1 } }, hos);
    assert.deepEqual(tooMany, truth);
    // Under its own rules it is used: that is the point of it.
    const own = deriveStoredCase({ events: first.events, snapshot: snapshotOf(wrong, first.events, hos) }, hos);
    assert.ok(own.ok && own.view.stage === 99);
  });

  it('is what viewOf reads a stored case by, with the events after it replayed', () => {
    const hos = contextOf('hos-2024');
    const [first] = generateDemoCases({ count: 1, seed: 5, today: '2026-11-20', policy: hos.policy, calendar: hos.calendar, directory: DEMO_DIRECTORY });
    assert.ok(first);
    const truth = deriveCase(first.events, hos);
    assert.ok(truth.ok);
    const prefix = deriveCase(first.events.slice(0, 1), hos);
    assert.ok(prefix.ok);
    const record = { ...first, id: 'c1', reference: 'HC-2026-00001', version: 'v1', snapshot: snapshotOf(prefix.view, first.events.slice(0, 1), hos) } as CaseRecord;
    assert.deepEqual(viewOf(record, hos), truth.view);
  });
});
