import { commandContext, type CaseContext } from '../cases/case-context';
import { maySeeCase } from '../domain/case-access';
import type { CalendarDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import { viewOf } from '../domain/case-view';
import { addMatter } from '../domain/commands/add-matter';
import { matchReasons, type ComplainantIdentity, type MatchReason } from '../domain/complainant-match';
import { findPerson, type DirectoryPerson } from '../domain/directory';
import type { CaseStore } from '../store/case-store.port';

/**
 * The resident's open stage 1 complaint, offered on intake's review step so that a related new
 * complaint joins it instead of starting a second case (seed 003: additional complaints raised
 * during the investigation are incorporated into the stage 1 if related).
 *
 * Privacy: the member of staff logging the new complaint is told that a matching open case
 * exists, with its reference, stage and the date it was received, whether or not they may see
 * it: without that they would log a duplicate, and the resident told them of the matter
 * themselves. Who handles it and what it is about are shown only to those who may see the case
 * (maySeeCase), as everywhere else; the rest of the case stays behind that rule.
 */
export interface JoinOffer {
  caseId: string;
  reference: string;
  /** The version offered: the join is recorded only on the case as it was shown. */
  version: string;
  stage: number;
  receivedOn: CalendarDate | null;
  reasons: MatchReason[];
  /** Only for those who may see the case: its handler and what it is about. */
  seen: { handlerName: string; about: string } | null;
}

/** The form's complainant step as the matching reads it. */
function identityOf(complainant: Record<string, string>): ComplainantIdentity {
  return {
    complainantName: complainant.complainantName ?? '', contactEmail: complainant.contactEmail ?? '',
    contactPhone: complainant.contactPhone ?? '', address: complainant.address ?? '',
  };
}

/** Why `record` is this resident's (complainant-match.ts: same email, phone, or name at the same address); empty: it is not. */
export function sameResident(complainant: Record<string, string>, record: CaseRecord): MatchReason[] {
  return matchReasons(identityOf(complainant), record.details.complainant);
}

/**
 * The first open case, received first, that is this resident's and that `person` may add a
 * matter to now (addMatter allows it: at stage 1, open, not paused); null when there is none.
 * Reads the open cases a page at a time (CaseStore.openCasesPaged), once per review card, and
 * stops at the first match: thousands of open cases at a large landlord are never held at once.
 */
export async function findJoinOffer(person: DirectoryPerson, complainant: Record<string, string>, cases: CaseStore, ctx: CaseContext, read: { pageSize?: number } = {}): Promise<JoinOffer | null> {
  const commands = commandContext(ctx);
  for await (const record of cases.openCasesPaged(read)) {
    const reasons = sameResident(complainant, record);
    if (reasons.length === 0) continue;
    const file = { record, view: viewOf(record, ctx) };
    if (addMatter.allowed(file, person, commands) !== null) continue;
    const visible = maySeeCase(file, person, ctx.directory);
    return {
      caseId: record.id, reference: record.reference, version: record.version, stage: file.view.stage, receivedOn: record.receivedOn, reasons,
      seen: visible ? { handlerName: findPerson(ctx.directory, file.view.assignedTo)?.name ?? 'nobody yet', about: record.details.complaint.complaintDefinition || record.details.complaint.description } : null,
    };
  }
  return null;
}
