import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { mentionsResident } from '../domain/complainant-match';
import { adminUser } from './admin-user';
import { UsageError } from './cli-io';
import { findComplainantCases, loadMatchedRecords, matchesInWords, parseReferences, referenceArg } from './complainant-cases';
import { eraseOne, erasuresInWords, type CaseErasure } from './erase-one';
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
    const records = await loadMatchedRecords(core.stores.cases, asked, inScope);
    // The request note outlives the erasure, so it must not carry what it erases.
    if (request && records.some(({ record }) => mentionsResident(request, record.details.complainant))) {
      return { exitCode: 2, stderr: 'The --request note contains the resident\'s name, email, phone number or postcode. It is kept on each case after the erasure, so give the request\'s id instead (e.g. DSR-2026-014). Nothing was erased.' };
    }
    const user = adminUser();
    const results: CaseErasure[] = [];
    for (const { record } of records) results.push(await eraseOne(core, record, { request, user, dryRun: args.dryRun }));
    const of = <K extends CaseErasure['kind']>(kind: K) => results.filter((r): r is Extract<CaseErasure, { kind: K }> => r.kind === kind).map(({ kind: _, ...r }) => r);
    const matches = matched.map(({ reference, reasons }) => ({ reference, reasons }));
    const confirmed = inScope.filter((m) => m.reference !== asked.reference).map((m) => m.reference);
    const left = excluded.map((r) => `  ${r}: left out with --exclude`).join('\n');
    const each = `${erasuresInWords(results)}${left ? `\n${left}` : ''}`;
    if (args.dryRun) {
      const open = undecided.length ? `\n${undecidedInWords(asked.reference, undecided)}\nA real run refuses until each is decided.` : '';
      const stdout = { reference: asked.reference, dryRun: true, matches, confirmed, excluded, undecided: undecided.map(({ reference, reasons }) => ({ reference, reasons })), wouldErase: of('would-erase'), leftAlone: of('left-alone') };
      return { exitCode: 0, stdout, stderr: `${summary}\nWhat a real run would do:\n${each}${open}\nA dry run: nothing was changed.` };
    }
    const failed = of('failed');
    const stdout = { reference: asked.reference, request, matches, confirmed, excluded, erased: of('erased'), leftAlone: of('left-alone'), failed };
    return { exitCode: failed.length ? 1 : 0, stdout, stderr: `${summary}\nCase by case:\n${each}` };
  } finally {
    await core.close();
  }
}
