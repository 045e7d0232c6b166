import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { countsTsms, tsmAreEnglands } from '../reports/national-measures';
import { tsmFiguresOf, tsmLines } from '../reports/tsm';
import { UsageError } from './cli-io';
import { homesFrom, loadCodeYear, MissingHomesError, parseYear } from './code-year';
import type { CliResult } from './report-command';

export interface TsmArgs { year: string | undefined; format: string | undefined }

/**
 * `complaints report --tsm --year 2026 [--format json|text]`: CH01 and CH02 for LCRA and LCHO
 * homes over the reporting year, each with its numerator and denominator. Exit 2 when the
 * landlord file has no homes, or when the policy follows another nation's model (the TSMs are England's).
 */
export async function tsmCommand(config: AppConfig, args: TsmArgs, today: CalendarDate = londonDateOf(new Date())): Promise<CliResult> {
  const period = parseYear('report --tsm', args.year);
  const format = args.format ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError('report --tsm --format must be json or text.');
  const year = await loadCodeYear(config, period, today);
  try {
    // Refused rather than left out: the command's whole answer is the TSMs, and an empty answer could pass for a count of none.
    if (!countsTsms(year.core.policy)) return { exitCode: 2, stderr: tsmAreEnglands(year.core.policy) };
    const homes = homesFrom(year.core, config.letters.landlordFile);
    const figures = tsmFiguresOf(year.tally.tsm, { from: period.from, to: period.to, label: period.label, homes });
    const counting = year.core.letters.exampleLandlord
      ? [...figures.counting, 'Homes: from the invented example landlord file (LANDLORD_FILE is not set); set LANDLORD_FILE to your own.']
      : figures.counting;
    if (format === 'json') return { exitCode: 0, stdout: { ...figures, counting } };
    const header = `Tenant Satisfaction Measures, ${period.label} (${period.from} to ${period.to}); homes: LCRA ${homes.lcra}, LCHO ${homes.lcho}`;
    return { exitCode: 0, text: `${[header, ...tsmLines(figures), '', ...counting.map((c) => `- ${c}`)].join('\n')}\n` };
  } catch (err) {
    if (err instanceof MissingHomesError) return { exitCode: 2, stderr: err.message };
    throw err;
  } finally {
    await year.core.close();
  }
}
