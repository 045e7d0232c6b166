import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import pino from 'pino';
import { cardBytes } from '../../src/cards/report-cards';
import { FIND_NOTE } from '../../src/cards/find-cards';
import { actionData, ALEX, cardText, PRIYA, SAM, type TeamsUser } from '../support/bot-driver';
import { receivedBy, seedCase } from '../support/seed-cases';
import { startTestBot, type TestBot } from '../support/test-app';
import { respond } from '../reports/fixtures';

const TAYLOR: TeamsUser = { name: 'Taylor Reed', aadObjectId: '00000000-0000-4000-8000-000000000004' }; // AHM, Hillside

/** The references on a find card, in order. */
function references(card: unknown): string[] {
  return [...cardText(card).matchAll(/^(HC-\d{4}-\d{5}) · /gm)].map((m) => m[1]!);
}

// Issue 19: `find <words>` over HTTP through the real adapter: by name, address, postcode or
// reference, among the cases the person may see, most recently received first.
describe('find a case by name, address, postcode or reference', function () {
  this.timeout(60_000);
  let bot: TestBot;
  const lines: string[] = [];
  let imogen: { caseId: string; reference: string };
  let zoe: { caseId: string; reference: string };
  let hillside: { caseId: string; reference: string };
  let dana: { caseId: string; reference: string };

  async function find(user: TeamsUser, text: string): Promise<Record<string, unknown>> {
    const before = bot.connector.sent.length;
    await bot.driver.say(user, text);
    await bot.connector.waitFor(before + 1);
    return bot.connector.cards().at(-1)!;
  }

  before(async () => {
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
    bot = await startTestBot({ app: { logger: pino({ level: 'trace' }, sink) } });
    for (const user of [ALEX, TAYLOR, PRIYA, SAM]) await bot.driver.say(user, 'help');
    imogen = await seedCase(bot, { events: receivedBy('alex.morgan', '2026-11-02'), estate: 'Riverside', name: 'Imogen Threlkeld', address: '14 Larkspur Court, Eastholme EH4 2QT', loggedBy: 'alex.morgan' });
    zoe = await seedCase(bot, { events: receivedBy('alex.morgan', '2026-11-10'), estate: 'Riverside', name: 'Zoë O\'Brien', address: 'Flat 4, 1 Invented Row, Eastholme SE1 7PB', loggedBy: 'alex.morgan' });
    // Another team's case: the same surname, the same postcode.
    hillside = await seedCase(bot, { events: receivedBy('taylor.reed', '2026-11-16'), estate: 'Hillside', name: 'Ivo Threlkeld', address: '3 Hill Rise, Eastholme SE17PB', loggedBy: 'taylor.reed' });
    // Taylor's case with a repair Sam is to do: Sam may see it, but does not act on it.
    dana = await seedCase(bot, {
      events: [...receivedBy('taylor.reed', '2026-11-03'), { type: 'acknowledged', on: '2026-11-04' },
        { ...respond('2026-11-12', 'upheld', 1), actions: [{ id: 'a1', kind: 'repair', description: 'Clear the gutter', due: '2026-12-10', ownerId: 'sam.okafor' }] } as never],
      estate: 'Hillside', name: 'Dana Gutteridge', address: '9 Gutter Lane, Eastholme HX1 1AA', loggedBy: 'taylor.reed',
    });
  });
  after(async () => { await bot?.stop(); });

  it('finds by postcode, with or without the space, showing the first line of the address to the handler', async () => {
    for (const typed of ['find SE1 7PB', 'find se17pb']) {
      const card = await find(ALEX, typed);
      assert.deepEqual(references(card), [zoe.reference], typed);
      const text = cardText(card);
      assert.match(text, new RegExp(`${zoe.reference} · Zoë O'Brien\\nStage 1 · awaiting acknowledgement\\nReceived Tue 10 Nov 2026 · overdue since Tue 17 Nov 2026\\nFlat 4, 1 Invented Row\\nOpen`));
      assert.ok(text.includes(FIND_NOTE));
    }
    // Taylor finds only his own case at that postcode.
    assert.deepEqual(references(await find(TAYLOR, 'find SE1 7PB')), [hillside.reference]);
  });

  it('finds by surname, ignoring case and accents, most recently received first; the AD over both teams finds both', async () => {
    assert.deepEqual(references(await find(ALEX, 'find threlkeld')), [imogen.reference]);
    assert.deepEqual(references(await find(ALEX, 'find ZOE obrien')), [zoe.reference]);
    assert.deepEqual(references(await find(PRIYA, 'find Threlkeld')), [hillside.reference, imogen.reference]);
    assert.deepEqual(references(await find(ALEX, 'find Threlkeld Zoe')), [], 'every word must match');
  });

  it('finds by part of a reference, and the Open button opens the case card', async () => {
    const number = imogen.reference.slice(-5);
    const card = await find(ALEX, `find ${number}`);
    assert.deepEqual(references(card), [imogen.reference]);
    const open = actionData(card, 'case.view');
    assert.deepEqual(open, { caseId: imogen.caseId });
    assert.match(JSON.stringify(card), /"title":"Open","tooltip":"Open HC-2026-\d{5}","verb":"case.view"/);
    const opened = await bot.driver.execute(ALEX, 'case.view', open);
    assert.equal(opened.status, 200);
    assert.ok(cardText(bot.connector.cards().at(-1)).includes(imogen.reference), 'the case card follows');
  });

  it('finds nothing of a case the person may not see: the same answer as for no case at all', async () => {
    const other = cardText(await find(ALEX, 'find Ivo'));
    const none = cardText(await find(ALEX, 'find Nobodyatall'));
    assert.match(other, /No case you may see matches "Ivo"/);
    assert.equal(other.replaceAll('Ivo', 'X'), none.replaceAll('Nobodyatall', 'X'));
    assert.ok(!other.includes(hillside.reference));
  });

  it('someone who may see a case but does not act on it finds it by name, not by its address, and is not shown the address', async () => {
    const byName = await find(SAM, 'find Gutteridge');
    assert.deepEqual(references(byName), [dana.reference]);
    assert.ok(!cardText(byName).includes('Gutter Lane'));
    assert.deepEqual(references(await find(SAM, 'find Gutter Lane')), []);
    assert.deepEqual(references(await find(SAM, 'find HX1 1AA')), []);
    assert.deepEqual(references(await find(TAYLOR, 'find HX1 1AA')), [dana.reference], 'the handler finds it by postcode');
  });

  it('"find" with nothing to look for asks for words', async () => {
    for (const typed of ['find', 'find   ', 'find ?!']) {
      assert.match(cardText(await find(ALEX, typed)), /^What should I look for\?\nType "find" and part of a resident's name, address or postcode/, typed);
    }
  });

  it('pages through many matches, every case once, each card well under the size Teams takes', async () => {
    for (let i = 0; i < 23; i++) {
      await seedCase(bot, { events: receivedBy('alex.morgan', `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`), estate: 'Riverside', name: `Pat Pageworthy-${i}`, address: `${i} Long Road, Eastholme`, loggedBy: 'alex.morgan' });
    }
    let card = await find(ALEX, 'find pageworthy');
    assert.match(cardText(card), /23 cases, most recently received first · 1 to 10, page 1 of 3/);
    const seen = [...references(card)];
    for (let p = 2; p <= 3; p++) {
      const next = (card.actions as Array<{ title: string; verb: string; data: Record<string, unknown> }>).find((a) => a.title === 'Next page');
      assert.deepEqual(next?.data, { page: p, words: 'pageworthy' });
      card = (await bot.driver.execute(ALEX, 'find.page', next!.data)).body.value;
      assert.ok(cardBytes(card) < 20 * 1024, `page ${p}: ${cardBytes(card)} bytes`);
      assert.match(cardText(card), new RegExp(`page ${p} of 3`));
      seen.push(...references(card));
    }
    assert.equal(new Set(seen).size, 23);
    assert.ok(!(card.actions as Array<{ title: string }>).some((a) => a.title === 'Next page'));
  });

  it('never writes what was searched for to the log', () => {
    const log = lines.join('');
    assert.ok(log.length > 0);
    for (const w of ['Threlkeld', 'threlkeld', 'SE1 7PB', 'se17pb', 'Gutteridge', 'Nobodyatall', 'pageworthy']) assert.ok(!log.includes(w), `the log holds "${w}"`);
  });
});
