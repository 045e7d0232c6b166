import { compareDates, type CalendarDate } from '../domain/calendar-date';
import { tsmGroupOf, type TsmGroup } from '../domain/tenure';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { CaseFacts, StageFacts } from './case-facts';
import { codeResponseDue } from './code-timescales';

/**
 * The Regulator of Social Housing's complaints measures, each for low-cost rental (LCRA) and
 * low-cost home ownership (LCHO) homes:
 * - CH01(1), CH01(2): stage one and stage two complaints received in the reporting year per
 *   1,000 homes of the group.
 * - CH02(1), CH02(2): the share of stage one and stage two complaints responded to in the year
 *   that were responded to within the Complaint Handling Code's timescales (code-timescales.ts).
 * Every figure comes with its numerator and denominator, so an auditor can check it. Pure.
 */
export interface TsmMeasure {
  id: 'CH01(1)' | 'CH01(2)' | 'CH02(1)' | 'CH02(2)';
  group: TsmGroup;
  name: string;
  numerator: number;
  denominator: number;
  /** Per 1,000 homes (CH01, two decimals) or a percentage (CH02, one decimal); null when the denominator is 0. */
  value: number | null;
  unit: 'per 1,000 homes' | '%';
}

export interface TsmFigures {
  year: { from: CalendarDate; to: CalendarDate; label: string };
  homes: { lcra: number; lcho: number };
  measures: TsmMeasure[];
  /** Complaints received in the year from residents in neither group, by tenure: not in the TSMs, shown so the totals reconcile. */
  outsideTsm: { stage1: Record<string, number>; stage2: Record<string, number> };
  counting: string[];
}

export interface TsmOptions {
  from: CalendarDate;
  to: CalendarDate;
  label: string;
  homes: { lcra: number; lcho: number };
  calendar: WorkingDayCalendar;
}

export const TSM_COUNTING_NOTES = [
  'Reporting year: 1 April to 31 March. A complaint counts at stage one in the year its stage one was received, and at stage two in the year its escalation was received.',
  'LCRA: residents whose tenure is social or affordable rent. LCHO: shared owners. Leaseholders, other tenures and tenures not known are in neither group and are listed separately.',
  'CH01: complaints received at the stage in the year (withdrawn ones included; refused ones, which were not accepted as complaints, left out), divided by the homes in the group, times 1,000.',
  'CH02: of the stage responses sent in the year, those sent within the Code\'s timescales: acknowledged within 5 working days, then a response within 10 working days (stage one) or 20 (stage two), plus any extension up to 10 (stage one) or 20 (stage two) working days. A late acknowledgement does not move the date; the Code has no pause.',
  'Stages: the policy\'s stage 1 and stage 2 are the Code\'s. An informal stage, and any third stage, are not Code stages and are not counted.',
] as const;

const inYear = (d: CalendarDate | null, from: CalendarDate, to: CalendarDate): d is CalendarDate => d !== null && compareDates(d, from) >= 0 && compareDates(d, to) <= 0;
const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

/** A group's counts: received (r), responses sent (s) and those within the Code's timescales (t), at stages 1 and 2. */
interface GroupTally { r1: number; r2: number; s1: number; s2: number; t1: number; t2: number }

/**
 * The counts behind TsmFigures, added a case at a time (addToTsmTally) and added together
 * (tally.ts): plain data, so a run of cases' tally adds to another's. `outsideTsm` keeps its
 * tenures in the order first met, as the figures list them.
 */
export interface TsmTally { LCRA: GroupTally; LCHO: GroupTally; outsideTsm: TsmFigures['outsideTsm'] }

const newGroup = (): GroupTally => ({ r1: 0, r2: 0, s1: 0, s2: 0, t1: 0, t2: 0 });

export function newTsmTally(): TsmTally {
  return { LCRA: newGroup(), LCHO: newGroup(), outsideTsm: { stage1: {}, stage2: {} } };
}

