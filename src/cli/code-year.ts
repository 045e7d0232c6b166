import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore, type Core } from '../core';
import type { Homes } from '../documents/letter-files';
import { caseFacts, type ReportContext } from '../reports/case-facts';
import { addToYear, newYearTally, type YearTally } from '../reports/code-year-tally';
import { parsePeriod, type Period } from '../reports/periods';
import { reportContext, reportStoreRange, stageReturnOptionsOf } from '../reports/report';
import { UsageError } from './cli-io';

/**
 * What the Code-year commands (report --tsm, self-assessment, annual-report) share: the
 * reporting year from `--year`, and the year's tally (code-year-tally.ts) of every case received
 * up to its end, read once from the store the settings select.
 */
export function parseYear(command: string, year: string | undefined): Period {
  if (!year || !/^\d{4}$/.test(year)) throw new UsageError(`${command} needs --year YYYY: the reporting year from 1 April of that year to 31 March of the next.`);
  const period = parsePeriod(`FY${year}`);
  if (!period) throw new UsageError(`${command}: --year ${year} is not a year.`);
  return period;
}

export interface CodeYear {
  core: Core;
  period: Period;
  /** With the memo calendar (reportContext), as the tally was counted. */
  ctx: ReportContext;
  /** Every case received up to the end of the year, counted (remedies, escalations and the Ombudsman run on from earlier years). */
  tally: YearTally;
}

export async function loadCodeYear(config: AppConfig, period: Period, today: CalendarDate = londonDateOf(new Date())): Promise<CodeYear> {
  const core = await buildCore(config);
  try {
    const ctx = reportContext({ policy: core.policy, calendar: core.calendar, today });
    const range = reportStoreRange(period);
    // A page at a time, as the report reads them: each case's facts are counted and dropped, so
    // memory grows with what the documents show, not with the number of cases.
    const tally = newYearTally(ctx);
    const national = stageReturnOptionsOf(ctx, period);
    for await (const record of core.stores.cases.reportCasesReceivedBetween(range.from, range.to)) addToYear(tally, caseFacts(record, ctx), ctx, period, national);
    return { core, period, ctx, tally };
  } catch (err) {
    await core.close();
    throw err;
  }
}

/** Thrown when the landlord file has no `homes`: the TSMs cannot be counted without them. */
export class MissingHomesError extends Error {}

/** The homes per TSM group from the landlord file (LANDLORD_FILE), or an error saying what to add. */
export function homesFrom(core: Core, landlordFile: string | undefined): Homes {
  const homes = core.letters.landlord.homes;
  if (homes) return homes;
  const where = landlordFile ? `The landlord file ${landlordFile} (LANDLORD_FILE)` : 'The landlord file';
  throw new MissingHomesError(`${where} has no "homes", which the Tenant Satisfaction Measures are counted per: add "homes": {"lcra": <low-cost rental homes>, "lcho": <shared ownership homes>}.`);
}
