import { strict as assert } from 'node:assert';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { reportSummaryCard } from '../../src/cards/report-cards';
import { annualReportCommand } from '../../src/cli/annual-report-command';
import { tsmCommand } from '../../src/cli/tsm-command';
import { loadConfig } from '../../src/config';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { CaseRecord } from '../../src/domain/case-record';
import { findPerson } from '../../src/domain/directory';
import type { Policy } from '../../src/domain/policy';
import { findPreset } from '../../src/policies/preset-registry';
import { dashboardPage } from '../../src/reports/dashboard/dashboard-html';
import { dashboardFiguresOf, dashboardRun, readDashboardTally } from '../../src/reports/dashboard/dashboard-tally';
import { readReportFiles, type ReportFilesContext, type ReportFilesRead } from '../../src/reports/report-files-read';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { HOS, HOS_CALENDAR, MARCH, marchCases, TODAY } from './fixtures';
import { OCTOBER, octoberCases, SCOTTISH_TODAY, SPSO, SPSO_CALENDAR } from './scotland-fixtures';
import { storedCases } from './stored-cases';

/** What a reader sees: the page's text with the tags taken out and the spaces closed up. */
const textOf = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const SPSO_NAME = 'Scottish Public Services Ombudsman';
const ENGLANDS = 'The Tenant Satisfaction Measures are England\'s: the Regulator of Social Housing sets them for landlords in England';
/** The complaints team: sees every case. */
const TEAM = findPerson(DEMO_DIRECTORY, 'morgan.lee')!;

/** The Teams report's figures and HTML file as the bot makes them: read from a SQLite store holding the cases, a page at a time. */
async function teamsReport(records: readonly CaseRecord[], ctx: ReportFilesContext, period: { from: string; to: string }): Promise<ReportFilesRead & { html: string }> {
  const store = await storedCases(records);
  try {
    const read = await readReportFiles(store.stores.cases, TEAM, ctx, period, { figures: true, files: ['report-html'] });
    return { ...read, html: read.files[0]!.body.toString() };
  } finally {
    await store.cleanup();
  }
}

