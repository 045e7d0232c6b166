import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseContext } from '../../src/cases/case-context';
import type { CalendarDate } from '../../src/domain/calendar-date';
import { projectView } from '../../src/domain/case-projection';
import type { NewCaseRecord } from '../../src/domain/case-record';
import { deriveCase } from '../../src/domain/case-timeline';
import type { Policy } from '../../src/domain/policy';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { generateDemoCases } from '../../src/reports/demo-cases';

/**
 * The demo data the paged-read tests store and read back (the report, the dashboard, the log,
 * the join offer): the same cases for the same policy, count, seed and day.
 */
export function demoCases(policy: Policy, count: number, seed: number, today: CalendarDate): NewCaseRecord[] {
  return [...generateDemoCases({ count, seed, today, policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY })];
}

/**
 * The demo cases with other ways to see them than the view's officers: every fifth logged by
 * Taylor Reed and every seventh (not fifth) by Alex Morgan, AHMs of the two teams (who logged a
 * case is one of the ways to see it); and every fourth (i % 4 === 1) with its remedies owned by
 * Chris Doyle, an AD who manages no officer, its view derived again so that the record stays
 * consistent. Who logged a case is set on the cases given.
 */
export function withOtherViewers(cases: NewCaseRecord[], policy: Policy): NewCaseRecord[] {
  return cases.map((c, i) => {
    if (i % 5 === 0) c.details.loggedBy = 'taylor.reed';
    else if (i % 7 === 0) c.details.loggedBy = 'alex.morgan';
    if (i % 4 !== 1) return c;
    const events = c.events.map((e) => (e.type === 'responded' && e.actions ? { ...e, actions: e.actions.map((a) => ({ ...a, ownerId: 'chris.doyle' })) } : e));
    const derived = deriveCase(events, { policy, calendar: calendarForPolicy(policy) });
    if (!derived.ok) throw new Error(derived.message);
    return { ...c, events, ...projectView(derived.view) };
  });
}

/** A case context for reading (noon on `today`, over the demo directory): nothing is written, so no id is made. */
export function testCaseContext(policy: Policy, today: CalendarDate): CaseContext {
  return { policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY, now: () => new Date(`${today}T12:00:00Z`), newId: () => 'unused' };
}
