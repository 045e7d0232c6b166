import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config';
import { buildCore, type Core } from '../core';
import { runCaseCommand } from '../cases/run-case-command';
import type { CaseRecord } from '../domain/case-record';
import { ADMIN_CLI_ACTOR } from '../domain/commands/record-evidence-pack';
import { recordSubjectAccess, type RecordSubjectAccessInput } from '../domain/commands/record-subject-access';
import { adminDecision } from './admin-decision';
import { gatherSubjectAccess, renderSubjectAccess } from '../documents/subject-access/make-subject-access';
import type { SubjectAccessExport } from '../documents/subject-access/subject-access-export';
import { FileStoreError } from '../files/file-store.port';
import { adminUser } from './admin-user';
import { UsageError } from './cli-io';
import { findComplainantCases, loadMatchedRecords, matchesInWords, parseReferences, referenceArg } from './complainant-cases';
import type { CliResult } from './report-command';

export interface SubjectAccessArgs { reference: string | undefined; format: string | undefined; out: string | undefined; exclude: string | undefined }

/**
 * `complaints subject-access --reference HC-2026-00042 --format json|pdf [--out dir] [--exclude HC-...,HC-...]`:
 * everything held about that case's complainant, over every case matched to them (docs/data-protection.md).
 * The export goes to stdout, or with --out into the folder with a copy of each file still held.
 * The matched cases and why are listed on stderr (and in the export) for a person to confirm
 * before sending; --exclude leaves out a case that is someone else's. Making the export is
 * recorded on every case in it (by the admin command line, naming the OS user).
 */
export async function subjectAccessCommand(config: AppConfig, args: SubjectAccessArgs, now: () => Date = () => new Date()): Promise<CliResult> {
  const reference = referenceArg(args.reference, 'subject-access');
  const format = args.format ?? 'json';
  if (format !== 'json' && format !== 'pdf') throw new UsageError(`subject-access --format must be json or pdf; "${format}" is not one.`);
  const exclude = parseReferences(args.exclude);
  const core = await buildCore(config, { now });
  try {
    const asked = await core.stores.cases.getCaseByReference(reference);
    if (!asked) return { exitCode: 2, stderr: `There is no case ${reference} in the store.` };
    const { matched, excluded } = await findComplainantCases(core.stores.cases, asked, exclude);
    const cases = await loadMatchedRecords(core.stores.cases, asked, matched);
    const user = adminUser();
    const madeAt = now();
    const data = await gatherSubjectAccess(asked.reference, cases, excluded, { at: madeAt, by: `the admin command line (${user})`, landlordName: core.letters.landlord.name }, {
      files: core.files, accessLog: core.stores.accessLog, directory: core.directory,
    });
    const file = await renderSubjectAccess(data, format);
    // Recorded on every case before anything is given out: a disclosure that is not recorded does not happen.
    const input = { format, cases: cases.length, why: `Made with "complaints subject-access" for the complainant of ${asked.reference} by ${user}` } as const;
    const refused = cases.map(({ record }) => cannotRecord(core, record, input)).find((r) => r !== null);
    if (refused) return { exitCode: 1, stderr: `The export was not given out, and it was recorded on no case: ${refused}.` };
    const notRecorded = await recordOnEach(core, cases.map((c) => c.record), input);
    if (notRecorded) return { exitCode: 1, stderr: notRecorded };
    const summary = `Matched ${cases.length} case${cases.length === 1 ? '' : 's'} to the complainant of ${asked.reference}:\n${matchesInWords(matched)}\n`
      + 'Check each is theirs before sending; leave one out with --exclude <reference>.';
    if (!args.out) return format === 'pdf' ? { exitCode: 0, bytes: file.body, stderr: summary } : { exitCode: 0, text: file.body.toString('utf8'), stderr: summary };
    mkdirSync(args.out, { recursive: true });
    const exportFile = path.join(args.out, file.name);
    writeFileSync(exportFile, file.body);
    const copies = await copyFiles(core, cases.map((c) => c.record), data, args.out);
    return { exitCode: 0, stdout: { reference: asked.reference, format, export: exportFile, files: copies, matches: data.matches, excluded } };
  } finally {
    await core.close();
  }
}

