import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cardBytes, LOG_CARD_BUDGET_BYTES } from '../../src/cards/report-cards';
import { reportCommand } from '../../src/cli/report-command';
import { CONSENT_HOURS, FILE_CONSENT_CARD, FILE_INFO_CARD, LINK_MINUTES } from '../../src/bot/files/file-offers';
import { uploadToUploadUrl } from '../../src/bot/files/onedrive-upload';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { CaseEvent } from '../../src/domain/case-events';
import { actionData, ALEX, cardText, PRIYA, SAM, type TeamsUser } from '../support/bot-driver';
import { asNewCase } from '../support/case-fixtures';
import { FakeUploadServer } from '../support/fake-upload';
import { logComplaint, MONDAY_23_NOV, startTestBot, testConfig, type TestBot } from '../support/test-app';
import { makeCase } from './fixtures';

/** Teams refuses a message over about 28 KB. */
const TEAMS_LIMIT_BYTES = 28 * 1024;
const MORGAN: TeamsUser = { name: 'Morgan Lee', aadObjectId: '00000000-0000-4000-8000-000000000007' };

async function say(bot: TestBot, user: TeamsUser, text: string, replies = 1): Promise<Array<Record<string, unknown>>> {
  const before = bot.connector.sent.length;
  await bot.driver.say(user, text);
  await bot.connector.waitFor(before + replies);
  return bot.connector.sent.slice(before).map((s) => s.activity);
}

async function sayCard(bot: TestBot, user: TeamsUser, text: string): Promise<Record<string, unknown>> {
  const [activity] = await say(bot, user, text);
  return firstCard(activity!);
}

