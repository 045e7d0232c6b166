import { readFileSync } from 'node:fs';
import { parsePolicy, type PolicyParseResult } from '../domain/policy';
import { extendPreset } from './extend-preset';
import { withNationDefaults, type PolicyData } from './nation-defaults';
import { findPreset, listPresets } from './preset-registry';

const presetIds = (): string => listPresets().map((p) => p.id).join(', ');

/**
 * Resolves a policy named by a preset id or a path to a JSON file (anything ending .json or
 * containing a slash), validating it. Errors are sentences for the operator.
 */
export function loadPolicy(nameOrPath: string): PolicyParseResult {
  if (!nameOrPath.endsWith('.json') && !nameOrPath.includes('/')) {
    const preset = findPreset(nameOrPath);
    if (preset) return { ok: true, policy: preset };
    return { ok: false, errors: [`No policy preset "${nameOrPath}". Presets: ${presetIds()}; or give a path to a policy JSON file.`] };
  }
  let text: string;
  try {
    text = readFileSync(nameOrPath, 'utf8');
  } catch (err) {
    return { ok: false, errors: [`Cannot read policy file ${nameOrPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`Policy file ${nameOrPath} is not valid JSON: ${(err as Error).message}`] };
  }
  return policyFromData(data);
}

/** A policy file's contents: a whole policy, or a preset it extends with a few fields changed. */
export function policyFromData(data: unknown): PolicyParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return parsePolicy(data);
  const { extends: base, ...rest } = data as PolicyData;
  if (base === undefined) {
    const filled = withNationDefaults(rest);
    if (filled.errors.length > 0) return { ok: false, errors: filled.errors };
    return parsePolicy(filled.data);
  }
  const preset = typeof base === 'string' ? findPreset(base) : undefined;
  if (!preset) return { ok: false, errors: [`extends: no policy preset ${JSON.stringify(base)}. Presets: ${presetIds()}.`] };
  return extendPreset(preset, rest);
}
