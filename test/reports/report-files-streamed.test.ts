import assert from 'node:assert/strict';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { casesVisibleTo } from '../../src/domain/case-access';
import { findPerson } from '../../src/domain/directory';
import type { Policy } from '../../src/domain/policy';
import { findPreset } from '../../src/policies/preset-registry';
import { performanceFigures } from '../../src/reports/performance';
import { reportStoreRange } from '../../src/reports/report';
import { OTHER_REFUSALS, REPORT_FILE_KINDS } from '../../src/reports/report-files';
import { readReportFiles, type ReportFilesContext } from '../../src/reports/report-files-read';
import type { Stores } from '../../src/store/stores';
import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { cosmosFactory, sqliteFactory, type StoreFactory, type StoreFixture } from '../support/store-fixtures';
import { demoCases, withOtherViewers } from './demo-store';
import { renderReportFile } from './whole-list-reference';

/**
 * The Teams report's figures and files, read from the store a page at a time (readReportFiles),
 * against the way the bot made them before: every case received up to the period's end read in
 * full, the figures over the list (performanceFigures) and the files from it (renderReportFile,
 * with the rows casesVisibleTo gives). Byte for byte, over a few hundred demo cases, for the
 * complaints team (every case), two AHMs (their teams' cases) and an AD who manages none of the
 * officers; some cases are logged by an AHM of the other team, whom the rule lets see them too,
 * and some have remedies owned by that AD, who sees those cases only through them.
 */
const TODAY = '2026-11-29';
const PERIOD = { from: '2026-01-01', to: '2026-09-30' };
const PEOPLE = ['morgan.lee', 'taylor.reed', 'alex.morgan', 'chris.doyle'];

function suite(store: string, factory: () => StoreFactory, presetId: string, count: number): void {
  describe(`the Teams report read a page at a time is the whole-list report, byte for byte (${store}, ${presetId} demo data)`, function () {
    this.timeout(120_000);
    const policy = findPreset(presetId) as Policy;
    const ctx: ReportFilesContext = { policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY, today: TODAY };
    let fixture: StoreFixture;
    let stores: Stores;

    before(async () => {
      fixture = await factory()();
      stores = fixture.stores;
      // Seed 5: its City of London cases include referrals to the Ombudsman in the period (rare under a three-stage policy).
      await stores.cases.createCases(withOtherViewers(demoCases(policy, count, 5, TODAY), policy));
    });
    after(async () => { await fixture?.cleanup(); });

    /** The old way: every record in full, figures and files from the list, rows from casesVisibleTo. */
    async function wholeList(personId: string) {
      const person = findPerson(DEMO_DIRECTORY, personId)!;
      const range = reportStoreRange(PERIOD);
      const records = await stores.cases.casesReceivedBetween(range.from, range.to);
      const rows = casesVisibleTo(records, person, ctx);
      return {
        figures: performanceFigures(records, ctx, PERIOD),
        files: REPORT_FILE_KINDS.map((kind) => renderReportFile(kind, records, ctx, PERIOD, rows)),
        rows: rows.length, records: records.length,
      };
    }

    for (const personId of PEOPLE) {
      it(`as ${personId}: the same figures and the same two files`, async () => {
        const person = findPerson(DEMO_DIRECTORY, personId)!;
        const old = await wholeList(personId);
        // Small pages, so that the read crosses their boundaries many times.
        const streamed = await readReportFiles(stores.cases, person, ctx, PERIOD, { figures: true, files: REPORT_FILE_KINDS }, { pageSize: 37 });
        assert.deepEqual(streamed.figures, old.figures);
        assert.equal(streamed.files.length, 2);
        for (const [i, file] of streamed.files.entries()) {
          const before = old.files[i]!;
          assert.deepEqual({ ...file, body: null }, { ...before, body: null });
          assert.ok(file.body.equals(before.body), `${file.name}: ${file.body.length} bytes, before ${before.body.length}`);
        }
        // Each file alone (as when a link is opened or a file accepted), with the store's own page size.
        for (const [i, kind] of REPORT_FILE_KINDS.entries()) {
          const alone = await readReportFiles(stores.cases, person, ctx, PERIOD, { figures: false, files: [kind] });
          assert.equal(alone.figures, null);
          assert.ok(alone.files[0]!.body.equals(old.files[i]!.body), kind);
        }
      });
    }

    it('the data are a fair test: many cases in and before the period, and each partial view is partial, with refusals it may not see', async () => {
      const everyone = await wholeList('morgan.lee');
      assert.ok(everyone.figures.casesReceived > 150 && everyone.records > everyone.figures.casesReceived + 50, `${everyone.figures.casesReceived} of ${everyone.records}`);
      const { remedies, ombudsman, refused } = everyone.figures;
      assert.ok(remedies.promised > 0 && ombudsman.referred > 0 && refused.count > 0, JSON.stringify({ remedies: remedies.promised, ombudsman: ombudsman.referred, refused: refused.count }));
      for (const personId of ['taylor.reed', 'alex.morgan']) {
        const partial = await wholeList(personId);
        assert.ok(partial.rows > 20 && partial.rows < everyone.rows - 20, `${personId} sees ${partial.rows} of ${everyone.rows}`);
      }
      const chris = await wholeList('chris.doyle');
      assert.ok(chris.rows > 0 && chris.rows < everyone.rows, `Chris, who manages no officer, sees ${chris.rows} cases through the remedies he owns`);
      const html = (await wholeList('taylor.reed')).files[0]!.body.toString();
      assert.ok(html.includes(OTHER_REFUSALS), 'Taylor is told of refusals whose reasons are not shown');
    });
  });
}

suite('SQLite', () => sqliteFactory, 'hos-2024', 400);
suite('SQLite', () => sqliteFactory, 'city-of-london', 400);

describe('through the real @azure/cosmos client', function () {
  this.timeout(120_000);
  let server: LocalCosmos;
  before(async () => { server = await startLocalCosmos(); });
  after(async () => { await server?.stop(); });
  suite('Cosmos DB', () => cosmosFactory(() => server), 'hos-2024', 300);
});
