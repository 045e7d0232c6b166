import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { startBotProcess, type BotProcess } from '../support/bot-process';

// A person at a browser: the Agents Playground's web UI in Debian's Chromium (never a
// downloaded browser), logging a complaint by typing and clicking. Screenshots of each card
// go to test/e2e/screenshots/ (git-ignored).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../e2e/screenshots');

describe('browser: logging a complaint in the Agents Playground web UI', function () {
  this.timeout(180_000);
  let bot: BotProcess;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  const today = londonDateOf(new Date());

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    bot = await startBotProcess({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'complaints-ui-')) });
    playground = await startPlayground({
      appEndpoint: `${bot.url}/api/messages`, configPath: path.resolve(__dirname, '../../.m365agentsplayground.yml'),
      workDir: mkdtempSync(path.join(tmpdir(), 'playground-ui-')), port: 0,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  afterEach(async function () {
    // A failed step leaves a picture of the whole page, to see what the person would have seen.
    if (this.currentTest?.state === 'failed' && page) await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true });
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  const lastCard = (): Locator => page.locator('.ac-adaptiveCard').last();
  const shot = async (name: string) => { await lastCard().screenshot({ path: path.join(SHOTS, `${name}.png`) }); };
  const field = (label: string) => lastCard().getByLabel(label, { exact: false }).first();
  // The lists are compact (a Fluent UI combobox in the Playground): open, then pick.
  const choose = async (label: string, option: string) => {
    await field(label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('shows the welcome card when the chat opens', async () => {
    await page.goto(playground.url);
    await page.getByText('Hello Alex, I\'m the complaints bot').waitFor({ timeout: 30_000 });
    await shot('01-welcome');
  });

  it('logs a complaint step by step and shows the confirmation and the officer\'s card', async () => {
    const box = page.getByRole('textbox').last();
    await box.click();
    await box.fill('new complaint');
    await page.keyboard.press('Enter');
    await page.getByText('step 1 of 3: the complainant').waitFor();

    await field('Complainant\'s name').fill('Robin Example');
    await field('Email').fill('robin@example.net');
    await choose('Preferred contact method', 'Email');
    await field('Address').fill('Flat 4, 1 Invented Row');
    await choose('Estate', 'Riverside');
    await choose('The resident\'s tenure', 'Social or affordable rent');
    await field('Reasonable adjustments').fill('Write rather than phone');
    await shot('02-complainant');
    await lastCard().getByRole('button', { name: 'Next' }).click();

    await page.getByText('step 2 of 3: the complaint').waitFor();
    await choose('How it was received', 'Phone');
    await field('Date the issue occurred').fill(addCalendarDays(today, -20));
    await choose('Category', 'Repairs and maintenance');
    await choose('Service area', 'Housing management');
    await field('What happened').fill('The kitchen window has not closed since October.');
    await field('Complaint definition').fill('Robin complains that a reported window repair has not been done.');
    await field('Outcome the complainant wants').fill('Window repaired and an apology.');
    await shot('03-complaint');
    await lastCard().getByRole('button', { name: 'Next' }).click();

    await page.getByText('step 3 of 3: check and submit').waitFor();
    await shot('04-review');
    await lastCard().getByRole('button', { name: 'Submit complaint' }).click();

    await page.getByText(/Complaint logged: HC-\d{4}-00001/).waitFor();
    await page.locator('.ac-adaptiveCard', { hasText: 'Complaint logged' }).screenshot({ path: path.join(SHOTS, '05-confirmation.png') });
    await page.getByText(/New complaint for you: HC-\d{4}-00001/).waitFor();
    await shot('06-officer-card');
    assert.match(await lastCard().innerText(), /Acknowledge/);
  });

  it('the officer acknowledges from their card and the case shows the response deadline', async () => {
    await lastCard().getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText(/HC-\d{4}-00001: under investigation/).waitFor();
    const text = await lastCard().innerText();
    assert.match(text, /Stage 1 response/);
    assert.match(text, /10 working days left/);
    await shot('07-acknowledged');
  });
});
