import type { CalendarDate } from '../../src/domain/calendar-date';
import type { CaseRecord } from '../../src/domain/case-record';
import { caseIdForIntake } from '../../src/intake/intake-flow';
import type { Stores } from '../../src/store/stores';

/** A complaint form the soak filled in and submitted (or not), and what the bot answered. */
export interface SoakForm { intakeId: string; marker: string; sent: boolean; confirmedCaseId: string | null }

export interface FormTally {
  /** Forms with a case in the store. */
  stored: number;
  /** Cases beyond the first for the same form. */
  duplicates: number;
  /** Cases stored but not whole: not readable, not findable by reference, or not what was submitted. */
  halfWritten: number;
  /** Forms confirmed to the person with no whole case in the store. */
  lost: number;
  /** Forms with exactly one whole case (their intake ids); a plain list, so the tally goes as JSON as it is (count-forms.ts). */
  exactlyOne: string[];
}

/**
 * Counts what the store holds for the soak's forms: every case received on `day` (the soak's
 * cases are all of them), grouped by the form it came from. A case is whole when it reads back,
 * is found by its reference, sits under the id its form gives it, and holds what was typed.
 */
export async function tallyForms(stores: Stores, forms: readonly SoakForm[], day: CalendarDate): Promise<FormTally> {
  const all = await stores.cases.casesReceivedBetween(day, day);
  const byForm = new Map<string, CaseRecord[]>();
  for (const record of all) byForm.set(record.details.intakeId, [...(byForm.get(record.details.intakeId) ?? []), record]);
  const tally: FormTally = { stored: 0, duplicates: 0, halfWritten: 0, lost: 0, exactlyOne: [] };
  for (const form of forms) {
    const records = byForm.get(form.intakeId) ?? [];
    const direct = await stores.cases.getCase(caseIdForIntake(form.intakeId)).catch(() => 'unreadable' as const);
    if (records.length > 0 || direct) tally.stored += 1;
    tally.duplicates += Math.max(0, records.length - 1);
    let whole = 0;
    for (const record of records) {
      if (await isWhole(stores, record, form)) whole += 1;
      else tally.halfWritten += 1;
    }
    // A case under the form's id that the listing did not show is half-written too.
    if (records.length === 0 && direct) tally.halfWritten += 1;
    if (whole === 1 && records.length === 1) tally.exactlyOne.push(form.intakeId);
    if (form.confirmedCaseId && (whole === 0 || !records.some((r) => r.id === form.confirmedCaseId))) tally.lost += 1;
  }
  return tally;
}

async function isWhole(stores: Stores, record: CaseRecord, form: SoakForm): Promise<boolean> {
  try {
    const byReference = await stores.cases.getCaseByReference(record.reference);
    const reread = await stores.cases.getCase(record.id);
    return record.id === caseIdForIntake(form.intakeId) && byReference?.id === record.id && reread?.events.length === record.events.length
      && record.events.length > 0 && record.details.complaint.description.startsWith(`${form.marker}:`);
  } catch {
    return false;
  }
}
