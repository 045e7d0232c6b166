import type { Logger } from 'pino';
import { commandContext, type CaseContext } from '../../cases/case-context';
import { runCaseCommand } from '../../cases/run-case-command';
import type { CalendarDate } from '../../domain/calendar-date';
import type { CorrespondenceDirection } from '../../domain/case-events';
import type { CaseRecord } from '../../domain/case-record';
import { viewOf } from '../../domain/case-view';
import { attachCorrespondence } from '../../domain/commands/attach-correspondence';
import type { DirectoryPerson } from '../../domain/directory';
import { FileRefusedError, FileStoreError, type FileStore, type StoredFile } from '../../files/file-store.port';
import type { CaseStore } from '../../store/case-store.port';

/** What the person says of the file: its own date, which way it went, and a line about it. */
export interface CorrespondenceFacts { dated: CalendarDate; direction: CorrespondenceDirection; description: string }

export interface IncomingFile { fileName: string; contentType: string; bytes: Uint8Array }

export type AttachResult =
  | { ok: true; record: CaseRecord; file: StoredFile }
  | { ok: false; message: string };

export interface AttachDeps { cases: CaseStore; files: FileStore; ctx: CaseContext; logger: Logger }

/**
 * Attaches a file to a case as correspondence, all or nothing: the person must act on the
 * case (asked before anything is stored), the file store checks and keeps the bytes, then the
 * case records the file's facts and hash. If the case refuses the event (it was closed in the
 * meantime, say), the stored file is removed again, so no file exists that the history does
 * not name. A file never conflicts with another change, so it is added to the case as it is now.
 */
export async function attachFile(deps: AttachDeps, person: DirectoryPerson, caseId: string, facts: CorrespondenceFacts, incoming: IncomingFile): Promise<AttachResult> {
  const record = await deps.cases.getCase(caseId);
  if (!record) return { ok: false, message: 'There is no such case. Nothing was stored.' };
  const probe = attachCorrespondence.allowed({ record, view: viewOf(record, deps.ctx) }, person, commandContext(deps.ctx));
  if (probe) return { ok: false, message: `${probe.message} Nothing was stored.` };

  let file: StoredFile;
  try {
    file = await deps.files.put({ caseId, fileName: incoming.fileName, contentType: incoming.contentType, bytes: incoming.bytes });
  } catch (err) {
    if (err instanceof FileRefusedError) return { ok: false, message: err.message };
    if (err instanceof FileStoreError) {
      deps.logger.error({ reference: record.reference, code: err.code, err: err.message }, 'the file store could not keep a file');
      return { ok: false, message: 'The file could not be stored just now, so nothing was attached. Try again in a few minutes.' };
    }
    throw err;
  }

  const input = { fileId: file.fileId, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256, ...facts };
  let result;
  try {
    result = await runCaseCommand(deps.cases, deps.ctx, caseId, { seenVersion: null, current: record }, person, attachCorrespondence, input);
  } catch (err) {
    await undo(deps, caseId, file);
    throw err;
  }
  if (!result.ok) {
    await undo(deps, caseId, file);
    return { ok: false, message: `${result.message} Nothing was attached.` };
  }
  deps.logger.info({ reference: result.record.reference, fileId: file.fileId, bytes: file.size }, 'file attached to a case');
  return { ok: true, record: result.record, file };
}

async function undo(deps: AttachDeps, caseId: string, file: StoredFile): Promise<void> {
  try {
    await deps.files.delete(caseId, file.fileId);
  } catch (err) {
    // The case does not name it, so it is an orphan: findable by listing the case's files against its history.
    deps.logger.error({ caseId, fileId: file.fileId, err: err instanceof Error ? err.message : String(err) }, 'a file the case refused could not be removed');
  }
}
