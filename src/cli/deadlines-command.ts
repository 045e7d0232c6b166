import { calendarForPolicy } from '../calendar/policy-calendar';
import { deriveCase } from '../domain/case-timeline';
import { tsmGroupOf } from '../domain/tenure';
import { loadPolicy } from '../policies/load-policy';
import type { CommandResult } from './cli-io';
import { parseTimeline } from './timeline-input';

/**
 * Derives stage, state and every started deadline from a timeline on stdin. Exit 1 when an
 * event is refused (naming it and why), 2 when the input or the policy is invalid.
 */
export function deadlinesCommand(policyName: string, input: string): CommandResult {
  const loaded = loadPolicy(policyName);
  if (!loaded.ok) return { exitCode: 2, stderr: `Invalid policy ${policyName}:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}` };
  const timeline = parseTimeline(input);
  if (!timeline.ok) return { exitCode: 2, stderr: `Invalid timeline:\n${timeline.errors.map((e) => `  - ${e}`).join('\n')}` };

  const result = deriveCase(timeline.events, { policy: loaded.policy, calendar: calendarForPolicy(loaded.policy) });
  if (!result.ok) {
    const event = timeline.events[result.eventIndex];
    return { exitCode: 1, stderr: `Event ${result.eventIndex + 1} (${event?.type} on ${event?.on}) refused: ${result.code}: ${result.message}` };
  }
  const { view } = result;
  return {
    exitCode: 0,
    stdout: {
      stage: view.stage,
      state: view.state,
      // A follow-up (an action, an Ombudsman request or order) names its id.
      deadlines: view.deadlines.map((d) => ({ stage: d.stage, kind: d.kind, ...(d.id ? { id: d.id } : {}), due: d.due, metOn: d.metOn })),
      ...(view.escalationWindowCloses ? { escalationWindowCloses: view.escalationWindowCloses } : {}),
      // The tenure given on the received event, and the Tenant Satisfaction Measures group it counts in.
      ...(timeline.tenure ? { tenure: timeline.tenure, tsmGroup: tsmGroupOf(timeline.tenure) } : {}),
    },
  };
}
