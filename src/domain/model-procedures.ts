import { HOS_CODE_MODEL } from './hos-code-model';
import type { ModelProcedure, ModelProcedureId } from './model-procedure';
import { PSOW_MODEL_POLICY } from './psow-model-policy';
import { SPSO_MODEL_PROCEDURE } from './spso-model-procedure';

const BY_ID: Record<ModelProcedureId, ModelProcedure> = {
  'hos-code-2024': HOS_CODE_MODEL,
  'spso-mchp': SPSO_MODEL_PROCEDURE,
  'psow-model': PSOW_MODEL_POLICY,
};

/** The national model procedure a policy names: what `policy check` describes it against. */
export function modelProcedureOf(id: ModelProcedureId): ModelProcedure {
  return BY_ID[id];
}
