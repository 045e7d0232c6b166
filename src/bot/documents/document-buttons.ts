import { actsOnCase, mayHaveEvidencePack } from '../../domain/case-access';
import { attachCorrespondence } from '../../domain/commands/attach-correspondence';
import type { CaseFile, CommandContext } from '../../domain/commands/command';
import type { DirectoryPerson } from '../../domain/directory';
import type { CaseButton } from '../../cards/workflow-cards';

/** The verbs of the case's documents (src/bot/documents/document-actions.ts carries them out). */
export const DOCUMENT_VERBS = ['case.file.add', 'case.file.link', 'case.files', 'case.file.get', 'case.letters', 'case.letter.draft', 'case.letter.sent', 'case.pack'] as const;
export type DocumentVerb = (typeof DOCUMENT_VERBS)[number];
export const isDocumentVerb = (verb: string): verb is DocumentVerb => (DOCUMENT_VERBS as readonly string[]).includes(verb);

/** The buttons the case card gets for documents, for this viewer. */
export function documentButtons(file: CaseFile, viewer: DirectoryPerson, ctx: CommandContext): CaseButton[] {
  const pack: CaseButton[] = mayHaveEvidencePack(file, viewer, ctx.directory) ? [{ title: 'Evidence pack', verb: 'case.pack', documents: true }] : [];
  if (!actsOnCase(file, viewer, ctx.directory)) return pack;
  const buttons: CaseButton[] = [];
  if (attachCorrespondence.allowed(file, viewer, ctx) === null) buttons.push({ title: 'Add a file', verb: 'case.file.add', documents: true });
  if (file.view.correspondence.length > 0) buttons.push({ title: `Files (${file.view.correspondence.length})`, verb: 'case.files', documents: true });
  buttons.push({ title: 'Draft letter', verb: 'case.letters', documents: true });
  return [...buttons, ...pack];
}

