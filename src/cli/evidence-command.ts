import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { makeEvidencePack, packContextAt } from '../documents/evidence/make-evidence-pack';
import { runCaseCommand } from '../cases/run-case-command';
import { ADMIN_CLI_ACTOR, recordEvidencePack } from '../domain/commands/record-evidence-pack';
import { UsageError } from './cli-io';
import type { CliResult } from './report-command';
import { adminUser } from './admin-user';

export interface EvidenceArgs { reference: string | undefined; format: string | undefined; out: string | undefined }

/**
 * `complaints evidence HC-2026-00042 --format pdf|html [--out dir] > pack.pdf`: the case's
 * evidence pack for the Ombudsman, from the store and file store the settings select. One
 * file goes to stdout; a PDF over the portal's 20 MB limit comes in parts, which need --out.
 * Making the pack is recorded on the case (by the admin command line, naming the OS user),
 * since it discloses the resident's personal data.
 */
export async function evidenceCommand(config: AppConfig, args: EvidenceArgs, now: () => Date = () => new Date()): Promise<CliResult> {
  const { reference } = args;
  if (!reference || reference.startsWith('--')) throw new UsageError('evidence needs a case reference, e.g. complaints evidence HC-2026-00042 --format pdf > pack.pdf.');
  const format = args.format ?? 'pdf';
  if (format !== 'pdf' && format !== 'html') throw new UsageError(`evidence --format must be pdf or html; "${format}" is not one.`);
  const core = await buildCore(config, { now });
  try {
    const record = await core.stores.cases.getCaseByReference(reference.trim().toUpperCase());
    if (!record) return { exitCode: 2, stderr: `There is no case ${reference} in the store.` };
    const user = adminUser();
    const generatedAt = now();
    const parts = await makeEvidencePack(record, packContextAt(core, generatedAt, `the admin command line (${user})`, core.letters.landlord.name), core.files, format);
    if (parts.length > 1 && !args.out) {
      return { exitCode: 2, stderr: `The pack is ${parts.length} parts (each under the Ombudsman portal's 20 MB): give --out <folder> to write them. Nothing was recorded.` };
    }
    const recorded = await runCaseCommand(core.stores.cases, core.ctx, record.id, { seenVersion: null, current: record }, ADMIN_CLI_ACTOR, recordEvidencePack, {
      format: format, parts: parts.length, why: `Made with "complaints evidence" by ${user}`,
    });
    if (!recorded.ok) return { exitCode: 1, stderr: `The pack was not given out: recording it on the case failed (${recorded.message}).` };
    await core.stores.accessLog.record({ caseId: record.id, at: generatedAt.toISOString(), by: ADMIN_CLI_ACTOR.id, what: 'evidence-pack' });
    if (!args.out) return { exitCode: 0, bytes: parts[0]?.body ?? Buffer.alloc(0) };
    mkdirSync(args.out, { recursive: true });
    const written = parts.map((p) => {
      const file = path.join(args.out ?? '.', p.name);
      writeFileSync(file, p.body);
      return { file, bytes: p.body.length };
    });
    return { exitCode: 0, stdout: { reference: record.reference, format, parts: written } };
  } finally {
    await core.close();
  }
}

