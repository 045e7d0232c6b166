import type { CaseRecord } from '../../src/domain/case-record';
import { asNewCase } from '../support/case-fixtures';
import { sqliteFactory, type StoreFixture } from '../support/store-fixtures';

/**
 * Hand-made cases (makeCase) put in a fresh SQLite store, so that a test reads them as the bot
 * does: a page at a time (readReportFiles, readDashboardTally). The store gives each its own
 * reference; `references` lists them in the order of the cases given.
 */
export async function storedCases(records: readonly CaseRecord[]): Promise<StoreFixture & { references: string[] }> {
  const fixture = await sqliteFactory();
  const created = await fixture.stores.cases.createCases(records.map((record) => asNewCase(record)));
  return { ...fixture, references: created.map((c) => c.reference) };
}
