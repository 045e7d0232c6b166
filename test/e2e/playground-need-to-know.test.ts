import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { playgroundConfigYaml } from '../../src/dev/playground-config';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { actionData, cardText } from '../support/bot-driver';
import { openDemoChat, type DemoChat } from '../support/demo-playground';
import { PlaygroundClient, type ChatMessage } from '../support/playground-client';
import { runCliAsync } from '../support/run-cli';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Issue 18, as people use it in the Agents Playground: Alex logs a complaint in his chat;
// Chris, in his own chat with the same bot, is outside the case's circle and gets the same
// answer for its reference as for a reference that does not exist; the access log (the
// admin CLI) shows who opened the case card, and not Chris.
describe('e2e: need-to-know in two people\'s Playgrounds', function () {
  this.timeout(180_000);
  const today = londonDateOf(new Date());
  let alex: DemoChat | undefined;
  let chrisPlayground: RunningPlayground | undefined;
  let chris: PlaygroundClient | undefined;

  after(async () => {
    chris?.close();
    await chrisPlayground?.stop();
    await alex?.stop();
  });

  it('an outsider is told the same for an existing case as for none, and the access log names who opened it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'need-to-know-e2e-'));
    alex = await openDemoChat('need-to-know', { DATA_DIR: dataDir });
    const content = (m: ChatMessage) => m.attachments[0]!.content;

    // Alex logs a complaint.
    await alex.chat.say('new complaint');
    const form = await waitFor(() => alex!.chat.messages().find((m) => /intake\.next/.test(JSON.stringify(content(m)))), { timeoutMs: 15_000, what: 'the intake form' });
    const intakeId = actionData(content(form), 'intake.next').intakeId;
    await alex.chat.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    await alex.chat.press(form, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -20) });
    const reference = /Complaint logged: (HC-\d{4}-\d{5})/.exec(cardText(await alex.chat.press(form, 'intake.submit', { intakeId, step: 'review' })))?.[1];
    assert.ok(reference, 'the complaint was logged');

    // Alex opens the case card by its reference: he sees the resident.
    const before = alex.chat.messages().length;
    await alex.chat.say(`case ${reference}`);
    const alexCard = await waitFor(() => alex!.chat.messages().slice(before).find((m) => cardText(content(m)).includes(reference)), { timeoutMs: 15_000, what: 'Alex\'s case card' });
    assert.match(cardText(content(alexCard)), new RegExp(COMPLAINANT.complainantName));

    // Chris, in his own Playground, against the same bot.
    const workDir = mkdtempSync(path.join(tmpdir(), 'playground-chris-'));
    const configPath = path.join(workDir, '.m365agentsplayground.yml');
    writeFileSync(configPath, playgroundConfigYaml(DEMO_DIRECTORY, 'chris.doyle'));
    chrisPlayground = await startPlayground({ appEndpoint: `${alex.bot.url}/api/messages`, configPath, workDir, port: 0 });
    chris = new PlaygroundClient(chrisPlayground.url);
    await chris.connect();
    await chris.install();
    await chris.waitForMessages(1);
    const answerTo = async (typed: string): Promise<string> => {
      const seen = chris!.messages().length;
      await chris!.say(typed);
      const [reply] = await chris!.waitForMessages(seen + 1).then((all) => all.slice(seen));
      return cardText(content(reply!));
    };
    const existing = await answerTo(`case ${reference}`);
    const missing = await answerTo('case HC-2026-99999');
    assert.equal(existing.replace(reference, 'REF'), missing.replace('HC-2026-99999', 'REF'), 'the two answers differ');
    assert.doesNotMatch(existing, new RegExp(COMPLAINANT.complainantName));

    // The access log: Alex opened the case card; Chris is not in it.
    const log = await runCliAsync(['access-log', reference], { DATA_DIR: dataDir });
    assert.equal(log.code, 0, log.stderr);
    assert.match(log.stdout, /alex\.morgan|Alex Morgan/);
    assert.doesNotMatch(log.stdout, /chris\.doyle|Chris Doyle/);
  });
});
