import assert from 'node:assert/strict';
import type { CaseContext } from '../../src/cases/case-context';
import { casesVisibleTo, maySeeCase } from '../../src/domain/case-access';
import type { CalendarDate } from '../../src/domain/calendar-date';
import { viewOf } from '../../src/domain/case-view';
import { findPerson } from '../../src/domain/directory';
import type { Policy } from '../../src/domain/policy';
import { canSeeReports } from '../../src/domain/report-access';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { caseFacts } from '../../src/reports/case-facts';
import type { DashboardFigures } from '../../src/reports/dashboard/dashboard-figures';
import { dashboardFragment } from '../../src/reports/dashboard/dashboard-html';
import { dashboardFiguresOf, dashboardRun, readDashboardTally } from '../../src/reports/dashboard/dashboard-tally';
import type { Stores } from '../../src/store/stores';
import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { cosmosFactory, sqliteFactory, type StoreFactory, type StoreFixture } from '../support/store-fixtures';
import { demoCases, testCaseContext, withOtherViewers } from './demo-store';
import { dashboardFigures } from './whole-list-reference';

/**
 * The dashboard read a page at a time into tallies (what the tab does) against the figures made
 * the way the tab made them before: every case read in full, every case's facts in memory, and
 * who may see a table's row asked of the record in that list. Over the demo data (with some
 * cases stored under an earlier policy, which are replayed), for every person who may open the
 * dashboard: the complaints team, who see every case, and managers who see only their teams'.
 * Some cases are logged by an AHM of another team, and some have remedies owned by an AD who
 * manages none of the officers: each of those is a way to see a case that the view alone does not give.
 */
const TODAY: CalendarDate = '2026-11-29';
const VIEWERS = DEMO_DIRECTORY.people.filter(canSeeReports);
const HOMES = { lcra: 4000, lcho: 250 };

async function seed(stores: Stores, policy: Policy, count: number): Promise<void> {
  await stores.cases.createCases(withOtherViewers(demoCases(policy, count, 9, TODAY), policy));
  await stores.cases.createCases(demoCases(findPreset('herefordshire-2021') as Policy, 25, 13, TODAY));
}

/** The dashboard as the route made it before: the whole list in memory. */
async function wholeList(stores: Stores, ctx: CaseContext, homes: typeof HOMES | null): Promise<Map<string, DashboardFigures>> {
  const { policy, calendar, directory } = ctx;
  const records = await stores.cases.casesReceivedBetween('0001-01-01', TODAY);
  const facts = records.map((r) => caseFacts(r, { policy, calendar, today: TODAY }));
  const byReference = new Map(records.map((r) => [r.reference, r]));
  const out = new Map<string, DashboardFigures>();
  for (const person of VIEWERS) {
    const mayShow = (reference: string): boolean => casesVisibleTo([byReference.get(reference)].filter((r) => r !== undefined), person, ctx).length === 1;
    out.set(person.id, dashboardFigures({ records, facts, directory, policy, calendar, today: TODAY, homes, mayShow }));
  }
  return out;
}

/** The dashboard as the route makes it now: one page of cases at a time, who may see a table's case asked as it is read. */
async function streamed(stores: Stores, ctx: CaseContext, homes: typeof HOMES | null): Promise<Map<string, DashboardFigures>> {
  const out = new Map<string, DashboardFigures>();
  for (const person of VIEWERS) {
    const run = dashboardRun({ policy: ctx.policy, calendar: ctx.calendar, directory: ctx.directory, today: TODAY, homes }, person);
    const tally = await readDashboardTally(stores.cases, run, { pageSize: 37 });
    out.set(person.id, dashboardFiguresOf(tally, run));
  }
  return out;
}

function sameDashboards(now: Map<string, DashboardFigures>, old: Map<string, DashboardFigures>): void {
  for (const person of VIEWERS) {
    const [a, b] = [now.get(person.id), old.get(person.id)];
    assert.ok(a && b);
    assert.deepEqual(a, b, `${person.id}'s figures`);
    assert.equal(dashboardFragment(a, person.name), dashboardFragment(b, person.name), `${person.id}'s page`);
  }
}

