import { strict as assert } from 'node:assert';
import { caseFacts, type ReportContext } from '../../src/reports/case-facts';
import { complaintsLogCsv } from '../../src/reports/complaints-log';
import { csvCell, toCsv } from '../../src/reports/csv';
import { buildReport } from '../../src/reports/report';
import { parsePeriod } from '../../src/reports/periods';
import { performanceFigures } from '../../src/reports/performance';
import { HOS, HOS_CALENDAR, MARCH, marchCases, TODAY } from './fixtures';
import { readCsv } from '../support/read-csv';

const ctx: ReportContext = { policy: HOS, calendar: HOS_CALENDAR, today: TODAY };


describe('reports: performance figures (hand-counted March 2026 cases)', () => {
  const f = performanceFigures(marchCases(), ctx, { ...MARCH, homes: 2000 });
  const [s1, s2] = f.stages;

  it('counts the cases received in the period, refusals and withdrawals', () => {
    // A, B, C, D (refused), E, G (withdrawn); F was received in February.
    assert.equal(f.casesReceived, 6);
    assert.equal(f.refused.count, 1);
    assert.deepEqual(f.refused.reasons, [{ reason: 'Legal proceedings have started', count: 1 }]);
    assert.equal(f.withdrawn, 1);
    assert.equal(f.stillOpen, 3); // C, and A and B: responded but not closed (the resident may still escalate)
    assert.deepEqual(f.monthly, [{ month: '2026-03', received: 6 }]);
  });

  it('stage 1: received, per 1,000 homes, acknowledged and responded in time, extensions, outcomes, average working days', () => {
    assert.ok(s1 && s2);
    assert.equal(s1.received, 5); // A B C E G
    assert.equal(s1.perThousandHomes, 2.5);
    // Ack: A yes, B late, C unmet past due, E yes, G yes.
    assert.deepEqual(s1.acknowledgedInTime, { counted: 5, met: 3, percent: 60 });
    // Respond: A yes, B yes (after its 5-day extension), E yes (after the pause); C not started; G withdrawn.
    assert.deepEqual(s1.respondedInTime, { counted: 3, met: 3, percent: 100 });
    assert.equal(s1.responses, 3);
    assert.equal(s1.casesExtended, 1);
    assert.equal(s1.extensionWorkingDays, 5);
    assert.deepEqual(s1.outcomes, { upheld: 2, partlyUpheld: 0, notUpheld: 1 });
    assert.equal(s1.averageWorkingDaysToRespond, 15); // (10 + 20 + 15) / 3
  });

  it('stage 2 and the escalation rate', () => {
    assert.ok(s2);
    assert.equal(s2.received, 1);
    assert.equal(s2.perThousandHomes, 0.5);
    assert.deepEqual(s2.acknowledgedInTime, { counted: 1, met: 1, percent: 100 });
    assert.deepEqual(s2.respondedInTime, { counted: 1, met: 0, percent: 0 });
    assert.deepEqual(s2.outcomes, { upheld: 0, partlyUpheld: 1, notUpheld: 0 });
    assert.equal(s2.averageWorkingDaysToRespond, 29);
    assert.deepEqual(f.escalation, [{ fromStage: 1, toStage: 2, escalated: 1, responded: 3, percent: 33.3 }]);
  });

  it('breaks down by category and service area, leaving refusals out', () => {
    assert.deepEqual(f.byCategory.map((b) => [b.key, b.received, b.responses, b.upheldOrPartly]), [
      ['repairs', 3, 2, 2], ['communication', 1, 0, 0], ['damp-mould', 1, 2, 1],
    ]);
    assert.deepEqual(f.byServiceArea.map((b) => [b.key, b.received]), [['housing-management', 4], ['property', 1]]);
    assert.ok(f.counting.some((c) => /still running within time/.test(c)));
  });

  it('groups the lessons learned by category', () => {
    const report = buildReport(marchCases(), ctx, MARCH);
    assert.deepEqual(report.learning.map((g) => [g.category, g.lessons.map((l) => l.reference)]), [['repairs', ['HC-2026-00001', 'HC-2026-00005']]]);
    assert.equal(report.stage3, null, 'hos-2024 has no stage 3');
  });

  it('reads the pauses and per-stage deadlines of one case', () => {
    const e = caseFacts(marchCases()[4]!, ctx);
    assert.equal(e.pauses, 1);
    assert.equal(e.pausedWorkingDays, 5);
    assert.deepEqual(e.stages[0]?.respond, { due: '2026-04-08', metOn: '2026-04-08', onTime: 'yes' });
  });
});

