import { strict as assert } from 'node:assert';
import type { ActionItem, CaseEvent } from '../../src/domain/case-events';
import { caseFacts, type ReportContext } from '../../src/reports/case-facts';
import { complaintsLogCsv } from '../../src/reports/complaints-log';
import { renderHtmlReport } from '../../src/reports/html-report';
import { buildReport } from '../../src/reports/report';
import { HOS, HOS_CALENDAR, makeCase, respond } from './fixtures';

// After the response (issue 13): remedies followed to completion, and the Ombudsman stage, in
// the report. Hand-built cases under hos-2024, counted by hand below. Period: April to June
// 2026; report date Monday 15 June 2026 (so some things due in the period are not yet due).
const TODAY = '2026-06-15';
const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const ctx: ReportContext = { policy: HOS, calendar: HOS_CALENDAR, today: TODAY };

const withActions = (event: CaseEvent, actions: ActionItem[]): CaseEvent => ({ ...event, actions } as CaseEvent);
const done = (on: string, actionId: string): CaseEvent => ({ type: 'action-completed', on, actionId, evidence: `Done on ${on}` });

function cases() {
  return [
    // R1 received in January, before the period. r1a due 10 Apr, done 9 Apr (on time, in the period);
    // r1b £250 compensation promised 19 Jan, due and paid 2 Feb: before the period, counted nowhere.
    makeCase('HC-2026-00101', [
      { type: 'received', on: '2026-01-05' }, { type: 'acknowledged', on: '2026-01-06' },
      withActions(respond('2026-01-19', 'upheld', 1), [
        { id: 'r1a', kind: 'repair', description: 'Fix the gutter', due: '2026-04-10' },
        { id: 'r1b', kind: 'compensation', description: 'Pay £250', due: '2026-02-02', amountPence: 25_000 },
      ]),
      done('2026-02-02', 'r1b'), { type: 'closed', on: '2026-02-20' }, done('2026-04-09', 'r1a'),
    ], { category: 'repairs', serviceArea: 'property' }),
    // R2 received 1 April; response 15 April promises three (all due in the period):
    //   r2a £100 due 29 Apr, paid 6 May (late; offered and paid in the period);
    //   r2b apology due 22 Apr, re-dated on 21 Apr to 24 Apr, done 24 Apr (on time, re-dated);
    //   r2c repair due 29 May, not done: late, and overdue now, although the case closed on 1 May.
    makeCase('HC-2026-00102', [
      { type: 'received', on: '2026-04-01' }, { type: 'acknowledged', on: '2026-04-01' },
      withActions(respond('2026-04-15', 'partly-upheld', 1), [
        { id: 'r2a', kind: 'compensation', description: 'Pay £100', due: '2026-04-29', amountPence: 10_000 },
        { id: 'r2b', kind: 'apology', description: 'Apologise in writing', due: '2026-04-22' },
        { id: 'r2c', kind: 'repair', description: 'Treat the mould', due: '2026-05-29' },
      ]),
      { type: 'action-redated', on: '2026-04-21', actionId: 'r2b', due: '2026-04-24', reason: 'The manager signing it is away' },
      { type: 'resident-told', on: '2026-04-21', about: 'action-redated', method: 'letter' },
      done('2026-04-24', 'r2b'), { type: 'closed', on: '2026-05-01' }, done('2026-05-06', 'r2a'),
    ], { category: 'damp-mould', serviceArea: 'property' }),
    // R3 received 1 May; response 13 May promises r3a £50.50 due 30 June (in the period, not yet due on
    // 15 June) and r3b a policy change due 31 July (after the period). Neither done.
    makeCase('HC-2026-00103', [
      { type: 'received', on: '2026-05-01' }, { type: 'acknowledged', on: '2026-05-01' },
      withActions(respond('2026-05-13', 'upheld', 1), [
        { id: 'r3a', kind: 'compensation', description: 'Pay £50.50', due: '2026-06-30', amountPence: 5_050 },
        { id: 'r3b', kind: 'policy-change', description: 'Change the repairs call-back rule', due: '2026-07-31' },
      ]),
    ], { category: 'repairs' }),
    // R4 received October 2025, closed; referred to the Ombudsman 2 April 2026. Requests: r1 due 21 Apr,
    // sent 20 Apr (on time); r2 due 15 May, sent 19 May (late). Determined Monday 8 June: maladministration
    // and service failure; orders o1 £400 due in 10 working days (22 June: not yet due), o2 apology due
    // 12 June complied 10 June (on time), o3 due 10 June not complied (overdue on 15 June).
    makeCase('HC-2025-00104', [
      { type: 'received', on: '2025-10-01' }, { type: 'acknowledged', on: '2025-10-01' }, respond('2025-10-10', 'not-upheld', 1),
      { type: 'closed', on: '2025-11-20' },
      { type: 'ombudsman-referred', on: '2026-04-02', reference: 'HOS-202600104' },
      { type: 'ombudsman-information-requested', on: '2026-04-07', requestId: 'r1', due: '2026-04-21' },
      { type: 'ombudsman-information-sent', on: '2026-04-20', requestId: 'r1' },
      { type: 'ombudsman-information-requested', on: '2026-05-01', requestId: 'r2', due: '2026-05-15' },
      { type: 'ombudsman-information-sent', on: '2026-05-19', requestId: 'r2' },
      {
        type: 'ombudsman-determined', on: '2026-06-08',
        findings: [{ finding: 'maladministration', about: 'the repairs' }, { finding: 'service-failure', about: 'the complaint handling' }],
        orders: [
          { id: 'o1', kind: 'compensation', description: 'Pay £400', due: HOS_CALENDAR.addWorkingDays('2026-06-08', 10), amountPence: 40_000 },
          { id: 'o2', kind: 'apology', description: 'Apologise', due: '2026-06-12' },
          { id: 'o3', kind: 'other', description: 'Review the repairs log', due: '2026-06-10' },
        ],
      },
      { type: 'ombudsman-order-complied', on: '2026-06-10', orderId: 'o2', evidence: 'Letter sent' },
    ], { category: 'asb' }),
    // R5: referred (10 Feb), its request answered (20 Feb) and determined (20 Mar: no maladministration)
    // all before the period, nothing outstanding: counted nowhere, not listed.
    makeCase('HC-2025-00105', [
      { type: 'received', on: '2025-11-03' }, { type: 'acknowledged', on: '2025-11-03' }, respond('2025-11-10', 'not-upheld', 1),
      { type: 'closed', on: '2025-12-20' },
      { type: 'ombudsman-referred', on: '2026-02-10', reference: 'HOS-202600105' },
      { type: 'ombudsman-information-requested', on: '2026-02-12', requestId: 'r1', due: '2026-02-26' },
      { type: 'ombudsman-information-sent', on: '2026-02-20', requestId: 'r1' },
      { type: 'ombudsman-determined', on: '2026-03-20', findings: [{ finding: 'no-maladministration' }], orders: [] },
    ], { category: 'communication' }),
    // R6 received in January; referred 5 May; request r1 made 1 June, due 19 June, not yet answered.
    makeCase('HC-2026-00106', [
      { type: 'received', on: '2026-01-12' }, { type: 'acknowledged', on: '2026-01-12' }, respond('2026-01-20', 'not-upheld', 1),
      { type: 'ombudsman-referred', on: '2026-05-05', reference: 'HOS-202600106' },
      { type: 'ombudsman-information-requested', on: '2026-06-01', requestId: 'r1', due: '2026-06-19' },
    ], { category: 'repairs' }),
  ];
}

