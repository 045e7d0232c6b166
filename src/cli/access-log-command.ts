import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { findPerson } from '../domain/directory';
import { UsageError, type CommandResult } from './cli-io';

/**
 * `complaints access-log HC-2026-00042`: who has seen the case's personal data (its card with
 * the complainant's details, its history, a file, a letter, the evidence pack) and when,
 * newest first: the landlord's answer to "who has seen my file".
 */
export async function accessLogCommand(config: AppConfig, reference: string | undefined): Promise<CommandResult> {
  if (!reference || reference.startsWith('--')) throw new UsageError('access-log needs a case reference, e.g. complaints access-log HC-2026-00042.');
  const core = await buildCore(config);
  try {
    const record = await core.stores.cases.getCaseByReference(reference.trim().toUpperCase());
    if (!record) return { exitCode: 2, stderr: `There is no case ${reference} in the store.` };
    const entries = await core.stores.accessLog.list(record.id);
    return {
      exitCode: 0,
      stdout: {
        reference: record.reference,
        accesses: entries.map((e) => ({ at: e.at, by: e.by, name: findPerson(core.directory, e.by)?.name ?? (e.by === 'admin-cli' ? 'the admin command line' : 'no longer in the directory'), what: e.what })),
      },
    };
  } finally {
    await core.close();
  }
}
