import { COMPLAINT_HANDLING_CODE_2024 as CODE } from './complaint-handling-code';
import type { ModelProcedure } from './model-procedure';

/** The Housing Ombudsman's Complaint Handling Code 2024 as a model procedure (England). */
export const HOS_CODE_MODEL: ModelProcedure = {
  id: 'hos-code-2024',
  name: 'the Housing Ombudsman\'s Complaint Handling Code 2024',
  codePrefix: 'CODE',
  maxStages: CODE.maxStages,
  minTimeLimitMonths: CODE.minTimeLimitMonths,
  stages: [
    {
      acknowledgeWorkingDays: CODE.stage1.acknowledgeWorkingDays, respondWorkingDays: CODE.stage1.respondWorkingDaysFromAcknowledgement,
      respondFrom: 'acknowledgement', extensionCapWorkingDays: CODE.stage1.extensionCapWorkingDays, responseContents: CODE.responseContents,
    },
    {
      acknowledgeWorkingDays: CODE.stage2.acknowledgeWorkingDays, respondWorkingDays: CODE.stage2.respondWorkingDaysFromAcknowledgement,
      respondFrom: 'acknowledgement', extensionCapWorkingDays: CODE.stage2.extensionCapWorkingDays, responseContents: CODE.responseContents,
    },
  ],
  differentHandlerAtStage2: true,
  noReasonToEscalate: true,
  words: {
    informalStage: 'No informal or "stage 0" step: a complaint is handled at stage 1 as soon as it is made.',
    stages: 'Two stages only: stage 1 and stage 2.',
    timeLimit: 'A complaint about an issue up to 12 months old must be accepted.',
    differentHandler: 'The stage 2 handler must not be the person who handled stage 1.',
    escalationReason: 'Residents need not give reasons for escalating.',
    finalResponseEnds: 'how to go to the Housing Ombudsman',
    extension: 'with the resident told why',
  },
};
