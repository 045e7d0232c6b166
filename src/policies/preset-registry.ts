import { parsePolicy, type Policy } from '../domain/policy';
import { briefingInterim2024, briefingNew2024 } from './briefing-2024';
import { cityOfLondon } from './city-of-london';
import { councilDraftResponse } from './council-draft-response';
import { herefordshire2021 } from './herefordshire-2021';
import { hos2024 } from './hos-2024';
import { landlordWeb2021 } from './landlord-web-2021';
import { psowModel } from './psow-model';
import { spsoModel } from './spso-model';

const PRESETS: readonly Policy[] = [
  hos2024, cityOfLondon, landlordWeb2021, herefordshire2021, briefingInterim2024, briefingNew2024, councilDraftResponse,
  spsoModel, psowModel,
].map((preset) => {
  // Presets are validated on load like any policy file: a bad edit fails at start-up.
  const parsed = parsePolicy(preset);
  if (!parsed.ok) throw new Error(`Policy preset "${preset.id}" is invalid:\n${parsed.errors.join('\n')}`);
  return parsed.policy;
});

export function listPresets(): readonly Policy[] {
  return PRESETS;
}

export function findPreset(id: string): Policy | undefined {
  return PRESETS.find((p) => p.id === id);
}
