import type { CaseEvent } from './case-events';
import { refuse } from './case-errors';
import type { CaseView } from './case-state';
import { extendDeadline } from './deadline-rules';
import type { PolicyStage } from './policy';
import type { StepResult, TimelineContext } from './case-timeline';
import { describeState, findRunning } from './timeline-helpers';

type Extension = Extract<CaseEvent, { type: 'extended' | 'extension-requested' }>;

/**
 * Extensions: checked against the stage's cap (in all, per stage) and the reasons the policy
 * refuses, when requested and again when applied. A request waits for the handler's manager;
 * 'extended' applies it (or applies an extension directly, as the CLI's timelines do).
 */
export function checkExtension(view: CaseView, stage: PolicyStage | undefined, event: Extension): StepResult {
  if (!stage || (view.state !== 'investigating' && view.state !== 'awaiting-acknowledgement')) {
    return refuse('CASE.NOTHING_TO_EXTEND', `The case is ${describeState(view)}; there is no response deadline to extend.`);
  }
  const respondDue = findRunning(view, 'respond');
  if (!respondDue) return refuse('CASE.NOTHING_TO_EXTEND', `The stage ${view.stage} response deadline has not started yet (it counts from acknowledgement).`);
  if (!Number.isInteger(event.workingDays) || event.workingDays < 1) return refuse('CASE.INVALID_EXTENSION', 'An extension is a whole number of working days, at least 1.');
  if (!event.reason.trim()) return refuse('CASE.INVALID_EXTENSION', 'An extension needs a reason the complainant is told.');
  const category = event.reasonCategory;
  if (category && (stage.extension.refusedReasons as string[]).includes(category)) {
    return refuse('CASE.EXTENSION_REASON_REFUSED', `This policy does not accept ${category.replace('-', ' ')} as a reason for an extension: complaint handling must be resourced to prevent it.`);
  }
  // Seed 001: "we may extend ... with agreement from you".
  if (stage.extension.needsComplainantAgreement && event.complainantAgreed !== true) {
    return { ...refuse('CASE.AGREEMENT_REQUIRED', `Stage ${view.stage} of this policy is extended only with the complainant's agreement; record that they agreed to the new date.`), field: 'complainantAgreed' };
  }
  const used = view.extensionDaysUsed[view.stage] ?? 0;
  const cap = stage.extension.capWorkingDays;
  if (cap !== null && used + event.workingDays > cap) {
    const left = cap - used;
    return refuse('CASE.EXTENSION_OVER_CAP', `Stage ${view.stage} extensions are capped at ${cap} working days in all; ${used} already used, so at most ${left} more${left === 0 ? ' (none left)' : ''}.`);
  }
  return { ok: true, view };
}

export function requestExtension(view: CaseView, stage: PolicyStage | undefined, event: Extract<CaseEvent, { type: 'extension-requested' }>): StepResult {
  if (view.pendingExtension) return refuse('CASE.EXTENSION_PENDING', `An extension of ${view.pendingExtension.workingDays} working days asked for on ${view.pendingExtension.on} is waiting for a decision.`);
  const checked = checkExtension(view, stage, event);
  if (!checked.ok) return checked;
  return { ok: true, view: { ...view, pendingExtension: {
    workingDays: event.workingDays, reason: event.reason, reasonCategory: event.reasonCategory ?? null,
    complainantAgreed: event.complainantAgreed === true, requestedBy: event.by ?? null, on: event.on,
  } } };
}

export function extend(view: CaseView, stage: PolicyStage | undefined, event: Extract<CaseEvent, { type: 'extended' }>, ctx: TimelineContext): StepResult {
  const pending = view.pendingExtension;
  if (pending && pending.workingDays !== event.workingDays) {
    return refuse('CASE.INVALID_EXTENSION', `The request was for ${pending.workingDays} working days; approve that, or reject it and ask again.`);
  }
  const checked = checkExtension(view, stage, event);
  if (!checked.ok) return checked;
  const used = view.extensionDaysUsed[view.stage] ?? 0;
  const extended = view.deadlines.map((d) =>
    d.stage === view.stage && d.metOn === null && (d.kind === 'respond' || d.kind === 'final-decision') ? extendDeadline(d, event.workingDays, ctx.calendar) : d);
  return {
    ok: true,
    view: { ...view, deadlines: extended, pendingExtension: null, extensionDaysUsed: { ...view.extensionDaysUsed, [view.stage]: used + event.workingDays } },
  };
}

export function rejectExtension(view: CaseView): StepResult {
  if (!view.pendingExtension) return refuse('CASE.NO_PENDING_EXTENSION', 'There is no extension request waiting for a decision.');
  return { ok: true, view: { ...view, pendingExtension: null } };
}
