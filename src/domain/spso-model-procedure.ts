import type { ModelProcedure } from './model-procedure';

/**
 * The Scottish Public Services Ombudsman's model complaints handling procedure (MCHP) for
 * registered social landlords, revised 2020 and followed from 1 April 2021, as the numbers
 * a Scottish policy is checked against. Two stages: a frontline response in 5 working days
 * (at most 10 in exceptional circumstances), then an investigation acknowledged in 3 working
 * days and decided in 20, with no fixed cap on a longer investigation but the customer told
 * why and when. A customer complains within six months of the problem.
 */
export const SPSO_MODEL_PROCEDURE: ModelProcedure = {
  id: 'spso-mchp',
  name: 'the SPSO model complaints handling procedure',
  codePrefix: 'SPSO',
  maxStages: 2,
  minTimeLimitMonths: 6,
  stages: [
    // Stage 1, frontline response: no acknowledgement step; the decision itself is due in 5 working days.
    { acknowledgeWorkingDays: null, respondWorkingDays: 5, respondFrom: 'receipt', extensionCapWorkingDays: 5, responseContents: ['decision', 'reasons'] },
    // Stage 2, investigation: the full response explains the decision and what will be put right.
    { acknowledgeWorkingDays: 3, respondWorkingDays: 20, respondFrom: 'receipt', extensionCapWorkingDays: null, responseContents: ['decision', 'reasons', 'remedy'] },
  ],
  // The MCHP does not forbid the same officer at both stages, nor asking why a customer escalates.
  differentHandlerAtStage2: false,
  noReasonToEscalate: false,
  words: {
    informalStage: 'Two stages, frontline response and investigation; frontline resolution is stage 1 itself, not a step before it.',
    stages: 'Two stages only: frontline response (stage 1) and investigation (stage 2).',
    timeLimit: 'A complaint is normally accepted within six months of the problem, or of the customer finding out about it.',
    differentHandler: '',
    escalationReason: '',
    finalResponseEnds: 'how to go to the SPSO, and its time limit',
    extension: 'only in exceptional circumstances, with the customer told why and the new date',
  },
};
