import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { requiredContents } from '../../src/domain/response-contents';
import { findPreset } from '../../src/policies/preset-registry';
import { ACK_SENT, ALEX, PRIYA, STRANGER, cardText, input, openUrls, type InvokeBody, type TeamsUser } from '../support/bot-driver';
import { fakeCredential, FakeGraph } from '../support/fake-graph';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';
import { docxText, flat, pdfText } from '../documents/read-back';
import { SAMPLES } from '../files/file-store.contract';
import { runCliAsync } from '../support/run-cli';
import { PACK_SECTIONS } from '../../src/documents/evidence/evidence-pack';

const MORGAN = { name: 'Morgan Lee', aadObjectId: '00000000-0000-4000-8000-000000000007' }; // the PIM and complaints team

/** An Area Housing Manager for another estate: in the directory, not in this case's circle. */
const TAYLOR = { name: 'Taylor Reed', aadObjectId: '00000000-0000-4000-8000-000000000004' };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The titles of a card's Action.Execute buttons. */
function buttons(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute') found.push(String(o.title));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const STAGE_1_ITEMS = {
  'item-stage': 'This is our stage 1 response.', 'item-complaint-definition': 'The kitchen window has not been repaired.',
  'item-reasons': 'The repair order was lost between teams.', 'item-remedy': 'We will replace the window and pay £50.',
  'item-outstanding-actions': 'The window will be fitted by 4 December.', 'item-how-to-escalate': 'Reply within 20 working days to ask for stage 2.',
};

