import type { CaseContext } from '../cases/case-context';
import { casesVisibleTo, seesEveryCase } from '../domain/case-access';
import type { DirectoryPerson } from '../domain/directory';
import type { CaseStore } from '../store/case-store.port';

/** Cases read at once to ask about: a point read each, so a few in flight at a time on Cosmos DB. */
const AT_ONCE = 16;

/**
 * Which of the cases the dashboard's tables could name this person may see (casesVisibleTo).
 * The dashboard reads cases as reports do, without the details who may see a case depends on
 * (who logged it), so the few cases the tables could name are read again in full, here, and
 * asked about one by one; the complaints team and the PIM see every case, so nothing is read
 * for them. Only the yes or no is kept, not the cases.
 */
export async function caseIdsShownTo(
  cases: Pick<CaseStore, 'getCase'>, ids: readonly string[], person: DirectoryPerson, ctx: CaseContext,
): Promise<(caseId: string) => boolean> {
  if (seesEveryCase(person)) return () => true;
  const shown = new Set<string>();
  for (let i = 0; i < ids.length; i += AT_ONCE) {
    const records = await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => cases.getCase(id)));
    for (const r of casesVisibleTo(records.filter((x) => x !== undefined), person, ctx)) shown.add(r.id);
  }
  return (caseId) => shown.has(caseId);
}
