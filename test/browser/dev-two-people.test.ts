import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { loadConfig } from '../../src/config';
import type { StorySeeded } from '../../src/dev/demo-story';
import { startDev, type RunningDev } from '../../src/dev/start-dev';
import { formatDate, type CalendarDate } from '../../src/domain/calendar-date';
import { findPreset } from '../../src/policies/preset-registry';
import { freePort } from '../support/bot-process';

// Two people at two browser windows, from one `npm run dev` (startDev, with a fresh data folder
// and free ports): the officer asks for an extension from the case card in their Agents
// Playground; the card for the decision arrives in the manager's Playground, sent proactively
// to that Playground's own service URL; the manager approves; the officer's window shows the
// new date. Debian's Chromium, never a downloaded browser. Screenshots go to
// test/e2e/screenshots/ (git-ignored).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../e2e/screenshots');
const ROOT = path.resolve(__dirname, '../..');
const policy = findPreset('hos-2024') ?? assert.fail('no hos-2024 preset');
const calendar = calendarForPolicy(policy);

/** "Thu 26 Nov 2026" back to 2026-11-26, to count working days from what a card shows. */
function dateShown(text: string): CalendarDate {
  const d = new Date(`${text.replace(/^\w{3} /, '').replace('Sept', 'Sep')} 12:00 UTC`);
  assert.ok(!Number.isNaN(d.getTime()), `not a date: ${text}`);
  return d.toISOString().slice(0, 10);
}

describe('browser: the officer and the manager side by side, from one npm run dev', function () {
  this.timeout(240_000);
  let dev: RunningDev;
  let story: StorySeeded;
  let browser: Browser;
  let officer: Page;
  let manager: Page;
  let dueBefore: CalendarDate;
  let dataDir: string;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-dev-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'warn' });
    dev = await startDev({
      config, people: ['alex.morgan', 'priya.shah'], firstPort: 0,
      committedConfig: { path: path.join(ROOT, '.m365agentsplayground.yml'), personId: 'alex.morgan' },
    });
    assert.ok(dev.story.seeded, 'the demo story was not seeded');
    story = dev.story;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Two windows, as two people on two machines would have: nothing shared between them.
    officer = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    manager = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  });

  afterEach(async function () {
    // A failed step leaves a picture of both windows, to see what each person would have seen.
    if (this.currentTest?.state !== 'failed') return;
    await officer?.screenshot({ path: path.join(SHOTS, 'dev-failure-officer.png'), fullPage: true });
    await manager?.screenshot({ path: path.join(SHOTS, 'dev-failure-manager.png'), fullPage: true });
  });

  after(async () => {
    await browser?.close();
    await dev?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The card (a chat message) in this window that shows `text`; the newest if several do. */
  const card = (page: Page, text: string | RegExp): Locator => page.locator('.ac-adaptiveCard', { hasText: text }).last();
  const say = async (page: Page, text: string) => {
    const box = page.getByRole('textbox').last();
    await box.click();
    await box.fill(text);
    await page.keyboard.press('Enter');
  };

  it('prints one address per person, and each window opens on that person\'s own chat', async () => {
    assert.deepEqual(dev.windows.map((w) => w.person.name), ['Alex Morgan', 'Priya Shah']);
    assert.notEqual(dev.windows[0]?.url, dev.windows[1]?.url);
    await officer.goto(dev.windows[0]?.url ?? '');
    await manager.goto(dev.windows[1]?.url ?? '');
    await officer.getByText('Hello Alex, I\'m the complaints bot').waitFor({ timeout: 30_000 });
    await manager.getByText('Hello Priya, I\'m the complaints bot').waitFor({ timeout: 30_000 });
  });

  it('the officer acknowledges the story\'s new complaint and asks for an extension from its card', async () => {
    const ref = story.awaitingAcknowledgement;
    await say(officer, `case ${ref}`);
    await card(officer, `${ref}: awaiting acknowledgement`).getByRole('button', { name: 'Acknowledge', exact: true }).click();
    // The case card's button opens the acknowledgement's questions (the day it went, and how), filled in.
    await card(officer, 'Record the acknowledgement').getByRole('button', { name: 'Acknowledge', exact: true }).click();

    const investigating = card(officer, `${ref}: under investigation`);
    await investigating.waitFor();
    const due = /Stage 1 response\s+(\w{3} \d{1,2} \w+ \d{4})/.exec(await investigating.innerText());
    assert.ok(due?.[1], `no response date on the case card:\n${await investigating.innerText()}`);
    dueBefore = dateShown(due[1]);
    await investigating.screenshot({ path: path.join(SHOTS, 'dev-01-officer-acknowledged.png') });
    await investigating.getByRole('button', { name: 'Request extension' }).click();

    const form = card(officer, 'Request an extension');
    await form.getByLabel('Working days').fill('5');
    await form.getByRole('radio', { name: 'Waiting for a contractor or other party' }).check();
    await form.getByLabel('Reason', { exact: false }).last().fill('The ventilation survey is booked for next week.');
    await form.screenshot({ path: path.join(SHOTS, 'dev-02-officer-asks.png') });
    await form.getByRole('button', { name: 'Ask my manager' }).click();
    await card(officer, 'Extension requested.').waitFor();
    assert.match(await card(officer, 'Extension requested.').innerText(), /Priya Shah was asked to decide/);
  });

  it('the manager\'s window shows the approval card, with the new date, and the manager approves', async () => {
    const request = card(manager, `Extension request: ${story.awaitingAcknowledgement}`);
    await request.waitFor({ timeout: 30_000 });
    const text = await request.innerText();
    assert.match(text, /5 working days/);
    assert.match(text, /The ventilation survey is booked for next week\./);
    assert.match(text, new RegExp(`New date if approved\\s+${formatDate(calendar.addWorkingDays(dueBefore, 5))}`));
    await request.screenshot({ path: path.join(SHOTS, 'dev-03-manager-request.png') });
    await request.getByRole('button', { name: 'Approve' }).click();
    await card(manager, 'Approved by you.').waitFor();
  });

  it('the officer\'s window shows the approval and the new response date', async () => {
    const told = card(officer, 'Priya Shah approved the extension request');
    await told.waitFor({ timeout: 30_000 });
    const text = await told.innerText();
    assert.match(text, new RegExp(`Stage 1 response\\s+${formatDate(calendar.addWorkingDays(dueBefore, 5))}`));
    await told.screenshot({ path: path.join(SHOTS, 'dev-04-officer-new-date.png') });
  });
});
