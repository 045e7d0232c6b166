import { checkPolicy } from '../domain/policy-checker';
import { loadPolicy } from '../policies/load-policy';
import { listPresets } from '../policies/preset-registry';
import type { CommandResult } from './cli-io';

export function policyList(): CommandResult {
  return {
    exitCode: 0,
    stdout: listPresets().map((p) => ({
      id: p.id,
      name: p.name,
      source: p.source,
      informalStage: p.informalStage !== null,
      stages: p.stages.map((s) => s.name),
      departuresFromCode: checkPolicy(p).length,
    })),
  };
}

/** Exit 0: no departures from the Code; 1: some (listed); 2: the policy is invalid. */
export function policyCheck(nameOrPath: string): CommandResult {
  const loaded = loadPolicy(nameOrPath);
  if (!loaded.ok) return { exitCode: 2, stderr: `Invalid policy ${nameOrPath}:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}` };
  const departures = checkPolicy(loaded.policy);
  return {
    exitCode: departures.length === 0 ? 0 : 1,
    stdout: { policy: loaded.policy.id, compliesWithCode: departures.length === 0, departures },
  };
}
