import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { playgroundConfigYaml } from '../../src/dev/playground-config';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { createStores } from '../../src/store/create-stores';
import { actionData, cardText } from '../support/bot-driver';
import { asNewCase } from '../support/case-fixtures';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { PlaygroundClient } from '../support/playground-client';
import { makeCase } from '../reports/fixtures';

// The Agents Playground has no file consent card (it shows "File Consent Card" as not
// supported), so there the bot gives the report's files as short-lived links on the card.
describe('e2e: the complaints log and report in the Agents Playground', function () {
  this.timeout(120_000);
  const today = londonDateOf(new Date());
  const from = addCalendarDays(today, -20);
  let bot: BotProcess;
  let playground: RunningPlayground;
  let chat: PlaygroundClient;

  before(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-reports-'));
    const stores = await createStores({ kind: 'sqlite', dataDir });
    try {
      for (let i = 0; i < 20; i++) {
        const on = addCalendarDays(today, -i);
        const record = makeCase(`E2E-${i}`, [{ type: 'received', on }, { type: 'assigned', on, officerId: 'alex.morgan' }], { category: 'repairs', estate: 'Riverside', name: `Resident ${i}` });
        await stores.cases.createCase(asNewCase(record, Number(today.slice(0, 4))));
      }
    } finally {
      await stores.close();
    }
    bot = await startBotProcess({ DATA_DIR: dataDir, WEBSITE_HOSTNAME: '' });
    const dir = mkdtempSync(path.join(tmpdir(), 'playground-priya-'));
    const configPath = path.join(dir, '.m365agentsplayground.yml');
    writeFileSync(configPath, playgroundConfigYaml(DEMO_DIRECTORY, 'priya.shah'));
    playground = await startPlayground({ appEndpoint: `${bot.url}/api/messages`, configPath, workDir: dir, port: 0 });
    chat = new PlaygroundClient(playground.url);
    await chat.connect();
    await chat.install();
    await chat.waitForMessages(1);
  });

  after(async () => {
    chat?.close();
    await playground?.stop();
    await bot?.stop();
  });

  it('"log" pages with Next page and Previous page', async () => {
    const count = chat.messages().length;
    await chat.say('log estate Riverside');
    const message = (await chat.waitForMessages(count + 1)).at(-1)!;
    const first = message.attachments[0]!.content;
    assert.match(cardText(first), /estate "Riverside" · 20 open/);
    assert.match(cardText(first), /page 1 of 2/);
    const second = await chat.press(message, 'log.page', actionData(first, 'log.page'));
    assert.match(cardText(second), /Cases 16 to 20 of 20 · page 2 of 2/);
    assert.deepEqual(actionData(second, 'log.page'), { estate: 'Riverside', page: 1 });
  });

  it('"report <dates>" gives the figures and links to the report and the log, served by the bot', async () => {
    const count = chat.messages().length;
    await chat.say(`report ${from}..${today}`);
    const card = (await chat.waitForMessages(count + 1))[count]!.attachments[0]!.content;
    // The next thing said gets the next message: no file consent cards came in between.
    await chat.say('help');
    assert.match(cardText((await chat.waitForMessages(count + 2))[count + 1]!.attachments[0]!.content), /What I can do/);
    assert.match(cardText(card), /Complaints received\n20\n/);
    const links = (card.actions as Array<{ type: string; title: string; url: string }>).filter((a) => a.type === 'Action.OpenUrl');
    assert.deepEqual(links.map((l) => l.title), ['Full report (HTML)', 'Complaints log (CSV)']);
    assert.ok(links[1]!.url.startsWith(`${bot.url}/api/files/`), links[1]!.url);
    const csv = await fetch(links[1]!.url);
    assert.equal(csv.status, 200);
    assert.equal((await csv.text()).trim().split('\n').length, 21);
  });
});
