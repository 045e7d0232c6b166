import { cell, type Block, type ReportDocument, type Tone } from '../document-model';
import type { AssessedProvision, Compliance, SelfAssessment } from './self-assessment';

/** The self-assessment laid out as the Ombudsman's form is: a table per section, one row per provision. */
export const COMPLIANCE_WORDS: Record<Compliance, string> = { yes: 'Yes', no: 'No', partly: 'Partly', 'not-assessed': 'Not assessed' };
const TONES: Record<Compliance, Tone> = { yes: 'yes', no: 'no', partly: 'partly', 'not-assessed': 'muted' };
const FROM_WORDS = { policy: 'Policy check: ', figures: 'Figures: ', product: 'Recorded in the complaints system: ', landlord: '' } as const;

function evidenceLines(p: AssessedProvision): string[] {
  const lines = [
    ...p.departures.map((d) => `Departure from the Code: ${d}`),
    ...p.evidence.map((e) => `${FROM_WORDS[e.from]}${e.text}`),
  ];
  if (p.complies === 'not-assessed') lines.push('For the landlord to complete: add this provision, with its evidence, to the self-assessment evidence file.');
  return lines;
}

/** The self-assessment's blocks, without a title: the annual report includes them as one of its parts. */
export function selfAssessmentBlocks(a: SelfAssessment, options: { newPage?: boolean } = {}): Block[] {
  const s = a.summary;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Self-assessment against the Complaint Handling Code', ...(options.newPage ? { newPage: true } : {}) },
    { kind: 'paragraph', text: `Of ${s.yes + s.no + s.partly + s['not-assessed']} provisions: ${s.yes} complied with, ${s.partly} partly, ${s.no} not complied with, ${s['not-assessed']} not yet assessed.` },
  ];
  const departures = a.sections.flatMap((sec) => sec.provisions.filter((p) => p.complies === 'no' && p.departures.length > 0));
  if (departures.length > 0) {
    blocks.push({ kind: 'paragraph', style: 'warning', text: `The policy (${a.policy.name}) departs from the Code at ${departures.map((p) => p.id).join(', ')}: see the reasons against each.` });
  }
  blocks.push({ kind: 'paragraph', style: 'note', text: 'Where the policy check finds a departure, the provision is marked "No" with the reason. "Policy check", "Figures" and "Recorded in the complaints system" are filled in from the complaints system for the year; the rest is the landlord\'s own evidence.' });
  for (const sec of a.sections) {
    blocks.push({ kind: 'heading', level: 3, text: `Section ${sec.number}: ${sec.title}` });
    blocks.push({
      kind: 'table', head: ['Provision', 'Code requirement', 'Complies', 'Evidence, commentary and explanations'], widths: [13, 29, 11, 47],
      rows: sec.provisions.map((p) => [cell(p.id, undefined, true), cell(p.asks), cell(COMPLIANCE_WORDS[p.complies], TONES[p.complies]), cell(evidenceLines(p))]),
    });
  }
  return blocks;
}

export function selfAssessmentDocument(a: SelfAssessment): ReportDocument {
  return {
    title: 'Complaint Handling Code: self-assessment',
    subtitle: [a.landlordName, `${capitalise(a.year.label)} (${a.year.from} to ${a.year.to})`, `Policy: ${a.policy.name}`, `Prepared ${a.generatedOn}`],
    blocks: selfAssessmentBlocks(a),
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