// Issue 14 through the real adapter over HTTP, on Monday 23 November 2026: files on a case
// ("Add a file", its page, the history, downloading it), and letters drafted from the case
// and recorded as sent, with the copy to the complaints mailbox through the real Graph client.
describe('a case\'s files and letters from the case card', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let graph: FakeGraph;
  let caseId = '';
  let reference = '';
  const stored = async () => (await bot.stores.cases.getCase(caseId))!;
  const press = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<InvokeBody['value']> => {
    const r = await stored();
    return (await bot.driver.execute(user, verb, { caseId, version: r.version, seen: r.events.length, ...data })).body.value;
  };
  const uploadLink = async (facts: Record<string, string>) => {
    const card = await press(ALEX, 'case.file.link', facts);
    const [link] = openUrls(card);
    assert.ok(link, cardText(card));
    return link.url;
  };
  const send = (url: string, file: { fileName: string; contentType: string; bytes: Uint8Array }) => fetch(url, {
    method: 'POST', headers: { 'Content-Type': file.contentType, 'X-File-Name': encodeURIComponent(file.fileName) }, body: file.bytes,
  });
  const PHOTO = { on: '2026-11-20', channel: 'from-resident', text: 'Photo of the kitchen window, sent by Robin' };

  before(async () => {
    graph = await new FakeGraph().start();
    bot = await startTestBot({
      config: { graph: { baseUrl: graph.baseUrl, teamsAppCatalogId: undefined }, mail: { complaintsMailbox: 'complaints@example.org', sender: 'bot@example.org' } },
      app: { graphCredential: fakeCredential },
    });
    for (const user of [ALEX, PRIYA, TAYLOR, STRANGER, MORGAN]) await bot.driver.say(user, 'help');
    ({ caseId, reference } = await logComplaint(bot, ALEX));
    await press(ALEX, 'case.acknowledge', ACK_SENT);
  });
  after(async () => {
    await bot.stop();
    await graph.stop();
  });

  it('the handler gets "Add a file" and "Draft letter" on the case card; someone outside the case gets neither, nor the files', async () => {
    assert.ok(buttons(await press(ALEX, 'case.refresh')).includes('Add a file'));
    assert.ok(buttons(await press(ALEX, 'case.refresh')).includes('Draft letter'));
    const outsider = await press(TAYLOR, 'case.refresh');
    assert.ok(!buttons(outsider).includes('Add a file') && !buttons(outsider).includes('Draft letter'), cardText(outsider));
    for (const verb of ['case.file.add', 'case.files', 'case.letters']) {
      assert.match(cardText(await press(TAYLOR, verb)), /Not yours to see/);
    }
    // The same answer for a case that does not exist: nothing says whether it does.
    assert.equal(cardText((await bot.driver.execute(TAYLOR, 'case.files', { caseId: 'no-such-case' })).body.value), cardText(await press(TAYLOR, 'case.files')));
  });

  it('"Add a file": the form asks the date, the way it went and a line; a future date or a missing line is sent back', async () => {
    const form = await press(ALEX, 'case.file.add');
    assert.ok(input(form, 'on') && input(form, 'channel') && input(form, 'text'), cardText(form));
    const bad = await press(ALEX, 'case.file.link', { on: '2026-11-30', channel: 'from-resident', text: '' });
    assert.match(cardText(bad), /The date cannot be in the future/);
    assert.match(cardText(bad), /What it is is required/);
    assert.equal(openUrls(bad).length, 0);
  });

  it('the page takes the photo; the case history shows it with its size and SHA-256, and the link is used up', async () => {
    const url = await uploadLink(PHOTO);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, new RegExp(`Add a file to ${reference}`));
    assert.match(html, /Photo of the kitchen window, sent by Robin/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'nonce-/);

    const res = await send(url, SAMPLES.jpeg);
    const body = await res.json() as { message: string; sha256: string };
    assert.equal(res.status, 200, body.message);
    assert.equal(body.sha256, sha256(SAMPLES.jpeg.bytes));
    assert.match(body.message, new RegExp(`Attached to ${reference}: damp-bedroom.jpg`));

    const history = cardText(await press(ALEX, 'case.refresh'));
    const size = `${SAMPLES.jpeg.bytes.length} bytes`;
    assert.match(history, new RegExp(`damp-bedroom\\.jpg \\(${size}, SHA-256 ${sha256(SAMPLES.jpeg.bytes).slice(0, 12)}…\\) · from the resident · dated Fri 20 Nov 2026: Photo of the kitchen window, sent by Robin`));
    const files = await bot.files.list(caseId);
    assert.deepEqual(files.map((f) => [f.fileName, f.sha256]), [['damp-bedroom.jpg', sha256(SAMPLES.jpeg.bytes)]]);

    const again = await send(url, SAMPLES.pdf);
    assert.equal(again.status, 410);
    assert.match(((await again.json()) as { message: string }).message, /expired or has been used/);
    assert.equal((await fetch(url)).status, 404);
    assert.equal((await bot.files.list(caseId)).length, 1, 'nothing more stored');
  });

  it('a disallowed or over-size file is refused with a message and nothing is stored; the link stays open for the right file', async () => {
    const url = await uploadLink({ on: '2026-11-23', channel: 'internal', text: 'Phone note of the call with Robin' });
    const events = (await stored()).events.length;

    const exe = await send(url, { fileName: 'setup.exe', contentType: 'application/x-msdownload', bytes: Buffer.from('MZ\x90\x00 program') });
    assert.equal(exe.status, 422);
    assert.match(((await exe.json()) as { message: string }).message, /setup\.exe is of a type that cannot be attached \(application\/x-msdownload\)\. Files may be PDF, JPEG/);

    const renamed = await send(url, { fileName: 'note.pdf', contentType: 'application/pdf', bytes: Buffer.from('just text, not a PDF') });
    assert.equal(renamed.status, 422);
    assert.match(((await renamed.json()) as { message: string }).message, /does not look like a PDF/);

    const big = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'scan.pdf' }, body: Buffer.alloc(25 * 1024 * 1024 + 1, 0x25) });
    assert.equal(big.status, 413);
    assert.match(((await big.json()) as { message: string }).message, /over 25 MB, the limit per file, so nothing was stored/);

    assert.equal((await stored()).events.length, events, 'the case is unchanged');
    assert.equal((await bot.files.list(caseId)).length, 1, 'only the photo is stored');

    // A browser gives no type for some files: the name's extension decides, and the bytes must match it.
    const note = await send(url, { ...SAMPLES.text, contentType: 'application/octet-stream' });
    assert.equal(note.status, 200);
    assert.equal((await bot.files.list(caseId)).length, 2);
  });

  it('"Files" lists them; "Get the file" gives a link for the handler only, with the bytes as attached; a changed file is not handed out', async () => {
    const list = await press(ALEX, 'case.files');
    assert.match(cardText(list), /Files on the case[\s\S]*phone note\.txt[\s\S]*damp-bedroom\.jpg/);
    const photo = (await stored()).events.find((e) => e.type === 'correspondence-attached' && e.fileName === 'damp-bedroom.jpg');
    assert.ok(photo?.type === 'correspondence-attached');
    const got = await press(ALEX, 'case.file.get', { fileId: photo.fileId });
    const [link] = openUrls(got);
    assert.ok(link, cardText(got));
    const download = await fetch(link.url);
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), Buffer.from(SAMPLES.jpeg.bytes));
    assert.match(cardText(await press(TAYLOR, 'case.file.get', { fileId: photo.fileId })), /Not yours to see/);
    assert.match(cardText(await press(ALEX, 'case.file.get', { fileId: '00000000-0000-4000-8000-000000000000' })), /That file is not attached to this case/);

    // Someone changes the stored bytes behind the app's back: the link now answers 404, not the changed file.
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    writeFileSync(path.join(bot.dataDir, 'files', caseId, photo.fileId), Buffer.from('not the photo'));
    assert.equal((await fetch(link.url)).status, 404);
  });

  it('"Draft letter" lists each letter, with why one cannot be drafted yet', async () => {
    const card = cardText(await press(ALEX, 'case.letters'));
    assert.match(card, /Draft a letter/);
    assert.match(card, /Acknowledgement/);
    assert.match(card, /Stage 1 response\n[^\n]*no stage 1 response/i);
    assert.match(card, /The letterhead is an invented example/);
  });

  it('a stage 1 response letter is drafted in Word with every required item, and recorded as sent: its PDF is on the case and in the mailbox copy', async () => {
    await press(ALEX, 'case.respond', { outcome: 'upheld', on: '2026-11-23', ...STAGE_1_ITEMS });
    const drafted = await press(ALEX, 'case.letter.draft', { letterKind: 'stage-1-response', format: 'docx' });
    assert.match(cardText(drafted), /Draft: the stage 1 response/);
    assert.match(cardText(drafted), /Every item the stage 1 response must contain is in it/);
    const [link] = openUrls(drafted);
    assert.ok(link);
    const res = await fetch(link.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${reference}-stage-1-response-2026-11-23\\.docx"`));
    const words = flat(docxText(new Uint8Array(await res.arrayBuffer())));
    const policy = findPreset('hos-2024')!;
    assert.ok(words.includes('our stage 1 response'), words.slice(0, 300));
    // The stage and the decision are the letter's own words; every other item is what the handler typed.
    for (const item of requiredContents(policy, 1, 'upheld').filter((i) => i !== 'stage' && i !== 'decision')) {
      const typed = STAGE_1_ITEMS[`item-${item}` as keyof typeof STAGE_1_ITEMS] as string | undefined;
      if (typed) assert.ok(words.includes(typed), `the letter says the ${item}: ${typed}`);
    }
    assert.ok(words.includes('Robin Example') && words.includes('Alex Morgan'), words.slice(0, 300));
    assert.ok(input(drafted, 'on'), 'the draft card asks the date it was sent');

    const mailBefore = graph.mail.length;
    const sent = await press(ALEX, 'case.letter.sent', { letterKind: 'stage-1-response', on: '2026-11-23' });
    assert.match(cardText(sent), /Recorded: the stage 1 response, sent Mon 23 Nov 2026\. Its PDF is on the case as correspondence to the resident/);
    const record = await stored();
    const letter = record.events.filter((e) => e.type === 'correspondence-attached').at(-1);
    assert.ok(letter?.type === 'correspondence-attached');
    assert.deepEqual([letter.direction, letter.dated, letter.contentType, letter.fileName], ['to-resident', '2026-11-23', 'application/pdf', `${reference}-stage-1-response-2026-11-23.pdf`]);
    const pdf = await bot.files.get(caseId, letter.fileId);
    assert.equal(pdf.file.sha256, letter.sha256);
    const pages = flat((await pdfText(pdf.bytes)).join(' '));
    assert.ok(pages.includes(STAGE_1_ITEMS['item-reasons']), pages.slice(0, 300));

    assert.equal(graph.mail.length, mailBefore + 1);
    const copy = graph.mail.at(-1)!;
    assert.match(copy.subject, new RegExp(`\\[Complaints\\] Letter sent ${reference}`));
    assert.match(copy.content, /Letter: the stage 1 response, sent Mon 23 Nov 2026; the PDF is attached\./);
    assert.deepEqual(copy.attachments.map((a) => [a.name, a.contentType]), [[letter.fileName, 'application/pdf']]);
    assert.equal(sha256(copy.attachments[0]!.bytes), letter.sha256, 'the mailbox gets the same PDF the case keeps');
  });

  it('"Evidence pack": a PDF with every section for the handler and the complaints team, recorded on the case; not for someone outside it', async () => {
    const events = (await stored()).events.length;
    assert.match(cardText(await press(TAYLOR, 'case.pack')), /Not yours to see/);
    assert.equal((await stored()).events.length, events, 'nothing recorded for a refused request');

    const card = await press(MORGAN, 'case.pack');
    assert.match(cardText(card), /Evidence pack\n[\s\S]*One PDF: the case, the complaint, the timeline/);
    const [link] = openUrls(card);
    assert.ok(link, cardText(card));
    const res = await fetch(link.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`filename="${reference}-evidence-pack-2026-11-23\\.pdf"`));
    const text = flat((await pdfText(new Uint8Array(await res.arrayBuffer()))).join('\n'));
    for (const section of PACK_SECTIONS) assert.ok(text.includes(section), section);
    assert.ok(text.includes('Made Mon 23 Nov 2026 at 10:00 by Morgan Lee (PIM)'), text.slice(0, 300));
    // The photo was changed behind the app's back in an earlier test: the pack says so.
    assert.ok(text.includes('damp-bedroom.jpg (changed)'), 'the changed photo is flagged');

    const made = (await stored()).events.at(-1);
    assert.deepEqual([made?.type, made?.by], ['evidence-pack-made', 'morgan.lee']);
    assert.match(cardText(await press(ALEX, 'case.refresh')), /Evidence pack made\nby Morgan Lee[^\n]*\nPDF, one part/);
  });
});