/**
 * Why the export cannot be recorded on this case (null: it can), checked on every case before
 * any is written, so that a case that cannot take the record (it does not replay, or the
 * command does not allow it) leaves no other case saying an export was made.
 */
function cannotRecord(core: Core, record: CaseRecord, input: RecordSubjectAccessInput): string | null {
  const decided = adminDecision(core.ctx, record, recordSubjectAccess, input);
  if (decided.ok) return null;
  return 'replay' in decided
    ? `${record.reference} cannot record it, as the case does not replay under the policy in force (${decided.replay.message})`
    : `${record.reference} cannot record it (${decided.message})`;
}

/**
 * Records the export on each case in turn; null when all are recorded. A write can still fail
 * part-way (the case changed more often than the retries allow, the store unavailable): then the
 * cases already recorded say an export was made though none is given out, so the message names
 * exactly which, for the administrator to note on them or to run the export again.
 */
async function recordOnEach(core: Core, records: readonly CaseRecord[], input: RecordSubjectAccessInput): Promise<string | null> {
  const done: string[] = [];
  for (const [i, record] of records.entries()) {
    let failure: string;
    try {
      const recorded = await runCaseCommand(core.stores.cases, core.ctx, record.id, { seenVersion: null, current: record }, ADMIN_CLI_ACTOR, recordSubjectAccess, input);
      if (recorded.ok) {
        done.push(record.reference);
        continue;
      }
      failure = recorded.message;
    } catch (err) {
      failure = err instanceof Error ? err.message : String(err);
    }
    const rest = records.slice(i + 1).map((r) => r.reference);
    return 'The export was NOT given out. '
      + (done.length ? `It was recorded as made on ${done.join(', ')}; recording it on ${record.reference} failed (${failure})` : `Recording it on ${record.reference} failed (${failure})`)
      + (rest.length ? `, and ${rest.join(', ')} ${rest.length === 1 ? 'was' : 'were'} not reached.` : '.')
      + (done.length ? ` The record on ${done.join(', ')} says an export was made though none was given out: run the command again to give it out, or note on ${done.length === 1 ? 'that case' : 'those cases'} that it was not.` : ' Run the command again.');
  }
  return null;
}

/** A copy of each file still held, under files/<reference>/, checked against the SHA-256 its case recorded. */
async function copyFiles(core: Core, records: readonly CaseRecord[], data: SubjectAccessExport, out: string): Promise<Array<{ reference: string; file: string; copied: boolean; why?: string }>> {
  const copies: Array<{ reference: string; file: string; copied: boolean; why?: string }> = [];
  for (const record of records) {
    const attached = record.events.filter((e) => e.type === 'correspondence-attached');
    for (const [i, e] of attached.entries()) {
      const target = path.join(out, 'files', record.reference, `${i + 1}-${path.basename(e.fileName).replace(/[^\w.() -]/g, '_')}`);
      const listed = data.cases.find((c) => c.reference === record.reference)?.files[i];
      if (!listed?.held) {
        copies.push({ reference: record.reference, file: target, copied: false, why: 'no longer held' });
        continue;
      }
      try {
        const { file, bytes } = await core.files.get(record.id, e.fileId);
        if (file.sha256 !== e.sha256) {
          copies.push({ reference: record.reference, file: target, copied: false, why: 'not the file attached (its SHA-256 differs)' });
          continue;
        }
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, bytes);
        copies.push({ reference: record.reference, file: target, copied: true });
      } catch (err) {
        if (!(err instanceof FileStoreError)) throw err;
        copies.push({ reference: record.reference, file: target, copied: false, why: err.code === 'FILES.TAMPERED' ? 'changed since it was stored' : 'could not be read' });
      }
    }
  }
  return copies;
}
