import { actsOnCase } from '../../domain/case-access';
import type { CaseFile } from '../../domain/commands/command';
import type { DirectoryPerson } from '../../domain/directory';
import type { CaseAccessKind } from '../../store/case-access-log.port';
import type { BotDependencies } from '../bot-dependencies';

/**
 * Notes in the access log that this person was shown the case's personal data (the card shows
 * it to those who act on the case). A failure to note it is logged, and the card still shown:
 * the person may see it either way.
 */
export async function noteAccess(file: CaseFile, person: DirectoryPerson, what: CaseAccessKind, deps: Pick<BotDependencies, 'stores' | 'ctx' | 'logger'>): Promise<void> {
  if (what === 'case-card' && !actsOnCase(file, person, deps.ctx.directory)) return;
  const { record } = file;
  try {
    await deps.stores.accessLog.record({ caseId: record.id, at: deps.ctx.now().toISOString(), by: person.id, what });
  } catch (err) {
    deps.logger.error({ reference: record.reference, err: err instanceof Error ? err.message : String(err) }, 'could not note who saw a case');
  }
}
