import type { CaseRecord } from '../domain/case-record';
import { viewOf } from '../domain/case-view';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { bannerOf, DIRECTION_WORDS, formatDate, formatSize, type Banner, type CaseCardContext } from './card-text';

/**
 * The case's documents on one card template (cards/case-documents.json): its files, the
 * letters that can be drafted, the links to a file just made, and "Record as sent" for a
 * drafted letter. Each builder fills every field (a missing one would show as "${...}").
 */
export interface DocumentsCardInput {
  title: string;
  text?: string;
  note?: string;
  banner?: Banner;
  files?: Array<{ fileId: string; name: string; facts: string; description: string }>;
  letters?: Array<{ kind: string; name: string; available: boolean; why: string }>;
  links?: Array<{ title: string; url: string }>;
  recordSent?: { letterKind: string; on: string; max: string };
}

export function documentsCard(record: CaseRecord, input: DocumentsCardInput): AdaptiveCardJson {
  return renderCard('case-documents', {
    ...bannerOf(input.banner ?? ''),
    caseId: record.id,
    title: input.title,
    subtitle: `${record.reference} · ${record.details.complainant.complainantName}`,
    text: input.text ?? '',
    note: input.note ?? '',
    files: input.files ?? [],
    letters: input.letters ?? [],
    links: input.links ?? [],
    recordSent: input.recordSent ? { show: true, ...input.recordSent } : { show: false, letterKind: '', on: '', max: '' },
  });
}

/** At most this many files on the card (newest first), to stay well under Teams' card size limit. */
export const FILES_ON_CARD = 20;

/** The files attached to the case, newest first, each with its facts and a "Get the file" button. */
export function caseFilesCard(record: CaseRecord, ctx: CaseCardContext, banner: Banner = ''): AdaptiveCardJson {
  const all = [...viewOf(record, ctx).correspondence].reverse();
  const shown = all.slice(0, FILES_ON_CARD);
  return documentsCard(record, {
    title: 'Files on the case',
    banner,
    text: all.length === 0 ? 'No files are attached to this case yet. Use "Add a file" on the case card.' : '',
    note: all.length > shown.length ? `The newest ${shown.length} of ${all.length} files; the evidence pack lists them all.` : '',
    files: shown.map((c) => ({
      fileId: c.fileId,
      name: c.fileName,
      facts: `${DIRECTION_WORDS[c.direction].replace(/^./, (s) => s.toUpperCase())} · dated ${formatDate(c.dated)} · ${formatSize(c.size)} · SHA-256 ${c.sha256.slice(0, 12)}…`,
      description: c.description,
    })),
  });
}

export interface FileArrivedInput {
  fileName: string;
  fileToken: string;
  caseChoices: Array<{ title: string; value: string }>;
  values: Record<string, string>;
  errors: Record<string, string>;
  banner?: Banner;
  today: string;
  directions: Array<{ title: string; value: string }>;
}

/** A file sent to the bot in a Teams chat: which case it belongs to, and what it is. */
export function fileArrivedCard(input: FileArrivedInput): AdaptiveCardJson {
  const field = (k: string) => input.values[k] ?? '';
  const error = (k: string) => input.errors[k] ?? '';
  return renderCard('file-arrived', {
    ...bannerOf(input.banner ?? ''),
    title: `Attach ${input.fileName} to a case`,
    fileToken: input.fileToken,
    caseChoices: input.caseChoices,
    referenceLabel: input.caseChoices.length > 0 ? 'Or the case reference' : 'The case reference',
    directionChoices: input.directions,
    today: input.today,
    values: { caseId: field('caseId'), reference: field('reference'), on: field('on') || input.today, channel: field('channel'), text: field('text') },
    errors: { reference: error('reference'), on: error('on'), channel: error('channel'), text: error('text') },
  });
}
