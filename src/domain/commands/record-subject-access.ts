import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { ADMIN_CLI_ACTOR } from './record-evidence-pack';

export interface RecordSubjectAccessInput { format: 'json' | 'pdf'; cases: number; why: string }

/**
 * Records on a case that a subject access export (`complaints subject-access`) included it: the
 * export gives the resident's personal data out, so who made it and when is kept like any
 * disclosure. Made only by an administrator at the command line, whatever the case's state.
 */
export const recordSubjectAccess: CaseCommand<RecordSubjectAccessInput> = {
  allowed(file, actor, ctx) {
    if (actor.id !== ADMIN_CLI_ACTOR.id) return notPermitted('A subject access export is made by an administrator with "complaints subject-access".');
    return timelineAccepts(file, { type: 'subject-access-made', on: ctx.today, format: 'json', cases: 1 }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({ ok: true, events: [{ type: 'subject-access-made', on: ctx.today, format: input.format, cases: input.cases, why: input.why }] }),
};
