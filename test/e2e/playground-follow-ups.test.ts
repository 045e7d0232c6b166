import { strict as assert } from 'node:assert';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { actionData, cardText, pressData } from '../support/bot-driver';
import { openDemoChat, type DemoChat } from '../support/demo-playground';
import type { ChatMessage } from '../support/playground-client';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Issue 13, as a handler sees it in the Agents Playground: a response with two actions, one
// already past its date; the reminder for it arrives, "Mark done" on it records the evidence,
// and the case card shows one done and one open. The bot runs as npm run dev does (reminders
// every second, on any day, so the test passes at weekends too).
describe('e2e: a remedy followed to completion in the Agents Playground', function () {
  this.timeout(120_000);
  const today = londonDateOf(new Date());
  let demo: DemoChat | undefined;

  after(async () => { await demo?.stop(); });

  it('the overdue action\'s reminder reaches the handler, who marks it done from it; the case shows one done, one open', async () => {
    demo = await openDemoChat('follow-ups');
    const { chat, bot } = demo;
    const content = (m: ChatMessage) => m.attachments[0]!.content;

    // Alex logs a complaint, acknowledges it and records the response with two actions.
    await chat.say('new complaint');
    const form = await waitFor(() => chat.messages().find((m) => /intake\.next/.test(JSON.stringify(content(m)))), { timeoutMs: 15_000, what: 'the intake form' });
    const intakeId = actionData(content(form), 'intake.next').intakeId;
    const complaint = { ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -20) };
    await chat.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    await chat.press(form, 'intake.next', { intakeId, step: 'complaint', ...complaint });
    const logged = cardText(await chat.press(form, 'intake.submit', { intakeId, step: 'review' }));
    const reference = /Complaint logged: (HC-\d{4}-\d{5})/.exec(logged)?.[1];
    assert.ok(reference, logged);
    const officerCard = await waitFor(() => chat.messages().find((m) => new RegExp(`New complaint for you: ${reference}`).test(cardText(content(m)))), { timeoutMs: 15_000, what: 'the officer\'s card' });
    const acknowledged = await chat.press(officerCard, 'case.acknowledge', pressData(content(officerCard), 'case.acknowledge'));
    const respondForm = await chat.press(officerCard, 'case.respond.form', actionData(acknowledged, 'case.respond.form'));
    const overdue = addCalendarDays(today, -7);
    const responded = await chat.press(officerCard, 'case.respond', {
      ...actionData(respondForm, 'case.respond'), outcome: 'upheld', on: today,
      'item-stage': 'Stage 1', 'item-complaint-definition': 'Window repair not done', 'item-reasons': 'Late', 'item-remedy': 'A new window and £50',
      'item-outstanding-actions': 'See the actions', 'item-how-to-escalate': 'Ask for stage 2',
      'action1-description': 'Replace the kitchen window', 'action1-kind': 'repair', 'action1-due': overdue,
      'action2-description': 'Pay £50 for the delay', 'action2-kind': 'compensation', 'action2-due': addCalendarDays(today, 14), 'action2-amount': '50',
    });
    assert.match(cardText(responded), /Response recorded \(upheld\), with 2 actions to follow through/);

    // The reminder for the overdue action arrives (the sweep runs every second), with Mark done.
    const reminder = await waitFor(() => chat.messages().find((m) => new RegExp(`${reference}: Action a1`).test(cardText(content(m)))), {
      timeoutMs: 20_000, what: () => `the action's reminder; the chat has: ${chat.messages().map((m) => cardText(content(m)).split('\n')[0]).join(' / ')}\n${bot.output()}`,
    });
    assert.match(cardText(content(reminder)), /Replace the kitchen window/);
    const doneForm = await chat.press(reminder, 'case.action-done.form', pressData(content(reminder), 'case.action-done.form'));
    assert.match(cardText(doneForm), /Mark an action done[\s\S]*a1: Replace the kitchen window/);
    const done = await chat.press(reminder, 'case.action-done', { ...actionData(doneForm, 'case.action-done'), reasonCategory: 'a1', on: today, text: 'Window fitted; photo on the file' });
    assert.match(cardText(done), /Action a1 marked done/);

    // The case card: one done, one open.
    const card = cardText(done);
    assert.match(card, /Action a1\nReplace the kitchen window · repair or works · done [^\n]*: Window fitted; photo on the file/);
    assert.match(card, /Action a2\nPay £50 for the delay \(£50\.00\) · compensation · due /);
  });
});
