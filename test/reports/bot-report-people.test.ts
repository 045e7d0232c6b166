import { strict as assert } from 'node:assert';
import type { ActionItem, CaseEvent } from '../../src/domain/case-events';
import { FILE_CONSENT_CARD } from '../../src/bot/files/file-offers';
import { OTHER_REFUSALS } from '../../src/reports/report-files';
import { ALEX, cardText, PRIYA, type TeamsUser } from '../support/bot-driver';
import { FakeUploadServer } from '../support/fake-upload';
import { receivedBy, seedCase } from '../support/seed-cases';
import { MONDAY_23_NOV, startTestBot, type TestBot } from '../support/test-app';
import { respond } from './fixtures';

const TAYLOR: TeamsUser = { name: 'Taylor Reed', aadObjectId: '00000000-0000-4000-8000-000000000004' }; // AHM, Hillside
const MORGAN: TeamsUser = { name: 'Morgan Lee', aadObjectId: '00000000-0000-4000-8000-000000000007' }; // the PIM and complaints team

const withActions = (event: CaseEvent, actions: ActionItem[]): CaseEvent => ({ ...event, actions } as CaseEvent);
const handled = (officer: string, received: string, acknowledged: string): CaseEvent[] => [...receivedBy(officer, received), { type: 'acknowledged', on: acknowledged }];

/**
 * `report 2026-Q3` (July to September 2026) in Teams, on Monday 23 November 2026, over a mix of
 * cases: received before, in and after the quarter; open, closed and refused; with remedies, lessons
 * and an Ombudsman stage; handled by Alex's team (Riverside: Alex, and Sam whom he manages) and by
 * Taylor (Hillside), one of Taylor's logged by Alex. The complaints team sees every row; Taylor,
 * an AHM, only Hillside's; Alex his team's and the case he logged. The figures are the same for all.
 */
type Ref = { caseId: string; reference: string };
interface Mix {
  /** Riverside: before the quarter, remedies due in it, referred to the Ombudsman in it. */
  riversideEarly: Ref;
  riversideAnswered: Ref; riversideRefused: Ref; riversideOpen: Ref; samsCase: Ref;
  hillsideAnswered: Ref; hillsideRefused: Ref; hillsideLoggedByAlex: Ref;
  /** Hillside: before the quarter, determined by the Ombudsman in it with an order not complied with. */
  hillsideEarly: Ref;
  /** Hillside: after the quarter. */
  hillsideLater: Ref;
}

async function seedMix(bot: TestBot): Promise<Mix> {
  const seed = (events: CaseEvent[], estate: string, name: string, loggedBy: string, category = 'repairs') => seedCase(bot, { events, estate, name, loggedBy, category });
  return {
    riversideEarly: await seed([
      ...handled('alex.morgan', '2026-04-06', '2026-04-07'),
      withActions(respond('2026-04-20', 'upheld', 1, { remedy: 'Repair and compensation', 'lessons-learned': 'Riverside: an April lesson' }), [
        { id: 'a1', kind: 'repair', description: 'Fix the door', due: '2026-07-15' },
        { id: 'a2', kind: 'compensation', description: 'Pay £150', due: '2026-08-03', amountPence: 15_000 },
      ]),
      { type: 'closed', on: '2026-05-10' }, { type: 'action-completed', on: '2026-07-14', actionId: 'a1', evidence: 'Door fixed' },
      { type: 'ombudsman-referred', on: '2026-08-10', reference: 'HOS-RIVERSIDE-1' },
    ], 'Riverside', 'Rowan Early', 'alex.morgan'),
    riversideAnswered: await seed([
      ...handled('alex.morgan', '2026-07-06', '2026-07-07'),
      respond('2026-07-17', 'partly-upheld', 1, { remedy: 'An apology', 'lessons-learned': 'Riverside: ring back the same day' }), { type: 'closed', on: '2026-08-01' },
    ], 'Riverside', 'Robin Answered', 'alex.morgan', 'communication'),
    riversideRefused: await seed([{ type: 'refused', on: '2026-08-12', why: 'Rowan Riverside already has a court case' }], 'Riverside', 'Rowan Riverside', 'alex.morgan', 'asb'),
    riversideOpen: await seed(receivedBy('alex.morgan', '2026-09-14'), 'Riverside', 'Remy Open', 'alex.morgan', 'damp-mould'),
    samsCase: await seed(handled('sam.okafor', '2026-07-20', '2026-07-21'), 'Riverside', 'Sasha Sams', 'sam.okafor'),
    hillsideAnswered: await seed([
      ...handled('taylor.reed', '2026-07-08', '2026-07-09'),
      respond('2026-07-22', 'upheld', 1, { remedy: 'Gutters cleared', 'lessons-learned': 'Hillside: check the gutters every autumn' }), { type: 'closed', on: '2026-08-05' },
    ], 'Hillside', 'Hollis Answered', 'taylor.reed'),
    hillsideRefused: await seed([{ type: 'refused', on: '2026-07-15', why: 'Harper Hillside is suing us' }], 'Hillside', 'Harper Hillside', 'taylor.reed', 'asb'),
    hillsideLoggedByAlex: await seed(handled('taylor.reed', '2026-08-03', '2026-08-04'), 'Hillside', 'Hazel Logged', 'alex.morgan', 'damp-mould'),
    hillsideEarly: await seed([
      ...handled('taylor.reed', '2026-05-05', '2026-05-06'), respond('2026-05-19', 'not-upheld', 1), { type: 'closed', on: '2026-06-10' },
      { type: 'ombudsman-referred', on: '2026-07-01', reference: 'HOS-HILLSIDE-1' },
      {
        type: 'ombudsman-determined', on: '2026-09-10', findings: [{ finding: 'maladministration', about: 'the repairs' }],
        orders: [{ id: 'o1', kind: 'compensation', description: 'Pay £300', due: '2026-09-24', amountPence: 30_000 }],
      },
    ], 'Hillside', 'Hunter Early', 'taylor.reed'),
    hillsideLater: await seed(handled('taylor.reed', '2026-10-05', '2026-10-06'), 'Hillside', 'Holly Later', 'taylor.reed'),
  };
}

