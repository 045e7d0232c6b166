import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseEvent } from '../../src/domain/case-events';
import { makeCase, respond } from '../reports/fixtures';
import { asNewCase } from '../support/case-fixtures';
import { receivedBy } from '../support/seed-cases';
import { startTestBot, type TestBot } from '../support/test-app';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

/**
 * The dashboard tab as a person sees it, through the real app's HTTP route (a local run: no app
 * id, so /dashboard?as=<id>), over a store holding a mix of cases: open ones overdue, due this
 * week and later, a closed one, one at the Ombudsman with an order overdue, a demo case, and two
 * officers' teams. The clock is Monday 23 November 2026 (the week ends Sunday 29 November).
 */
const textOf = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

interface Seed { reference: string; events: CaseEvent[]; estate: string; loggedBy: string; demo?: boolean; category?: string }

async function put(bot: TestBot, seed: Seed): Promise<string> {
  const record = makeCase(seed.reference, seed.events, { category: seed.category ?? 'repairs', estate: seed.estate });
  record.details.loggedBy = seed.loggedBy;
  record.details.complainant.tenure = 'social-or-affordable-rent';
  if (seed.demo) record.details.demo = true;
  return (await bot.stores.cases.createCase(asNewCase(record))).reference;
}

describe('the dashboard tab over a mix of cases, as each person sees it', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let dataDir: string;
  const ref = { riversideLate: '', hillsideLate: '', thisWeek: '', demo: '', later: '', closed: '', ombudsman: '' };
  const page = async (as: string): Promise<{ html: string; text: string }> => {
    const res = await fetch(`${bot.app.url}/dashboard?as=${as}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    return { html, text: textOf(html) };
  };

  before(async () => {
    dataDir = makeTempDir('dashboard-route');
    const landlordFile = path.join(dataDir, 'landlord.json');
    writeFileSync(landlordFile, JSON.stringify({ name: 'Eastholme Homes', addressLines: ['1 Example Street'], homes: { lcra: 3000, lcho: 300 } }));
    bot = await startTestBot({ dataDir, config: { letters: { landlordFile, templateFile: undefined } } });
    // Alex's team (Riverside) and Taylor's (Hillside): each an acknowledgement due 9 November, not made.
    ref.riversideLate = await put(bot, { reference: 'A', events: receivedBy('alex.morgan', '2026-11-02'), estate: 'Riverside', loggedBy: 'alex.morgan' });
    ref.hillsideLate = await put(bot, { reference: 'B', events: receivedBy('taylor.reed', '2026-11-02'), estate: 'Hillside', loggedBy: 'taylor.reed', category: 'asb' });
    // Due this week: an acknowledgement due Thursday 26 November; a demo case's due today (not yet overdue).
    ref.thisWeek = await put(bot, { reference: 'C', events: receivedBy('alex.morgan', '2026-11-19'), estate: 'Riverside', loggedBy: 'alex.morgan' });
    ref.demo = await put(bot, { reference: 'D', events: receivedBy('alex.morgan', '2026-11-16'), estate: 'Riverside', loggedBy: 'alex.morgan', demo: true });
    // Later: acknowledged, its response due 4 December.
    ref.later = await put(bot, { reference: 'E', events: [...receivedBy('taylor.reed', '2026-11-20'), { type: 'acknowledged', on: '2026-11-20' }], estate: 'Hillside', loggedBy: 'taylor.reed' });
    // Closed: received, answered within the Code and closed in October (counted in the TSMs, not open).
    ref.closed = await put(bot, {
      reference: 'F', estate: 'Riverside', loggedBy: 'alex.morgan',
      events: [...receivedBy('alex.morgan', '2026-10-05'), { type: 'acknowledged', on: '2026-10-05' }, respond('2026-10-12', 'upheld', 1), { type: 'closed', on: '2026-10-20' }],
    });
    // Taylor's, at the Ombudsman: determined 3 August with one order due 17 August, not complied with.
    ref.ombudsman = await put(bot, {
      reference: 'G', estate: 'Hillside', loggedBy: 'taylor.reed', category: 'damp-mould',
      events: [
        ...receivedBy('taylor.reed', '2026-03-02'), { type: 'acknowledged', on: '2026-03-02' }, respond('2026-03-10', 'not-upheld', 1), { type: 'closed', on: '2026-04-01' },
        { type: 'ombudsman-referred', on: '2026-06-01', reference: 'HOS-202600777' },
        { type: 'ombudsman-determined', on: '2026-08-03', findings: [{ finding: 'service-failure' }], orders: [{ id: 'o1', kind: 'other', description: 'Review the damp survey', due: '2026-08-17' }] },
      ],
    });
  });
  after(async () => {
    await bot?.stop();
    removeTempDir(dataDir);
  });

  it('the complaints team sees every figure, every overdue case with its officer, and the case at the Ombudsman', async () => {
    const { text } = await page('morgan.lee');
    assert.match(text, /Complaints dashboard Morgan Lee · Mon 23 Nov 2026 includes 1 demo cases/);
    assert.match(text, / 5 open cases 2 overdue \(as the log counts them\) 2 due this week 1 remedies and Ombudsman items overdue /);
    assert.match(text, / Stage 1 2 overdue 2 2 due this week 2 1 later 1 /, 'the stage bar: 2 overdue, 2 this week, 1 later');
    assert.match(text, new RegExp(`Overdue Case Stage What Was due Working days late Officer ${ref.riversideLate} 1 Acknowledgement Mon 9 Nov 2026 10 Alex Morgan ${ref.hillsideLate} 1 Acknowledgement Mon 9 Nov 2026 10 Taylor Reed `));
    assert.ok(!text.includes(ref.thisWeek) && !text.includes(ref.later) && !text.includes(ref.closed), 'only overdue cases are listed');
    assert.ok(!text.includes('counted above but not listed'));
    assert.match(text, new RegExp(`At the Housing Ombudsman Complaint Referred Determined Orders complied ${ref.ombudsman} Mon 1 Jun 2026 Mon 3 Aug 2026 0 of 1 `));
    // The quarter from 1 October: six stage one complaints received (3,000 LCRA homes), the one answered within the Code.
    assert.match(text, /CH01\(1\) stage one complaints per 1,000 homes 2\.00 6 \/ 3,000 homes /);
    assert.match(text, /CH02\(1\) stage one responses within the Code 100\.0% 1 of 1 /);
    // Received by month, December 2025 to November 2026: the closed case in October, four in November; the Ombudsman's case in March.
    assert.match(text, /Repairs and maintenance: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4 Anti-social behaviour: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 Damp and mould: 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 /);
  });

  it('an AHM sees the same figures but only their own team\'s cases named, with how many are left out', async () => {
    const { text } = await page('alex.morgan');
    assert.match(text, / 5 open cases 2 overdue \(as the log counts them\) 2 due this week 1 remedies and Ombudsman items overdue /);
    assert.match(text, new RegExp(`Overdue Case Stage What Was due Working days late Officer ${ref.riversideLate} 1 Acknowledgement Mon 9 Nov 2026 10 Alex Morgan 1 other case overdue is counted above but not listed`));
    assert.ok(!text.includes(ref.hillsideLate) && !text.includes(ref.ombudsman), 'Taylor\'s cases are not named');
    assert.match(text, /At the Housing Ombudsman 1 other case at the Ombudsman is counted above but not listed: it is handled outside your team\./);
    assert.match(text, /CH01\(1\) stage one complaints per 1,000 homes 2\.00 6 \/ 3,000 homes /);
  });

  it('the AD over both teams sees both teams\' cases', async () => {
    const { text } = await page('priya.shah');
    assert.ok(text.includes(ref.riversideLate) && text.includes(ref.hillsideLate) && text.includes(ref.ombudsman));
    assert.ok(!text.includes('counted above but not listed'));
  });
});
