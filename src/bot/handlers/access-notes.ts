import { actsOnCase } from '../../domain/case-access';
import type { CaseRecord } from '../../domain/case-record';
import { viewOf } from '../../domain/case-view';
import type { DirectoryPerson } from '../../domain/directory';
import type { CaseAccessKind } from '../../store/case-access-log.port';
import type { BotDependencies } from '../bot-dependencies';

/**
 * Notes in the access log that this person was shown the case's personal data (the card shows
 * it to those who act on the case). A failure to note it is logged, and the card still shown:
 * the person may see it either way.
 */
export async function noteAccess(record: CaseRecord, person: DirectoryPerson, what: CaseAccessKind, deps: Pick<BotDependencies, 'stores' | 'ctx' | 'logger'>): Promise<void> {
  if (what === 'case-card' && !actsOnCase({ record, view: viewOf(record, deps.ctx) }, person, deps.ctx.directory)) return;
  try {
    await deps.stores.accessLog.record({ caseId: record.id, at: deps.ctx.now().toISOString(), by: person.id, what });
  } catch (err) {
    deps.logger.error({ reference: record.reference, err: err instanceof Error ? err.message : String(err) }, 'could not note who saw a case');
  }
}
