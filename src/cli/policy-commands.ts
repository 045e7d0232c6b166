import { modelProcedureOf } from '../domain/model-procedures';
import { checkPolicy } from '../domain/policy-checker';
import { loadPolicy } from '../policies/load-policy';
import { listPresets } from '../policies/preset-registry';
import type { CommandResult } from './cli-io';

export function policyList(): CommandResult {
  return {
    exitCode: 0,
    stdout: listPresets().map((p) => {
      return {
        id: p.id,
        name: p.name,
        source: p.source,
        nation: p.nation,
        ombudsman: p.ombudsman.name,
        informalStage: p.informalStage !== null,
        stages: p.stages.map((s) => s.name),
        // Each preset is counted against its own nation's model, not always England's Code.
        checkedAgainst: modelProcedureOf(p.modelProcedure).name,
        departuresFromModel: checkPolicy(p).length,
      };
    }),
  };
}

/** Exit 0: no departures from the policy's model procedure; 1: some (listed); 2: the policy is invalid. */
export function policyCheck(nameOrPath: string): CommandResult {
  const loaded = loadPolicy(nameOrPath);
  if (!loaded.ok) return { exitCode: 2, stderr: `Invalid policy ${nameOrPath}:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}` };
  const departures = checkPolicy(loaded.policy);
  return {
    exitCode: departures.length === 0 ? 0 : 1,
    stdout: { policy: loaded.policy.id, checkedAgainst: modelProcedureOf(loaded.policy.modelProcedure).name, compliesWithModel: departures.length === 0, departures },
  };
}
