import type { ResponseContentValues, ResponseOutcome } from './case-events';
import { stageOf, type Policy, type ResponseContent } from './policy';

/** Each response item in plain words, for refusals, cards and letters alike. */
export const RESPONSE_CONTENT_NAMES: Record<ResponseContent, string> = {
  stage: 'Stage',
  'complaint-definition': 'Complaint definition',
  investigation: 'Investigation',
  decision: 'Decision',
  reasons: 'Reasons',
  'fault-acknowledged': 'Fault accepted',
  remedy: 'Remedy',
  'outstanding-actions': 'Outstanding actions',
  'how-to-escalate': 'How to escalate',
  'ombudsman-details': 'The Ombudsman',
  summary: 'Summary',
  background: 'Background',
  apology: 'Apology',
  'lessons-learned': 'Lessons learned',
  'action-timescales': 'Timescales',
  'responsible-officer': 'Responsible officer',
};

/** What a stage's response must contain for an outcome: always, plus the upheld or not-upheld extras. */
export function requiredContents(policy: Policy, stage: number, outcome: ResponseOutcome): ResponseContent[] {
  const rules = stageOf(policy, stage)?.responseMustInclude;
  if (!rules) return [];
  const extra = outcome === 'not-upheld' ? rules.whenNotUpheld : rules.whenUpheld;
  return [...new Set([...rules.always, ...extra])];
}

/** The required items left empty. The decision item is the outcome itself, so it is never missing. */
export function missingContents(policy: Policy, stage: number, outcome: ResponseOutcome, content: ResponseContentValues): ResponseContent[] {
  return requiredContents(policy, stage, outcome).filter((item) => item !== 'decision' && !content[item]?.trim());
}
