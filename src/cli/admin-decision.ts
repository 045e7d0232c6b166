import { commandContext, type CaseContext } from '../cases/case-context';
import type { CaseRecord } from '../domain/case-record';
import { CaseReplayError, viewOf } from '../domain/case-view';
import { decide, type CaseCommand, type Decision } from '../domain/commands/command';
import { ADMIN_CLI_ACTOR } from '../domain/commands/record-evidence-pack';

/** A case that does not replay under the policy in force cannot be checked, so nothing is recorded on it. */
export interface NotReplayed { ok: false; replay: CaseReplayError }

/**
 * What the admin command line may record on a case, as the administrator: the command's decision
 * on the case as it stands, or why it cannot be checked. Subject access and erasure both ask this
 * before they write anything.
 */
export function adminDecision<Input>(ctx: CaseContext, record: CaseRecord, command: CaseCommand<Input>, input: Input): Decision | NotReplayed {
  let view;
  try {
    view = viewOf(record, ctx);
  } catch (err) {
    if (err instanceof CaseReplayError) return { ok: false, replay: err };
    throw err;
  }
  return decide(command, { record, view }, ADMIN_CLI_ACTOR, input, commandContext(ctx));
}