/** The references of the CSV log's rows, in order. */
function logReferences(csv: string): string[] {
  return csv.replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]!);
}

const escaped = (s: string): RegExp => new RegExp(s.replace(/[()]/g, '\\$&'));

/** What each person may see of the mix: the rows of the quarter's log, and the parts of the HTML report that name cases. */
function expectations(mix: Mix) {
  const inQuarter = [mix.riversideAnswered, mix.riversideRefused, mix.riversideOpen, mix.samsCase, mix.hillsideAnswered, mix.hillsideRefused, mix.hillsideLoggedByAlex];
  return {
    everyone: { rows: inQuarter },
    taylor: { rows: [mix.hillsideAnswered, mix.hillsideRefused, mix.hillsideLoggedByAlex] },
    alex: { rows: [mix.riversideAnswered, mix.riversideRefused, mix.riversideOpen, mix.samsCase, mix.hillsideLoggedByAlex] },
  };
}

/** The log in the store's order (by receipt date, then reference). */
const byReceipt = (mix: Mix, refs: Ref[]): string[] => {
  const received = new Map<string, string>([
    [mix.riversideAnswered.reference, '2026-07-06'], [mix.hillsideAnswered.reference, '2026-07-08'], [mix.hillsideRefused.reference, '2026-07-15'],
    [mix.samsCase.reference, '2026-07-20'], [mix.hillsideLoggedByAlex.reference, '2026-08-03'], [mix.riversideRefused.reference, '2026-08-12'],
    [mix.riversideOpen.reference, '2026-09-14'],
  ]);
  return refs.map((r) => r.reference).sort((a, b) => received.get(a)!.localeCompare(received.get(b)!) || a.localeCompare(b));
};

/** The figures on the summary card, the same for every person who may see reports. */
function assertFigures(text: string): void {
  assert.match(text, /Complaints report: 2026 Q3/);
  assert.match(text, /Complaints received\n7\n/);
  assert.match(text, /Stage 1 received\n5\n/);
  // Riverside's open case never acknowledged; Sam's and the case Alex logged past their response dates.
  assert.match(text, /Stage 1 acknowledged in time\n80% \(4 of 5\)/);
  assert.match(text, /Stage 1 responded in time\n50% \(2 of 4\)/);
  assert.match(text, /Refused\n2\n/);
  // The April complaint's two remedies fall due in the quarter: the repair done on time, the £150 not paid.
  assert.match(text, /Remedies due, done on time\n50% \(1 of 2\)/);
  assert.match(text, /Remedies overdue now\n1\n/);
  // Both earlier complaints: Hillside's referred and determined, its order overdue; Riverside's referred.
  assert.match(text, /Housing Ombudsman\n2 referred, 1 determined, 1 order overdue/);
}

/** The full report as the person it was made for sees it. */
function assertHtml(html: string, mix: Mix, who: 'everyone' | 'taylor' | 'alex'): void {
  // Lessons of the quarter's cases, each only to those who may see the case.
  assert.equal(html.includes('Hillside: check the gutters every autumn'), who !== 'alex', 'Hillside\'s lesson');
  assert.equal(html.includes('Riverside: ring back the same day'), who !== 'taylor', 'Riverside\'s lesson');
  assert.ok(!html.includes('Riverside: an April lesson'), 'a case received before the quarter gives no lesson');
  // The cases at the Ombudsman (an earlier complaint of each team, referred or determined in the quarter).
  assert.equal(html.includes(mix.hillsideEarly.reference), who !== 'alex', 'Hillside\'s Ombudsman case');
  assert.equal(html.includes(mix.riversideEarly.reference), who !== 'taylor', 'Riverside\'s Ombudsman case');
  // Refusal reasons: their own, and the others counted without their words.
  assert.equal(html.includes('Harper Hillside is suing us'), who !== 'alex');
  assert.equal(html.includes('Rowan Riverside already has a court case'), who !== 'taylor');
  assert.equal(escaped(OTHER_REFUSALS).test(html), who !== 'everyone');
  // Never a case that is in no part of the quarter's report.
  assert.ok(!html.includes(mix.hillsideLater.reference));
}

