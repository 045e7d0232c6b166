import type { Tenure } from '../domain/tenure';
import { addCalendarDays, compareDates, type CalendarDate } from '../domain/calendar-date';
import { OMBUDSMAN_FINDINGS, type ActionItem, type CaseEvent, type ResponseOutcome } from '../domain/case-events';
import { deriveCase } from '../domain/case-timeline';
import { hasRole, peopleWithRole, type Directory } from '../domain/directory';
import type { Policy, PolicyStage } from '../domain/policy';
import { requiredContents } from '../domain/response-contents';
import type { WorkingDayCalendar } from '../domain/working-days';
import { roleFor, routeEscalation } from '../domain/responsibility';
import { projectView } from '../domain/case-projection';
import type { CaseDetails } from '../domain/case-details';
import { CATEGORIES, CHANNELS, SERVICE_AREAS } from '../intake/intake-options';
import type { NewCaseRecord, StoredEvent } from '../domain/case-record';
import { memoCalendar } from './memo-calendar';

/**
 * Invented cases for demonstrations and load tests: N cases received over the 18 months
 * before `today`, through every stage, outcome, extension and pause the policy allows. Each
 * is a timeline of events that the domain accepts (deriveCase is run on every one), and the
 * same seed always gives the same cases. Names and addresses are obviously invented, and
 * every case is marked `details.demo`, so the log, the figures and the stores can tell it
 * from a resident's complaint. Upheld responses promise remedies (a repair, an apology,
 * compensation), mostly done on time; some residents go on to the Ombudsman after the last
 * stage. These come from a second generator of the same seed, so the rest of each case is the
 * same as before they were added.
 */
export interface DemoOptions {
  count: number;
  seed: number;
  today: CalendarDate;
  policy: Policy;
  calendar: WorkingDayCalendar;
  directory: Directory;
}

