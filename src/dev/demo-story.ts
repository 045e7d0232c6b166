import { randomUUID } from 'node:crypto';
import type { CaseContext } from '../cases/case-context';
import { planNewCase } from '../cases/plan-new-case';
import { runCaseCommand } from '../cases/run-case-command';
import { addCalendarDays, londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import { CASE_COMMANDS, type CaseCommandName } from '../domain/commands/case-commands';
import type { CaseCommand } from '../domain/commands/command';
import { findPerson, type DirectoryPerson } from '../domain/directory';
import { pointBefore } from '../domain/reminder-schedule';
import { createDemoReminderCase } from '../reminders/demo-reminder-case';
import type { CaseStore } from '../store/case-store.port';
import { STORY_COMPLAINTS, type StoryComplaint } from './demo-story-complaints';

/**
 * `npm run dev`'s demo data: a story a visitor can follow in ten minutes, person by person
 * (README, "Try it"). Into an empty store only:
 * - the officer (Alex Morgan) has a new complaint awaiting acknowledgement, whose deadline is
 *   the next working day, so its reminder arrives within a sweep (demo-reminder-case.ts);
 * - Alex asked yesterday for an extension that waits for their line manager (Priya Shah);
 * - a resident escalated two days ago, so stage 2 waits for the AD (Priya Shah again, in the
 *   demo directory) to acknowledge it;
 * - older cases, closed (one late, one extended, one through stage 2) and open, for the PIM's
 *   `log` and `report`.
 * Every case is built as staff would build it: the complaint logged, then the domain's
 * commands run through `runCaseCommand` with the clock set to the day each step happened, so
 * the history, deadlines and figures are what real use produces. Each case is marked `demo`.
 */
export const STORY_OFFICER_ID = 'alex.morgan';

export interface StorySeeded {
  seeded: true;
  /** The story's references, by what each is for in the walk-through. */
  awaitingAcknowledgement: string;
  /** The reminder case's first deadline. */
  reminderDue: CalendarDate;
  extensionPending: string;
  escalated: string;
  closed: string[];
  open: string[];
  /** The first receipt and today: the period for `report` that covers the whole story. */
  period: { from: CalendarDate; to: CalendarDate };
}
export type StorySeed = StorySeeded | { seeded: false; why: string };

/** A step of the story that did not go as written (another policy or directory): said plainly, not half hidden. */
export class StoryError extends Error {}

export async function seedDemoStory(cases: CaseStore, ctx: CaseContext): Promise<StorySeed> {
  if (await cases.countCases() > 0) return { seeded: false, why: 'the store already has cases' };
  const story = new StoryWriter(cases, ctx);
  const missing = ['alex.morgan', 'priya.shah', 'taylor.reed'].filter((id) => !findPerson(ctx.directory, id));
  if (missing.length) return { seeded: false, why: `the directory has no ${missing.join(', ')} (the story is told with the demo directory's people)` };

  const closed: string[] = [];
  const open: string[] = [];
  // Oldest first, so references run in the order the complaints came in.
  for (const complaint of STORY_COMPLAINTS.filter((c) => c.part === 'closed' || c.part === 'open')) {
    const record = await story.tell(complaint);
    (complaint.part === 'closed' ? closed : open).push(record.reference);
  }
  const escalated = await story.tell(only('escalated'));
  const extension = await story.tell(only('extension-pending'));
  const reminder = await createDemoReminderCase(cases, ctx);
  if (!reminder.seeded) throw new StoryError(`the story's case awaiting acknowledgement: ${reminder.why}`);
  const firstReceived = Math.max(...STORY_COMPLAINTS.map((c) => c.receivedDaysAgo));
  return {
    seeded: true, awaitingAcknowledgement: reminder.reference, reminderDue: reminder.due,
    extensionPending: extension.reference, escalated: escalated.reference, closed, open,
    period: { from: story.daysAgo(firstReceived), to: story.today },
  };
}

function only(part: StoryComplaint['part']): StoryComplaint {
  const found = STORY_COMPLAINTS.find((c) => c.part === part);
  if (!found) throw new StoryError(`the story has no ${part} case`);
  return found;
}


/** Runs the story's steps on the store, each with the clock at 10:00 UTC on the day it happened. */
class StoryWriter {
  readonly today: CalendarDate;

  constructor(private readonly cases: CaseStore, private readonly ctx: CaseContext) {
    this.today = londonDateOf(ctx.now());
  }

  daysAgo(n: number): CalendarDate {
    return pointBefore(this.today, n, this.ctx.calendar);
  }

  private on(day: CalendarDate): CaseContext {
    const now = new Date(`${day}T10:00:00.000Z`);
    return { ...this.ctx, now: () => now };
  }

  private person(id: string): DirectoryPerson {
    const p = findPerson(this.ctx.directory, id);
    if (!p) throw new StoryError(`the directory has no ${id}`);
    return p;
  }

  async tell(c: StoryComplaint): Promise<CaseRecord> {
    const receivedOn = this.daysAgo(c.receivedDaysAgo);
    const planned = planNewCase({
      intakeId: `demo-${randomUUID()}`, loggedBy: this.person(STORY_OFFICER_ID),
      complainant: { ...c.complainant, hasRepresentative: false, representativeName: '', representativeConsent: false },
      complaint: {
        ...c.complaint, receivedOn, issueOccurredOn: addCalendarDays(receivedOn, -c.issueDaysBefore),
        aboutStaff: false, staffRole: '', staffName: '', lateAcceptanceReason: '', refuseReason: '',
      },
    }, this.on(receivedOn));
    if (!planned.ok) throw new StoryError(`logging ${c.complainant.complainantName}'s complaint: ${planned.message}`);
    // Marked as invented, like `complaints demo`'s cases: the log and the figures say so.
    let record = await this.cases.createCase({ ...planned.record, details: { ...planned.record.details, demo: true } });
    for (const step of c.steps) {
      const day = this.daysAgo(step.daysAgo);
      const actor = this.person(step.by ?? record.responsibleOfficerId ?? STORY_OFFICER_ID);
      record = await this.run(record, day, actor, step.command, step.input(day, record, this.ctx));
    }
    return record;
  }

  /** The input was typed against the command where the step was written (demo-story-complaints.ts's `step`). */
  private async run(record: CaseRecord, day: CalendarDate, actor: DirectoryPerson, name: CaseCommandName, input: unknown): Promise<CaseRecord> {
    const command = CASE_COMMANDS[name] as CaseCommand<unknown>;
    const result = await runCaseCommand(this.cases, this.on(day), record.id, { seenVersion: record.version, current: record }, actor, command, input);
    if (!result.ok) throw new StoryError(`${record.reference}, ${name} by ${actor.name} on ${day}: ${result.message}`);
    return result.record;
  }
}
