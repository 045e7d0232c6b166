import type { CalendarDate } from '../calendar-date';
import { refuse } from '../case-errors';
import { findPerson } from '../directory';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';

/**
 * A related new complaint from the same resident joins their open stage 1 complaint instead of
 * starting a second case (seed 003: additional complaints raised during the investigation are
 * incorporated into the stage 1 if related). Intake offers it on its review step
 * (src/intake/join-offer.ts); the member of staff logging the new matter records it, on the
 * version of the case they were shown. The stage 1 deadlines stand: the matter is investigated
 * and answered within them (an extension is asked for the usual way if it needs more time).
 */
export interface AddMatterInput {
  /** The intake form the new matter was typed into: one form joins a case once. */
  intakeId: string;
  receivedOn: CalendarDate;
  channel: string;
  /** What the resident said, as the form recorded it (description, definition, outcome sought). */
  text: string;
}

export const addMatter: CaseCommand<AddMatterInput> = {
  allowed(file, actor, ctx) {
    if (!findPerson(ctx.directory, actor.id)) return notPermitted('Only staff in the complaints directory log complaints.');
    // The stage (1, open, not paused) is the timeline's rule, so the offer and the join agree.
    return timelineAccepts(file, { type: 'matter-added', on: ctx.today, intakeId: '', receivedOn: ctx.today, channel: '' }, actor, ctx);
  },
  events(file, _actor, input, ctx) {
    if (file.record.events.some((e) => e.type === 'matter-added' && e.intakeId === input.intakeId)) {
      return refuse('CASE.ALREADY_DONE', `This complaint was already added to ${file.record.reference}.`);
    }
    return { ok: true, events: [{ type: 'matter-added', on: ctx.today, intakeId: input.intakeId, receivedOn: input.receivedOn, channel: input.channel, why: input.text }] };
  },
};
