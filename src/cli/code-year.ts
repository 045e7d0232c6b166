import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore, type Core } from '../core';
import type { Homes } from '../documents/letter-files';
import { caseFacts, type CaseFacts, type ReportContext } from '../reports/case-facts';
import { parsePeriod, type Period } from '../reports/periods';
import { reportStoreRange } from '../reports/report';
import { UsageError } from './cli-io';

/**
 * What the Code-year commands (report --tsm, self-assessment, annual-report) share: the
 * reporting year from `--year`, and the facts of every case received up to its end, read once
 * from the store the settings select.
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
  ctx: ReportContext;
  /** Every case received up to the end of the year (remedies, escalations and the Ombudsman run on from earlier years). */
  facts: CaseFacts[];
}

export async function loadCodeYear(config: AppConfig, period: Period, today: CalendarDate = londonDateOf(new Date())): Promise<CodeYear> {
  const core = await buildCore(config);
  try {
    const ctx: ReportContext = { policy: core.policy, calendar: core.calendar, today };
    const range = reportStoreRange(period);
    // A page at a time, as the report reads them: each case's facts are kept, not its whole record
    // (the TSMs, the self-assessment and the annual report still count over the list of facts).
    const facts: CaseFacts[] = [];
    for await (const record of core.stores.cases.reportCasesReceivedBetween(range.from, range.to)) facts.push(caseFacts(record, ctx));
    return { core, period, ctx, facts };
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
