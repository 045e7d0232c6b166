import { strict as assert } from 'node:assert';
import { checkCard } from '../support/card-check';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { cardBytes, complaintsLogCard, LOG_CARD_BUDGET_BYTES, reportFileCard, reportSummaryCard } from '../../src/cards/report-cards';
import { parseCommand } from '../../src/bot/commands';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { openCasesLog, type LogItem } from '../../src/reports/open-cases-log';
import { actionData, cardText } from '../support/bot-driver';
import { performanceFigures } from '../../src/reports/performance';
import { HOS, HOS_CALENDAR, makeCase, MARCH, marchCases, TODAY } from './fixtures';

const check = checkCard;

// Monday 23 November 2026: the week ends on Sunday 29 November.
const today = '2026-11-23';
const open = [
  makeCase('HC-2026-00101', [{ type: 'received', on: '2026-11-02' }, { type: 'assigned', on: '2026-11-02', officerId: 'alex.morgan' }], { category: 'repairs' }), // ack due 9 Nov: overdue
  makeCase('HC-2026-00102', [{ type: 'received', on: '2026-11-18' }, { type: 'assigned', on: '2026-11-18', officerId: 'taylor.reed' }], { category: 'damp-mould', estate: 'Hillside' }), // ack due 25 Nov: this week
  makeCase('HC-2026-00103', [{ type: 'received', on: '2026-11-23' }, { type: 'assigned', on: '2026-11-23', officerId: 'alex.morgan' }], { category: 'repairs', estate: 'Northgate' }), // ack due 30 Nov: later
  makeCase('HC-2026-00104', [{ type: 'refused', on: '2026-11-20', why: 'Out of time' }], { category: 'asb' }), // closed: not in the log
];

