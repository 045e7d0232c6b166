import type { CalendarDate } from '../../domain/calendar-date';
import type { OmbudsmanFigures, RemedyFigures } from '../follow-up-figures';
import type { CodeYearFigures, Share, StageCodeFigures } from './code-year-figures';
import type { LandlordEvidence } from './evidence-file';
import { CODE_SECTIONS, type FigureKey, type Provision } from './provisions';

/**
 * The self-assessment against the Complaint Handling Code, provision by provision: whether the
 * landlord complies, and the evidence. The product fills in what it knows: a departure the
 * policy checker finds is a "no" with its reason (and the landlord cannot mark it complied);
 * where the policy meets the Code it is a "yes" from the policy (the landlord may still say
 * "partly" or "no" for its practice); the year's figures and what the product itself records
 * are evidence. The rest is the landlord's, from its evidence file, or
 * left "not assessed" so nothing is claimed that nobody checked. Pure.
 */
export type Compliance = 'yes' | 'no' | 'partly' | 'not-assessed';

/** A departure the policy checker found (its Departure), with the Code's rule as `rule`. */
export interface Departure { code: string; where: string; policy: string; rule: string }

export interface AssessedProvision {
  id: string;
  asks: string;
  complies: Compliance;
  /** Why the policy departs from the Code here: what it does, and what the Code requires. */
  departures: string[];
  /** The evidence, each line from one source. */
  evidence: Array<{ from: 'policy' | 'figures' | 'product' | 'landlord'; text: string }>;
}

export interface SelfAssessment {
  landlordName: string;
  policy: { id: string; name: string };
  year: { from: CalendarDate; to: CalendarDate; label: string };
  generatedOn: CalendarDate;
  sections: Array<{ number: number; title: string; provisions: AssessedProvision[] }>;
  summary: Record<Compliance, number>;
}

export interface SelfAssessmentInput {
  landlordName: string;
  policy: { id: string; name: string };
  year: { from: CalendarDate; to: CalendarDate; label: string };
  generatedOn: CalendarDate;
  departures: readonly Departure[];
  figures: CodeYearFigures;
  remedies: RemedyFigures;
  ombudsman: OmbudsmanFigures;
  evidence: LandlordEvidence;
}

export type SelfAssessmentResult = { ok: true; assessment: SelfAssessment } | { ok: false; errors: string[] };

/** The stage a departure is about ('stage 2' -> 2); null for the policy as a whole or the informal stage. */
function stageOf(d: Departure): number | null {
  const m = /^stage (\d+)$/.exec(d.where);
  return m ? Number(m[1]) : null;
}

function matches(p: Provision, d: Departure): boolean {
  if (!p.policy?.codes.includes(d.code)) return false;
  const want = p.policy.stage;
  if (want === undefined) return true;
  const stage = stageOf(d);
  if (d.code === 'CODE.INFORMAL_STAGE') return want === 1;
  if (want === 'later') return stage !== null && stage > 2;
  return stage === want;
}

const reason = (d: Departure): string => `${d.where === 'policy' || d.where === 'informal stage' ? 'The policy' : `At ${d.where}, the policy`} ${d.policy}. The Code: ${d.rule}`;

export function buildSelfAssessment(input: SelfAssessmentInput): SelfAssessmentResult {
  const all = CODE_SECTIONS.flatMap((s) => s.provisions);
  // A departure no provision names (say, an escalation reason asked at a third stage) still shows: under 5.2, the policy's timescales and process.
  const unmapped = input.departures.filter((d) => !all.some((p) => matches(p, d)));
  const errors: string[] = [];
  const sections = CODE_SECTIONS.map((section) => ({
    number: section.number, title: section.title,
    provisions: section.provisions.map((p): AssessedProvision => {
      const departures = [...input.departures.filter((d) => matches(p, d)), ...(p.id === '5.2' ? unmapped : [])];
      const landlord = input.evidence[p.id];
      const evidence: AssessedProvision['evidence'] = [];
      let complies: Compliance = 'not-assessed';
      if (departures.length > 0) {
        complies = 'no';
        if (landlord?.complies === 'yes') errors.push(`provision ${p.id}: the policy (${input.policy.name}) departs from the Code here, so it cannot be marked as complied with: ${departures.map((d) => d.policy).join('; ')}`);
      } else if (p.policy) {
        complies = 'yes';
        evidence.push({ from: 'policy', text: `The policy (${input.policy.name}) meets the Code here, as the policy check finds.` });
      }
      // What the product records is evidence, not a finding: whether the landlord complies in
      // practice (and for complaints handled outside this system) is the landlord's to say.
      if (p.product) evidence.push({ from: 'product', text: p.product });
      for (const key of p.figures ?? []) {
        const text = figureText(key, input);
        if (text) evidence.push({ from: 'figures', text });
      }
      if (landlord) {
        if (departures.length === 0) complies = landlord.complies;
        evidence.push({ from: 'landlord', text: landlord.evidence });
      }
      return { id: p.id, asks: p.asks, complies, departures: departures.map(reason), evidence };
    }),
  }));
  if (errors.length > 0) return { ok: false, errors };
  const summary: Record<Compliance, number> = { yes: 0, no: 0, partly: 0, 'not-assessed': 0 };
  for (const p of sections.flatMap((s) => s.provisions)) summary[p.complies] += 1;
  return {
    ok: true,
    assessment: { landlordName: input.landlordName, policy: input.policy, year: input.year, generatedOn: input.generatedOn, sections, summary },
  };
}

