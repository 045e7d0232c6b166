import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { mentionsResident } from '../domain/complainant-match';
import { erasedFields, erasureBlocker, isErased } from '../domain/erase-complainant';
import { viewOf } from '../domain/case-view';
import { draftKey } from '../intake/intake-draft';
import { adminUser } from './admin-user';
import { UsageError } from './cli-io';
import { findComplainantCases, matchesInWords, parseReferences, referenceArg } from './complainant-cases';
import { eraseCase } from './erase-case';
import { eraseScope, undecidedInWords } from './erase-scope';
import type { CliResult } from './report-command';

export interface EraseArgs { reference: string | undefined; request: string | undefined; dryRun: boolean; also: string | undefined; exclude: string | undefined }

const MAX_REQUEST = 200;

/**
 * `complaints erase --reference HC-2026-00042 --request "DSR-2026-014" [--dry-run] [--also HC-...] [--exclude HC-...]`:
 * erases the complainant's personal data in the case asked about and in each matched case a
 * person confirmed with --also (docs/data-protection.md): the words replaced on the case
 * (erase-complainant.ts), their files deleted, the erasure recorded on the case with who and
 * under what request. Every other match must be decided (--also or --exclude) first: while one
 * is not, nothing is erased and exit 2 lists them (erase-scope.ts). Unfinished cases are listed
 * and left alone, with the reason. --dry-run lists what would change (field names and file
 * counts, not the values) and the undecided matches, and changes nothing. Exit 1 when a case
 * could not be erased (it changed meanwhile, or its files could not all be deleted): run it again.
 */
export async function eraseCommand(config: AppConfig, args: EraseArgs, now: () => Date = () => new Date()): Promise<CliResult> {
  const reference = referenceArg(args.reference, 'erase');
  const request = args.request?.trim() ?? '';
  if (!args.dryRun && !request) throw new UsageError('erase needs --request "<the request\'s id or a short note>": it is kept on each case as what the erasure answered.');
  if (request.length > MAX_REQUEST) throw new UsageError(`erase --request is at most ${MAX_REQUEST} characters: give the request's id, not its text.`);
  const exclude = parseReferences(args.exclude);
  const also = parseReferences(args.also);
  const core = await buildCore(config, { now });
  try {
    const asked = await core.stores.cases.getCaseByReference(reference);
    if (!asked) return { exitCode: 2, stderr: `There is no case ${reference} in the store.` };
    const { matched, excluded } = await findComplainantCases(core.stores.cases, asked, exclude);
    const { inScope, undecided } = eraseScope(asked.reference, matched, excluded, also);
    const summary = `Matched ${matched.length} case${matched.length === 1 ? '' : 's'} to the complainant of ${asked.reference}:\n${matchesInWords(matched)}`;
    // Irreversible: nothing is erased until a person has decided every match.
    if (undecided.length && !args.dryRun) return { exitCode: 2, stderr: `${summary}\n${undecidedInWords(asked.reference, undecided)}\nNothing was erased.` };
    const records = [];
    for (const m of inScope) {
      const record = m.id === asked.id ? asked : await core.stores.cases.getCase(m.id);
      if (record) records.push({ record, reasons: m.reasons });
    }
    // The request note outlives the erasure, so it must not carry what it erases.
    if (request && records.some(({ record }) => mentionsResident(request, record.details.complainant))) {
      return { exitCode: 2, stderr: 'The --request note contains the resident\'s name, email, phone number or postcode. It is kept on each case after the erasure, so give the request\'s id instead (e.g. DSR-2026-014). Nothing was erased.' };
    }
    const user = adminUser();
    const erased: Array<{ reference: string; fields: number; filesDeleted: number }> = [];
    const wouldErase: Array<{ reference: string; fields: string[]; files: number }> = [];
    const leftAlone: Array<{ reference: string; reason: string; filesDeleted?: number }> = [];
    const failed: Array<{ reference: string; reason: string }> = [];
    for (const { record } of records) {
      const files = await core.files.list(record.id);
      if (isErased(record)) {
        // Erased before, but a file deletion may have failed then: finish it.
        const filesDeleted = args.dryRun || files.length === 0 ? 0 : await core.files.deleteCase(record.id);
        leftAlone.push({ reference: record.reference, reason: 'already erased', ...(files.length ? { filesDeleted } : {}) });
        continue;
      }
      if (args.dryRun) {
        let blocker: string | null;
        try {
          blocker = erasureBlocker({ record, view: viewOf(record, core.ctx) });
        } catch {
          blocker = 'the case does not replay under the policy in force, so it cannot be checked as finished';
        }
        if (blocker) leftAlone.push({ reference: record.reference, reason: blocker });
        else wouldErase.push({ reference: record.reference, fields: erasedFields(record), files: files.length });
        continue;
      }
      const outcome = await eraseCase(core.stores.cases, core.ctx, record, { request, why: `Erased with "complaints erase" by ${user} under request ${request}` });
      if (!outcome.ok) {
        (outcome.kind === 'left-alone' ? leftAlone : failed).push({ reference: record.reference, reason: outcome.reason });
        continue;
      }
      const fields = erasedFields(record).length;
      try {
        const filesDeleted = await core.files.deleteCase(record.id);
        await core.stores.keyValue.delete(draftKey(record.details.intakeId));
        erased.push({ reference: record.reference, fields, filesDeleted });
      } catch (err) {
        failed.push({ reference: record.reference, reason: `its words were erased, but its files could not all be deleted (${err instanceof Error ? err.message : String(err)}): run "complaints erase --reference ${record.reference} --request ${request}" again` });
      }
    }
    const matches = matched.map(({ reference, reasons }) => ({ reference, reasons }));
    const confirmed = inScope.filter((m) => m.reference !== asked.reference).map((m) => m.reference);
    if (args.dryRun) {
      const open = undecided.length ? `\n${undecidedInWords(asked.reference, undecided)}\nA real run refuses until each is decided.` : '';
      const stdout = { reference: asked.reference, dryRun: true, matches, confirmed, excluded, undecided: undecided.map(({ reference, reasons }) => ({ reference, reasons })), wouldErase, leftAlone };
      return { exitCode: 0, stdout, stderr: `${summary}${open}\nA dry run: nothing was changed.` };
    }
    return { exitCode: failed.length ? 1 : 0, stdout: { reference: asked.reference, request, matches, confirmed, excluded, erased, leftAlone, failed }, stderr: summary };
  } finally {
    await core.close();
  }
}
