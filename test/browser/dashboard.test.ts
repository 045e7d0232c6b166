import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { complaintsLogCard } from '../../src/cards/report-cards';
import { londonDateOf } from '../../src/domain/calendar-date';
import type { Policy } from '../../src/domain/policy';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { openCasesLog } from '../../src/reports/open-cases-log';
import { createStores } from '../../src/store/create-stores';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { runCli } from '../support/run-cli';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

// The dashboard personal tab in Debian's Chromium, as a local run serves it (no app id: the demo
// people, no Teams sign-in), over invented cases: the overdue count is the one the complaints
// log card ("log" in Teams) gives for the same store. Screenshots go to test/e2e/screenshots/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../e2e/screenshots');

describe('browser: the dashboard tab', function () {
  this.timeout(180_000);
  const dir = makeTempDir('dashboard');
  const env = { DATA_DIR: dir, COMPLAINT_POLICY: 'hos-2024', COSMOS_ENDPOINT: '', LANDLORD_FILE: path.join(dir, 'landlord.json'), MicrosoftAppId: '', MicrosoftAppType: '', REMINDER_SWEEP_SECONDS: '0' };
  let bot: BotProcess;
  let browser: Browser;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(env.LANDLORD_FILE, JSON.stringify({ name: 'Eastholme Homes', addressLines: ['1 Example Street'], homes: { lcra: 3000, lcho: 300 } }));
    const demo = runCli(['demo', '--cases', '400', '--seed', '21'], '', env);
    assert.equal(demo.code, 0, demo.stderr);
    bot = await startBotProcess(env);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    removeTempDir(dir);
  });

  it('lists the people who may see it, and shows the overdue count the complaints log gives', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${bot.url}/dashboard`);
    assert.ok(await page.getByRole('heading', { name: 'Complaints dashboard (local run)' }).isVisible());
    await page.getByRole('link', { name: 'Priya Shah' }).click();
    await page.getByRole('heading', { name: 'Complaints dashboard', exact: true }).waitFor();
    const shown = Number((await page.locator('#overdue-count').innerText()).replace(/,/g, ''));

    // The complaints log card, from the same store on the same day.
    const stores = await createStores({ kind: 'sqlite', dataDir: dir });
    const today = londonDateOf(new Date());
    const policy = findPreset('hos-2024') as Policy;
    const log = openCasesLog(await stores.cases.casesReceivedBetween('0001-01-01', today), {}, today, DEMO_DIRECTORY);
    await stores.close();
    const card = JSON.stringify(complaintsLogCard({ log, filters: {}, page: 1, filterLabel: 'all open cases', notice: '', today, calendar: calendarForPolicy(policy) }));
    const fromLog = Number(/"(\d+) overdue · /.exec(card)?.[1]);
    assert.ok(fromLog > 0, 'the demo data has overdue cases');
    assert.equal(shown, fromLog);

    assert.equal(await page.locator('svg').count(), 2, 'the stage bars and the category trend');
    assert.ok(await page.getByRole('heading', { name: 'This quarter\'s Tenant Satisfaction Measures' }).isVisible());
    assert.ok(await page.getByText('CH02(1) stage one responses within the Code').isVisible());
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-phone.png') });
    await page.close();
  });

  it('is refused, politely, to someone outside the complaints team and managers', async () => {
    const res = await fetch(`${bot.url}/dashboard?as=sam.okafor`);
    assert.equal(res.status, 403);
    assert.match(await res.text(), /The dashboard is for the complaints team and managers/);
  });
});