describe('reports under the SPSO model: no report names the Housing Ombudsman', () => {
  const ctx: ReportFilesContext = { policy: SPSO, calendar: SPSO_CALENDAR, directory: DEMO_DIRECTORY, today: SCOTTISH_TODAY };

  it('the Teams report summary card names the SPSO', async () => {
    assert.equal(SPSO.ombudsman.name, SPSO_NAME); // as src/policies/ombudsmen.ts names it
    const { figures } = await teamsReport(octoberCases(), ctx, OCTOBER);
    const card = JSON.stringify(reportSummaryCard(figures!, 'October 2026', { delivery: 'file-consent' }));
    assert.doesNotMatch(card, /Housing Ombudsman/);
    assert.match(card, /"title":"Scottish Public Services Ombudsman","value":"0 referred, 0 determined, 0 orders overdue"/);
  });

  it('the HTML report names the SPSO, shows the Scottish Housing Regulator\'s return figures and says the TSMs are England\'s', async () => {
    const { html } = await teamsReport(octoberCases(), ctx, OCTOBER);
    const text = textOf(html);
    assert.doesNotMatch(html, /Housing Ombudsman|Complaint Handling Code/);
    assert.match(text, / The Scottish Public Services Ombudsman For the governing body: the complaints residents took to the Scottish Public Services Ombudsman,/);
    assert.match(text, /Scottish Housing Regulator: annual return on the Charter/);
    // Stage, carried forward, received, responded to in full, within timescale (share), timescale, average days: as shr-return.test.ts counts them.
    assert.match(text, / Stage 1 \(frontline response\) 1 3 3 2 \(66\.7%\) 5 6\.3 /);
    assert.match(text, / Stage 2 \(investigation\) 0 3 2 2 \(100%\) 20 14\.5 /);
    assert.ok(text.includes(ENGLANDS), 'the sentence that the TSMs are England\'s');
  });

  it('the dashboard names the SPSO and shows the quarter by stage instead of the TSMs, even with homes in the landlord file', async () => {
    // As the tab makes it (dashboard-routes.ts): the store read a page at a time into the dashboard's tally.
    const store = await storedCases(octoberCases());
    const run = dashboardRun({ directory: DEMO_DIRECTORY, policy: SPSO, calendar: SPSO_CALENDAR, today: '2026-10-30', homes: { lcra: 900, lcho: 100 } }, TEAM);
    const figures = await readDashboardTally(store.stores.cases, run).then((t) => dashboardFiguresOf(t, run)).finally(() => store.cleanup());
    const html = dashboardPage(figures, 'Pat Lee');
    const text = textOf(html);
    assert.doesNotMatch(html, /Housing Ombudsman|CH01|CH02/);
    assert.ok(text.includes(`At the ${SPSO_NAME}`));
    assert.match(text, /This quarter by stage, as the Scottish Housing Regulator counts it/);
    // The quarter to 30 October (1 October on): October's stage 1 counts; B's stage 2 response (10 November) falls after it.
    assert.match(text, / Stage 1 \(frontline response\) 3 3 66\.7% 2 of 3 6\.3 /);
    assert.ok(text.includes(ENGLANDS));
  });

  describe('the commands that are England\'s refuse, saying what to run instead (exit 2)', () => {
    let dir: string;
    before(() => { dir = makeTempDir('scotland-reports'); });
    after(() => removeTempDir(dir));
    const config = () => loadConfig({ DATA_DIR: dir, COMPLAINT_POLICY: 'spso-model' });

    it('annual-report: the Code\'s document; the year\'s figures come from report --format html', async () => {
      const out = await annualReportCommand(config(), { year: '2026', format: 'html', evidence: undefined }, SCOTTISH_TODAY);
      assert.equal(out.exitCode, 2);
      assert.equal(out.text, undefined);
      assert.doesNotMatch(out.stderr ?? '', /Housing Ombudsman/);
      assert.match(out.stderr ?? '', /^The annual complaints performance and service improvement report is the one England's Complaint Handling Code asks for \(8\.1, 8\.2\).*follows the SPSO model complaints handling procedure/);
      assert.match(out.stderr ?? '', /with the Scottish Housing Regulator's annual return figures, run: complaints report --from 2026-04-01 --to 2027-03-31 --format html$/);
    });

    it('report --tsm: the Tenant Satisfaction Measures are England\'s', async () => {
      const out = await tsmCommand(config(), { year: '2026', format: 'text' }, SCOTTISH_TODAY);
      assert.equal(out.exitCode, 2);
      assert.equal(out.text, undefined);
      assert.equal(out.stderr, `${ENGLANDS}, and this policy follows the SPSO model complaints handling procedure, so they are not counted.`);
    });
  });
});

describe('reports under the PSOW model, and England unchanged', () => {
  it('Wales: the report names the PSOW and says plainly there is no statutory Welsh measure, showing the stage counts as the policy\'s own', async () => {
    const policy = findPreset('psow-model') as Policy;
    const { html } = await teamsReport([], { policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY, today: SCOTTISH_TODAY }, OCTOBER);
    const text = textOf(html);
    assert.doesNotMatch(html, /Housing Ombudsman|Complaint Handling Code/);
    assert.match(text, /The Public Services Ombudsman for Wales/);
    assert.match(text, /Complaints by stage, within the policy's timescales There is no statutory Welsh measure of complaint handling like England's Tenant Satisfaction Measures\./);
    assert.match(text, /Responded to within the policy's timescale/);
  });

  it('England: the Housing Ombudsman section cites Code 9.7, and there is no regulator section (the TSMs have their own command)', async () => {
    const text = textOf((await teamsReport(marchCases(), { policy: HOS, calendar: HOS_CALENDAR, directory: DEMO_DIRECTORY, today: TODAY }, MARCH)).html);
    assert.match(text, / The Housing Ombudsman For the governing body \(Complaint Handling Code 9\.7\): the complaints residents took to the Housing Ombudsman,/);
    assert.doesNotMatch(text, /Scottish Housing Regulator|Complaints by stage, within the policy's timescales|are England's/);
  });
});
