import { strict as assert } from 'node:assert';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { actionData, cardText } from '../support/bot-driver';
import { openDemoChat, type DemoChat } from '../support/demo-playground';
import type { ChatMessage } from '../support/playground-client';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Issue 19's front door, as an officer uses it in the Agents Playground: a resident's
// dissatisfaction logged as a service request shows up in the month's report, `find` finds a
// complaint by its postcode, and a second complaint from the same resident is offered to join it.
describe('e2e: the front door in the Agents Playground', function () {
  this.timeout(180_000);
  const today = londonDateOf(new Date());
  let demo: DemoChat | undefined;
  let firstReference: string | undefined;
  const content = (m: ChatMessage) => m.attachments[0]!.content;
  /**
   * Types `text` and waits for the bot's card that answers it (the first one after it whose text
   * matches `answers`): the demo case's reminders may arrive in between.
   */
  const answer = async (text: string, answers: RegExp): Promise<{ card: Record<string, unknown>; message: ChatMessage }> => {
    const chat = demo!.chat;
    const seen = chat.messages().length;
    await chat.say(text);
    const message = await waitFor(() => chat.messages().slice(seen).find((m) => answers.test(cardText(content(m)))), { timeoutMs: 15_000, what: `the answer to "${text}"` });
    return { card: content(message), message };
  };

  before(async () => { demo = await openDemoChat('front-door'); });
  after(async () => { await demo?.stop(); });

  it('dissatisfaction logged as a service request is counted in the report', async () => {
    const { chat } = demo!;
    const { card, message } = await answer('log dissatisfaction', /do you want to make a complaint\?/i);
    const recordId = String(actionData(card, 'dissatisfaction.record').recordId);
    const recorded = await chat.press(message, 'dissatisfaction.record', {
      recordId, summary: 'Communal light out on the stairs', receivedOn: today, channel: 'phone', kind: 'service-request', reason: 'service-request-raised', reasonNote: 'Repair job raised',
    });
    assert.match(cardText(recorded), /Recorded: not a complaint/);
    const { card: report } = await answer(`report ${today.slice(0, 7)}`, /Complaints report/);
    assert.match(cardText(report), /Dissatisfaction not taken as a complaint\n1 \(1 service request, 0 expressions of dissatisfaction\)/);
  });

  it('find finds a complaint by its postcode, written with or without the space', async () => {
    const { chat } = demo!;
    await chat.say('new complaint');
    const form = await waitFor(() => chat.messages().find((m) => /intake\.next/.test(JSON.stringify(content(m)))), { timeoutMs: 15_000, what: 'the intake form' });
    const intakeId = actionData(content(form), 'intake.next').intakeId;
    await chat.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, address: 'Flat 4, 1 Invented Row, London SE1 7PB' });
    await chat.press(form, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -20) });
    const reference = /Complaint logged: (HC-\d{4}-\d{5})/.exec(cardText(await chat.press(form, 'intake.submit', { intakeId, step: 'review' })))?.[1];
    assert.ok(reference, 'the complaint was logged');
    for (const postcode of ['SE1 7PB', 'se17pb']) {
      const found = cardText((await answer(`find ${postcode}`, /Find: "/)).card);
      assert.match(found, new RegExp(reference), `find ${postcode}`);
      assert.match(found, new RegExp(COMPLAINANT.complainantName));
    }
    assert.doesNotMatch(cardText((await answer('find SW1A 1AA', /Find: "/)).card), new RegExp(reference));
    firstReference = reference;
  });

  it('a second complaint from the same resident is offered to join the first, at stage 1', async () => {
    assert.ok(firstReference, 'the test before logged the first complaint');
    const { chat } = demo!;
    const seen = chat.messages().length;
    await chat.say('new complaint');
    const form = await waitFor(() => chat.messages().slice(seen).find((m) => /intake\.next/.test(JSON.stringify(content(m)))), { timeoutMs: 15_000, what: 'the intake form' });
    const intakeId = actionData(content(form), 'intake.next').intakeId;
    await chat.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, address: 'Flat 4, 1 Invented Row, London SE1 7PB' });
    const review = await chat.press(form, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -5), description: 'The bathroom extractor fan is broken too.' });
    assert.match(cardText(review), new RegExp(`This resident has an open complaint at stage 1: ${firstReference}`));
    assert.match(cardText(review), new RegExp(`Add this to ${firstReference}`));
  });
});