/** Counts one case's stages 1 and 2 received or responded to in [from, to]. */
export function addToTsmTally(t: TsmTally, f: CaseFacts, period: { from: CalendarDate; to: CalendarDate }, calendar: WorkingDayCalendar): void {
  const { from, to } = period;
  const group = tsmGroupOf(f.tenure);
  for (const s of f.stages) {
    if (s.stage !== 1 && s.stage !== 2) continue;
    const key = s.stage === 1 ? 'stage1' : 'stage2';
    if (inYear(s.receivedOn, from, to)) {
      if (group) t[group][s.stage === 1 ? 'r1' : 'r2'] += 1;
      else t.outsideTsm[key][f.tenure] = (t.outsideTsm[key][f.tenure] ?? 0) + 1;
    }
    if (group && inYear(s.respondedOn, from, to)) {
      t[group][s.stage === 1 ? 's1' : 's2'] += 1;
      if (respondedWithinCode(s, calendar)) t[group][s.stage === 1 ? 't1' : 't2'] += 1;
    }
  }
}

export function tsmFiguresOf(t: TsmTally, options: Omit<TsmOptions, 'calendar'>): TsmFigures {
  const { from, to } = options;
  const measures: TsmMeasure[] = [];
  for (const group of ['LCRA', 'LCHO'] as const) {
    const homes = group === 'LCRA' ? options.homes.lcra : options.homes.lcho;
    const c = t[group];
    const perThousand = (n: number): number | null => (homes === 0 ? null : round((n / homes) * 1000, 2));
    const percent = (n: number, of: number): number | null => (of === 0 ? null : round((n / of) * 100, 1));
    measures.push(
      { id: 'CH01(1)', group, name: 'Stage one complaints received per 1,000 homes', numerator: c.r1, denominator: homes, value: perThousand(c.r1), unit: 'per 1,000 homes' },
      { id: 'CH01(2)', group, name: 'Stage two complaints received per 1,000 homes', numerator: c.r2, denominator: homes, value: perThousand(c.r2), unit: 'per 1,000 homes' },
      { id: 'CH02(1)', group, name: 'Stage one complaints responded to within the Complaint Handling Code timescales', numerator: c.t1, denominator: c.s1, value: percent(c.t1, c.s1), unit: '%' },
      { id: 'CH02(2)', group, name: 'Stage two complaints responded to within the Complaint Handling Code timescales', numerator: c.t2, denominator: c.s2, value: percent(c.t2, c.s2), unit: '%' },
    );
  }
  return { year: { from, to, label: options.label }, homes: options.homes, measures, outsideTsm: t.outsideTsm, counting: [...TSM_COUNTING_NOTES] };
}

/** The whole-list form (every case's facts in memory), kept as the reference the hand-counted tests and the streamed reads are tested against: not for the bot or the commands, which count a case at a time (addToTsmTally). */
export function tsmFigures(facts: readonly CaseFacts[], options: TsmOptions): TsmFigures {
  const t = newTsmTally();
  for (const f of facts) addToTsmTally(t, f, options, options.calendar);
  return tsmFiguresOf(t, options);
}

function respondedWithinCode(s: StageFacts, calendar: WorkingDayCalendar): boolean {
  const due = codeResponseDue(s, calendar);
  return due !== null && s.respondedOn !== null && compareDates(s.respondedOn, due) <= 0;
}

/** One line per measure, as `report --tsm --format text` prints it: the figure, then how it was counted. */
export function tsmLines(figures: TsmFigures): string[] {
  return figures.measures.map((m) => {
    const value = m.value === null ? 'n/a' : m.unit === '%' ? `${m.value.toFixed(1)}%` : `${m.value.toFixed(2)} per 1,000 homes`;
    const how = m.unit === '%' ? `${m.numerator} of ${m.denominator} responses` : `${m.numerator} complaints / ${m.denominator.toLocaleString('en-GB')} homes x 1,000`;
    return `${m.id} ${m.group}: ${value} (${how}) - ${m.name}`;
  });
}