function assertLog(csv: string, mix: Mix, who: 'everyone' | 'taylor' | 'alex'): void {
  assert.deepEqual(logReferences(csv), byReceipt(mix, expectations(mix)[who].rows));
  // A refusal's reason, as typed (it may name the resident), only in the rows of those who may see the case.
  assert.equal(csv.includes('Harper Hillside is suing us'), who !== 'alex');
  assert.equal(csv.includes('Rowan Riverside already has a court case'), who !== 'taylor');
  for (const name of ['Robin', 'Hollis', 'Hazel', 'Sasha', 'Remy']) assert.ok(!csv.includes(name), 'no complainant\'s name from their details');
}

function links(card: Record<string, unknown>): string[] {
  return ((card.actions ?? []) as Array<{ type: string; url: string }>).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);
}

describe('bot: the report of a mix of cases, as the complaints team, an AHM and another AHM see it (links)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let mix: Mix;

  before(async () => {
    bot = await startTestBot({ now: MONDAY_23_NOV });
    mix = await seedMix(bot);
  });
  after(async () => { await bot?.stop(); });

  async function report(user: TeamsUser): Promise<{ text: string; html: string; csv: string }> {
    const before = bot.connector.sent.length;
    await bot.driver.say(user, 'report 2026-Q3');
    await bot.connector.waitFor(before + 1);
    const card = bot.connector.cards().at(-1)!;
    const [html, csv] = links(card);
    return { text: cardText(card), html: await (await fetch(html!)).text(), csv: Buffer.from(await (await fetch(csv!)).arrayBuffer()).toString('utf8') };
  }

  it('the same figures on everyone\'s card, counted over every case', async () => {
    const morgan = await report(MORGAN);
    assertFigures(morgan.text);
    const figures = (text: string) => text.split('\n').filter((l) => !/until \d|links? /i.test(l)).join('\n');
    for (const user of [TAYLOR, ALEX, PRIYA]) assert.equal(figures((await report(user)).text), figures(morgan.text), user.name);
  });

  it('the complaints team\'s files name every case of the quarter', async () => {
    const { html, csv } = await report(MORGAN);
    assertLog(csv, mix, 'everyone');
    assertHtml(html, mix, 'everyone');
  });

  it('an AHM\'s files name only their team\'s cases, and a case logged by another AHM only to that AHM too', async () => {
    const taylor = await report(TAYLOR);
    assertLog(taylor.csv, mix, 'taylor');
    assertHtml(taylor.html, mix, 'taylor');
    const alex = await report(ALEX);
    assertLog(alex.csv, mix, 'alex');
    assertHtml(alex.html, mix, 'alex');
  });
});

describe('bot: the report of a mix of cases by file consent, as an AHM sees it', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let upload: FakeUploadServer;
  let mix: Mix;

  before(async () => {
    upload = await new FakeUploadServer().start();
    bot = await startTestBot({ now: MONDAY_23_NOV, app: { reportFileDelivery: 'file-consent' } });
    mix = await seedMix(bot);
  });
  after(async () => {
    await bot?.stop();
    await upload?.stop();
  });

  it('offers each file with the size of what Allow then uploads, made for the AHM', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(TAYLOR, 'report 2026-Q3');
    await bot.connector.waitFor(before + 3);
    const sent = bot.connector.sent.slice(before).map((s) => s.activity);
    assertFigures(cardText(bot.connector.cards().find((c) => cardText(c).includes('Complaints report'))));
    const offers = sent.slice(1).map((activity, i) => {
      const [attachment] = activity.attachments as Array<{ contentType: string; name: string; content: { sizeInBytes: number; acceptContext: { token: string } } }>;
      assert.equal(attachment!.contentType, FILE_CONSENT_CARD);
      return { ...attachment!, activityId: `sent-${before + 1 + i}` };
    });
    const bodies = [];
    for (const offer of offers) {
      const uploadPath = `/upload/${offer.name}`;
      await bot.driver.fileConsent(TAYLOR, {
        type: 'fileUpload', action: 'accept', context: offer.content.acceptContext,
        uploadInfo: { name: offer.name, uploadUrl: `${upload.url}${uploadPath}`, contentUrl: `https://contoso-my.sharepoint.com/${offer.name}`, uniqueId: offer.name, fileType: offer.name.split('.').pop() },
      }, offer.activityId);
      const body = upload.bytesAt(uploadPath);
      assert.equal(offer.content.sizeInBytes, body.length, `${offer.name}: the size offered is the size uploaded`);
      bodies.push(body.toString('utf8'));
    }
    assert.deepEqual(offers.map((o) => o.name), ['complaints-report-2026-07-01-to-2026-09-30.html', 'complaints-log-2026-07-01-to-2026-09-30.csv']);
    assertHtml(bodies[0]!, mix, 'taylor');
    assertLog(bodies[1]!, mix, 'taylor');
  });
});
