import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { addCalendarDays } from '../../src/domain/calendar-date';
import type { Policy } from '../../src/domain/policy';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { generateDemoCases } from '../../src/reports/demo-cases';
import { renderHtmlReport } from '../../src/reports/html-report';
import { buildReport } from '../../src/reports/report';
import type { CaseRecord } from '../../src/domain/case-record';

// The HTML report in Debian's Chromium: a desktop and a phone-sized screenshot go to
// test/e2e/screenshots/ (report.png, report-phone.png; the Remedies and Ombudsman sections in
// report-remedies.png, report-ombudsman.png and report-ombudsman-phone.png), and the page must load nothing.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../e2e/screenshots');

describe('browser: the HTML complaints report', function () {
  this.timeout(120_000);
  let browser: Browser;
  let file: string;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const policy = findPreset('city-of-london') as Policy;
    const calendar = calendarForPolicy(policy);
    const today = '2026-11-23';
    let n = 0;
    const records: CaseRecord[] = [...generateDemoCases({ count: 1500, seed: 42, today, policy, calendar, directory: DEMO_DIRECTORY })]
      .map(({ referenceYear, ...r }) => ({ ...r, id: `c${++n}`, reference: `HC-${referenceYear}-${String(n).padStart(5, '0')}`, version: 'v' }));
    const html = renderHtmlReport(buildReport(records, { policy, calendar, today }, { from: addCalendarDays(today, -365), to: today, homes: 12_000 }));
    file = path.join(mkdtempSync(path.join(tmpdir(), 'report-html-')), 'report.html');
    writeFileSync(file, html);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });

  after(async () => { await browser?.close(); });

  it('renders on a desktop with its charts and the stage 3 briefing, loading nothing from the network', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(file).href);
    assert.equal(await page.locator('svg.chart').count(), 2);
    assert.ok(await page.getByRole('heading', { name: 'Stage 3 briefing' }).isVisible());
    assert.ok(await page.getByText('CONFIDENTIAL').isVisible());
    assert.ok(await page.getByText('Learning from complaints').isVisible());
    await page.screenshot({ path: path.join(SHOTS, 'report.png'), fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1500 } });
    await page.screenshot({ path: path.join(SHOTS, 'report-full.png'), fullPage: true });
    assert.ok(await page.getByRole('heading', { name: 'Remedies' }).isVisible());
    assert.ok(await page.getByRole('heading', { name: 'The Housing Ombudsman' }).isVisible());
    await page.locator('#remedies').screenshot({ path: path.join(SHOTS, 'report-remedies.png') });
    await page.locator('#ombudsman').screenshot({ path: path.join(SHOTS, 'report-ombudsman.png') });
    assert.deepEqual(requests, []);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling of the page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
    await page.goto(pathToFileURL(file).href);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: path.join(SHOTS, 'report-phone.png'), fullPage: false });
    await page.locator('#ombudsman').screenshot({ path: path.join(SHOTS, 'report-ombudsman-phone.png') });
    await page.close();
  });

  it('prints to PDF with the print styles', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.emulateMedia({ media: 'print' });
    const headerBackground = String(await page.evaluate('getComputedStyle(document.querySelector("header")).backgroundColor'));
    assert.equal(headerBackground, 'rgba(0, 0, 0, 0)', 'no coloured header when printed');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
    await page.close();
  });
});