// A file dropped into the personal chat in Teams arrives as a file.download.info attachment
// with a pre-authorised download URL: here a local server plays Teams' file host.
describe('a file sent to the bot in a Teams chat', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let host: import('node:http').Server;
  let hostUrl = '';
  const served = new Map<string, Buffer>();
  let caseId = '';
  let reference = '';
  const sendFile = async (user: TeamsUser, name: string, path: string, text = '') => {
    const before = bot.connector.sent.length;
    await bot.driver.say(user, text, undefined, [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl: `${hostUrl}${path}`, uniqueId: 'x', fileType: name.split('.').pop() } }]);
    await bot.connector.waitFor(before + 1);
    return bot.connector.cards().at(-1);
  };

  before(async () => {
    const http = await import('node:http');
    host = http.createServer((req, res) => {
      const body = served.get(req.url ?? '');
      if (!body) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) });
      res.end(body);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as import('node:net').AddressInfo).port}`;
    served.set('/scan.pdf', Buffer.from(SAMPLES.pdf.bytes));
    served.set('/huge.pdf', Buffer.alloc(25 * 1024 * 1024 + 10, 0x25));
    bot = await startTestBot();
    for (const user of [ALEX, TAYLOR]) await bot.driver.say(user, 'help');
    ({ caseId, reference } = await logComplaint(bot, ALEX));
  });
  after(async () => {
    await bot.stop();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });

  it('a type that cannot be attached is refused at once, naming the allowed types; nothing is kept', async () => {
    const card = await sendFile(ALEX, 'tool.exe', '/scan.pdf');
    assert.match(cardText(card), /tool\.exe cannot be attached\nFiles may be PDF, JPEG/);
    assert.deepEqual(await bot.files.list(caseId), []);
  });

  it('a PDF: the bot asks which case (the reference typed with it is filled in), then attaches it; the question cannot be answered twice', async () => {
    const card = await sendFile(ALEX, 'scan.pdf', '/scan.pdf', `for ${reference.toLowerCase()}`);
    assert.match(cardText(card), /Attach scan\.pdf to a case/);
    assert.equal(input(card, 'reference')?.value, reference);
    assert.ok(input(card, 'caseId'), 'Alex\'s open cases are offered');
    const fileToken = String((card as { actions: Array<{ data: { fileToken: string } }> }).actions[0]!.data.fileToken);

    const missing = await bot.driver.execute(ALEX, 'file.attach', { fileToken, reference, on: '2026-11-23', channel: 'from-resident', text: '' });
    assert.match(cardText(missing.body.value), /What it is is required/);

    const done = await bot.driver.execute(ALEX, 'file.attach', { fileToken, reference, on: '2026-11-23', channel: 'from-resident', text: 'Scanned letter from Robin' });
    assert.match(cardText(done.body.value), new RegExp(`Attached to ${reference}: scan\\.pdf \\(SHA-256 ${sha256(SAMPLES.pdf.bytes).slice(0, 12)}…\\)`));
    assert.match(cardText(done.body.value), /scan\.pdf \([0-9]+ bytes, SHA-256 [0-9a-f]{12}…\) · from the resident · dated Mon 23 Nov 2026: Scanned letter from Robin/);
    assert.equal((await bot.files.list(caseId)).length, 1);

    const twice = await bot.driver.execute(ALEX, 'file.attach', { fileToken, reference, on: '2026-11-23', channel: 'from-resident', text: 'Again' });
    assert.match(cardText(twice.body.value), /This file is no longer waiting/);
    assert.equal((await bot.files.list(caseId)).length, 1);
  });

  it('someone outside the case, or a wrong reference, is told it is not a case they act on; nothing is kept', async () => {
    const card = await sendFile(TAYLOR, 'scan.pdf', '/scan.pdf');
    const fileToken = String((card as { actions: Array<{ data: { fileToken: string } }> }).actions[0]!.data.fileToken);
    const facts = { on: '2026-11-23', channel: 'internal', text: 'Note' };
    const theirs = await bot.driver.execute(TAYLOR, 'file.attach', { fileToken, reference, ...facts });
    const none = await bot.driver.execute(TAYLOR, 'file.attach', { fileToken, reference: 'HC-2026-99999', ...facts });
    assert.match(cardText(theirs.body.value), /That is not a case you act on/);
    const said = (card: unknown) => cardText(card).replaceAll(reference, 'REF').replace('HC-2026-99999', 'REF');
    assert.equal(said(theirs.body.value), said(none.body.value), 'the same answer whether the case exists or not (but for the reference typed)');
    // The question is Taylor's: Alex cannot answer it.
    assert.match(cardText((await bot.driver.execute(ALEX, 'file.attach', { fileToken, reference, ...facts })).body.value), /no longer waiting/);
    assert.equal((await bot.files.list(caseId)).length, 1);
  });

  it('a file over 25 MB is refused when fetched, with the limit, and nothing is kept', async () => {
    const card = await sendFile(ALEX, 'huge.pdf', '/huge.pdf');
    const fileToken = String((card as { actions: Array<{ data: { fileToken: string } }> }).actions[0]!.data.fileToken);
    const res = await bot.driver.execute(ALEX, 'file.attach', { fileToken, reference, on: '2026-11-23', channel: 'from-resident', text: 'Big scan' });
    assert.match(cardText(res.body.value), /huge\.pdf is too big\nFiles can be at most 25 MB each, so nothing was kept/);
    assert.equal((await bot.files.list(caseId)).length, 1);
  });
});

// Issue 18: who has seen a case's personal data is kept with the case, for "who has seen my file".
describe('the access log', function () {
  this.timeout(60_000);
  it('notes a person working through a case once per ten minutes, not once per button', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const bot = await startTestBot({ app: { now: () => now } });
    try {
      await bot.driver.say(ALEX, 'help');
      const { caseId, reference } = await logComplaint(bot, ALEX);
      for (let n = 0; n < 3; n++) await bot.driver.say(ALEX, `case ${reference}`);
      await bot.driver.execute(ALEX, 'case.refresh', { caseId });
      const cardViews = async () => (await bot.stores.accessLog.list(caseId)).filter((e) => e.what === 'case-card').map((e) => e.at);
      assert.deepEqual(await cardViews(), ['2026-11-23T10:00:00.000Z']);
      now = new Date('2026-11-23T10:09:59Z');
      await bot.driver.say(ALEX, `case ${reference}`);
      assert.equal((await cardViews()).length, 1, 'within ten minutes of the last note');
      now = new Date('2026-11-23T10:10:00Z');
      await bot.driver.say(ALEX, `case ${reference}`);
      assert.deepEqual((await cardViews()).sort(), ['2026-11-23T10:00:00.000Z', '2026-11-23T10:10:00.000Z']);
    } finally {
      await bot.stop();
    }
  });

  it('notes the handler opening the case card and its history, and a letter reaching them; not someone refused', async () => {
    const bot = await startTestBot();
    try {
      for (const user of [ALEX, TAYLOR]) await bot.driver.say(user, 'help');
      const { caseId, reference } = await logComplaint(bot, ALEX);
      await bot.driver.say(ALEX, `case ${reference}`);
      await bot.driver.say(TAYLOR, `case ${reference}`);
      await bot.driver.execute(ALEX, 'case.history', { caseId, page: 1 });
      const drafted = (await bot.driver.execute(ALEX, 'case.letter.draft', { caseId, letterKind: 'acknowledgement', format: 'pdf' })).body.value;
      const [link] = openUrls(drafted);
      assert.equal((await fetch(link!.url)).status, 200);
      const log = await bot.stores.accessLog.list(caseId);
      assert.deepEqual(log.map((e) => `${e.by}:${e.what}`).sort(), ['alex.morgan:case-card', 'alex.morgan:history', 'alex.morgan:letter'].sort());
      const cli = await runCliAsync(['access-log', reference], { DATA_DIR: bot.dataDir });
      assert.equal(cli.code, 0, cli.stderr);
      assert.deepEqual((JSON.parse(cli.stdout) as { accesses: Array<{ name: string; what: string }> }).accesses.map((a) => `${a.name}:${a.what}`).sort(), ['Alex Morgan:case-card', 'Alex Morgan:history', 'Alex Morgan:letter'].sort());
    } finally {
      await bot.stop();
    }
  });
});
