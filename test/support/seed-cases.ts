import type { CaseEvent } from '../../src/domain/case-events';
import { makeCase } from '../reports/fixtures';
import { asNewCase } from './case-fixtures';
import type { TestBot } from './test-app';

/** An invented case to put in a test bot's store: who handles it, where, and what happened. */
export interface SeedCase {
  events: CaseEvent[];
  estate: string;
  name: string;
  address?: string;
  loggedBy: string;
  category?: string;
}

/** Stores the case as intake would have (a fresh reference), and returns its id and reference. */
export async function seedCase(bot: TestBot, seed: SeedCase): Promise<{ caseId: string; reference: string }> {
  const record = makeCase('SEED', seed.events, { category: seed.category ?? 'repairs', estate: seed.estate, name: seed.name });
  record.details.loggedBy = seed.loggedBy;
  if (seed.address !== undefined) record.details.complainant.address = seed.address;
  const created = await bot.stores.cases.createCase(asNewCase(record));
  return { caseId: created.id, reference: created.reference };
}

/** Received and assigned to `officerId` on `on`, not yet acknowledged. */
export function receivedBy(officerId: string, on: string): CaseEvent[] {
  return [{ type: 'received', on }, { type: 'assigned', on, officerId }];
}