describe('reports: remedies and the Ombudsman (hand-counted, April to June 2026)', () => {
  const report = buildReport(cases(), ctx, Q2);
  const r = report.figures.remedies;
  const o = report.figures.ombudsman;

  it('the order due in 10 working days after 8 June is due on 22 June (no bank holiday in June 2026)', () => {
    assert.equal(HOS_CALENDAR.addWorkingDays('2026-06-08', 10), '2026-06-22');
  });

  it('counts only complaints received in the period in the usual figures, but remedies over every case received by its end', () => {
    assert.equal(report.figures.casesReceived, 2); // R2, R3
  });

  it('remedies promised in the period, by kind', () => {
    // Promised in responses sent 1 Apr to 30 Jun: R2's three (15 Apr) and R3's two (13 May). R1's were promised in January.
    assert.equal(r.promised, 5);
    assert.deepEqual(Object.fromEntries(r.byKind.map((k) => [k.kind, k.promised])), {
      repair: 1, apology: 1, compensation: 2, 'policy-change': 1, training: 0, other: 0, // r2c; r2b; r2a, r3a; r3b
    });
  });

  it('remedies due in the period: on time, late, not done, not yet due, re-dated', () => {
    // Due in the period: r1a (10 Apr), r2a (29 Apr), r2b (24 Apr after its new date), r2c (29 May), r3a (30 Jun) = 5.
    // On time: r1a, r2b = 2. Done late: r2a = 1. Not done past due: r2c = 1. Not yet due on 15 June: r3a = 1.
    // Rate: 2 of 4 = 50%. Re-dated: r2b = 1.
    assert.deepEqual(r.dueInPeriod, {
      due: 5, doneOnTime: 2, doneLate: 1, notDone: 1, notYetDue: 1, onTime: { counted: 4, met: 2, percent: 50 }, redated: 1,
    });
  });

  it('remedies outstanding on the report date, whatever the case state', () => {
    // Not done on 15 June: r2c (due 29 May: overdue, on a case closed on 1 May), r3a (30 Jun) and r3b (31 Jul): not yet due.
    assert.deepEqual(r.outstandingNow, { overdue: 1, notYetDue: 2, oldestOverdue: '2026-05-29', casesOverdue: 1 });
  });

  it('compensation offered (promised in the period) and paid (done in the period), in pounds', () => {
    // Offered: r2a £100 + r3a £50.50 = £150.50 (r1b's £250 was offered in January). Paid: r2a £100 on 6 May (r1b paid in February).
    assert.deepEqual(r.compensationOffered, { count: 2, pence: 15_050, pounds: 150.5 });
    assert.deepEqual(r.compensationPaid, { count: 1, pence: 10_000, pounds: 100 });
  });

  it('remedies by category and by service area', () => {
    // damp-mould (R2): promised 3, due 3, on time 1 (r2b), late 2 (r2a, r2c), overdue now 1 (r2c), offered £100, paid £100.
    // repairs (R1, R3; R6 has no remedies): promised 2 (r3a, r3b), due 2 (r1a, r3a), on time 1 (r1a), late 0, overdue 0, offered £50.50, paid 0.
    // asb (R4) and communication (R5) have no remedies: left out.
    const row = (b: (typeof r.byCategory)[number]) => [b.key, b.promised, b.due, b.doneOnTime, b.late, b.overdueNow, b.compensationOffered.pence, b.compensationPaid.pence];
    assert.deepEqual(r.byCategory.map(row), [['damp-mould', 3, 3, 1, 2, 1, 10_000, 10_000], ['repairs', 2, 2, 1, 0, 0, 5_050, 0]]);
    // property (R1, R2): promised 3, due 4 (r1a, r2a, r2b, r2c), on time 2 (r1a, r2b), late 2, overdue 1, offered £100, paid £100.
    // housing-management (R3): promised 2, due 1 (r3a), on time 0, late 0, overdue 0, offered £50.50, paid 0.
    assert.deepEqual(r.byServiceArea.map(row), [['property', 3, 4, 2, 2, 1, 10_000, 10_000], ['housing-management', 2, 1, 0, 0, 0, 5_050, 0]]);
  });

  it('the Ombudsman: referrals and determinations in the period, each finding counted', () => {
    // Referred: R4 (2 Apr), R6 (5 May) = 2; R5 was referred in February. Determined: R4 (8 Jun) = 1; R5's (March) is not counted.
    assert.equal(o.referred, 2);
    assert.equal(o.determined, 1);
    // R4's two findings; R5's no-maladministration fell in March.
    assert.deepEqual(Object.fromEntries(o.findings.map((x) => [x.finding, x.count])), {
      'no-maladministration': 0, 'service-failure': 1, maladministration: 1, 'severe-maladministration': 0,
    });
    assert.equal(o.ordersMade, 3); // o1, o2, o3
    assert.deepEqual(o.compensationOrdered, { count: 1, pence: 40_000, pounds: 400 }); // o1
    assert.deepEqual(o.compensationPaid, { count: 0, pence: 0, pounds: 0 }); // o1 not yet complied with
  });

  it('the Ombudsman\'s orders: complied with on time, late, outstanding (overdue, not yet due)', () => {
    // Due in the period: o1 (22 Jun), o2 (12 Jun), o3 (10 Jun) = 3. On time: o2 = 1. Late: none done late; o3 not done past due = 1.
    // o1 not yet due on 15 June = 1. Rate 1 of 2 = 50%.
    assert.deepEqual(o.orders, { due: 3, doneOnTime: 1, doneLate: 0, notDone: 1, notYetDue: 1, onTime: { counted: 2, met: 1, percent: 50 }, redated: 0 });
    // Outstanding on 15 June: o3 overdue (due 10 Jun), o1 not yet due.
    assert.deepEqual(o.ordersOutstanding, { overdue: 1, notYetDue: 1, oldestOverdue: '2026-06-10', casesOverdue: 1 });
  });

  it('the Ombudsman\'s requests for information: answered on time and late', () => {
    // Due in the period: R4 r1 (21 Apr, sent 20 Apr: on time), R4 r2 (15 May, sent 19 May: late), R6 r1 (19 Jun: not yet due).
    // R5's r1 was due in February. Rate 1 of 2 = 50%. Outstanding: R6 r1, not yet due.
    assert.deepEqual(o.information, { due: 3, doneOnTime: 1, doneLate: 1, notDone: 0, notYetDue: 1, onTime: { counted: 2, met: 1, percent: 50 }, redated: 0 });
    assert.deepEqual(o.informationOutstanding, { overdue: 0, notYetDue: 1, oldestOverdue: null, casesOverdue: 0 });
  });

  it('lists the cases at the Ombudsman the governing body hears about, with the order due in 10 working days', () => {
    // R4 and R6 (referred in the period); R5 has nothing in the period and nothing outstanding.
    assert.deepEqual(report.ombudsmanCases.map((c) => [c.reference, c.referredOn, c.determinedOn, c.orders, c.ordersComplied, c.ordersOverdue, c.nextOrderDue]), [
      ['HC-2025-00104', '2026-04-02', '2026-06-08', 3, 1, 1, '2026-06-10'],
      ['HC-2026-00106', '2026-05-05', null, 0, 0, 0, null],
    ]);
    assert.deepEqual(report.ombudsmanCases[0]?.findings, ['Maladministration (the repairs)', 'Service failure (the complaint handling)']);
    const r4 = caseFacts(cases()[3]!, ctx);
    assert.deepEqual(r4.ombudsman?.orders.map((x) => [x.id, x.due, x.doneOn, x.onTime]), [
      ['o1', '2026-06-22', null, 'pending'], ['o2', '2026-06-12', '2026-06-10', 'yes'], ['o3', '2026-06-10', null, 'no'],
    ]);
  });

  it('the HTML report has a Remedies and a Housing Ombudsman section with these figures', () => {
    const html = renderHtmlReport(report);
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(html, /<section id="remedies"[^>]*><h2>Remedies<\/h2>/);
    assert.match(html, /<section id="ombudsman"[^>]*><h2>The Housing Ombudsman<\/h2>/);
    assert.match(text, /Of the 5 remedies due in the period, 2 done on time, 1 done late, 1 not done by the report date \(1 not yet due\): 50% on time; 1 had been given a new date\./);
    assert.match(text, /Outstanding on the report date: 1 overdue on 1 case, the oldest due 29 May 2026, and 2 not yet due\./);
    assert.match(text, /Compensation offered in responses sent in the period: £150\.50 \(2 awards\); paid in the period: £100 \(1 payment\)\./);
    assert.match(text, /Damp and mould 3 3 1 2 1 £100 £100/);
    assert.match(text, /Of the 3 orders due in the period, 1 complied with on time, 0 complied with late, 1 not complied with by the report date \(1 not yet due\): 50% on time\./);
    assert.match(text, /Maladministration 1 /);
    assert.match(text, /Requests for information 3 1 1 0 50% 0 1/);
    assert.match(text, /HC-2025-00104 Anti-social behaviour 2026-04-02 2026-06-08 Maladministration \(the repairs\); Service failure \(the complaint handling\) 1 of 3 2026-06-10 \(overdue\)/);
    assert.match(text, /Compensation ordered in the period: £400 \(1 order\)/);
    assert.ok(!/<script/i.test(html));
  });

  it('the complaints log shows, per case, the actions outstanding and the Ombudsman stage', () => {
    const lines = complaintsLogCsv(cases(), ctx).trim().split('\r\n').map((l) => l.split(','));
    const header = lines[0]!;
    assert.equal(header.at(-1), 'Demo case', 'the demo column stays last');
    const col = (ref: string, name: string): string => lines.find((l) => l[0] === ref)![header.indexOf(name)]!;
    assert.deepEqual([col('HC-2026-00101', 'Actions outstanding'), col('HC-2026-00101', 'Earliest action due')], ['0', '']);
    assert.deepEqual([col('HC-2026-00102', 'Actions outstanding'), col('HC-2026-00102', 'Earliest action due')], ['1', '2026-05-29']);
    assert.deepEqual([col('HC-2026-00103', 'Actions outstanding'), col('HC-2026-00103', 'Earliest action due')], ['2', '2026-06-30']);
    assert.deepEqual(['Ombudsman reference', 'Ombudsman referred', 'Ombudsman findings', 'Ombudsman orders outstanding', 'Earliest order due'].map((n) => col('HC-2025-00104', n)),
      ['HOS-202600104', '2026-04-02', 'Maladministration; Service failure', '2', '2026-06-10']);
    assert.equal(col('HC-2026-00102', 'Ombudsman orders outstanding'), '', 'blank for a case never referred');
    // With the period, only the complaints received in it (R2, R3).
    const inPeriod = complaintsLogCsv(cases(), ctx, Q2).trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    assert.deepEqual(inPeriod, ['HC-2026-00102', 'HC-2026-00103']);
  });
});