describe('reports: the complaints log and report cards', () => {
  it('groups open cases as overdue, due this week and later', () => {
    const log = openCasesLog(open, {}, today, DEMO_DIRECTORY);
    assert.deepEqual([log.overdue, log.thisWeek, log.later].map((g) => g.map((i) => i.reference)), [['HC-2026-00101'], ['HC-2026-00102'], ['HC-2026-00103']]);
    assert.equal(log.total, 3);
  });

  it('filters by estate, stage, officer (id or name) and category (key or words)', () => {
    const refs = (filters: Parameters<typeof openCasesLog>[1]) => {
      const log = openCasesLog(open, filters, today, DEMO_DIRECTORY);
      return [...log.overdue, ...log.thisWeek, ...log.later].map((i) => i.reference).sort();
    };
    assert.deepEqual(refs({ estate: 'riverside' }), ['HC-2026-00101']);
    assert.deepEqual(refs({ officer: 'Taylor' }), ['HC-2026-00102']);
    assert.deepEqual(refs({ officer: 'alex.morgan' }), ['HC-2026-00101', 'HC-2026-00103']);
    assert.deepEqual(refs({ category: 'damp' }), ['HC-2026-00102']);
    assert.deepEqual(refs({ category: 'repairs', estate: 'Northgate' }), ['HC-2026-00103']);
    assert.deepEqual(refs({ stage: 2 }), []);
  });

  it('parses the typed commands', () => {
    assert.deepEqual(parseCommand('log'), { kind: 'log', filters: {}, unknown: [] });
    assert.deepEqual(parseCommand('Log estate Riverside stage 1'), { kind: 'log', filters: { estate: 'Riverside', stage: 1 }, unknown: [] });
    assert.deepEqual(parseCommand('log officer Alex Morgan category damp'), { kind: 'log', filters: { officer: 'Alex Morgan', category: 'damp' }, unknown: [] });
    assert.deepEqual(parseCommand('log stage two'), { kind: 'log', filters: {}, unknown: ['stage two'] });
    assert.deepEqual(parseCommand('log a complaint'), { kind: 'new-complaint' });
    assert.deepEqual(parseCommand('<at>Complaints</at> report 2026-Q3'), { kind: 'report', period: '2026-Q3' });
  });

  const longItems = (n: number, group: string): LogItem[] => Array.from({ length: n }, (_, i) => ({
    caseId: `c-${group}-${i}`, reference: `HC-2026-${String(i).padStart(5, '0')}`, complainant: '', stage: 1, estate: '', category: '', officer: 'x', nextDueOn: '2026-11-01',
  }));
  const figures = performanceFigures(marchCases(), { policy: HOS, calendar: HOS_CALENDAR, today: TODAY }, MARCH);
  const links = { delivery: 'link' as const, links: [{ title: 'Full report (HTML)', url: 'http://localhost:3978/api/files/a' }, { title: 'Complaints log (CSV)', url: 'http://localhost:3978/api/files/b' }], expiresAt: '2026-11-23T10:15:00.000Z', minutes: 15, period: '2026-03' };
  const samples: Array<[string, AdaptiveCardJson]> = [
    ['log, several', complaintsLogCard({ log: openCasesLog(open, {}, today, DEMO_DIRECTORY), filters: {}, page: 1, filterLabel: 'all open cases', notice: '', today, calendar: HOS_CALENDAR })],
    ['log, empty with a notice', complaintsLogCard({ log: { overdue: [], thisWeek: [], later: [], total: 0 }, filters: { estate: 'Nowhere' }, page: 1, filterLabel: 'estate "Nowhere"', notice: 'Not understood: "x"', today, calendar: HOS_CALENDAR })],
    ['log, page 2 of a long log', complaintsLogCard({
      log: { overdue: longItems(14, 'o'), thisWeek: longItems(3, 't'), later: longItems(20, 'l'), total: 37 },
      filters: { stage: 1, estate: 'Riverside' }, page: 2, filterLabel: 'stage 1, estate "Riverside"', notice: '', today, calendar: HOS_CALENDAR,
    })],
    ['report summary, links', reportSummaryCard(figures, 'March 2026', links)],
    ['report summary, no cases, file consent', reportSummaryCard(performanceFigures([], { policy: HOS, calendar: HOS_CALENDAR, today: TODAY }, MARCH), 'March 2026', { delivery: 'file-consent' })],
    ['report file, link instead', reportFileCard({ title: 'Not saved: complaints log (csv)', text: 'It could not be saved.', tone: 'warning', note: 'For 15 minutes.', links: [{ title: 'Download', url: 'http://localhost/x' }] })],
    ['report file, declined', reportFileCard({ title: 'Not sent', text: 'You declined.', tone: 'info' })],
  ];
  for (const [name, card] of samples) {
    it(`${name}: parses and validates as Adaptive Card 1.5 with every binding filled`, () => check(name, card));
  }

  it('each case in the log opens with case.view; a long log pages with the filters kept', () => {
    const text = JSON.stringify(samples[0]![1]);
    assert.ok(text.includes('"verb":"case.view"') && text.includes(`"caseId":"${open[0]!.id}"`));
    assert.ok(!text.includes('log.page'), 'one page: no paging buttons');
    const page2 = samples[2]![1];
    const shown = cardText(page2);
    // Page 2 is items 16 to 30: the last 2 "due this week" and the first 13 "later"; overdue is all on page 1.
    assert.match(shown, /Due this week \(3\), continued[\s\S]*Later \(20\)\n/);
    assert.ok(!shown.includes('Overdue ('));
    assert.match(shown, /14 overdue · 3 due this week \(to Sunday\) · 20 later/);
    assert.match(shown, /Cases 16 to 30 of 37 · page 2 of 3/);
    assert.deepEqual(actionData(page2, 'log.page'), { stage: 1, estate: 'Riverside', page: 1 });
    const actions = (page2.actions as Array<{ title: string; data: unknown }>);
    assert.deepEqual(actions.map((a) => [a.title, a.data]), [['Previous page', { stage: 1, estate: 'Riverside', page: 1 }], ['Next page', { stage: 1, estate: 'Riverside', page: 3 }]]);
    assert.equal(JSON.stringify(samples[1]![1]).includes('No open cases match these filters.'), true);
  });

  it('a page past the end shows the last page; fields are cut so a page stays small', () => {
    const long = 'A very long name indeed '.repeat(20);
    const items: LogItem[] = Array.from({ length: 40 }, (_, i) => ({ caseId: `0b7c2e1a-1111-4222-8333-${String(i).padStart(12, '0')}`, reference: `HC-2026-${String(i).padStart(5, '0')}`, complainant: long, stage: 2, estate: long, category: long, officer: long, nextDueOn: '2026-12-01', demo: true }));
    const card = complaintsLogCard({ log: { overdue: [], thisWeek: [], later: items, total: 40 }, filters: { officer: long.slice(0, 100) }, page: 99, filterLabel: long, notice: long, today, calendar: HOS_CALENDAR });
    check('log, long fields', card);
    assert.match(cardText(card), /Cases 31 to 40 of 40 · page 3 of 3/);
    assert.ok(cardBytes(card) < LOG_CARD_BUDGET_BYTES, `${cardBytes(card)} bytes`);
    assert.match(cardText(card), /Demo case · Stage 2/);
  });

  it('the report summary offers the two files: links with a New links button, or the consent cards to follow', () => {
    const linked = samples[3]![1];
    assert.ok(JSON.stringify(linked).includes('60% (3 of 5)'));
    const actions = linked.actions as Array<Record<string, unknown>>;
    assert.deepEqual(actions.map((a) => [a.type, a.title]), [['Action.OpenUrl', 'Full report (HTML)'], ['Action.OpenUrl', 'Complaints log (CSV)'], ['Action.Execute', 'New links']]);
    assert.deepEqual(actionData(linked, 'report.links'), { period: '2026-03' });
    assert.match(cardText(linked), /work for 15 minutes, until 10:15/);
    assert.ok(!cardText(linked).includes('command line'));
    const consent = samples[4]![1];
    assert.match(cardText(consent), /choose Allow on each to save it to your OneDrive/);
    assert.deepEqual(consent.actions, []);
  });
});
