import type { ResponseContent } from '../domain/policy';

/** The Code's list for every response (2024 briefing note, seed 003), by stage position. */
export const CODE_CONTENTS_BEFORE_FINAL: ResponseContent[] = [
  'stage', 'complaint-definition', 'decision', 'reasons', 'remedy', 'outstanding-actions', 'how-to-escalate',
];
export const CODE_CONTENTS_FINAL: ResponseContent[] = [
  'stage', 'complaint-definition', 'decision', 'reasons', 'remedy', 'outstanding-actions', 'ombudsman-details',
];