function firstCard(activity: Record<string, unknown>): Record<string, unknown> {
  const attachments = activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(activity).slice(0, 300)}`);
  return card;
}

function links(card: Record<string, unknown>): Array<{ title: string; url: string }> {
  return ((card.actions ?? []) as Array<{ type: string; title: string; url: string }>).filter((a) => a.type === 'Action.OpenUrl').map(({ title, url }) => ({ title, url }));
}

/** The references listed on a log card, in order. */
function references(card: unknown): string[] {
  return [...cardText(card).matchAll(/^(HC-\d{4}-\d{5}) · /gm)].map((m) => m[1]!);
}

/**
 * 300 open cases (invented), received in November 2026 across three estates: with the clock
 * on Monday 23 November, about a third overdue, a third due this week, a third later.
 * Complainants' names are long, to push the card's size.
 */
async function seedOpenCases(bot: TestBot, count: number): Promise<void> {
  const days = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23'].map((d) => `2026-11-${d}`);
  const estates = ['Riverside', 'Northgate', 'Hillside'];
  const categories = ['repairs', 'damp-mould', 'asb', 'communication'];
  for (let i = 0; i < count; i++) {
    const on = days[i % days.length]!;
    const estate = estates[i % estates.length]!;
    const officerId = estate === 'Hillside' ? 'taylor.reed' : 'alex.morgan';
    const events: CaseEvent[] = [{ type: 'received', on }, { type: 'assigned', on, officerId }];
    const record = makeCase(`SEED-${i}`, events, { category: categories[i % categories.length]!, estate, name: `Resident ${i} of ${estate}, with a long double-barrelled name-Longname-Longname-Longname` });
    await bot.stores.cases.createCase(asNewCase(record));
  }
}

/** The "log" and "report <period>" commands in Teams, through the real app (fixed clock: Monday 23 November 2026). */
describe('bot: complaints log and report commands', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let logged: { caseId: string; reference: string };

  before(async () => {
    bot = await startTestBot();
    logged = await logComplaint(bot, ALEX);
  });
  after(async () => { await bot?.stop(); });

  it('"log" shows a manager the open cases by when they are due, each opening the case', async () => {
    const card = await sayCard(bot, ALEX, 'log');
    const text = cardText(card);
    assert.match(text, /Complaints log: open cases/);
    // Received Monday 23 November: acknowledgement due Monday 30 November, after this week.
    assert.match(text, /0 overdue · 0 due this week \(to Sunday\) · 1 later/);
    assert.match(text, /Later \(1\)/);
    assert.ok(text.includes(logged.reference));
    assert.equal(actionData(card, 'case.view').caseId, logged.caseId);
    assert.ok(!JSON.stringify(card).includes('log.page'), 'one page: no paging buttons');
    const opened = await bot.driver.execute(ALEX, 'case.view', { caseId: logged.caseId });
    assert.ok(cardText(opened.body.value).includes(logged.reference) || cardText(bot.connector.cards().at(-1)).includes(logged.reference));
  });

  it('"log estate ..." filters, and says what it did not understand', async () => {
    const none = cardText(await sayCard(bot, PRIYA, 'log estate Hillside'));
    assert.match(none, /estate "Hillside" · 0 open/);
    assert.match(none, /No open cases match these filters/);
    const some = cardText(await sayCard(bot, PRIYA, 'log estate Riverside stage 1 please'));
    assert.match(some, /1 open/);
    assert.match(some, /Not understood, so ignored/);
  });

  it('refuses people who are not the PIM or a manager, politely, and sends them no file', async () => {
    const text = cardText(await sayCard(bot, SAM, 'log'));
    assert.match(text, /complaints log is for the complaints managers/);
    assert.ok(!text.includes(logged.reference));
    const before = bot.connector.sent.length;
    const report = await sayCard(bot, SAM, 'report 2026-Q4');
    assert.match(cardText(report), /complaints report is for the complaints managers/);
    assert.deepEqual(links(report), []);
    assert.equal(bot.connector.sent.length, before + 1);
    // A page button pressed by someone who may not see the log: refused the same way.
    const page = await bot.driver.execute(SAM, 'log.page', { page: 2 });
    assert.match(cardText(page.body.value), /complaints log is for the complaints managers/);
  });

  it('"report <period>" shows the headline figures, with the full report and the log as links (no admin command line)', async () => {
    const card = await sayCard(bot, PRIYA, 'report 2026-Q4');
    const text = cardText(card);
    assert.match(text, /Complaints report: 2026 Q4/);
    assert.match(text, /Complaints received\n1\n/);
    assert.match(text, /Stage 1 acknowledged in time\nnone due yet/);
    assert.ok(!/command line|--format/.test(text));
    assert.deepEqual(links(card).map((l) => l.title), ['Full report (HTML)', 'Complaints log (CSV)']);
    assert.match(text, new RegExp(`work for ${LINK_MINUTES} minutes, until 10:15`));
    assert.deepEqual(actionData(card, 'report.links'), { period: '2026-Q4' });
    assert.match(cardText(await sayCard(bot, PRIYA, 'report 2026-04-01..2027-03-31')), /Complaints received\n1\n/);
    assert.match(cardText(await sayCard(bot, PRIYA, 'report sometime')), /"sometime" is not a period I know/);
  });

  it('"New links" replaces the card with fresh links', async () => {
    const card = await sayCard(bot, PRIYA, 'report 2026-Q4');
    const renewed = await bot.driver.execute(PRIYA, 'report.links', actionData(card, 'report.links'));
    assert.equal(renewed.body.type, 'application/vnd.microsoft.card.adaptive');
    const fresh = links(renewed.body.value);
    assert.equal(fresh.length, 2);
    assert.notDeepEqual(fresh, links(card));
    assert.equal((await fetch(fresh[1]!.url)).status, 200);
  });
});

describe('bot: the complaints log pages through 300 open cases', function () {
  this.timeout(120_000);
  let bot: TestBot;

  before(async () => {
    bot = await startTestBot();
    await seedOpenCases(bot, 300);
  });
  after(async () => { await bot?.stop(); });

  it('pages forward to the end and back, every case once, each card well under the size Teams takes', async () => {
    const before = bot.connector.sent.length;
    const first = await sayCard(bot, PRIYA, 'log');
    const message = bot.connector.sent[before]!.activity;
    assert.ok(JSON.stringify(message).length < TEAMS_LIMIT_BYTES, 'the whole message is under the limit');
    assert.match(cardText(first), /300 open/);
    assert.match(cardText(first), /Cases 1 to 15 of 300 · page 1 of 20/);
    assert.match(cardText(first), /Overdue \(\d+\)/);
    assert.deepEqual((first.actions as Array<{ title: string }>).map((a) => a.title), ['Next page'], 'page 1: Next page only');
    const pages = [first];
    const seen: string[] = [...references(first)];
    let card = first;
    for (let p = 2; p <= 20; p++) {
      const next = (card.actions as Array<{ title: string; data: Record<string, unknown> }>).find((a) => a.title === 'Next page');
      assert.ok(next, `a Next page button on page ${p - 1}`);
      assert.deepEqual(next.data, { page: p });
      const res = await bot.driver.execute(PRIYA, 'log.page', next.data);
      assert.equal(res.body.type, 'application/vnd.microsoft.card.adaptive', 'the page replaces the card');
      card = res.body.value;
      assert.ok(cardBytes(card) < LOG_CARD_BUDGET_BYTES, `page ${p}: ${cardBytes(card)} bytes`);
      assert.ok(JSON.stringify(res.body).length < TEAMS_LIMIT_BYTES);
      assert.match(cardText(card), new RegExp(`page ${p} of 20`));
      pages.push(card);
      seen.push(...references(card));
    }
    assert.ok(!(card.actions as Array<{ title: string }>).some((a) => a.title === 'Next page'), 'no Next page on the last page');
    assert.equal(seen.length, 300);
    assert.equal(new Set(seen).size, 300, 'each case on exactly one page');
    // Overdue come first, then due this week, then later.
    const order = pages.map((c) => cardText(c)).join('\n').match(/^(Overdue|Due this week|Later) \(\d+\)/gm)!.map((h) => h.split(' (')[0]);
    assert.deepEqual([...new Set(order)], ['Overdue', 'Due this week', 'Later']);
    // And back: Previous page from page 20 to page 1 gives the same pages.
    for (let p = 19; p >= 1; p--) {
      const previous = (card.actions as Array<{ title: string; data: Record<string, unknown> }>).find((a) => a.title === 'Previous page');
      assert.ok(previous, `a Previous page button on page ${p + 1}`);
      card = (await bot.driver.execute(PRIYA, 'log.page', previous.data)).body.value;
      assert.deepEqual(references(card), references(pages[p - 1]), `page ${p} the same going back`);
    }
    assert.ok(!(card.actions as Array<{ title: string }>).some((a) => a.title === 'Previous page'), 'no Previous page on page 1');
  });

  it('keeps the filters from page to page', async () => {
    const first = await sayCard(bot, PRIYA, 'log estate Riverside stage 1');
    assert.match(cardText(first), /stage 1, estate "Riverside" · 100 open/);
    const next = actionData(first, 'log.page');
    assert.deepEqual(next, { stage: 1, estate: 'Riverside', page: 2 });
    const second = (await bot.driver.execute(PRIYA, 'log.page', next)).body.value;
    assert.match(cardText(second), /stage 1, estate "Riverside" · 100 open/);
    assert.match(cardText(second), /Cases 16 to 30 of 100 · page 2 of 7/);
    const details = cardText(second).split('\n').filter((l) => /^Stage \d/.test(l));
    assert.equal(details.length, 15);
    for (const d of details) assert.match(d, /^Stage 1 · Riverside · /);
    const back = (await bot.driver.execute(PRIYA, 'log.page', actionData(second, 'log.page'))).body.value;
    assert.deepEqual(references(back), references(first));
  });

  it('takes nothing from a page button but a page number and bounded filters', async () => {
    const odd = await bot.driver.execute(PRIYA, 'log.page', { page: 'DROP TABLE', stage: 'two', estate: 'x'.repeat(5000), officer: 42 });
    const text = cardText(odd.body.value);
    assert.match(text, /all open cases · 300 open/);
    assert.match(text, /page 1 of 20/);
    const beyond = await bot.driver.execute(PRIYA, 'log.page', { page: 999 });
    assert.match(cardText(beyond.body.value), /page 20 of 20/);
  });
});

describe('bot: the report files by short-lived link (Agents Playground, or anywhere but a Teams personal chat)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  const clock = { now: MONDAY_23_NOV };

  before(async () => {
    bot = await startTestBot({ app: { now: () => clock.now } });
    await seedOpenCases(bot, 30);
  });
  after(async () => { await bot?.stop(); });

  it('the CSV link gives the complaints log, the same as the admin command line\'s, and the HTML link the full report', async () => {
    const card = await sayCard(bot, PRIYA, 'report 2026-Q4');
    const [html, csv] = links(card);
    for (const l of [html!, csv!]) {
      assert.match(l.url, new RegExp(`^${bot.app.url}/api/files/[A-Za-z0-9_-]{43}$`), 'a random token and nothing else: no name, period or person');
    }
    const res = await fetch(csv!.url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="complaints-log-2026-10-01-to-2026-12-31.csv"');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
    const cli = await reportCommand(testConfig(bot.dataDir), { from: '2026-10-01', to: '2026-12-31', format: 'csv', homes: undefined }, '2026-11-23');
    assert.equal(body, `\uFEFF${cli.text}`, 'the CLI\'s CSV, with a byte-order mark for Excel');
    assert.equal(body.trim().split('\n').length, 31, 'a header and 30 cases');

    const page = await fetch(html!.url);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(page.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/);
    const cliHtml = await reportCommand(testConfig(bot.dataDir), { from: '2026-10-01', to: '2026-12-31', format: 'html', homes: undefined }, '2026-11-23');
    assert.equal(await page.text(), cliHtml.text);
  });

  it('a link works again within its 15 minutes, and is refused with 404 after them', async () => {
    clock.now = MONDAY_23_NOV;
    const [, csv] = links(await sayCard(bot, PRIYA, 'report 2026-Q4'));
    clock.now = new Date(MONDAY_23_NOV.getTime() + (LINK_MINUTES * 60 - 1) * 1000);
    assert.equal((await fetch(csv!.url)).status, 200);
    assert.equal((await fetch(csv!.url)).status, 200);
    clock.now = new Date(MONDAY_23_NOV.getTime() + LINK_MINUTES * 60 * 1000);
    const expired = await fetch(csv!.url);
    assert.equal(expired.status, 404);
    assert.match(((await expired.json()) as { error: string }).error, /expired or is not valid/);
    clock.now = MONDAY_23_NOV;
    assert.equal((await fetch(csv!.url)).status, 404, 'gone for good, even if the clock went back');
  });

  it('refuses an unknown or malformed token, and a link made for one file cannot fetch another', async () => {
    clock.now = MONDAY_23_NOV;
    const [html, csv] = links(await sayCard(bot, PRIYA, 'report 2026-Q4'));
    const base = `${bot.app.url}/api/files/`;
    for (const token of ['x'.repeat(43), 'short', `${csv!.url.slice(base.length)}x`, '..%2F..%2Fhealthz']) {
      assert.equal((await fetch(base + token)).status, 404, token);
    }
    assert.equal((await fetch(html!.url)).headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal((await fetch(csv!.url)).headers.get('content-type'), 'text/csv; charset=utf-8');
  });
});

describe('bot: a link is tied to the person it was made for', function () {
  this.timeout(60_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-bot-'));
  const directoryFile = (name: string, priyaRoles: string[]) => {
    const file = path.join(dataDir, name);
    writeFileSync(file, JSON.stringify({ ...DEMO_DIRECTORY, people: DEMO_DIRECTORY.people.map((p) => (p.id === 'priya.shah' ? { ...p, roles: priyaRoles } : p)) }));
    return file;
  };

  it('once the person may no longer see reports (the directory changed), their links answer 404; others\' still work', async () => {
    const before = await startTestBot({ dataDir, config: { directoryFile: directoryFile('before.json', ['AD', 'AD-HN', 'HEAD-OF-HOUSING', 'REVIEWING-OFFICER']) } });
    let priyas: string;
    let morgans: string;
    try {
      priyas = links(await sayCard(before, PRIYA, 'report 2026-Q4'))[1]!.url.slice(before.app.url.length);
      morgans = links(await sayCard(before, MORGAN, 'report 2026-Q4'))[1]!.url.slice(before.app.url.length);
      assert.equal((await fetch(before.app.url + priyas)).status, 200);
    } finally {
      await before.stop();
    }
    // The same store, the bot restarted with Priya no longer a manager who may see reports.
    const after = await startTestBot({ dataDir, config: { directoryFile: directoryFile('after.json', ['REVIEWING-OFFICER']) } });
    try {
      assert.equal((await fetch(after.app.url + priyas)).status, 404);
      assert.equal((await fetch(after.app.url + morgans)).status, 200, 'the PIM\'s link survives the restart');
    } finally {
      await after.stop();
    }
  });
});

describe('bot: the report files by file consent (a Teams personal chat)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let upload: FakeUploadServer;
  const clock = { now: MONDAY_23_NOV };

  before(async () => {
    upload = await new FakeUploadServer().start();
    bot = await startTestBot({ app: { now: () => clock.now, reportFileDelivery: 'file-consent' } });
    await seedOpenCases(bot, 30);
  });
  after(async () => {
    await bot?.stop();
    await upload?.stop();
  });

  interface Offer { activityId: string; name: string; content: { description: string; sizeInBytes: number; acceptContext: { token: string }; declineContext: { token: string } } }

  /** `report 2026-Q4`: the summary card, then a consent card for each file. */
  async function offers(user: TeamsUser): Promise<{ summary: Record<string, unknown>; html: Offer; csv: Offer }> {
    const before = bot.connector.sent.length;
    const sent = await say(bot, user, 'report 2026-Q4', 3);
    const consent = sent.slice(1).map((activity, i): Offer => {
      const attachments = activity.attachments as Array<{ contentType: string; name: string; content: Offer['content'] }>;
      assert.equal(attachments.length, 1);
      assert.equal(attachments[0]!.contentType, FILE_CONSENT_CARD);
      return { activityId: `sent-${before + 2 + i}`, name: attachments[0]!.name, content: attachments[0]!.content };
    });
    return { summary: firstCard(sent[0]!), html: consent[0]!, csv: consent[1]! };
  }

  const uploadInfo = (name: string, uploadPath: string) => ({
    name, uploadUrl: `${upload.url}${uploadPath}`, contentUrl: `https://contoso-my.sharepoint.com/personal/priya/Documents/Applications/${name}`,
    uniqueId: `unique-${uploadPath.slice(1)}`, fileType: name.split('.').pop(),
  });

  it('sends the summary card and a file consent card for each file, with its name and size', async () => {
    const { summary, html, csv } = await offers(PRIYA);
    assert.match(cardText(summary), /choose Allow on each to save it to your OneDrive/);
    assert.deepEqual(links(summary), []);
    assert.equal(html.name, 'complaints-report-2026-10-01-to-2026-12-31.html');
    assert.equal(csv.name, 'complaints-log-2026-10-01-to-2026-12-31.csv');
    const cli = await reportCommand(testConfig(bot.dataDir), { from: '2026-10-01', to: '2026-12-31', format: 'csv', homes: undefined }, '2026-11-23');
    assert.equal(csv.content.sizeInBytes, Buffer.byteLength(`\uFEFF${cli.text}`));
    assert.match(csv.content.description, /Complaints log, 2026 Q4/);
    assert.match(csv.content.acceptContext.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(csv.content.declineContext.token, csv.content.acceptContext.token);
    assert.notEqual(html.content.acceptContext.token, csv.content.acceptContext.token);
  });

  it('Allow uploads the file to the upload URL Teams gives, then shows the file card; the offer is then used up', async () => {
    const { csv } = await offers(PRIYA);
    const before = bot.connector.sent.length;
    const info = uploadInfo(csv.name, '/upload/csv-1');
    const res = await bot.driver.fileConsent(PRIYA, { type: 'fileUpload', action: 'accept', context: csv.content.acceptContext, uploadInfo: info }, csv.activityId);
    assert.equal(res.status, 200);
    const put = upload.uploads.filter((u) => u.path === '/upload/csv-1');
    assert.equal(put.length, 1);
    const cli = await reportCommand(testConfig(bot.dataDir), { from: '2026-10-01', to: '2026-12-31', format: 'csv', homes: undefined }, '2026-11-23');
    const expected = Buffer.from(`\uFEFF${cli.text}`, 'utf8');
    assert.ok(put[0]!.body.equals(expected), 'the complaints log, byte for byte');
    assert.equal(put[0]!.headers['content-range'], `bytes 0-${expected.length - 1}/${expected.length}`);
    assert.equal(put[0]!.headers['content-length'], String(expected.length));
    assert.equal(put[0]!.headers.authorization, undefined);
    await bot.connector.waitFor(before + 1);
    const fileCard = bot.connector.sent[before]!.activity;
    assert.match(String(fileCard.text), /Saved to your OneDrive: the complaints log for 2026 Q4/);
    assert.deepEqual(fileCard.attachments, [{ contentType: FILE_INFO_CARD, name: info.name, contentUrl: info.contentUrl, content: { uniqueId: info.uniqueId, fileType: 'csv' } }]);

    // Pressed again (or replayed): nothing more is uploaded.
    const again = await bot.driver.fileConsent(PRIYA, { type: 'fileUpload', action: 'accept', context: csv.content.acceptContext, uploadInfo: uploadInfo(csv.name, '/upload/csv-2') });
    assert.equal(again.status, 200);
    assert.equal(upload.uploads.filter((u) => u.path === '/upload/csv-2').length, 0);
    assert.match(cardText(bot.connector.cards().at(-1)), /This file offer is no longer open/);
  });

  it('uploads the HTML report the same way', async () => {
    const { html } = await offers(PRIYA);
    await bot.driver.fileConsent(PRIYA, { type: 'fileUpload', action: 'accept', context: html.content.acceptContext, uploadInfo: uploadInfo(html.name, '/upload/html-1') });
    const cliHtml = await reportCommand(testConfig(bot.dataDir), { from: '2026-10-01', to: '2026-12-31', format: 'html', homes: undefined }, '2026-11-23');
    assert.equal(upload.bytesAt('/upload/html-1').toString('utf8'), cliHtml.text);
  });

  it('refuses another person\'s offer, uploading nothing, and leaves it open for its owner', async () => {
    const { csv } = await offers(PRIYA);
    const before = bot.connector.sent.length;
    await bot.driver.fileConsent(ALEX, { type: 'fileUpload', action: 'accept', context: csv.content.acceptContext, uploadInfo: uploadInfo(csv.name, '/upload/alex') });
    assert.equal(upload.uploads.filter((u) => u.path === '/upload/alex').length, 0);
    await bot.connector.waitFor(before + 1);
    assert.match(cardText(bot.connector.cards().at(-1)), /This file was offered to someone else/);
    // Nor may someone who cannot see reports take it.
    await bot.driver.fileConsent(SAM, { type: 'fileUpload', action: 'accept', context: csv.content.acceptContext, uploadInfo: uploadInfo(csv.name, '/upload/sam') });
    assert.equal(upload.uploads.filter((u) => u.path === '/upload/sam').length, 0);
    await bot.driver.fileConsent(PRIYA, { type: 'fileUpload', action: 'accept', context: csv.content.acceptContext, uploadInfo: uploadInfo(csv.name, '/upload/priya') });
    assert.equal(upload.uploads.filter((u) => u.path === '/upload/priya').length, 1);
  });

  it('Decline sends nothing and says so; a consent token is not a link, nor a link token a consent', async () => {
    const { html } = await offers(PRIYA);
    const before = upload.uploads.length;
    assert.equal((await fetch(`${bot.app.url}/api/files/${html.content.acceptContext.token}`)).status, 404);
    await bot.driver.fileConsent(PRIYA, { type: 'fileUpload', action: 'decline', context: html.content.declineContext });
    assert.equal(upload.uploads.length, before);
    assert.match(cardText(bot.connector.cards().at(-1)), /Not sent: Full report \(HTML\)[\s\S]*You declined the full report for 2026 Q4/);
  });

  it('when the upload fails, offers a link to the file instead', async () => {
    const { csv } = await offers(PRIYA);
    upload.failWith(500);
    try {
      await bot.driver.fileConsent(PRIYA, { type: 'fileUpload', action: 'accept', context: csv.content.acceptContext, uploadInfo: uploadInfo(csv.name, '/upload/failing') });
    } finally {
      upload.failWith(null);
    }
    const card = bot.connector.cards().at(-1)!;
    assert.match(cardText(card), /Not saved: Complaints log \(CSV\)[\s\S]*could not be saved to your OneDrive/);
    const [link] = links(card);
    const res = await fetch(link!.url);
    assert.equal(res.status, 200);
    assert.match(Buffer.from(await res.arrayBuffer()).toString('utf8'), /^\uFEFFReference,State,/);
  });

  it('an offer expires after a day; a malformed invoke is a bad request', async () => {
    clock.now = MONDAY_23_NOV;
    const { csv } = await offers(PRIYA);
    clock.now = new Date(MONDAY_23_NOV.getTime() + CONSENT_HOURS * 3_600_000);
    try {
      await bot.driver.fileConsent(PRIYA, { type: 'fileUpload', action: 'accept', context: csv.content.acceptContext, uploadInfo: uploadInfo(csv.name, '/upload/late') });
    } finally {
      clock.now = MONDAY_23_NOV;
    }
    assert.equal(upload.uploads.filter((u) => u.path === '/upload/late').length, 0);
    assert.match(cardText(bot.connector.cards().at(-1)), /This file offer has expired/);
    assert.equal((await bot.driver.fileConsent(PRIYA, { action: 'accept', context: { token: 'nope' } })).status, 400);
    assert.equal((await bot.driver.fileConsent(PRIYA, 'accept')).status, 400);
  });
});

describe('report files: the upload to a OneDrive upload session', () => {
  it('sends a large file in chunks with their byte ranges, and fails on a refused chunk', async () => {
    const server = await new FakeUploadServer().start();
    try {
      const body = Buffer.alloc(700 * 1024, 7);
      await uploadToUploadUrl(new URL(`${server.url}/session`), body, { chunkBytes: 320 * 1024 });
      assert.deepEqual(server.uploads.map((u) => u.headers['content-range']), ['bytes 0-327679/716800', 'bytes 327680-655359/716800', 'bytes 655360-716799/716800']);
      assert.ok(server.bytesAt('/session').equals(body));
      server.failWith(503);
      await assert.rejects(uploadToUploadUrl(new URL(`${server.url}/other`), body, { chunkBytes: 320 * 1024 }), /answered 503 for bytes 0-327679\/716800/);
    } finally {
      await server.stop();
    }
  });
});
