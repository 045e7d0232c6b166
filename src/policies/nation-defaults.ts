import type { ModelProcedureId } from '../domain/model-procedure';
import type { Ombudsman } from '../domain/ombudsman';
import type { Nation } from '../domain/policy';
import { HOUSING_OMBUDSMAN, SCOTTISH_PUBLIC_SERVICES_OMBUDSMAN } from './ombudsmen';

/**
 * A landlord's policy file written before the ombudsman and the model procedure were part of
 * a policy names only its nation: these fill them in from it, so such a file loads as it did.
 * Wales shares England's nation (its bank holidays), so a Welsh landlord names the PSOW itself,
 * or extends psow-model. Northern Ireland has no default: its landlord names its ombudsman.
 */
const DEFAULTS: Partial<Record<Nation, { modelProcedure: ModelProcedureId; ombudsman: Ombudsman }>> = {
  'england-and-wales': { modelProcedure: 'hos-code-2024', ombudsman: HOUSING_OMBUDSMAN },
  scotland: { modelProcedure: 'spso-mchp', ombudsman: SCOTTISH_PUBLIC_SERVICES_OMBUDSMAN },
};

export type PolicyData = Record<string, unknown>;

export function withNationDefaults(data: PolicyData): { data: PolicyData; errors: string[] } {
  const nation = data.nation as Nation;
  const defaults = DEFAULTS[nation];
  if (!defaults) {
    const errors = nation === 'northern-ireland'
      ? ['modelProcedure', 'ombudsman'].filter((field) => data[field] === undefined).map((field) => `${field}: a Northern Ireland policy names its own ${field === 'ombudsman' ? 'ombudsman (name, contact, told)' : 'model procedure'}; there is no default`)
      : [];
    return { data, errors };
  }
  return { data: { modelProcedure: defaults.modelProcedure, ombudsman: defaults.ombudsman, ...data }, errors: [] };
}
