import type { ModelProcedure, ModelStageRules } from './model-procedure';
import { modelProcedureOf } from './model-procedures';
import type { Policy, PolicyStage, ResponseContent } from './policy';
import { RESPONSE_CONTENT_NAMES } from './response-contents';

/** One way a policy departs from its nation's model procedure, with the model's rule beside it. */
export interface Departure {
  /** "CODE.INFORMAL_STAGE", "SPSO.RESPONSE_TOO_LONG": the prefix names the model. */
  code: string;
  /** Where in the policy: 'policy', 'informal stage', 'stage 2'... */
  where: string;
  /** What the policy does. */
  policy: string;
  /** What the model requires (the Code's rule, or the SPSO's or the PSOW's model's). */
  codeRule: string;
}

/**
 * Lists every departure of a policy from the model procedure it names: the Housing
 * Ombudsman's Code for an English landlord, the SPSO's or the PSOW's model in Scotland and
 * Wales. A preset may keep its seed's own rules (an older or stricter procedure); this is how
 * a landlord sees where that leaves it.
 */
export function checkPolicy(policy: Policy): Departure[] {
  const model = modelProcedureOf(policy.modelProcedure);
  const code = (name: string) => `${model.codePrefix}.${name}`;
  const departures: Departure[] = [];
  if (policy.informalStage) {
    departures.push({
      code: code('INFORMAL_STAGE'), where: 'informal stage',
      policy: `has an informal stage ("${policy.informalStage.name}", handled by ${policy.informalStage.handlerRole}) before stage 1`,
      codeRule: model.words.informalStage,
    });
  }
  if (policy.stages.length > model.maxStages) {
    departures.push({
      code: code('TOO_MANY_STAGES'), where: 'policy',
      policy: `has ${policy.stages.length} formal stages (${policy.stages.map((s) => `${s.number}: ${s.name}`).join('; ')})`,
      codeRule: model.words.stages,
    });
  }
  if (policy.timeLimitMonths !== null && policy.timeLimitMonths < model.minTimeLimitMonths) {
    departures.push({
      code: code('TIME_LIMIT_TOO_SHORT'), where: 'policy',
      policy: `accepts complaints only within ${policy.timeLimitMonths} months of the issue`,
      codeRule: model.words.timeLimit,
    });
  }
  policy.stages.forEach((stage) => departures.push(...checkStage(stage, policy, model, code)));
  return departures;
}

/** Working days from receipt to the response at the latest: a window from acknowledgement waits for the whole acknowledgement window. */
function worstCaseFromReceipt(respond: { workingDays: number; from: 'receipt' | 'acknowledgement' }, acknowledgeWorkingDays: number | null): number {
  return respond.from === 'acknowledgement' ? (acknowledgeWorkingDays ?? 0) + respond.workingDays : respond.workingDays;
}

function checkStage(stage: PolicyStage, policy: Policy, model: ModelProcedure, code: (name: string) => string): Departure[] {
  const out: Departure[] = [];
  const where = `stage ${stage.number}`;
  // Stages after the model's last are compared with its last: they are outside it anyway (TOO_MANY_STAGES).
  const rules: ModelStageRules = model.stages[Math.min(stage.number, model.stages.length) - 1] ?? model.stages[1];
  const isFinal = stage.number === policy.stages.length;

  if (rules.acknowledgeWorkingDays !== null) {
    if (!stage.acknowledge) {
      out.push({ code: code('NO_ACKNOWLEDGEMENT'), where, policy: 'sets no acknowledgement deadline', codeRule: `Acknowledge within ${rules.acknowledgeWorkingDays} working days of receipt${stage.number > 1 ? ' of the escalation request' : ''}.` });
    } else if (stage.acknowledge.workingDays > rules.acknowledgeWorkingDays) {
      out.push({ code: code('ACKNOWLEDGEMENT_TOO_LONG'), where, policy: `acknowledges within ${stage.acknowledge.workingDays} working days`, codeRule: `Acknowledge within ${rules.acknowledgeWorkingDays} working days.` });
    }
  }

  // Both windows from acknowledgement compare as they are; otherwise each is taken at its worst
  // case from receipt (the full acknowledgement window, then the response window after it).
  const tooLong = stage.respond.from === 'acknowledgement' && rules.respondFrom === 'acknowledgement'
    ? stage.respond.workingDays > rules.respondWorkingDays
    : worstCaseFromReceipt(stage.respond, stage.acknowledge?.workingDays ?? null) > worstCaseFromReceipt({ workingDays: rules.respondWorkingDays, from: rules.respondFrom }, rules.acknowledgeWorkingDays);
  if (tooLong) {
    out.push({
      code: code('RESPONSE_TOO_LONG'), where,
      policy: `responds within ${stage.respond.workingDays} working days of ${stage.respond.from}`,
      codeRule: `Respond within ${rules.respondWorkingDays} working days of ${rules.respondFrom}.`,
    });
  }

  const cap = stage.extension.capWorkingDays;
  const modelCap = rules.extensionCapWorkingDays;
  if (modelCap !== null && (cap === null || cap > modelCap)) {
    out.push({
      code: code('EXTENSION_OVER_CAP'), where,
      policy: cap === null ? 'sets no limit on extensions' : `allows extensions of up to ${cap} working days`,
      codeRule: modelCap === 0 ? 'No extension at this stage: what is not settled in time goes on to the next stage.' : `An extension of at most ${modelCap} further working days, ${model.words.extension}.`,
    });
  }

  if (model.differentHandlerAtStage2 && stage.number > 1 && stage.handlerRole === policy.stages[stage.number - 2]?.handlerRole) {
    out.push({ code: code('SAME_HANDLER'), where, policy: `is handled by ${stage.handlerRole}, as is the stage before`, codeRule: model.words.differentHandler });
  }
  if (model.noReasonToEscalate && !isFinal && stage.escalationNeedsReason) {
    out.push({ code: code('ESCALATION_REASON'), where, policy: 'asks the resident to explain why they escalate', codeRule: model.words.escalationReason });
  }

  const contents = new Set(stage.responseMustInclude.always);
  const finalItem: ResponseContent = isFinal ? 'ombudsman-details' : 'how-to-escalate';
  const missing = [...rules.responseContents, finalItem].filter((item) => !contents.has(item));
  if (missing.length > 0) {
    const named = rules.responseContents.map((item) => RESPONSE_CONTENT_NAMES[item].toLowerCase());
    out.push({
      code: code('RESPONSE_CONTENTS'), where,
      policy: `does not require ${missing.join(', ')} in every response`,
      codeRule: `Every stage ${Math.min(stage.number, model.stages.length)} response states ${named.join(', ')}, and ${isFinal ? model.words.finalResponseEnds : 'how to escalate'}.`,
    });
  }
  return out;
}
