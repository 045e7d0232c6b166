import { strict as assert } from 'node:assert';
import { checkCard } from '../support/card-check';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { complaintsLogCard, reportSummaryCard } from '../../src/cards/report-cards';
import { parseCommand } from '../../src/bot/commands';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { openCasesLog } from '../../src/reports/open-cases-log';
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

  const samples: Array<[string, AdaptiveCardJson]> = [
    ['log, several', complaintsLogCard({ log: openCasesLog(open, {}, today, DEMO_DIRECTORY), filterLabel: 'all open cases', notice: '', today, calendar: HOS_CALENDAR })],
    ['log, empty with a notice', complaintsLogCard({ log: { overdue: [], thisWeek: [], later: [], total: 0 }, filterLabel: 'estate "Nowhere"', notice: 'Not understood: "x"', today, calendar: HOS_CALENDAR })],
    ['log, long (more than fit)', complaintsLogCard({
      log: { overdue: Array.from({ length: 14 }, (_, i) => ({ caseId: `c${i}`, reference: `HC-2026-${String(i).padStart(5, '0')}`, complainant: '', stage: 1, estate: '', category: '', officer: 'x', nextDueOn: '2026-11-01' })), thisWeek: [], later: [], total: 14 },
      filterLabel: 'all open cases', notice: '', today, calendar: HOS_CALENDAR,
    })],
    ['report summary', reportSummaryCard(performanceFigures(marchCases(), { policy: HOS, calendar: HOS_CALENDAR, today: TODAY }, MARCH), 'March 2026')],
    ['report summary, no cases', reportSummaryCard(performanceFigures([], { policy: HOS, calendar: HOS_CALENDAR, today: TODAY }, MARCH), 'March 2026')],
  ];
  for (const [name, card] of samples) {
    it(`${name}: parses and validates as Adaptive Card 1.5 with every binding filled`, () => check(name, card));
  }

  it('each case in the log opens with case.view, and a long group says how many more', () => {
    const text = JSON.stringify(samples[0]![1]);
    assert.ok(text.includes('"verb":"case.view"') && text.includes(`"caseId":"${open[0]!.id}"`));
    assert.ok(JSON.stringify(samples[2]![1]).includes('and 4 more'));
    assert.ok(JSON.stringify(samples[3]![1]).includes('60% (3 of 5)'));
  });
});
