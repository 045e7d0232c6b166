import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ACK_SENT, ALEX, PRIYA } from '../support/bot-driver';
import { COMPLAINANT, COMPLAINT, logComplaint, startTestBot } from '../support/test-app';

// Issue 18: the log carries references and ids, never a resident's words. An intake, an
// acknowledgement and a note are run with the log at debug level (everything), with mail
// going to the log as it does when no mailbox is set, and the log is searched for them.
describe('no personal data in the log', function () {
  this.timeout(60_000);

  it('after an intake, an acknowledgement and a note at debug level, none of the resident\'s words are in the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
    // A mailbox but no sender: the copies of the complaint go to the log, as in a trial without Graph.
    const bot = await startTestBot({ config: { mail: { complaintsMailbox: 'complaints@example.org', sender: undefined } }, app: { logger: pino({ level: 'trace' }, sink) } });
    try {
      for (const user of [ALEX, PRIYA]) await bot.driver.say(user, 'help');
      const { caseId, reference } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      await bot.driver.execute(ALEX, 'case.note', { caseId, version: await version(), on: '2026-11-23', channel: 'phone', text: 'Robin rang about the window again; her daughter Alexis is worried' });
      const log = lines.join('');
      assert.ok(log.includes(reference), 'the log does say what happened, by reference');
      const words = [
        COMPLAINANT.complainantName, COMPLAINANT.contactEmail, COMPLAINANT.address, COMPLAINANT.vulnerabilities, COMPLAINANT.adjustments,
        COMPLAINT.description, COMPLAINT.complaintDefinition, COMPLAINT.outcomeSought, 'her daughter Alexis',
      ];
      for (const w of words) assert.ok(!log.includes(w), `the log holds "${w}"`);
    } finally {
      await bot.stop();
    }
  });
});
