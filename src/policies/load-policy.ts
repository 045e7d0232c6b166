import { readFileSync } from 'node:fs';
import { parsePolicy, type PolicyParseResult } from '../domain/policy';
import { findPreset, listPresets } from './preset-registry';

/**
 * Resolves a policy named by a preset id or a path to a JSON file (anything ending .json or
 * containing a slash), validating it. Errors are sentences for the operator.
 */
export function loadPolicy(nameOrPath: string): PolicyParseResult {
  if (!nameOrPath.endsWith('.json') && !nameOrPath.includes('/')) {
    const preset = findPreset(nameOrPath);
    if (preset) return { ok: true, policy: preset };
    return { ok: false, errors: [`No policy preset "${nameOrPath}". Presets: ${listPresets().map((p) => p.id).join(', ')}; or give a path to a policy JSON file.`] };
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
  return parsePolicy(data);
}