const n = (v: number): string => v.toLocaleString('en-GB');
const ofShare = (s: Share, what: string): string => `${n(s.met)} of ${n(s.of)} ${what}${s.percent === null ? '' : ` (${s.percent}%)`}`;

function stageLines(stage: 1 | 2, f: StageCodeFigures, key: 'acknowledged' | 'responded' | 'extended', year: string): string {
  const respondDays = stage === 1 ? 10 : 20;
  if (key === 'acknowledged') {
    if (f.acknowledgedWithin5.of === 0) return `No stage ${stage} complaint fell to be acknowledged in ${year}.`;
    return `In ${year}, ${ofShare(f.acknowledgedWithin5, `stage ${stage} complaints`)} were acknowledged within 5 working days of ${stage === 1 ? 'receipt' : 'the escalation request'}.`;
  }
  if (key === 'responded') {
    if (f.respondedWithinCode.of === 0) return `No stage ${stage} response was sent in ${year}.`;
    return `In ${year}, ${ofShare(f.respondedWithinCode, `stage ${stage} responses`)} were sent within the Code's timescales (${respondDays} working days from acknowledgement, plus any extension up to ${respondDays}).`;
  }
  return `In ${year}, ${n(f.extended)} stage ${stage} responses followed an extension; ${n(f.extendedBeyondCap)} of them beyond the Code's ${respondDays} working days.`;
}

function figureText(key: FigureKey, input: SelfAssessmentInput): string | null {
  const { figures: f, year } = input;
  const y = year.label;
  switch (key) {
    case 'stage1-acknowledged': return stageLines(1, f.stage1, 'acknowledged', y);
    case 'stage1-responded': return stageLines(1, f.stage1, 'responded', y);
    case 'stage1-extended': return stageLines(1, f.stage1, 'extended', y);
    case 'stage2-acknowledged': return stageLines(2, f.stage2, 'acknowledged', y);
    case 'stage2-responded': return stageLines(2, f.stage2, 'responded', y);
    case 'stage2-extended': return stageLines(2, f.stage2, 'extended', y);
    case 'volumes': return `In ${y}, ${n(f.stage1.received)} complaints were received at stage 1 and ${n(f.stage2.received)} escalated to stage 2.`;
    case 'informal': return f.informalOpened > 0 ? `In ${y}, ${n(f.informalOpened)} complaints were first handled at the informal stage, before stage 1.` : null;
    case 'refusals': {
      const total = f.refusals.reduce((a, r) => a + r.count, 0);
      if (total === 0) return `No complaint was refused in ${y}.`;
      return `In ${y}, ${n(total)} complaints were not accepted, each with its reason recorded: ${f.refusals.map((r) => `${r.reason} (${n(r.count)})`).join('; ')}.`;
    }
    case 'remedies': {
      const r = input.remedies;
      return `In ${y}, ${n(r.promised)} remedies were promised in responses; of those due in the year, ${n(r.dueInPeriod.doneOnTime)} were done on time, ${n(r.dueInPeriod.doneLate)} late and ${n(r.dueInPeriod.notDone)} not yet done; ${n(r.outstandingNow.overdue)} are overdue now.`;
    }
    case 'ombudsman': {
      const o = input.ombudsman;
      return `In ${y}, ${n(o.referred)} cases went to the Housing Ombudsman and ${n(o.determined)} were determined, with ${n(o.ordersMade)} orders; of the orders due in the year, ${n(o.orders.doneOnTime)} were complied with on time and ${n(o.orders.doneLate + o.orders.notDone)} late or not yet.`;
    }
  }
}
