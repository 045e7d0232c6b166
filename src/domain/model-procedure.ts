import type { ResponseContent } from './policy';

/**
 * The national procedure a landlord's policy is checked against: the Housing Ombudsman's
 * Code in England, the SPSO's model complaints handling procedure in Scotland, the PSOW's
 * model concerns and complaints policy in Wales. Each is the same shape of rules, so one
 * checker describes any policy against its own nation's model, in that model's words.
 */
export const MODEL_PROCEDURES = ['hos-code-2024', 'spso-mchp', 'psow-model'] as const;
export type ModelProcedureId = (typeof MODEL_PROCEDURES)[number];

export interface ModelStageRules {
  /** Working days to acknowledge, from receipt; null where the model sets no acknowledgement. */
  acknowledgeWorkingDays: number | null;
  respondWorkingDays: number;
  respondFrom: 'receipt' | 'acknowledgement';
  /** Most working days of extension; null where the model sets no cap (only that the resident is told). */
  extensionCapWorkingDays: number | null;
  /** What every response at this stage must state, besides how to go on (escalate or the ombudsman). */
  responseContents: readonly ResponseContent[];
}

export interface ModelProcedure {
  id: ModelProcedureId;
  /** As a sentence names it: "the Complaint Handling Code". */
  name: string;
  /** Prefix of the departure codes, so a landlord can tell which rules a departure is against. */
  codePrefix: string;
  maxStages: number;
  /** The shortest time limit for complaining the model allows, in months. */
  minTimeLimitMonths: number;
  stages: readonly [ModelStageRules, ModelStageRules];
  /** The stage 2 handler must not be the stage 1 handler. */
  differentHandlerAtStage2: boolean;
  /** Residents need not give reasons for escalating. */
  noReasonToEscalate: boolean;
  /** The rules in the model's own words, for the departure list. */
  words: {
    informalStage: string;
    stages: string;
    timeLimit: string;
    differentHandler: string;
    escalationReason: string;
    /** "how to go to the Housing Ombudsman", as the final response's last item. */
    finalResponseEnds: string;
    /** What an extension needs besides the cap (telling the resident why, ...). */
    extension: string;
  };
}
