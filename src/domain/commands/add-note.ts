import type { CalendarDate } from '../calendar-date';
import { findPerson } from '../directory';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';

/** How a piece of correspondence came or went, in the words the history shows. */
export const NOTE_CHANNELS = { phone: 'Phone', email: 'Email', letter: 'Letter', 'in-person': 'In person', internal: 'Internal note' } as const;
export type NoteChannel = keyof typeof NOTE_CHANNELS;

/** Correspondence or a note, with its date and channel. A note never conflicts with another change. */
export interface AddNoteInput { on: CalendarDate; channel: NoteChannel; text: string }

export const addNote: CaseCommand<AddNoteInput> = {
  allowed(file, actor, ctx) {
    if (!findPerson(ctx.directory, actor.id)) return notPermitted('Only staff in the complaints directory add notes.');
    return timelineAccepts(file, { type: 'note', on: ctx.today }, actor, ctx);
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'note', on: input.on, why: `${NOTE_CHANNELS[input.channel]}: ${input.text}` }] }),
};
