import { calendarForPolicy } from '../../../src/calendar/policy-calendar';
import type { CaseEvent } from '../../../src/domain/case-events';
import type { CaseRecord, StoredEvent } from '../../../src/domain/case-record';
import { projectView } from '../../../src/domain/case-projection';
import { deriveCase } from '../../../src/domain/case-timeline';
import type { CaseFile, CommandContext } from '../../../src/domain/commands/command';
import type { Directory, DirectoryPerson } from '../../../src/domain/directory';
import { DEMO_DIRECTORY } from '../../../src/directory/demo-directory';
import { findPreset } from '../../../src/policies/preset-registry';
import { details } from '../../support/case-fixtures';

/** The demo directory's people, by id (invented). */
export const person = (id: string, directory: Directory = DEMO_DIRECTORY): DirectoryPerson => {
  const found = directory.people.find((p) => p.id === id);
  if (!found) throw new Error(`no ${id} in the directory`);
  return found;
};

export function contextFor(policyId: string, today: string, directory: Directory = DEMO_DIRECTORY): CommandContext {
  const policy = findPreset(policyId);
  if (!policy) throw new Error(`no preset ${policyId}`);
  return { policy, calendar: calendarForPolicy(policy), directory, today };
}

/** A stored case of a Riverside repair, from its events (each by Alex unless it says), as the domain derives it. */
export function fileOf(ctx: CommandContext, events: CaseEvent[]): CaseFile {
  const stored = events.map((e, i): StoredEvent => ({ ...e, id: `e${i}`, at: `${e.on}T10:00:00.000Z`, by: e.by ?? 'alex.morgan' }));
  const derived = deriveCase(stored, ctx);
  if (!derived.ok) throw new Error(derived.message);
  const record: CaseRecord = {
    id: 'case-1', reference: 'HC-2026-00042', policyId: ctx.policy.id, version: '"v1"',
    details: details({ complainant: { estate: 'Riverside' } }), events: stored, estate: 'Riverside', category: 'repairs', serviceArea: 'housing-management',
    ...projectView(derived.view),
  };
  return { record, view: derived.view };
}

/** Received Mon 21 Dec 2026 and assigned to Alex (AHM, Riverside); acknowledged Tue 22 Dec. */
export const RECEIVED: CaseEvent[] = [
  { type: 'received', on: '2026-12-21', stage: 1 },
  { type: 'assigned', on: '2026-12-21', officerId: 'alex.morgan' },
];
export const ACKNOWLEDGED: CaseEvent[] = [...RECEIVED, { type: 'acknowledged', on: '2026-12-22' }];
export const RESPONDED: CaseEvent[] = [...ACKNOWLEDGED, {
  type: 'responded', on: '2027-01-05', outcome: 'not-upheld',
  content: { stage: 'Stage 1', 'complaint-definition': 'd', reasons: 'r', remedy: 'None', 'outstanding-actions': 'None', 'how-to-escalate': 'Ask' },
}];
