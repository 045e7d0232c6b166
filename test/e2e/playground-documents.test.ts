import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { addCalendarDays, formatDate, londonDateOf } from '../../src/domain/calendar-date';
import { actionData, cardText, openUrls, pressData } from '../support/bot-driver';
import { openDemoChat, type DemoChat } from '../support/demo-playground';
import type { ChatMessage } from '../support/playground-client';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { PACK_SECTIONS } from '../../src/documents/evidence/evidence-pack';
import { docxText, flat, pdfText } from '../documents/read-back';
import { SAMPLES } from '../files/file-store.contract';

/** The URL of a card's first Action.OpenUrl. */
function openUrl(card: unknown): string {
  const [link] = openUrls(card);
  assert.ok(link, `no link on the card: ${cardText(card)}`);
  return link.url;
}

const ITEMS = {
  'item-stage': 'This is our stage 1 response.', 'item-complaint-definition': 'The kitchen window has not been repaired.',
  'item-reasons': 'The repair order was lost between teams.', 'item-remedy': 'We will replace the window and pay £50.',
  'item-outstanding-actions': 'The window will be fitted within ten working days.', 'item-how-to-escalate': 'Reply within 20 working days to ask for stage 2.',
};

// Issue 14, as a handler uses it in the Agents Playground (which sends no files, so "Add a
// file" gives a page on the bot's server to choose one): a photo attached to a case shows in
// its history with its size and hash; a stage 1 response letter is drafted, opened, and
// recorded as sent. The bot runs as npm run dev does.
describe('e2e: files and letters on a case in the Agents Playground', function () {
  this.timeout(120_000);
  const today = londonDateOf(new Date());
  let demo: DemoChat | undefined;

  after(async () => { await demo?.stop(); });

  it('a photo is attached through "Add a file"; a stage 1 response letter is drafted in Word, read back, and recorded as sent', async () => {
    demo = await openDemoChat('documents');
    const { chat } = demo;
    const content = (m: ChatMessage) => m.attachments[0]!.content;

    // Alex logs a complaint and acknowledges it.
    await chat.say('new complaint');
    const form = await waitFor(() => chat.messages().find((m) => /intake\.next/.test(JSON.stringify(content(m)))), { timeoutMs: 15_000, what: 'the intake form' });
    const intakeId = actionData(content(form), 'intake.next').intakeId;
    await chat.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    await chat.press(form, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -20) });
    const reference = /Complaint logged: (HC-\d{4}-\d{5})/.exec(cardText(await chat.press(form, 'intake.submit', { intakeId, step: 'review' })))?.[1];
    assert.ok(reference);
    const card = await waitFor(() => chat.messages().find((m) => new RegExp(`New complaint for you: ${reference}`).test(cardText(content(m)))), { timeoutMs: 15_000, what: 'the officer\'s card' });
    const acknowledged = await chat.press(card, 'case.acknowledge', pressData(content(card), 'case.acknowledge'));
    assert.match(cardText(acknowledged), /Files and letters/);

    // "Add a file": the facts on the form, then the page; the browser sends the photo's bytes.
    const fileForm = await chat.press(card, 'case.file.add', pressData(acknowledged, 'case.file.add'));
    const linkCard = await chat.press(card, 'case.file.link', { ...actionData(fileForm, 'case.file.link'), on: today, channel: 'from-resident', text: 'Photo of the kitchen window' });
    const page = openUrl(linkCard);
    assert.match(await (await fetch(page)).text(), new RegExp(`Add a file to ${reference}`));
    const sent = await fetch(page, { method: 'POST', headers: { 'Content-Type': 'image/jpeg', 'X-File-Name': encodeURIComponent(SAMPLES.jpeg.fileName) }, body: SAMPLES.jpeg.bytes });
    assert.equal(sent.status, 200, await sent.clone().text());
    const hash = createHash('sha256').update(SAMPLES.jpeg.bytes).digest('hex');
    const refreshed = cardText(await chat.press(card, 'case.refresh', { caseId: actionData(acknowledged, 'case.refresh').caseId }));
    assert.match(refreshed, new RegExp(`Correspondence attached\\n[^\\n]*\\ndamp-bedroom\\.jpg \\(${SAMPLES.jpeg.bytes.length} bytes, SHA-256 ${hash.slice(0, 12)}…\\) · from the resident · dated ${formatDate(today)}: Photo of the kitchen window`));

    // The response, then its letter in Word: every item typed is in it.
    const current = await chat.press(card, 'case.refresh', { caseId: actionData(acknowledged, 'case.refresh').caseId });
    const respondForm = await chat.press(card, 'case.respond.form', pressData(current, 'case.respond.form'));
    const responded = await chat.press(card, 'case.respond', { ...actionData(respondForm, 'case.respond'), outcome: 'upheld', on: today, ...ITEMS });
    assert.match(cardText(responded), /Response recorded \(upheld\)/);
    const letters = await chat.press(card, 'case.letters', pressData(responded, 'case.letters'));
    assert.match(cardText(letters), /Draft a letter[\s\S]*Stage 1 response/);
    const drafted = await chat.press(card, 'case.letter.draft', { caseId: actionData(letters, 'case.letter.draft').caseId, letterKind: 'stage-1-response', format: 'docx' });
    const docx = await fetch(openUrl(drafted));
    assert.equal(docx.status, 200);
    const words = flat(docxText(new Uint8Array(await docx.arrayBuffer())));
    for (const typed of Object.values(ITEMS).slice(1)) assert.ok(words.includes(typed), `the letter says: ${typed}`);
    assert.ok(words.includes(reference) && words.includes('our stage 1 response'), words.slice(0, 200));

    // Record as sent: the letter's PDF is on the case, to the resident.
    const recorded = await chat.press(card, 'case.letter.sent', { ...actionData(drafted, 'case.letter.sent'), on: today });
    assert.match(cardText(recorded), new RegExp(`Recorded: the stage 1 response, sent ${formatDate(today)}`));
    assert.match(cardText(recorded), new RegExp(`${reference}-stage-1-response-${today}\\.pdf \\([0-9.]+ KB, SHA-256 [0-9a-f]{12}…\\) · to the resident · dated ${formatDate(today)}: Stage 1 response letter, as sent`));
    assert.match(cardText(recorded), /Files \(2\)/);

    // The evidence pack (issue 15): one PDF with every section, the photo's check, and the letter merged in.
    const pack = await chat.press(card, 'case.pack', pressData(recorded, 'case.pack'));
    assert.match(cardText(pack), /Evidence pack\n[\s\S]*One PDF/);
    const pdf = await fetch(openUrl(pack));
    assert.equal(pdf.status, 200);
    const text = flat((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).join('\n'));
    for (const section of PACK_SECTIONS) assert.ok(text.includes(section), section);
    assert.ok(text.includes(`Complaint file ${reference}`) && text.includes('Photo of the kitchen window') && text.includes(ITEMS['item-reasons']), text.slice(0, 400));
    const history = cardText(await chat.press(card, 'case.refresh', { caseId: actionData(acknowledged, 'case.refresh').caseId }));
    assert.match(history, /Evidence pack made\nby Alex Morgan[^\n]*\nPDF, one part/);
  });
});
