import { isCalendarDate, londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { EXAMPLE_LANDLORD_FILE, LetterFileError, readLandlord, readLetterTemplate } from '../documents/letter-files';
import { composeLetter } from '../documents/letters/compose-letter';
import { isLetterKind, LETTER_KINDS } from '../documents/letters/letter';
import { LetterTemplateError, renderDocx } from '../documents/render/docx-letter';
import { renderPdf } from '../documents/render/pdf-letter';
import { UsageError } from './cli-io';
import type { CliResult } from './report-command';

export const LETTER_FORMATS = ['docx', 'pdf'] as const;

export interface LetterArgs {
  reference: string | undefined;
  kind: string | undefined;
  format: string | undefined;
  /** The landlord's own Word template; default templates/letter.docx. */
  template: string | undefined;
  /** The landlord's name and address (JSON); default the invented example. */
  landlord: string | undefined;
  /** The letter's date; default today in London. */
  date: string | undefined;
}

/**
 * `complaints letter HC-2026-00042 --kind stage-1-response --format docx|pdf [--template f.docx]
 * [--landlord f.json] [--date YYYY-MM-DD] > letter.docx`: a letter drafted from the case in the
 * store the settings select, checked against what it must contain, as Word or PDF bytes on
 * stdout. An unknown case or kind, or a letter missing a required item, exits 2 saying which.
 */
export async function letterCommand(config: AppConfig, args: LetterArgs, today: CalendarDate = londonDateOf(new Date())): Promise<CliResult> {
  const { reference } = args;
  if (!reference || reference.startsWith('--')) throw new UsageError('letter needs a case reference, e.g. complaints letter HC-2026-00042 --kind stage-1-response --format docx.');
  if (!isLetterKind(args.kind)) throw new UsageError(`letter --kind must be one of ${LETTER_KINDS.join(', ')}${args.kind ? `; "${args.kind}" is not one` : ''}.`);
  const format = args.format ?? 'docx';
  if (!(LETTER_FORMATS as readonly string[]).includes(format)) throw new UsageError(`letter --format must be docx or pdf; "${format}" is not one.`);
  if (args.date !== undefined && !isCalendarDate(args.date)) throw new UsageError('letter --date must be a date as YYYY-MM-DD.');
  let landlord, template;
  try {
    landlord = readLandlord(args.landlord ?? EXAMPLE_LANDLORD_FILE);
    template = format === 'docx' ? readLetterTemplate(args.template) : null;
  } catch (err) {
    if (err instanceof LetterFileError) return { exitCode: 2, stderr: err.message };
    throw err;
  }
  const core = await buildCore(config);
  try {
    const record = await core.stores.cases.getCaseByReference(reference.trim().toUpperCase());
    if (!record) return { exitCode: 2, stderr: `There is no case ${reference} in the store.` };
    const result = composeLetter(record, args.kind, { policy: core.policy, calendar: core.calendar, directory: core.directory, landlord, today: args.date ?? today });
    if (!result.ok) return { exitCode: 2, stderr: result.message };
    const note = args.landlord ? undefined : `The letterhead uses the invented example landlord (${EXAMPLE_LANDLORD_FILE}); pass --landlord <file.json> with your own name and address.`;
    try {
      const bytes = template ? renderDocx(result.letter, template) : await renderPdf(result.letter);
      return { exitCode: 0, bytes, ...(note ? { stderr: note } : {}) };
    } catch (err) {
      if (err instanceof LetterTemplateError) return { exitCode: 2, stderr: err.message };
      throw err;
    }
  } finally {
    await core.close();
  }
}