function suite(name: string, factory: () => StoreFactory, policyId: string, count: number, homes: typeof HOMES | null): void {
  describe(`the streamed dashboard is the whole-list dashboard (${name}, ${policyId})`, function () {
    this.timeout(120_000);
    const policy = findPreset(policyId) as Policy;
    const ctx = testCaseContext(policy, TODAY);
    let fixture: StoreFixture;
    let old: Map<string, DashboardFigures>;
    let now: Map<string, DashboardFigures>;

    before(async () => {
      fixture = await factory()();
      await seed(fixture.stores, policy, count);
      old = await wholeList(fixture.stores, ctx, homes);
      now = await streamed(fixture.stores, ctx, homes);
    });
    after(async () => { await fixture?.cleanup(); });

    it('gives every viewer the same figures, tables and page', () => {
      sameDashboards(now, old);
    });

    it('over data that exercises the tables: rows left out for a manager, cases at the Ombudsman, demo cases', () => {
      const team = now.get('morgan.lee');
      const ahm = now.get('alex.morgan');
      assert.ok(team && ahm);
      assert.ok(team.open.overdue > 0 && team.overdue.length === team.open.overdue, 'the complaints team is shown every overdue case');
      assert.ok(ahm.notShown.overdue > 0 && ahm.overdue.length > 0, 'an AHM is shown some overdue cases and not others');
      assert.ok(team.ombudsman.length > 0 && ahm.notShown.ombudsman + ahm.ombudsman.length === team.ombudsman.length);
      assert.ok(team.demoCases > 0 && team.followUpsOverdue > 0);
      assert.ok(team.trend.categories.length > 1);
      if (team.tsm) assert.ok(team.tsm.measures.some((m) => m.id === 'CH02(1)' && m.denominator > 0), 'the quarter has stage one responses');
      if (team.national.kind !== 'england-tsm') assert.ok(team.national.figures.stages.some((s) => s.received > 0));
    });

    it('shows rows whose case only who logged it, or who owns its remedies, makes visible', async () => {
      const records = new Map((await fixture.stores.cases.casesReceivedBetween('0001-01-01', TODAY)).map((r) => [r.reference, r]));
      /** The references in this person's tables that they would not be shown without `change` undone. */
      const onlyThrough = (personId: string, change: (file: Parameters<typeof maySeeCase>[0]) => Parameters<typeof maySeeCase>[0]): string[] => {
        const person = findPerson(DEMO_DIRECTORY, personId)!;
        const figures = now.get(personId)!;
        return [...figures.overdue, ...figures.ombudsman].map((row) => row.reference).filter((reference) => {
          const record = records.get(reference)!;
          const file = { record, view: viewOf(record, ctx) };
          return maySeeCase(file, person, ctx.directory) && !maySeeCase(change(file), person, ctx.directory);
        });
      };
      const notLogged = onlyThrough('taylor.reed', (f) => ({ ...f, record: { details: { loggedBy: 'someone.else' } } }));
      assert.ok(notLogged.length > 0, 'Taylor is shown a case only because he logged it');
      const notOwned = onlyThrough('chris.doyle', (f) => ({ ...f, view: { ...f.view, items: {} } }));
      assert.ok(notOwned.length > 0, 'Chris is shown a case only because he owns a remedy on it');
    });
  });
}

suite('SQLite', () => sqliteFactory, 'hos-2024', 600, HOMES);
suite('SQLite', () => sqliteFactory, 'spso-model', 400, HOMES);
suite('SQLite, no homes in the landlord file', () => sqliteFactory, 'psow-model', 300, null);

describe('through the real @azure/cosmos client', function () {
  this.timeout(120_000);
  let server: LocalCosmos;
  before(async () => { server = await startLocalCosmos(); });
  after(async () => { await server?.stop(); });
  suite('Cosmos DB', () => cosmosFactory(() => server), 'hos-2024', 250, HOMES);
});
