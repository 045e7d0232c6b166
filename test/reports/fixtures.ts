import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { projectView } from '../../src/domain/case-projection';
import type { CaseEvent, ResponseOutcome } from '../../src/domain/case-events';
import { deriveCase } from '../../src/domain/case-timeline';
import type { Policy } from '../../src/domain/policy';
import { requiredContents } from '../../src/domain/response-contents';
import { findPreset } from '../../src/policies/preset-registry';
import type { CaseRecord, StoredEvent } from '../../src/domain/case-record';
import { details } from '../support/case-fixtures';

/** Cases built by hand from event timelines, checked by the domain, for the report tests. */
export const HOS = findPreset('hos-2024') as Policy;
export const HOS_CALENDAR = calendarForPolicy(HOS);

let n = 0;
export function makeCase(reference: string, events: CaseEvent[], extra: { category: string; serviceArea?: string; estate?: string; policy?: Policy; name?: string }): CaseRecord {
  const policy = extra.policy ?? HOS;
  const stored = events.map((e, i): StoredEvent => ({ ...e, id: `${reference}-${i}`, at: `${e.on}T10:00:00.000Z`, by: e.by ?? 'alex.morgan' }) as StoredEvent);
  const derived = deriveCase(stored, { policy, calendar: calendarForPolicy(policy) });
  if (!derived.ok) throw new Error(`${reference}: ${derived.message}`);
  return {
    id: `case-${++n}`, reference, policyId: policy.id, version: 'v1',
    details: details({ complainant: { complainantName: extra.name ?? `Resident of ${reference}`, estate: extra.estate ?? 'Riverside' }, complaint: { category: extra.category } }),
    events: stored, estate: extra.estate ?? 'Riverside', category: extra.category, serviceArea: extra.serviceArea ?? 'housing-management',
    ...projectView(derived.view),
  };
}

/** A response with every item the policy requires, plus the given remedy and lessons. */
export function respond(on: string, outcome: ResponseOutcome, stage: number, extra: Record<string, string> = {}, policy: Policy = HOS): CaseEvent {
  const content: Record<string, string> = {};
  for (const item of requiredContents(policy, stage, outcome)) content[item] = `Some ${item}`;
  return { type: 'responded', on, outcome, content: { ...content, ...extra } };
}

/**
 * March 2026 (no bank holidays in March; Good Friday 3 April and Easter Monday 6 April, and
 * the early May bank holiday 4 May 2026, fall in later deadlines). Report date 1 June 2026.
 */
export const TODAY = '2026-06-01';
export const MARCH = { from: '2026-03-01', to: '2026-03-31' };

export function marchCases(): CaseRecord[] {
  return [
    // A: ack due Mon 9 Mar (met 4 Mar); respond due 18 Mar (10 wd from ack), met 16 Mar. 10 working days from receipt.
    makeCase('HC-2026-00001', [
      { type: 'received', on: '2026-03-02' }, { type: 'assigned', on: '2026-03-02', officerId: 'alex.morgan' },
      { type: 'acknowledged', on: '2026-03-04' }, respond('2026-03-16', 'upheld', 1, { remedy: 'Window repaired, with "apology"', 'lessons-learned': 'Call back, always\nwithin a day' }),
    ], { category: 'repairs' }),
    // B: ack late (due 9 Mar, met 10 Mar); respond due 24 Mar + 5 wd extension = 31 Mar, met 30 Mar (20 wd from receipt).
    //    Stage 2: received 8 Apr, ack 9 Apr (due 15 Apr), respond due 8 May (20 wd from 9 Apr, 4 May is a bank holiday), met 20 May: late; 29 wd.
    makeCase('HC-2026-00002', [
      { type: 'received', on: '2026-03-02' }, { type: 'assigned', on: '2026-03-02', officerId: 'alex.morgan' },
      { type: 'acknowledged', on: '2026-03-10' }, { type: 'extended', on: '2026-03-12', workingDays: 5, reason: 'Surveyor' },
      respond('2026-03-30', 'not-upheld', 1), { type: 'escalation-requested', on: '2026-04-08' },
      { type: 'assigned', on: '2026-04-08', officerId: 'priya.shah' }, { type: 'acknowledged', on: '2026-04-09' },
      respond('2026-05-20', 'partly-upheld', 2, { remedy: 'Compensation £100' }),
    ], { category: 'damp-mould', serviceArea: 'property' }),
    // C: never acknowledged: ack due 18 Mar, still unmet on 1 June: counted as missed.
    makeCase('HC-2026-00003', [{ type: 'received', on: '2026-03-11' }, { type: 'assigned', on: '2026-03-11', officerId: 'alex.morgan' }], { category: 'repairs', estate: 'Northgate' }),
    // D: refused.
    makeCase('HC-2026-00004', [{ type: 'refused', on: '2026-03-05', why: 'Legal proceedings have started' }], { category: 'asb' }),
    // E: ack on receipt; paused 17 Mar, resumed 24 Mar (5 wd); respond due 30 Mar + 5 wd over Easter = 8 Apr, met 8 Apr; 15 wd.
    makeCase('HC-2026-00005', [
      { type: 'received', on: '2026-03-16' }, { type: 'acknowledged', on: '2026-03-16' },
      { type: 'paused', on: '2026-03-17', reason: 'Mediation', complainantConsented: true }, { type: 'resumed', on: '2026-03-24' },
      respond('2026-04-08', 'upheld', 1, { remedy: 'Boiler replaced', 'lessons-learned': '=SUM(A1)' }), { type: 'closed', on: '2026-05-01' },
    ], { category: 'repairs' }),
    // F: February: outside the period.
    makeCase('HC-2026-00006', [{ type: 'received', on: '2026-02-27' }, { type: 'acknowledged', on: '2026-02-27' }, respond('2026-03-02', 'upheld', 1, { 'lessons-learned': 'Not in March' })], { category: 'repairs' }),
    // G: withdrawn before the response fell due: the response deadline is not counted.
    makeCase('HC-2026-00007', [
      { type: 'received', on: '2026-03-20' }, { type: 'acknowledged', on: '2026-03-20' }, { type: 'withdrawn', on: '2026-03-25', why: 'Resident wrote to withdraw' },
    ], { category: 'communication' }),
  ];
}