/** mulberry32: a small, fast, seedable generator; good enough for invented data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORY_KEYS = Object.keys(CATEGORIES);
const SERVICE_KEYS = Object.keys(SERVICE_AREAS);
const CHANNEL_KEYS = Object.keys(CHANNELS);
const STREETS = ['Example Street', 'Sample Road', 'Placeholder Lane', 'Demo Avenue', 'Fictional Close', 'Invented Row'];
const REFUSALS = ['The issue occurred more than 12 months before the complaint', 'Legal proceedings have started', 'A request for service, not a complaint', 'Already considered under the complaints procedure'];
const LESSONS = [
  'Repairs orders need a follow-up call when the first visit does not fix the fault.',
  'Residents were not told of delays; send an update when a target date slips.',
  'Damp and mould reports should trigger an inspection within 10 working days.',
  'Record calls on the case so that other staff can see what was promised.',
  'Check the contractor\'s completion notes before closing a job.',
];
const REMEDIES = ['Repair completed and an apology given', 'Compensation of £150 for the delay', 'Apology and a named contact for future repairs', 'Service charge recalculated and refunded', 'Estate inspection booked'];

export function* generateDemoCases(options: DemoOptions): Generator<NewCaseRecord> {
  const { policy, directory, today } = options;
  // The same calendar from tables: each case's timeline is laid down and replayed through it (memo-calendar.ts).
  const calendar = memoCalendar(options.calendar);
  const rnd = seededRandom(options.seed);
  const frnd = seededRandom(options.seed ^ 0x5f0110);
  const fchance = (p: number): boolean => frnd() < p;
  const fbetween = (lo: number, hi: number): number => lo + Math.floor(frnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const chance = (p: number): boolean => rnd() < p;
  const between = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const estates = directory.estates.length ? directory.estates : ['Riverside'];
  const officers = new Map<string, string>();
  const officerFor = (stage: number, estate: string, serviceArea: string): string => {
    const key = `${stage}|${estate}|${serviceArea}`;
    let id = officers.get(key);
    if (id === undefined) {
      const role = stage === 0 ? policy.informalStage?.handlerRole : roleFor(policy, stage, serviceArea);
      id = (role ? peopleWithRole(directory, role, estate)[0]?.id : undefined) ?? directory.people[0]?.id ?? 'demo.officer';
      officers.set(key, id);
    }
    return id;
  };
  const start = addCalendarDays(today, -548);

  for (let i = 1; i <= options.count; i++) {
    const n = String(i).padStart(4, '0');
    const estate = pick(estates);
    const category = pick(CATEGORY_KEYS);
    const serviceArea = pick(SERVICE_KEYS);
    const received = addCalendarDays(start, between(0, 547));
    const events: StoredEvent[] = [];
    let seq = 0;
    const add = (e: CaseEvent, by: string): boolean => {
      if (compareDates(e.on, today) > 0) return false; // not happened yet: the case stays where it is
      events.push({ ...e, id: `demo-${options.seed}-${i}-${++seq}`, at: `${e.on}T10:00:00.000Z`, by });
      return true;
    };
    const later = (from: CalendarDate, workingDays: number): CalendarDate => calendar.addWorkingDays(from, Math.max(0, workingDays));
    // Follow-ups (remedies done, the Ombudsman) are merged in date order once the timeline is laid down.
    const followUps: Array<{ e: CaseEvent; by: string }> = [];
    let lastHandler = '';
    let lastStageResponded = false;
    timeline(received);
    ombudsmanStage();
    // The merge has already replayed the merged timeline when there was anything to merge: not replayed twice.
    const derived = mergeFollowUps() ?? deriveCase(events, { policy, calendar });
    if (!derived.ok) throw new Error(`demo case ${i} is not a valid timeline: ${derived.message}`);
    const details: CaseDetails = {
      intakeId: `demo-${options.seed}-${i}`,
      complainant: {
        complainantName: `Demo Resident ${n}`, contactEmail: `resident${n}@example.invalid`, contactPhone: '', preferredContact: 'email',
        address: `${between(1, 99)} ${pick(STREETS)}, ${estate}`, estate, hasRepresentative: false, representativeName: '', representativeConsent: false,
        vulnerabilities: '', adjustments: '', tenure: demoTenure(i),
      },
      complaint: {
        channel: pick(CHANNEL_KEYS), receivedOn: received, issueOccurredOn: addCalendarDays(received, -between(1, 25)),
        category, serviceArea,
        aboutStaff: false, staffRole: '', staffName: '', description: `Invented complaint ${n} for the demonstration data set.`,
        complaintDefinition: `Demo Resident ${n} complains about ${(CATEGORIES as Record<string, string>)[category]?.toLowerCase() ?? category}.`,
        outcomeSought: 'Put right and an apology.', lateAcceptanceReason: '', refuseReason: '',
      },
      loggedBy: 'demo',
      demo: true,
    };
    yield {
      policyId: policy.id, details, events, estate, category, serviceArea,
      referenceYear: Number(received.slice(0, 4)), ...projectView(derived.view),
    };

    function timeline(on: CalendarDate): void {
      if (chance(0.03)) { add({ type: 'refused', on, why: pick(REFUSALS) }, officerFor(1, estate, serviceArea)); return; }
      let day = on;
      if (policy.informalStage && chance(0.15)) {
        const em = officerFor(0, estate, serviceArea);
        add({ type: 'informal-opened', on: day }, em);
        add({ type: 'assigned', on: day, officerId: em }, em);
        day = later(day, between(1, 8));
        if (chance(0.5)) { add({ type: 'closed', on: day, why: 'Resolved informally' }, em); return; }
      }
      let stageNo = 1;
      const first = officerFor(stageNo, estate, serviceArea);
      if (!add({ type: 'received', on: day, stage: 1, issueOccurredOn: addCalendarDays(on, -between(1, 25)) }, first)) return;
      add({ type: 'assigned', on: day, officerId: first }, first);
      const handlers = [first];
      let officer = first;
      for (;;) {
        const stage = policy.stages[stageNo - 1] as PolicyStage;
        const next = runStage(stage, officer, day);
        if (!next) return;
        day = next;
        // The domain's routing: never back to someone who handled an earlier stage.
        const routed = policy.stages[stageNo] && chance(stageNo === 1 ? 0.25 : 0.2)
          ? routeEscalation(policy, directory, { estate, serviceArea, aboutStaff: null, fromStage: stageNo, currentHandlerId: officer, earlierHandlerIds: handlers })
          : null;
        if (routed?.ok) {
          const windowDays = stage.escalationWindowCalendarDays ?? 28;
          const asked = addCalendarDays(day, between(2, Math.min(windowDays, 25)));
          stageNo += 1;
          officer = routed.assignment.officer.id;
          handlers.push(officer);
          if (!add({ type: 'escalation-requested', on: asked, why: 'Resident not satisfied with the response' }, officer)) return;
          add({ type: 'assigned', on: asked, officerId: officer }, officer);
          day = asked;
          continue;
        }
        if (chance(0.85)) add({ type: 'closed', on: addCalendarDays(day, between(28, 40)) }, officer);
        return;
      }
    }

    /** One stage from receipt to response; returns the response date, or null when the case stops here. */
    function runStage(stage: PolicyStage, officer: string, receivedOn: CalendarDate): CalendarDate | null {
      let day = receivedOn;
      if (stage.acknowledge) {
        const ackDays = stage.acknowledge.workingDays;
        day = later(day, chance(0.9) ? between(0, ackDays) : ackDays + between(1, 4));
        if (!add({ type: 'acknowledged', on: day }, officer)) return null;
      }
      if (chance(0.03)) { add({ type: 'withdrawn', on: later(day, between(1, 5)), why: 'The resident wrote to say the matter is resolved' }, officer); return null; }
      let respondDays = stage.respond.workingDays;
      const anchor = stage.respond.from === 'acknowledgement' ? day : receivedOn;
      if (policy.pauses.allowed && chance(0.08)) {
        const pausedOn = later(day, between(0, 2));
        if (!add({ type: 'paused', on: pausedOn, reason: 'Mediation agreed with the resident', complainantConsented: true }, officer)) return null;
        const resumedOn = later(pausedOn, between(3, 10));
        if (!add({ type: 'resumed', on: resumedOn }, officer)) return null;
        respondDays += calendar.workingDaysBetween(pausedOn, resumedOn);
        day = resumedOn;
      }
      const cap = stage.extension.capWorkingDays;
      if ((cap === null || cap > 0) && chance(0.15)) {
        const workingDays = Math.min(cap ?? 10, between(5, 10));
        const on = later(day, between(1, 3));
        if (!add({ type: 'extended', on, workingDays, reason: 'Waiting for a surveyor\'s report', reasonCategory: 'investigation', complainantAgreed: true }, officer)) return null;
        // The resident is told of the new date by letter the next working day, and that is recorded.
        const told = later(on, 1);
        if (!add({ type: 'resident-told', on: told, about: 'extension', method: 'letter' }, officer)) return null;
        respondDays += workingDays;
        day = told;
      }
      if (stage.draftResponse && chance(0.5)) {
        const on = later(day, between(1, stage.draftResponse.draftWorkingDays));
        if (!add({ type: 'draft-issued', on }, officer)) return null;
        day = on;
      }
      const target = later(anchor, chance(0.82) ? between(Math.ceil(respondDays / 2), respondDays) : respondDays + between(1, 8));
      const respondedOn = compareDates(target, day) < 0 ? day : target;
      const r = rnd();
      const outcome: ResponseOutcome = r < 0.35 ? 'upheld' : r < 0.6 ? 'partly-upheld' : 'not-upheld';
      const content: Record<string, string> = {};
      for (const item of requiredContents(policy, stage.number, outcome)) content[item] = `Demo ${item.replace(/-/g, ' ')}.`;
      content.remedy = outcome === 'not-upheld' ? 'No remedy: the complaint was not upheld' : pick(REMEDIES);
      if (outcome !== 'not-upheld' && (content['lessons-learned'] !== undefined || chance(0.5))) content['lessons-learned'] = pick(LESSONS);
      const actions = outcome === 'not-upheld' ? [] : remediesFor(stage.number, respondedOn, officer);
      if (!add({ type: 'responded', on: respondedOn, outcome, content, ...(actions.length ? { actions } : {}) }, officer)) return null;
      lastHandler = officer;
      lastStageResponded = stage.number === policy.stages.length;
      return respondedOn;
    }

    /** A response's remedies, and when each is done (most on time, some late, a few not yet). */
    function remediesFor(stageNo: number, respondedOn: CalendarDate, officer: string): ActionItem[] {
      const items: ActionItem[] = [];
      const plan = (item: ActionItem, late: number): void => {
        items.push(item);
        const r = frnd();
        if (r < 0.05) return; // not done yet
        const doneOn = r < 0.87 ? later(respondedOn, fbetween(0, Math.max(0, calendar.workingDaysBetween(respondedOn, item.due)))) : later(item.due, fbetween(1, late));
        followUps.push({ e: { type: 'action-completed', on: doneOn, actionId: item.id, evidence: 'Demo: done, and recorded on the case' }, by: officer });
      };
      const id = (k: string): string => `s${stageNo}${k}`;
      if (fchance(0.6)) plan({ id: id('r'), kind: 'repair', description: 'Complete the outstanding repair', due: later(respondedOn, fbetween(10, 25)) }, 15);
      if (fchance(0.5)) plan({ id: id('a'), kind: 'apology', description: 'Apologise in writing', due: later(respondedOn, 5) }, 3);
      if (fchance(0.35)) {
        plan({ id: id('c'), kind: 'compensation', description: 'Pay compensation for the delay', due: later(respondedOn, 10), amountPence: fbetween(1, 12) * 2500 }, 10);
      }
      if (fchance(0.05)) plan({ id: id('t'), kind: 'training', description: 'Refresher training for the repairs team', due: later(respondedOn, 40) }, 20);
      return items;
    }

    /** After the last stage's response, some residents go to the Ombudsman. */
    function ombudsmanStage(): void {
      if (!lastStageResponded || !fchance(0.12)) return;
      const last = events.at(-1)?.on ?? received;
      const referred = addCalendarDays(last, fbetween(10, 60));
      if (compareDates(referred, today) > 0) return;
      const team = directory.people.find((p) => hasRole(p, 'PIM'))?.id ?? lastHandler;
      followUps.push({ e: { type: 'ombudsman-referred', on: referred, reference: `HOS-DEMO-${options.seed}-${i}` }, by: team });
      const asked = later(referred, fbetween(5, 20));
      followUps.push({ e: { type: 'ombudsman-information-requested', on: asked, requestId: 'r1', due: later(asked, 15) }, by: team });
      followUps.push({ e: { type: 'ombudsman-information-sent', on: later(asked, fchance(0.85) ? fbetween(3, 15) : fbetween(16, 25)), requestId: 'r1' }, by: team });
      const determined = later(asked, fbetween(40, 120));
      const r = frnd();
      const finding = OMBUDSMAN_FINDINGS[r < 0.3 ? 0 : r < 0.6 ? 1 : r < 0.95 ? 2 : 3] as (typeof OMBUDSMAN_FINDINGS)[number];
      const findings = [{ finding, about: 'the handling of the repair' }, ...(fchance(0.4) ? [{ finding: 'service-failure' as const, about: 'the complaint handling' }] : [])];
      const orders: ActionItem[] = finding === 'no-maladministration' ? [] : [
        { id: 'o1', kind: 'compensation', description: 'Pay the resident compensation', due: later(determined, 20), amountPence: fbetween(2, 20) * 5000 },
        ...(fchance(0.5) ? [{ id: 'o2', kind: 'apology' as const, description: 'Apologise to the resident', due: later(determined, 20) }] : []),
      ];
      followUps.push({ e: { type: 'ombudsman-determined', on: determined, findings, orders }, by: team });
      for (const o of orders) {
        if (fchance(0.1)) continue;
        followUps.push({ e: { type: 'ombudsman-order-complied', on: fchance(0.8) ? later(determined, fbetween(3, 20)) : later(o.due, fbetween(1, 15)), orderId: o.id, evidence: 'Demo: evidence sent to the Ombudsman' }, by: team });
      }
    }

    /** The follow-ups, each after the timeline's events of its date and none after today, into the timeline. */
    function mergeFollowUps(): ReturnType<typeof deriveCase> | null {
      const ordered = followUps.filter((f) => compareDates(f.e.on, today) <= 0).map((f, k) => ({ ...f, k })).sort((a, b) => compareDates(a.e.on, b.e.on) || a.k - b.k);
      if (!ordered.length) return null;
      const merged: StoredEvent[] = [];
      let next = 0;
      for (const e of events) {
        while (next < ordered.length && compareDates((ordered[next] as (typeof ordered)[number]).e.on, e.on) < 0) {
          const f = ordered[next++] as (typeof ordered)[number];
          merged.push({ ...f.e, id: `demo-${options.seed}-${i}-${++seq}`, at: `${f.e.on}T10:00:00.000Z`, by: f.by });
        }
        merged.push(e);
      }
      for (const f of ordered.slice(next)) merged.push({ ...f.e, id: `demo-${options.seed}-${i}-${++seq}`, at: `${f.e.on}T10:00:00.000Z`, by: f.by });
      // A follow-up the timeline does not accept where it falls is left out rather than spoil the case.
      const checked = deriveCase(merged, { policy, calendar });
      if (!checked.ok) return null;
      events.splice(0, events.length, ...merged);
      return checked;
    }
  }
}

/**
 * Mostly social rent, some shared owners, a few leaseholders and unknowns, taken from the
 * case's number rather than the random stream, so the rest of a seed's demo data is as before.
 */
function demoTenure(i: number): Tenure {
  const r = (i * 37) % 100;
  if (r < 80) return 'social-or-affordable-rent';
  if (r < 90) return 'shared-ownership';
  if (r < 96) return 'leaseholder';
  return r < 98 ? 'other' : 'not-known';
}
