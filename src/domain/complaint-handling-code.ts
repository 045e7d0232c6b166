import type { ResponseContent } from './policy';

/**
 * The Housing Ombudsman's Complaint Handling Code (statutory from 1 April 2024), as the
 * numbers the policy checker compares a policy against. Working days: Monday to Friday
 * less bank holidays; the day of receipt is day 0.
 */
export const COMPLAINT_HANDLING_CODE_2024 = {
  maxStages: 2,
  informalStageAllowed: false,
  stage1: { acknowledgeWorkingDays: 5, respondWorkingDaysFromAcknowledgement: 10, extensionCapWorkingDays: 10 },
  stage2: { acknowledgeWorkingDays: 5, respondWorkingDaysFromAcknowledgement: 20, extensionCapWorkingDays: 20 },
  /** A complaint about an issue up to 12 months old must be accepted. */
  minTimeLimitMonths: 12,
  /** What every response must include (the Code, as listed in the 2024 briefing note). */
  responseContents: ['stage', 'complaint-definition', 'decision', 'reasons', 'remedy', 'outstanding-actions'] as readonly ResponseContent[],
} as const;
