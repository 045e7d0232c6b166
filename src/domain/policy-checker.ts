import { COMPLAINT_HANDLING_CODE_2024 as CODE } from './complaint-handling-code';
import type { Policy, PolicyStage, ResponseContent } from './policy';

/** One way a policy departs from the Code, with the Code's rule beside it. */
export interface Departure {
  code: string;
  /** Where in the policy: 'policy', 'informal stage', 'stage 2'... */
  where: string;
  /** What the policy does. */
  policy: string;
  /** What the Code requires. */
  codeRule: string;
}

/**
 * Lists every departure of a policy from the 2024 Code. A preset may keep its seed's own
 * rules (an older or stricter procedure); this is how a landlord sees where that leaves it.
 */
export function checkPolicy(policy: Policy): Departure[] {
  const out: Departure[] = [];
  if (policy.informalStage) {
    out.push({
      code: 'CODE.INFORMAL_STAGE', where: 'informal stage',
      policy: `has an informal stage ("${policy.informalStage.name}", handled by ${policy.informalStage.handlerRole}) before stage 1`,
      codeRule: 'No informal or "stage 0" step: a complaint is handled at stage 1 as soon as it is made.',
    });
  }
  if (policy.stages.length > CODE.maxStages) {
    out.push({
      code: 'CODE.TOO_MANY_STAGES', where: 'policy',
      policy: `has ${policy.stages.length} formal stages (${policy.stages.map((s) => `${s.number}: ${s.name}`).join('; ')})`,
      codeRule: 'Two stages only: stage 1 and stage 2.',
    });
  }
  if (policy.timeLimitMonths !== null && policy.timeLimitMonths < CODE.minTimeLimitMonths) {
    out.push({
      code: 'CODE.TIME_LIMIT_TOO_SHORT', where: 'policy',
      policy: `accepts complaints only within ${policy.timeLimitMonths} months of the issue`,
      codeRule: 'A complaint about an issue up to 12 months old must be accepted.',
    });
  }
  policy.stages.forEach((stage) => out.push(...checkStage(stage, policy)));
  return out;
}

function checkStage(stage: PolicyStage, policy: Policy): Departure[] {
  const out: Departure[] = [];
  const where = `stage ${stage.number}`;
  const rules = stage.number === 1 ? CODE.stage1 : CODE.stage2;
  const isFinal = stage.number === policy.stages.length;

  if (!stage.acknowledge) {
    out.push({ code: 'CODE.NO_ACKNOWLEDGEMENT', where, policy: 'sets no acknowledgement deadline', codeRule: `Acknowledge within ${rules.acknowledgeWorkingDays} working days of receipt${stage.number > 1 ? ' of the escalation request' : ''}.` });
  } else if (stage.acknowledge.workingDays > rules.acknowledgeWorkingDays) {
    out.push({ code: 'CODE.ACKNOWLEDGEMENT_TOO_LONG', where, policy: `acknowledges within ${stage.acknowledge.workingDays} working days`, codeRule: `Acknowledge within ${rules.acknowledgeWorkingDays} working days.` });
  }

  // A window counted from receipt is compared with the Code's worst case: the full
  // acknowledgement window plus the response window that follows it.
  const codeFromReceipt = rules.acknowledgeWorkingDays + rules.respondWorkingDaysFromAcknowledgement;
  const tooLong = stage.respond.from === 'acknowledgement'
    ? stage.respond.workingDays > rules.respondWorkingDaysFromAcknowledgement
    : stage.respond.workingDays > codeFromReceipt;
  if (tooLong) {
    out.push({
      code: 'CODE.RESPONSE_TOO_LONG', where,
      policy: `responds within ${stage.respond.workingDays} working days of ${stage.respond.from}`,
      codeRule: `Respond within ${rules.respondWorkingDaysFromAcknowledgement} working days of acknowledgement.`,
    });
  }

  const cap = stage.extension.capWorkingDays;
  if (cap === null || cap > rules.extensionCapWorkingDays) {
    out.push({
      code: 'CODE.EXTENSION_OVER_CAP', where,
      policy: cap === null ? 'sets no limit on extensions' : `allows extensions of up to ${cap} working days`,
      codeRule: `An extension of at most ${rules.extensionCapWorkingDays} further working days, with the resident told why.`,
    });
  }

  if (stage.number > 1 && stage.handlerRole === policy.stages[stage.number - 2]?.handlerRole) {
    out.push({ code: 'CODE.SAME_HANDLER', where, policy: `is handled by ${stage.handlerRole}, as is the stage before`, codeRule: 'The stage 2 handler must not be the person who handled stage 1.' });
  }
  if (!isFinal && stage.escalationNeedsReason) {
    out.push({ code: 'CODE.ESCALATION_REASON', where, policy: 'asks the resident to explain why they escalate', codeRule: 'Residents need not give reasons for escalating.' });
  }

  const contents = new Set(stage.responseMustInclude.always);
  const finalItem: ResponseContent = isFinal ? 'ombudsman-details' : 'how-to-escalate';
  const missing = [...CODE.responseContents, finalItem].filter((item) => !contents.has(item));
  if (missing.length > 0) {
    out.push({
      code: 'CODE.RESPONSE_CONTENTS', where,
      policy: `does not require ${missing.join(', ')} in every response`,
      codeRule: `Every response states the stage, the complaint definition, the decision and reasons, the remedy, outstanding actions, and ${isFinal ? 'how to go to the Housing Ombudsman' : 'how to escalate'}.`,
    });
  }
  return out;
}
