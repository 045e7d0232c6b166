import { strict as assert } from 'node:assert';
import { ACK_SENT, ALEX } from '../support/bot-driver';
import { fakeCredential, FakeGraph } from '../support/fake-graph';
import { logComplaint, startTestBot } from '../support/test-app';

// Seed 000: the complaints mailbox gets a copy of each complaint with its deadlines, each
// response and each stage change, so the PIM can keep the Complaints Log. Sent through the
// real Graph client to a local fake Graph server.
describe('copies to the complaints mailbox', function () {
  this.timeout(60_000);

  it('a new complaint, its response and its escalation each reach the mailbox, with the deadlines', async () => {
    const graph = await new FakeGraph().start();
    const bot = await startTestBot({
      config: { graph: { baseUrl: graph.baseUrl, teamsAppCatalogId: undefined }, mail: { complaintsMailbox: 'complaints@example.org', sender: 'bot@example.org' } },
      app: { graphCredential: fakeCredential },
    });
    try {
      await bot.driver.say(ALEX, 'help');
      const { caseId, reference } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      assert.equal(graph.mail.length, 1);
      assert.deepEqual(graph.mail[0]!.to, ['complaints@example.org']);
      assert.equal(graph.mail[0]!.sender, 'bot@example.org');
      assert.match(graph.mail[0]!.subject, new RegExp(`New complaint ${reference} \\(stage 1\\)`));
      assert.match(graph.mail[0]!.content, /Stage 1 acknowledgement: Mon 30 Nov 2026/);

      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      await bot.driver.execute(ALEX, 'case.respond', {
        caseId, version: await version(), outcome: 'not-upheld', on: '2026-11-23',
        'item-stage': 'Stage 1', 'item-complaint-definition': 'd', 'item-reasons': 'r', 'item-remedy': 'None', 'item-outstanding-actions': 'None', 'item-how-to-escalate': 'Ask',
      });
      await bot.driver.execute(ALEX, 'case.escalate', { caseId, version: await version(), on: '2026-11-23', text: '' });
      assert.deepEqual(graph.mail.map((m) => m.subject.replace(/ HC-.*/, '')), ['[Complaints] New complaint', '[Complaints] Response sent', '[Complaints] Escalated']);
      assert.match(graph.mail[1]!.content, /Decision: not upheld/);
      assert.match(graph.mail[2]!.content, /Stage 2, awaiting acknowledgement; handler: Priya Shah/);
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });
});