describe('reports: CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-2), '-2', 'numbers are numbers');
    assert.equal(csvCell(null), '');
    assert.equal(toCsv(['a', 'b'], [[1, 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
  });

  it('the complaints log has one row per case with each stage\'s dates and timeliness', () => {
    const rows = readCsv(complaintsLogCsv(marchCases(), ctx));
    const header = rows[0]!;
    assert.equal(rows.length, 8);
    assert.ok(!header.some((h) => h.startsWith('Stage 3')), 'no stage 3 columns for a two-stage policy');
    const col = (ref: string, name: string): string => {
      const row = rows.find((r) => r[0] === ref);
      const i = header.indexOf(name);
      assert.ok(row && i >= 0, `${ref} ${name}`);
      return row[i]!;
    };
    assert.equal(col('HC-2026-00001', 'Stage 1 acknowledgement due'), '2026-03-09');
    assert.equal(col('HC-2026-00001', 'Stage 1 responded on time'), 'yes');
    assert.equal(col('HC-2026-00001', 'Lessons learned'), 'Stage 1: Call back, always\nwithin a day');
    assert.equal(col('HC-2026-00001', 'Remedy'), 'Stage 1: Window repaired, with "apology"');
    assert.equal(col('HC-2026-00002', 'Stage 1 acknowledged on time'), 'no');
    assert.equal(col('HC-2026-00002', 'Stage 1 response due'), '2026-03-31');
    assert.equal(col('HC-2026-00002', 'Stage 1 extension working days'), '5');
    assert.equal(col('HC-2026-00002', 'Stage 2 response due'), '2026-05-08');
    assert.equal(col('HC-2026-00002', 'Stage 2 responded on time'), 'no');
    assert.equal(col('HC-2026-00002', 'Final outcome'), 'partly-upheld');
    assert.equal(col('HC-2026-00003', 'Stage 1 acknowledged on time'), 'no');
    assert.equal(col('HC-2026-00003', 'Estate'), 'Northgate');
    assert.equal(col('HC-2026-00004', 'Refusal reason'), 'Legal proceedings have started');
    assert.equal(col('HC-2026-00005', 'Pauses'), '1');
    assert.equal(col('HC-2026-00005', 'Paused working days'), '5');
    assert.equal(col('HC-2026-00007', 'Stage 1 responded on time'), 'n/a');
    assert.equal(col('HC-2026-00007', 'State'), 'withdrawn');
  });

  it('cells typed by people that start with = + - @ are prefixed with a quote', () => {
    const evil = { ...marchCases()[0]!, estate: '=HYPERLINK("http://x")', category: '@SUM(A1)', responsibleOfficerId: '+44 7000' };
    const csv = complaintsLogCsv([evil], ctx);
    const row = readCsv(csv)[1]!;
    assert.ok(row.includes("'=HYPERLINK(\"http://x\")"), row.join('|'));
    assert.ok(row.includes("'@SUM(A1)"));
    assert.ok(row.includes("'+44 7000"));
    assert.ok(!row.some((c) => /^[=+\-@]/.test(c)), 'no cell starts with a formula character');
  });
});

describe('reports: periods', () => {
  it('reads quarters, months, years, financial years and ranges', () => {
    assert.deepEqual(parsePeriod('2026-Q3'), { from: '2026-07-01', to: '2026-09-30', label: '2026 Q3' });
    assert.deepEqual(parsePeriod('2026-q1'), { from: '2026-01-01', to: '2026-03-31', label: '2026 Q1' });
    assert.deepEqual(parsePeriod('2026-04-01..2027-03-31'), { from: '2026-04-01', to: '2027-03-31', label: '2026-04-01 to 2027-03-31' });
    assert.equal(parsePeriod('FY2026')?.to, '2027-03-31');
    assert.equal(parsePeriod('2026-02')?.to, '2026-02-28');
    assert.equal(parsePeriod('2026')?.from, '2026-01-01');
    assert.equal(parsePeriod('2027-03-31..2026-04-01'), null);
    assert.equal(parsePeriod('last year'), null);
  });
});
