import type { CalendarDate } from '../calendar-date';
import { actsOnCase } from '../case-access';
import type { CaseEvent } from '../case-events';
import { deriveCase, type TimelineContext } from '../case-timeline';
import type { Directory, DirectoryPerson } from '../directory';
import { logComplaint, type LoggedComplaint } from './log-complaint';
import { notPermitted, timelineAccepts, type CaseCommand, type CaseFile } from './command';

/**
 * A new issue the resident raises at stage 2 is split off as a new complaint (seed 001: "if you
 * raise a new issue at this stage, we may treat it as a new and separate complaint"): a new
 * stage 1 case for the same complainant, received on the day the issue was raised, with the
 * policy's deadlines like any new complaint, and a link on both cases ('split-off' here,
 * 'split-from' there). Those who act on the stage 2 case decide it.
 */
export interface SplitComplaintInput {
  raisedOn: CalendarDate;
  /** How the resident raised it (one of intake's CHANNELS). */
  channel: string;
  description: string;
  /** The new case's id, fixed before anything is written, so the split and the new case name each other. */
  newCaseId: string;
}

export const splitComplaint: CaseCommand<SplitComplaintInput> = {
  allowed(file, actor, ctx) {
    if (!actsOnCase(file, actor, ctx.directory)) return notPermitted('Only those who act on the case split a new issue off it.');
    return timelineAccepts(file, { type: 'split-off', on: ctx.today, newCaseId: '', raisedOn: ctx.today }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({
    ok: true, events: [{ type: 'split-off', on: ctx.today, newCaseId: input.newCaseId, raisedOn: input.raisedOn, why: input.description }],
  }),
};

/**
 * The new complaint split off `file`: the complainant as recorded on it (the same resident), the
 * original's category and service area (the handler may reassign), received on the day the issue
 * was raised, routed and given deadlines as intake would (log-complaint), and linked back. The
 * issue's own date is not asked: it is taken as the day it was raised, so the time limit holds.
 */
export function newComplaintFromSplit(file: CaseFile, input: SplitComplaintInput, actor: DirectoryPerson, ctx: TimelineContext & { directory: Directory; today: CalendarDate }): LoggedComplaint {
  const original = file.record.details;
  const logged = logComplaint({
    intakeId: `split-${input.newCaseId}`,
    complainant: original.complainant,
    complaint: {
      ...original.complaint,
      channel: input.channel, receivedOn: input.raisedOn, issueOccurredOn: input.raisedOn, aboutStaff: false, staffRole: '', staffName: '',
      description: input.description, complaintDefinition: '', outcomeSought: '', lateAcceptanceReason: '', refuseReason: '',
    },
    loggedBy: actor,
  }, ctx);
  if (!logged.ok) return logged;
  const link: CaseEvent = { type: 'split-from', on: ctx.today, fromCaseId: file.record.id, fromReference: file.record.reference, why: `Raised at stage 2 of ${file.record.reference} on ${input.raisedOn}.` };
  const events = [...logged.events, link];
  const derived = deriveCase(events.map((e) => ({ ...e, by: actor.id })), ctx);
  if (!derived.ok) return derived;
  return { ...logged, events, view: derived.view };
}
