import type { ModelProcedure } from './model-procedure';

/**
 * The Public Services Ombudsman for Wales's model concerns and complaints policy, as the
 * numbers a Welsh policy is checked against. Two stages: informal resolution, aimed at
 * within 10 working days, then a formal investigation acknowledged within 5 working days and
 * answered within 20, or the complainant told why it will take longer and how long. Concerns
 * are normally raised within six months.
 */
export const PSOW_MODEL_POLICY: ModelProcedure = {
  id: 'psow-model',
  name: 'the PSOW model concerns and complaints policy',
  codePrefix: 'PSOW',
  maxStages: 2,
  minTimeLimitMonths: 6,
  stages: [
    // Stage 1, informal resolution: no acknowledgement step and no extension; what is not resolved goes to stage 2.
    { acknowledgeWorkingDays: null, respondWorkingDays: 10, respondFrom: 'receipt', extensionCapWorkingDays: 0, responseContents: ['decision', 'reasons'] },
    // Stage 2, formal investigation: the outcome says what was looked at, what was found and how it will be put right.
    { acknowledgeWorkingDays: 5, respondWorkingDays: 20, respondFrom: 'receipt', extensionCapWorkingDays: null, responseContents: ['investigation', 'decision', 'reasons', 'remedy'] },
  ],
  differentHandlerAtStage2: false,
  noReasonToEscalate: false,
  words: {
    informalStage: 'Two stages, informal resolution and formal investigation; informal resolution is stage 1 itself, not a step before it.',
    stages: 'Two stages only: informal resolution (stage 1) and formal investigation (stage 2).',
    timeLimit: 'Concerns are normally looked at when raised within six months.',
    differentHandler: '',
    escalationReason: '',
    finalResponseEnds: 'the right to go to the Public Services Ombudsman for Wales',
    extension: 'with the complainant told why it will take longer and how long',
  },
};
