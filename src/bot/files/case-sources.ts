import type { Logger } from 'pino';
import type { CaseContext } from '../../cases/case-context';
import type { LetterMaterials } from '../../core';
import { LETTER_WORDS, letterTitle, renderLetterFile } from '../../documents/letter-file';
import { composeLetter } from '../../documents/letters/compose-letter';
import { londonDateOf } from '../../domain/calendar-date';
import { actsOnCase, mayHaveEvidencePack } from '../../domain/case-access';
import { makeEvidencePack, packContextAt } from '../../documents/evidence/make-evidence-pack';
import { personWords } from '../../documents/evidence/pack-words';
import type { CaseRecord } from '../../domain/case-record';
import { viewOf } from '../../domain/case-view';
import type { DirectoryPerson } from '../../domain/directory';
import { FileStoreError, type FileStore } from '../../files/file-store.port';
import type { CaseStore } from '../../store/case-store.port';
import type { FileSource } from './offered-file';

/** Only those who act on the case may have its letters and files (the case access rule). */
async function mayHaveCase(cases: CaseStore, ctx: CaseContext, person: DirectoryPerson, caseId: string): Promise<CaseRecord | null> {
  const record = await cases.getCase(caseId);
  if (!record) return null;
  return actsOnCase({ record, view: viewOf(record, ctx) }, person, ctx.directory) ? record : null;
}

/** A letter drafted from the case as it is when fetched, in the landlord's template or as a PDF. */
export function letterSource(cases: CaseStore, ctx: CaseContext, letters: LetterMaterials): FileSource<'letter'> {
  return {
    words: (s) => `${LETTER_WORDS[s.letterKind]} (${s.format === 'docx' ? 'Word' : 'PDF'})`,
    title: (s) => `${letterTitle(s.letterKind)} (${s.format === 'docx' ? 'Word' : 'PDF'})`,
    description: (s) => `A draft of ${LETTER_WORDS[s.letterKind]} from the case record, to check and edit before it is sent.`,
    again: 'Press "Draft letter" on the case card again.',
    mayHave: async (person, s) => (await mayHaveCase(cases, ctx, person, s.caseId)) !== null,
    async render(s) {
      const record = await cases.getCase(s.caseId);
      if (!record) return null;
      const composed = composeLetter(record, s.letterKind, { ...ctx, landlord: letters.landlord, today: londonDateOf(ctx.now()) });
      return composed.ok ? renderLetterFile(composed.letter, s.format, letters.template) : null;
    },
  };
}

/** A file attached to the case, as stored: its hash is checked on read, and a changed file is not handed out. */
export function caseFileSource(cases: CaseStore, ctx: CaseContext, files: FileStore, logger: Logger): FileSource<'case-file'> {
  return {
    words: () => 'the file attached to the case',
    title: () => 'The attached file',
    description: () => 'A file attached to the case as correspondence.',
    again: 'Open the case and ask for the file again.',
    mayHave: async (person, s) => (await mayHaveCase(cases, ctx, person, s.caseId)) !== null,
    async render(s) {
      try {
        const { file, bytes } = await files.get(s.caseId, s.fileId);
        const fileType = /\.([A-Za-z0-9]{1,8})$/.exec(file.fileName)?.[1]?.toLowerCase() ?? 'bin';
        return { name: file.fileName, contentType: file.contentType, fileType, body: bytes };
      } catch (err) {
        if (!(err instanceof FileStoreError)) throw err;
        logger.warn({ caseId: s.caseId, fileId: s.fileId, code: err.code }, 'an attached file could not be handed out');
        return null;
      }
    },
  };
}

/** The case's evidence pack (PDF), made when fetched from the case and its files as they are then. */
export function evidencePackSource(cases: CaseStore, ctx: CaseContext, files: FileStore, letters: LetterMaterials): FileSource<'evidence-pack'> {
  return {
    words: (s) => `the evidence pack${s.part > 1 ? `, part ${s.part}` : ''}`,
    title: (s) => `Evidence pack (PDF${s.part > 1 ? `, part ${s.part}` : ''})`,
    description: () => 'The complaint file for the Ombudsman: the record, the timeline, the deadlines, the correspondence and the attached files.',
    again: 'Press "Evidence pack" on the case card again.',
    async mayHave(person, s) {
      const record = await cases.getCase(s.caseId);
      return !!record && mayHaveEvidencePack({ record, view: viewOf(record, ctx) }, person, ctx.directory);
    },
    async render(s) {
      const record = await cases.getCase(s.caseId);
      if (!record) return null;
      const generatedAt = ctx.now();
      const parts = await makeEvidencePack(record, packContextAt(ctx, generatedAt, personWords(ctx.directory, s.by), letters.landlord.name), files, 'pdf');
      return parts[s.part - 1] ?? null;
    },
  };
}
