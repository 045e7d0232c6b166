import { parsePolicy, type Policy, type PolicyParseResult } from '../domain/policy';
import type { PolicyData } from './nation-defaults';

type Merged = { value: unknown; errors: string[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A landlord's own policy starting from a preset (`"extends": "spso-model"`): the fields it
 * gives replace the preset's, objects field by field (so `"ombudsman": { "contact": { "email":
 * ... } }` changes only the email), a list (closure days, notes) as a whole. `stages` can also
 * be an object keyed by stage number, `{ "2": { "handlerRole": "HOH" } }`, to change one stage.
 * null replaces a value (no informal stage, no cap): it never deletes a field. The result is
 * validated like any policy, so every error names its field.
 */
export function extendPreset(preset: Policy, overrides: PolicyData): PolicyParseResult {
  const errors: string[] = [];
  if (typeof overrides.id !== 'string' || overrides.id === preset.id) {
    // Cases record the policy they were handled under: the landlord's must not pass for the preset.
    errors.push(`id: a policy that extends "${preset.id}" needs its own id (lower-case letters, digits and hyphens)`);
  }
  if (overrides.nation !== undefined && overrides.nation !== preset.nation && overrides.ombudsman === undefined) {
    errors.push(`ombudsman: the policy moves "${preset.id}" from ${preset.nation} to ${JSON.stringify(overrides.nation)}; name that nation's ombudsman too, or extend its own preset`);
  }
  const merged = merge(preset, overrides, []);
  errors.push(...merged.errors);
  if (errors.length > 0) return { ok: false, errors };
  return parsePolicy(merged.value);
}

function merge(base: unknown, patch: unknown, path: string[]): Merged {
  if (Array.isArray(base) && isPlainObject(patch)) return mergeByNumber(base, patch, path);
  if (!isPlainObject(base) || !isPlainObject(patch)) return { value: patch, errors: [] };
  const value: Record<string, unknown> = { ...base };
  const errors: string[] = [];
  for (const [key, next] of Object.entries(patch)) {
    const merged = key in base ? merge(base[key], next, [...path, key]) : { value: next, errors: [] };
    value[key] = merged.value;
    errors.push(...merged.errors);
  }
  return { value, errors };
}

/** `{ "2": {...} }` over a list: changes its second item (stage 2), keeping the others. */
function mergeByNumber(base: unknown[], patch: Record<string, unknown>, path: string[]): Merged {
  const value = [...base];
  const errors: string[] = [];
  for (const [key, next] of Object.entries(patch)) {
    const n = Number(key);
    if (!Number.isInteger(n) || n < 1 || n > base.length) {
      errors.push(`${[...path, key].join('.')}: the preset has ${base.length} ${path.at(-1) ?? 'items'}, numbered 1 to ${base.length}`);
      continue;
    }
    const merged = merge(base[n - 1], next, [...path, key]);
    value[n - 1] = merged.value;
    errors.push(...merged.errors);
  }
  return { value, errors };
}
