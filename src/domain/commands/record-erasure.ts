import { refuse } from '../case-errors';
import { erasureBlocker, isErased } from '../erase-complainant';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { ADMIN_CLI_ACTOR } from './record-evidence-pack';

export interface RecordErasureInput {
  /** The landlord's request id or note (never the resident's name: the edge checks). */
  request: string;
  why: string;
}

/**
 * The event that says the complainant's personal data was erased, by whom, when and under what
 * request. Only an administrator at the command line erases, and only a finished case
 * (erasureBlocker); the rewriting of the case's earlier events is eraseComplainant's, and the
 * edge saves both in one conditional write.
 */
export const recordErasure: CaseCommand<RecordErasureInput> = {
  allowed(file, actor, ctx) {
    if (actor.id !== ADMIN_CLI_ACTOR.id) return notPermitted('Personal data is erased by an administrator with "complaints erase".');
    if (isErased(file.record)) return refuse('CASE.NOT_ALLOWED_IN_STATE', 'the complainant\'s personal data on this case has already been erased');
    const blocker = erasureBlocker(file);
    if (blocker) return refuse('CASE.NOT_ALLOWED_IN_STATE', blocker);
    return timelineAccepts(file, { type: 'complainant-erased', on: ctx.today, request: 'check' }, actor, ctx);
  },
  events(_file, _actor, input, ctx) {
    const request = input.request.trim();
    if (!request) return { ...refuse('CASE.INVALID_INPUT', 'An erasure needs the request it answers (its id or a short note).'), field: 'request' };
    return { ok: true, events: [{ type: 'complainant-erased', on: ctx.today, request, why: input.why }] };
  },
};
