import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseEvent } from '../../src/domain/case-events';
import { deriveCase, type TimelineResult } from '../../src/domain/case-timeline';
import { findPreset } from '../../src/policies/preset-registry';

/** Derives a case under a preset, as the app does: the preset's own nation and closures. */
export function derive(policyId: string, events: CaseEvent[]): TimelineResult {
  const policy = findPreset(policyId);
  if (!policy) throw new Error(`no preset ${policyId}`);
  return deriveCase(events, { policy, calendar: calendarForPolicy(policy) });
}

/** Compact deadline rows for table assertions: [stage, kind, due, metOn]. */
export type Row = [number, string, string, string | null];

export function rows(result: TimelineResult): Row[] {
  if (!result.ok) throw new Error(`refused at event ${result.eventIndex + 1}: ${result.code}: ${result.message}`);
  return result.view.deadlines.map((d) => [d.stage, d.kind, d.due, d.metOn]);
}
