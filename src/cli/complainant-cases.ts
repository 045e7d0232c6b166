import type { CaseRecord } from '../domain/case-record';
import { MATCH_REASON_WORDS, matchReasons } from '../domain/complainant-match';
import type { CaseStore } from '../store/case-store.port';
import { UsageError } from './cli-io';

/** A case found to be about the same resident, and why (in words), for a person to confirm. */
export interface MatchedCase { id: string; reference: string; reasons: string[] }

const ASKED_ABOUT = 'the case asked about';

/**
 * The cases about the complainant of `asked` (complainant-match.ts): that case first, then every
 * other case whose complainant has the same email, phone, or name and address, by reference.
 * `exclude` leaves out cases a person has checked are someone else's; excluding the case asked
 * about itself is refused.
 */
export async function findComplainantCases(store: CaseStore, asked: CaseRecord, exclude: readonly string[]): Promise<{ matched: MatchedCase[]; excluded: string[] }> {
  if (exclude.includes(asked.reference)) throw new UsageError(`--exclude cannot leave out ${asked.reference}: it is the case asked about.`);
  const matched: MatchedCase[] = [{ id: asked.id, reference: asked.reference, reasons: [ASKED_ABOUT] }];
  const excluded: string[] = [];
  for await (const entry of store.complainants()) {
    if (entry.id === asked.id) continue;
    const reasons = matchReasons(asked.details.complainant, entry.complainant);
    if (reasons.length === 0) continue;
    if (exclude.includes(entry.reference)) excluded.push(entry.reference);
    else matched.push({ id: entry.id, reference: entry.reference, reasons: reasons.map((r) => MATCH_REASON_WORDS[r]) });
  }
  const unknown = exclude.filter((r) => !excluded.includes(r));
  if (unknown.length) throw new UsageError(`--exclude names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not a matched case' : 'are not matched cases'}: run without it to see the matches.`);
  return { matched, excluded };
}

/**
 * The records of `matched` cases, each with why it matched, in the same order: the case asked
 * about is the record already read; a case removed since it was matched is left out.
 */
export async function loadMatchedRecords(store: CaseStore, asked: CaseRecord, matched: readonly MatchedCase[]): Promise<Array<{ record: CaseRecord; reasons: string[] }>> {
  const records: Array<{ record: CaseRecord; reasons: string[] }> = [];
  for (const m of matched) {
    const record = m.id === asked.id ? asked : await store.getCase(m.id);
    if (record) records.push({ record, reasons: m.reasons });
  }
  return records;
}

/** The references in `--exclude HC-2026-00001,HC-2026-00002` (or --also), upper case. */
export function parseReferences(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').map((r) => r.trim().toUpperCase()).filter(Boolean);
}

/** The case reference a command was given (`--reference HC-...`, or as the first argument), upper case. */
export function referenceArg(value: string | undefined, command: string): string {
  if (!value || value.startsWith('--')) throw new UsageError(`${command} needs a case reference, e.g. complaints ${command} --reference HC-2026-00042.`);
  return value.trim().toUpperCase();
}

/** One line per matched case, for a person to check before anything is sent or erased. */
export function matchesInWords(matched: readonly MatchedCase[]): string {
  return matched.map((m) => `  ${m.reference}: ${m.reasons.join('; ')}`).join('\n');
}
