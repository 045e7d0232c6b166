import { randomUUID } from 'node:crypto';
import type { CaseContext } from '../cases/case-context';
import { planNewCase } from '../cases/plan-new-case';
import { addCalendarDays, londonDateOf, type CalendarDate } from '../domain/calendar-date';
import { findByAadObjectId } from '../domain/directory';
import type { CaseStore } from '../store/case-store.port';

/**
 * `npm run dev` only: into an empty store, one invented complaint handled by Alex Morgan (the
 * Agents Playground's user), received so that its first deadline is the next working day. The
 * first reminder sweep after the chat opens then sends Alex a reminder card, so the reminders
 * can be seen without waiting for a real deadline.
 */
export const PLAYGROUND_USER_AAD_ID = '00000000-0000-4000-8000-000000000001';

export type DemoSeed = { seeded: true; reference: string; due: CalendarDate } | { seeded: false; why: string };

export async function seedDemoReminderCase(cases: CaseStore, ctx: CaseContext): Promise<DemoSeed> {
  if (await cases.countCases() > 0) return { seeded: false, why: 'the store already has cases' };
  return createDemoReminderCase(cases, ctx);
}

/**
 * The reminder case itself, whatever the store holds: `npm run dev`'s demo story (src/dev/demo-story.ts)
 * adds it last, after the story's older cases, having checked the store was empty first.
 */
export async function createDemoReminderCase(cases: CaseStore, ctx: CaseContext): Promise<DemoSeed> {
  const alex = findByAadObjectId(ctx.directory, PLAYGROUND_USER_AAD_ID);
  if (!alex) return { seeded: false, why: 'the directory has no Alex Morgan (the playground user)' };
  const today = londonDateOf(ctx.now());
  const target = ctx.calendar.addWorkingDays(today, 1);

  // Walk the receipt date back until the policy's first deadline lands on `target`.
  for (let back = 0; back <= 60; back++) {
    const receivedOn = addCalendarDays(today, -back);
    const planned = planNewCase({
      intakeId: `demo-${randomUUID()}`,
      loggedBy: alex,
      complainant: {
        complainantName: 'Jordan Example', contactEmail: 'jordan@example.net', contactPhone: '', preferredContact: 'email',
        address: 'Flat 9, 2 Invented Walk', estate: 'Riverside', hasRepresentative: false, representativeName: '', representativeConsent: false,
        vulnerabilities: '', adjustments: '',
      },
      complaint: {
        channel: 'email', receivedOn, issueOccurredOn: addCalendarDays(receivedOn, -10), category: 'damp-mould', serviceArea: 'housing-management',
        aboutStaff: false, staffRole: '', staffName: '', description: 'Black mould has come back in the bathroom since the last treatment. (Demo case)',
        complaintDefinition: 'Jordan complains that mould treatment in the bathroom did not last. (Demo case)',
        outcomeSought: 'A lasting repair and a ventilation check.', lateAcceptanceReason: '', refuseReason: '',
      },
    }, ctx);
    if (!planned.ok) return { seeded: false, why: planned.message };
    const first = planned.record.deadlines.filter((d) => d.metOn === null).sort((a, b) => a.due.localeCompare(b.due))[0];
    if (!first || first.due < target) break;
    if (first.due !== target) continue;
    if (planned.record.responsibleOfficerId !== alex.id) return { seeded: false, why: `the policy routes the demo complaint to ${planned.record.responsibleOfficerId}, not Alex Morgan` };
    // Marked as invented, like `complaints demo`'s cases: the log and the figures say so.
    const record = await cases.createCase({ ...planned.record, details: { ...planned.record.details, demo: true } });
    return { seeded: true, reference: record.reference, due: first.due };
  }
  return { seeded: false, why: `no receipt date gives a deadline on ${target} under this policy` };
}
