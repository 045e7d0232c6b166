import type { ResponseContentValues, ResponseOutcome } from './case-events';
import { stageOf, type Policy, type ResponseContent } from './policy';

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
