import type { CalendarDate } from '../domain/calendar-date';
import { modelProcedureOf } from '../domain/model-procedures';
import type { Policy } from '../domain/policy';
import type { WorkingDayCalendar } from '../domain/working-days';
import { stageReturnOf, type StageReturnFigures, type StageReturnOptions, type StageReturnTally } from './shr-return';

/**
 * Which regulator's complaints measures a report shows, by the policy's model procedure:
 * England's Tenant Satisfaction Measures (the Regulator of Social Housing) only under the
 * Housing Ombudsman's Code; the Scottish Housing Regulator's annual return figures under the
 * SPSO's model; under the PSOW's model, which has no statutory measure, the same stage counts
 * labelled as the policy's own. Pure.
 */
export type NationalMeasures =
  /** The TSMs: `report --tsm`, the annual report and the dashboard count them (tsm.ts). */
  | { kind: 'england-tsm' }
  | { kind: 'scotland-arc'; figures: StageReturnFigures; tsmNote: string }
  | { kind: 'wales-policy'; figures: StageReturnFigures; tsmNote: string };

/** True when the policy follows England's Code, for which the Tenant Satisfaction Measures are counted. */
export function countsTsms(policy: Pick<Policy, 'modelProcedure'>): boolean {
  return policy.modelProcedure === 'hos-code-2024';
}

/**
 * The one sentence a report or command gives instead of the TSMs under another nation's model:
 * a Scottish or Welsh landlord shown CH01 and CH02 would read them as its own duty, and they are not.
 */
export function tsmAreEnglands(policy: Pick<Policy, 'modelProcedure'>): string {
  return `The Tenant Satisfaction Measures are England's: the Regulator of Social Housing sets them for landlords in England, and this policy follows ${modelProcedureOf(policy.modelProcedure).name}, so they are not counted.`;
}

/** Said plainly above the Welsh figures, so no reader takes them for a regulator's measure. */
export const NO_WELSH_STATUTORY_MEASURE = 'There is no statutory Welsh measure of complaint handling like England\'s Tenant Satisfaction Measures. These are the complaints at each stage and the share responded to within the policy\'s own timescales, as the policy counts them.';

/** What the return counts under the policy: its formal stages with their response timescale. */
export function stageReturnOptions(policy: Policy, calendar: WorkingDayCalendar, period: { from: CalendarDate; to: CalendarDate }): StageReturnOptions {
  return { ...period, calendar, stages: policy.stages.map((s) => ({ number: s.number, name: s.name, respondWorkingDays: s.respond.workingDays })) };
}

/** The measures from the return's tally (shr-return.ts): null under England's Code, which counts the TSMs instead. */
export function nationalMeasuresOf(t: StageReturnTally | null, policy: Policy, calendar: WorkingDayCalendar, period: { from: CalendarDate; to: CalendarDate }): NationalMeasures {
  if (countsTsms(policy) || t === null) return { kind: 'england-tsm' };
  const figures = stageReturnOf(t, stageReturnOptions(policy, calendar, period));
  const tsmNote = tsmAreEnglands(policy);
  return policy.modelProcedure === 'spso-mchp' ? { kind: 'scotland-arc', figures, tsmNote } : { kind: 'wales-policy', figures, tsmNote };
}
