import assert from 'node:assert/strict';
import type { BotDependencies } from '../../src/bot/bot-dependencies';
import { complaintsLog, ONLY_YOURS } from '../../src/bot/handlers/report-handler';
import type { CaseContext } from '../../src/cases/case-context';
import { complaintsLogCard } from '../../src/cards/report-cards';
import { casesVisibleTo, seesEveryCase } from '../../src/domain/case-access';
import type { CalendarDate } from '../../src/domain/calendar-date';
import type { DirectoryPerson } from '../../src/domain/directory';
import type { Policy } from '../../src/domain/policy';
import { canSeeReports } from '../../src/domain/report-access';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { describeFilters, openCasesLog, type LogFilters } from '../../src/reports/open-cases-log';
import { sqliteFactory, type StoreFixture } from '../support/store-fixtures';
import { demoCases, testCaseContext } from './demo-store';

const TODAY: CalendarDate = '2026-11-29';
const VIEWERS = DEMO_DIRECTORY.people.filter(canSeeReports);
const PAGE_SIZE = 7;

/** The log card as complaintsLog made it before it read a page at a time: every open case in one list. */
async function oneListCard(fixture: StoreFixture, person: DirectoryPerson, filters: LogFilters, page: number, ctx: CaseContext): Promise<unknown> {
  const open = (await fixture.stores.cases.openCases()).filter((r) => r.receivedOn !== null && r.receivedOn <= TODAY);
  const log = openCasesLog(casesVisibleTo(open, person, ctx), filters, TODAY, ctx.directory);
  return complaintsLogCard({ log, filters, page, today: TODAY, calendar: ctx.calendar, filterLabel: describeFilters(filters), notice: seesEveryCase(person) ? '' : ONLY_YOURS });
}

// The Teams `log` reads the open cases a page at a time and keeps only each case's line: over
// many pages, each viewer must get exactly the card the one-list log gave.
describe('the log read a page at a time is the one-list log', function () {
  this.timeout(120_000);
  const policy = findPreset('hos-2024') as Policy;
  const ctx = testCaseContext(policy, TODAY);
  let fixture: StoreFixture;
  let deps: BotDependencies;

  before(async () => {
    fixture = await sqliteFactory();
    const cases = demoCases(policy, 300, 5, TODAY).map((c, i) => {
      // Logged by a manager: who logged a case is one of the ways to see it.
      if (i % 5 === 0) c.details.loggedBy = 'taylor.reed';
      return c;
    });
    // An open case received after today: the log leaves it out.
    const future = cases.find((c) => c.closedOn === null);
    assert.ok(future);
    cases.push({ ...future, receivedOn: '2026-12-01' });
    await fixture.stores.cases.createCases(cases);
    // complaintsLog reads only the case context and the stores.
    deps = { ctx, stores: fixture.stores } as unknown as BotDependencies;
  });
  after(async () => { await fixture?.cleanup(); });

  it('gives every viewer the same card on each page, with and without filters, over many pages of open cases', async () => {
    const open = await fixture.stores.cases.openCases();
    assert.ok(open.length > PAGE_SIZE * 10, `${open.length} open cases: many pages`);
    for (const person of VIEWERS) {
      for (const filters of [{}, { stage: 1 }, { estate: 'Riverside' }] as LogFilters[]) {
        for (const page of [1, 2]) {
          const expected = await oneListCard(fixture, person, filters, page, ctx);
          assert.deepEqual(await complaintsLog(person, filters, [], deps, page, { pageSize: PAGE_SIZE }), expected, `${person.id}, ${describeFilters(filters)}, page ${page}`);
        }
      }
    }
    // What a complaints-team person is shown is not empty, and leaves out the case received after today.
    const morgan = VIEWERS.find((p) => p.id === 'morgan.lee');
    assert.ok(morgan);
    const text = JSON.stringify(await complaintsLog(morgan, {}, [], deps, 1, { pageSize: PAGE_SIZE }));
    assert.ok(text.includes('open case'), 'the card counts the open cases');
  });
});
