import { randomUUID } from 'node:crypto';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseContext } from '../../src/cases/case-context';
import { planNewCase } from '../../src/cases/plan-new-case';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { complainantSchema, complaintSchema } from '../../src/intake/intake-fields';
import { findPreset } from '../../src/policies/preset-registry';
import type { CaseStore } from '../../src/store/case-store.port';

/** Invented complaints, made through the same planning code as the intake, so they replay under the policy. */
export function benchContext(now: Date): CaseContext {
  const policy = findPreset('hos-2024');
  if (!policy) throw new Error('the hos-2024 preset is missing');
  return { policy, directory: DEMO_DIRECTORY, calendar: calendarForPolicy(policy), now: () => now, newId: randomUUID };
}

export async function createBenchCases(store: CaseStore, count: number, receivedOn: string, now: Date): Promise<string[]> {
  const ctx = benchContext(now);
  const alex = DEMO_DIRECTORY.people.find((p) => p.id === 'alex.morgan');
  if (!alex) throw new Error('the demo directory has no Alex Morgan');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const plan = planNewCase({
      intakeId: `bench-${i}`, loggedBy: alex,
      complainant: complainantSchema.parse({ complainantName: `Bench Resident ${i}`, preferredContact: 'letter', address: `${i} Example Street`, estate: 'Riverside' }),
      complaint: complaintSchema(receivedOn).parse({
        channel: 'phone', receivedOn, issueOccurredOn: receivedOn, category: 'repairs', serviceArea: 'housing-management',
        description: 'Invented for the benchmark', complaintDefinition: 'Invented', outcomeSought: 'Invented',
      }),
    }, ctx);
    if (!plan.ok) throw new Error(plan.message);
    ids.push((await store.createCase(plan.record)).id);
  }
  return ids;
}
