import { z } from 'zod';
import { LETTER_KINDS } from '../../documents/letters/letter';
import type { DirectoryPerson } from '../../domain/directory';

/**
 * What the bot can hand a person as a file, by link or by Teams file consent: the report's two
 * files, a letter drafted from a case, or a file attached to a case. A grant names one of
 * these; the file is made (or read) when it is fetched, from the store as it is then.
 */
export const offerSubject = z.discriminatedUnion('source', [
  /** The report's files, made for `by` (a directory id): its per-case rows are of the cases that person may see. */
  z.object({ source: z.literal('report'), kind: z.enum(['report-html', 'log-csv']), period: z.object({ from: z.string(), to: z.string(), label: z.string() }), by: z.string() }),
  z.object({ source: z.literal('letter'), caseId: z.string(), letterKind: z.enum(LETTER_KINDS), format: z.enum(['docx', 'pdf']) }),
  z.object({ source: z.literal('case-file'), caseId: z.string(), fileId: z.string() }),
  /** One part (1-based) of the case's evidence pack, made for `by` (a directory id). */
  z.object({ source: z.literal('evidence-pack'), caseId: z.string(), part: z.number().int().min(1), by: z.string() }),
]);
export type OfferSubject = z.infer<typeof offerSubject>;
export type OfferSource = OfferSubject['source'];
export type SubjectOf<S extends OfferSource> = Extract<OfferSubject, { source: S }>;

/** A file ready to hand over. */
export interface OfferedFile {
  /** The name it is saved under: dates, references and kinds for what the bot makes; an attached file keeps its own. */
  name: string;
  contentType: string;
  /** Without the dot, as Teams' file cards want it. */
  fileType: string;
  body: Buffer;
}

/** How one source's files are described, who may have them, and how they are made. */
export interface FileSource<S extends OfferSource> {
  /** The file in a sentence, e.g. "the full report for Oct to Dec 2026". */
  words(subject: SubjectOf<S>): string;
  /** A button's title, e.g. "Full report (HTML)". */
  title(subject: SubjectOf<S>): string;
  /** A line for the consent card, saying what the file is. */
  description(subject: SubjectOf<S>): string;
  /** How to ask for it again, e.g. 'Type "report" and the period again.' */
  again: string;
  /** Whether this person may have it now (they may have left the directory or the case's circle). */
  mayHave(person: DirectoryPerson, subject: SubjectOf<S>): Promise<boolean>;
  /** The file as it is now; null when it can no longer be made (the case changed, the file is gone). */
  render(subject: SubjectOf<S>): Promise<OfferedFile | null>;
}

export type FileSources = { [S in OfferSource]: FileSource<S> };
