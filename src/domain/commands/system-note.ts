import type { DirectoryPerson } from '../directory';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';

/**
 * The bot itself writes into a case's history what bears on it (a reminder that could not be
 * delivered, say), as a note by the complaints bot. Nobody else acts as it.
 */
export const SYSTEM_ACTOR: DirectoryPerson = {
  id: 'system', name: 'Complaints bot', email: '', aadObjectId: '', roles: [], estates: [], managerId: null,
};

export interface SystemNoteInput { text: string }

export const systemNote: CaseCommand<SystemNoteInput> = {
  allowed(file, actor, ctx) {
    if (actor.id !== SYSTEM_ACTOR.id) return notPermitted('Only the complaints bot writes system notes.');
    return timelineAccepts(file, { type: 'note', on: ctx.today }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({ ok: true, events: [{ type: 'note', on: ctx.today, why: input.text }] }),
};
