import { mayHaveEvidencePack } from '../case-access';
import type { DirectoryPerson } from '../directory';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';

/**
 * The admin command line as an actor: `complaints evidence` is run by an administrator who
 * need not be in the directory. The event's `why` names the operating-system user.
 */
export const ADMIN_CLI_ACTOR: DirectoryPerson = {
  id: 'admin-cli', name: 'Admin command line', email: '', aadObjectId: '', roles: [], estates: [], managerId: null,
};

export interface RecordEvidencePackInput { format: 'pdf' | 'html'; parts: number; why?: string }

/** Records that the case's evidence pack was made, by whom and when (it discloses personal data). */
export const recordEvidencePack: CaseCommand<RecordEvidencePackInput> = {
  allowed(file, actor, ctx) {
    if (actor.id !== ADMIN_CLI_ACTOR.id && !mayHaveEvidencePack(file, actor, ctx.directory)) {
      return notPermitted('Only the people who act on this case and the complaints team may have its evidence pack.');
    }
    return timelineAccepts(file, { type: 'evidence-pack-made', on: ctx.today, format: 'pdf', parts: 1 }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({
    ok: true, events: [{ type: 'evidence-pack-made', on: ctx.today, format: input.format, parts: input.parts, ...(input.why ? { why: input.why } : {}) }],
  }),
};
