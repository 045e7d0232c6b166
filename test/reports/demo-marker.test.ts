import { strict as assert } from 'node:assert';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseRecord } from '../../src/domain/case-record';
import type { Policy } from '../../src/domain/policy';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { caseFacts, type ReportContext } from '../../src/reports/case-facts';
import { complaintsLogCsv } from '../../src/reports/complaints-log';
import { generateDemoCases } from '../../src/reports/demo-cases';
import { renderHtmlReport } from '../../src/reports/html-report';
import { openCasesLog } from '../../src/reports/open-cases-log';
import { buildReport } from '../../src/reports/report';
import { HOS, HOS_CALENDAR, MARCH, marchCases, TODAY } from './fixtures';

/**
 * Demo cases (`details.demo`) in the complaints log and the report: each row says whether it
 * is a demo case, and the figures say how many they include.
 */
const ctx: ReportContext = { policy: HOS, calendar: HOS_CALENDAR, today: TODAY };
const asDemo = (r: CaseRecord): CaseRecord => ({ ...r, details: { ...r.details, demo: true } });
/** The March cases with HC-2026-00002 and HC-2026-00005 marked as demo cases. */
const mixed = (): CaseRecord[] => marchCases().map((r) => (['HC-2026-00002', 'HC-2026-00005'].includes(r.reference) ? asDemo(r) : r));

/** Reads back each row's first and last cells (the last column has no line breaks). */
function firstAndLast(csv: string): Array<[string, string]> {
  return csv.split('\r\n').filter((line) => /^(Reference|HC-)/.test(line)).map((line) => [line.split(',')[0]!, line.split(',').at(-1)!]);
}

describe('reports: demo cases are marked', () => {
  it('the complaints log (CSV) ends with a "Demo case" column: yes for demo cases, no for the rest', () => {
    const rows = firstAndLast(complaintsLogCsv(mixed(), ctx));
    assert.deepEqual(rows[0], ['Reference', 'Demo case']);
    assert.deepEqual(rows.slice(1).filter(([, demo]) => demo === 'yes').map(([ref]) => ref), ['HC-2026-00002', 'HC-2026-00005']);
    assert.equal(rows.slice(1).filter(([, demo]) => demo === 'no').length, 5);
    assert.equal(caseFacts(mixed()[1]!, ctx).demo, true);
    assert.equal(caseFacts(marchCases()[1]!, ctx).demo, false);
  });

  it('the figures (JSON) say how many demo cases they include, and the counting notes say so', () => {
    const report = buildReport(mixed(), ctx, MARCH);
    assert.equal(report.figures.demoCases, 2);
    assert.equal(report.figures.casesReceived, 6);
    assert.ok(report.figures.counting.some((c) => /^Demo cases: 2 of the 6 cases are invented/.test(c)), report.figures.counting.join('\n'));
    const lessons = report.learning.flatMap((g) => g.lessons.map((l) => [l.reference, l.demo]));
    assert.deepEqual(lessons, [['HC-2026-00001', false], ['HC-2026-00005', true]]);
  });

  it('a report without demo cases says nothing about them', () => {
    const report = buildReport(marchCases(), ctx, MARCH);
    assert.equal(report.figures.demoCases, 0);
    assert.ok(!report.figures.counting.some((c) => /demo/i.test(c)));
    assert.doesNotMatch(renderHtmlReport(report), /Includes demo cases|\(demo\)|<span class="pill demo">/);
  });

  it('the HTML report opens with a note of how many demo cases it includes, and marks them', () => {
    const html = renderHtmlReport(buildReport(mixed(), ctx, MARCH));
    assert.match(html, /<main>\n<section class="demo-note" id="demo-cases"><h2>Includes demo cases<\/h2><p>2 of the 6 complaints received in the period are invented demo cases/);
    assert.match(html, /HC-2026-00005 \(demo\)/, 'in the learning');
    assert.doesNotMatch(html, /HC-2026-00001 \(demo\)/);
  });

  it('complaints demo cases are all marked, down to the stage 3 briefing', () => {
    const policy = findPreset('city-of-london') as Policy;
    const calendar = calendarForPolicy(policy);
    const today = '2026-11-23';
    let n = 0;
    const records: CaseRecord[] = [...generateDemoCases({ count: 200, seed: 3, today, policy, calendar, directory: DEMO_DIRECTORY })]
      .map(({ referenceYear, ...r }) => ({ ...r, id: `c${++n}`, reference: `HC-${referenceYear}-${String(n).padStart(5, '0')}`, version: 'v' }));
    assert.ok(records.every((r) => r.details.demo === true));
    const report = buildReport(records, { policy, calendar, today }, { from: '2025-01-01', to: today });
    assert.ok(report.stage3 && report.stage3.length > 0 && report.stage3.every((i) => i.demo));
    assert.equal(report.figures.demoCases, report.figures.casesReceived);
    const html = renderHtmlReport(report);
    assert.match(html, new RegExp(`All ${report.figures.casesReceived.toLocaleString('en-GB')} complaints received in the period are invented demo cases`));
    assert.match(html, /<td>HC-\d{4}-\d{5} <span class="pill demo">demo<\/span><\/td>/);
  });

  it('the open cases log (Teams) marks each demo case', () => {
    const log = openCasesLog(mixed(), {}, TODAY, DEMO_DIRECTORY);
    const items = [...log.overdue, ...log.thisWeek, ...log.later];
    assert.ok(items.length > 0);
    for (const item of items) assert.equal(item.demo, ['HC-2026-00002', 'HC-2026-00005'].includes(item.reference), item.reference);
  });
});
