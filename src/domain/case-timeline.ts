import { addCalendarDays, addMonths, compareDates, isCalendarDate, type CalendarDate } from './calendar-date';
import type { CaseEvent, TellAbout } from './case-events';
import { refuse, type CaseRefusal } from './case-errors';
import { isTerminal, type CaseView, type Deadline } from './case-state';
import { meetDeadline, shiftForPause, startDeadline } from './deadline-rules';
import { applyFollowUp, isFollowUpEvent, promiseItems } from './follow-ups';
import { applyAdjustments, isAdjustmentsEvent } from './adjustments-review';
import { extend, rejectExtension, requestExtension } from './extension-steps';
import { missingContents, RESPONSE_CONTENT_NAMES } from './response-contents';
import { describeState, findRunning, meet } from './timeline-helpers';
import { stageOf, type Policy, type PolicyStage } from './policy';
import type { WorkingDayCalendar } from './working-days';

/**
 * Folds a case's events into its current view (stage, state, deadlines), refusing any
 * event the policy does not allow at that point. The bot, the store, the reminder sweep,
 * the reports and the CLI all derive a case through this one function.
 */
export interface TimelineContext {
  policy: Policy;
  calendar: WorkingDayCalendar;
}

export type StepResult = { ok: true; view: CaseView } | CaseRefusal;
export type TimelineResult = { ok: true; view: CaseView } | (CaseRefusal & { eventIndex: number });

export function deriveCase(events: readonly CaseEvent[], ctx: TimelineContext): TimelineResult {
  let view: CaseView | null = null;
  for (const [index, event] of events.entries()) {
    const step = applyEvent(view, event, ctx);
    if (!step.ok) return { ...step, eventIndex: index };
    view = step.view;
  }
  if (!view) return { ...refuse('CASE.NOT_STARTED', 'The case has no events.'), eventIndex: 0 };
  return { ok: true, view };
}

/** Applies one event to a view (null before the first event). Pure: returns a new view. */
export function applyEvent(view: CaseView | null, event: CaseEvent, ctx: TimelineContext): StepResult {
  if (!isCalendarDate(event.on)) return refuse('CASE.INVALID_DATE', `"${String(event.on)}" is not a date (YYYY-MM-DD).`);
  if (!view) return startCase(event, ctx);
  if (compareDates(event.on, view.lastEventOn) < 0) {
    return refuse('CASE.OUT_OF_ORDER', `The ${event.type} date ${event.on} is before the case's last recorded event (${view.lastEventOn}).`);
  }
  const next = { ...view, lastEventOn: event.on };
  // A note, or the record that an evidence pack or a subject access export was made or that the
  // complainant's data was erased, changes nothing but the history (new types: no stored view changes).
  if (event.type === 'note' || event.type === 'evidence-pack-made' || event.type === 'subject-access-made' || event.type === 'complainant-erased') return { ok: true, view: next };
  // Correspondence is recorded whatever the case's state, like a note.
  if (event.type === 'correspondence-attached') return attachCorrespondence(next, event);
  // Telling the resident of a decision may come after the case is finished, and while it is paused.
  if (event.type === 'resident-told') return residentTold(next, event, ctx);
  // Remedies and the Ombudsman stage are followed up whatever the case's state.
  if (isFollowUpEvent(event)) {
    const followed = applyFollowUp(next, event);
    // A new date for a promised action is something the resident is to be told, like any decision.
    return followed.ok && event.type === 'action-redated' ? { ok: true, view: toBeTold(followed.view, 'action-redated', event.on, ctx) } : followed;
  }
  if (isTerminal(view.state)) return refuse('CASE.CLOSED', `The case is ${view.state}; only notes can be added.`);
  // The resident's adjustments are reviewed while the case is paused too: their needs do not pause.
  if (isAdjustmentsEvent(event)) return applyAdjustments(next, event);
  if (view.state === 'paused' && !['resumed', 'withdrawn', 'assigned', 'behaviour-proposed', 'behaviour-decided'].includes(event.type)) {
    return refuse('CASE.PAUSED', `The case is paused since ${view.pausedSince}; resume it before recording "${event.type}".`);
  }
  const stage = stageOf(ctx.policy, view.stage);
  switch (event.type) {
    case 'informal-opened':
    case 'refused':
      return refuse('CASE.ALREADY_STARTED', `The case has already started; "${event.type}" can only be its first event.`);
    case 'received':
      if (view.state !== 'informal') return refuse('CASE.ALREADY_STARTED', 'The formal complaint has already been received.');
      return receiveFormal({ ...next, deadlines: meet(next.deadlines, 0, ['resolve'], event.on) }, event, ctx);
    case 'acknowledged': return acknowledge(next, stage, event.on, ctx);
    case 'extended': {
      const extended = extend(next, stage, event, ctx);
      return extended.ok ? { ok: true, view: toBeTold(extended.view, 'extension', event.on, ctx) } : extended;
    }
    case 'extension-requested': return requestExtension(next, stage, event);
    case 'extension-rejected': return rejectExtension(next);
    case 'assigned': return assign(next, event.officerId);
    case 'behaviour-proposed':
      if (!event.why?.trim()) return refuse('CASE.REASON_REQUIRED', 'A proposal about unacceptable behaviour needs the evidence.');
      if (view.behaviourProposedOn) return refuse('CASE.NOT_ALLOWED_IN_STATE', `Unacceptable behaviour was already reported on ${view.behaviourProposedOn} and is waiting for a decision.`);
      return { ok: true, view: { ...next, behaviourProposedOn: event.on } };
    case 'escalation-refusal-proposed':
      if (view.state !== 'responded' || !stageOf(ctx.policy, view.stage + 1)) return refuse('CASE.NOT_ALLOWED_IN_STATE', 'Only a request to escalate after a response, with a further stage, can be refused.');
      if (!event.why?.trim()) return refuse('CASE.REASON_REQUIRED', 'Refusing an escalation needs a valid reason, recorded and told to the resident.');
      if (view.escalationRefusalProposedOn) return refuse('CASE.NOT_ALLOWED_IN_STATE', 'A refusal is already waiting for the manager\'s decision.');
      if (view.escalationRefusedOn) return refuse('CASE.ESCALATION_REFUSED', `Escalation was already refused on ${view.escalationRefusedOn}.`);
      return { ok: true, view: { ...next, escalationRefusalProposedOn: event.on } };
    case 'escalation-refused':
    case 'escalation-refusal-rejected':
      if (!view.escalationRefusalProposedOn) return refuse('CASE.NO_PENDING_PROPOSAL', 'There is no proposal to refuse the escalation to decide.');
      if (event.type === 'escalation-refusal-rejected') return { ok: true, view: { ...next, escalationRefusalProposedOn: null } };
      return { ok: true, view: toBeTold({ ...next, escalationRefusalProposedOn: null, escalationRefusedOn: event.on }, 'escalation-refusal', event.on, ctx) };
    case 'behaviour-decided':
      if (!view.behaviourProposedOn) return refuse('CASE.NO_PENDING_PROPOSAL', 'There is no proposal about unacceptable behaviour to decide.');
      if (event.decision === 'restrict' && !event.restrictions?.trim()) return { ...refuse('CASE.REASON_REQUIRED', 'Say what the restrictions are.'), field: 'restrictions' };
      if (event.decision === 'restrict') return { ok: true, view: toBeTold({ ...next, behaviourProposedOn: null }, 'behaviour-decision', event.on, ctx) };
      return { ok: true, view: { ...next, behaviourProposedOn: null } };
    case 'paused': return pause(next, event, ctx);
    case 'resumed':
      if (view.state !== 'paused' || !view.pausedSince) return refuse('CASE.NOT_PAUSED', 'The case is not paused.');
      return resume(next, view.pausedSince, event.on, ctx);
    case 'draft-issued': return issueDraft(next, stage, event.on, ctx);
    case 'comments-received': {
      const window = findRunning(next, 'comment-window');
      if (!window) return refuse('CASE.NO_DRAFT_ISSUED', 'No draft response is waiting for comments at this stage.');
      return { ok: true, view: { ...next, deadlines: meet(next.deadlines, next.stage, ['comment-window'], event.on) } };
    }
    case 'responded': {
      const missing = event.content && stage ? missingContents(ctx.policy, view.stage, event.outcome, event.content) : [];
      if (missing.length) return refuse('CASE.RESPONSE_INCOMPLETE', `The stage ${view.stage} response must include: ${missing.map((m) => RESPONSE_CONTENT_NAMES[m].toLowerCase()).join(', ')}.`);
      const responded = respond({ ...next, pendingExtension: null }, stage, event.on, event.outcome);
      return responded.ok && event.actions?.length ? promiseItems(responded.view, event.actions, event.on, 'response') : responded;
    }
    case 'escalation-requested': return escalate(next, event, ctx);
    case 'closed':
      if (view.state !== 'responded' && view.state !== 'informal') {
        return refuse('CASE.NOT_ALLOWED_IN_STATE', `A case can be closed once it has a response (or is resolved informally); it is ${describeState(view)}.`);
      }
      if (view.toTell.length) {
        return refuse('CASE.RESIDENT_NOT_TOLD', `Record that the resident was told of the ${view.toTell.map((t) => TELL_WORDS[t.about]).join(' and the ')} before closing the case.`);
      }
      return { ok: true, view: { ...next, state: 'closed', closedOn: event.on } };
    case 'withdrawn':
      if (!event.why?.trim()) return refuse('CASE.REASON_REQUIRED', 'A withdrawal needs the evidence that the complainant withdrew (what they said, when and how).');
      return { ok: true, view: { ...next, state: 'withdrawn', closedOn: event.on, pausedSince: null } };
    // Joining and splitting change only the history (the deadlines stand), but each only where
    // the procedure allows it: a related matter joins an open stage 1 complaint (seed 003), a new
    // issue is split off an open stage 2 one (seed 001). No view already derived changes (new types).
    case 'matter-added':
      if (view.stage !== 1) return refuse('CASE.NOT_ALLOWED_IN_STATE', `A related new complaint joins a complaint only at stage 1; this one is at stage ${view.stage}. Log it as a new complaint.`);
      // Seed 003: raised "during the investigation". Once the stage 1 response is sent, a new matter is a new complaint.
      if (view.state === 'responded') return refuse('CASE.NOT_ALLOWED_IN_STATE', 'The stage 1 response has been sent, so a new matter no longer joins this complaint. Log it as a new complaint.');
      return { ok: true, view: next };
    case 'split-off':
      if (view.stage < 2) return refuse('CASE.NOT_ALLOWED_IN_STATE', 'Only a new issue raised at stage 2 is split off as a new complaint; at stage 1 it joins this complaint.');
      return { ok: true, view: next };
    case 'split-from': return { ok: true, view: next };
  }
}

function startCase(event: CaseEvent, ctx: TimelineContext): StepResult {
  const empty: CaseView = {
    stage: 0, state: 'informal', deadlines: [], extensionDaysUsed: {}, pausedSince: null, receivedOn: {},
    lastResponse: null, escalationWindowCloses: null, closedOn: null, acknowledgedOn: {}, stateBeforePause: null,
    lastEventOn: event.on, assignedTo: null, handlersByStage: {}, pendingExtension: null, behaviourProposedOn: null,
    escalationRefusalProposedOn: null, escalationRefusedOn: null, toTell: [], items: {}, ombudsman: null, correspondence: [],
    adjustments: null,
  };
  if (event.type === 'informal-opened') {
    const informal = ctx.policy.informalStage;
    if (!informal) return refuse('CASE.NO_INFORMAL_STAGE', `Policy "${ctx.policy.id}" has no informal stage; record the complaint as received at stage 1.`);
    const deadlines = informal.resolveWorkingDays === null ? [] : [startDeadline(0, 'resolve', event.on, informal.resolveWorkingDays, ctx.calendar)];
    return { ok: true, view: { ...empty, receivedOn: { 0: event.on }, deadlines } };
  }
  if (event.type === 'received') return receiveFormal(empty, event, ctx);
  if (event.type === 'refused') {
    if (!event.why?.trim()) return refuse('CASE.REASON_REQUIRED', 'Record the reason the complaint is not accepted; the complainant must be told it.');
    return { ok: true, view: { ...empty, stage: 1, state: 'refused', closedOn: event.on } };
  }
  return refuse('CASE.NOT_STARTED', `A case starts with "received"${ctx.policy.informalStage ? ' or "informal-opened"' : ''}, not "${event.type}".`);
}

function receiveFormal(view: CaseView, event: Extract<CaseEvent, { type: 'received' }>, ctx: TimelineContext): StepResult {
  const stageNumber = event.stage ?? 1;
  if (!stageOf(ctx.policy, stageNumber)) return refuse('CASE.NO_SUCH_STAGE', `Policy "${ctx.policy.id}" has no stage ${stageNumber}.`);
  if (event.issueOccurredOn !== undefined) {
    if (!isCalendarDate(event.issueOccurredOn)) return refuse('CASE.INVALID_DATE', `"${String(event.issueOccurredOn)}" is not a date (YYYY-MM-DD).`);
    if (compareDates(event.issueOccurredOn, event.on) > 0) return refuse('CASE.INVALID_DATE', `The issue cannot have occurred (${event.issueOccurredOn}) after the complaint was received (${event.on}).`);
    const limit = lastDayToComplain(ctx.policy, event.issueOccurredOn);
    if (limit && compareDates(event.on, limit) > 0 && !event.lateAcceptanceReason?.trim()) {
      return refuse('CASE.OUT_OF_TIME', `The policy accepts complaints within ${ctx.policy.timeLimitMonths} months of the issue (by ${limit}); give the reason for accepting this one late, or record it as refused.`);
    }
  }
  return startStage(view, stageNumber, event.on, ctx);
}

/** The last day a complaint about an issue is within the policy's time limit, if it has one. */
export function lastDayToComplain(policy: Policy, issueOccurredOn: CalendarDate): CalendarDate | null {
  return policy.timeLimitMonths === null ? null : addMonths(issueOccurredOn, policy.timeLimitMonths);
}

function startStage(view: CaseView, stageNumber: number, on: CalendarDate, ctx: TimelineContext): StepResult {
  const stage = stageOf(ctx.policy, stageNumber);
  if (!stage) return refuse('CASE.NO_SUCH_STAGE', `Policy "${ctx.policy.id}" has no stage ${stageNumber}.`);
  const started: Deadline[] = [];
  if (stage.acknowledge) started.push(startDeadline(stageNumber, 'acknowledge', on, stage.acknowledge.workingDays, ctx.calendar));
  if (stage.respond.from === 'receipt') started.push(startDeadline(stageNumber, 'respond', on, stage.respond.workingDays, ctx.calendar));
  // Without an acknowledgement step the draft clock starts when the stage is received.
  if (stage.draftResponse && !stage.acknowledge) started.push(startDeadline(stageNumber, 'draft', on, stage.draftResponse.draftWorkingDays, ctx.calendar));
  return {
    ok: true,
    view: {
      ...view,
      stage: stageNumber,
      state: stage.acknowledge ? 'awaiting-acknowledgement' : 'investigating',
      deadlines: [...view.deadlines, ...started],
      receivedOn: { ...view.receivedOn, [stageNumber]: on },
      escalationWindowCloses: null,
    },
  };
}

function acknowledge(view: CaseView, stage: PolicyStage | undefined, on: CalendarDate, ctx: TimelineContext): StepResult {
  if (!stage || view.state === 'informal') return refuse('CASE.NOT_ALLOWED_IN_STATE', 'Only a formal complaint is acknowledged; record it as received first.');
  if (view.acknowledgedOn[view.stage]) return refuse('CASE.ALREADY_ACKNOWLEDGED', `Stage ${view.stage} was already acknowledged on ${view.acknowledgedOn[view.stage]}.`);
  if (view.state !== 'awaiting-acknowledgement' && view.state !== 'investigating') {
    return refuse('CASE.NOT_ALLOWED_IN_STATE', `The case is ${describeState(view)}; there is nothing to acknowledge.`);
  }
  const started: Deadline[] = [];
  if (stage.acknowledge && stage.respond.from === 'acknowledgement') started.push(startDeadline(view.stage, 'respond', on, stage.respond.workingDays, ctx.calendar));
  if (stage.acknowledge && stage.draftResponse) started.push(startDeadline(view.stage, 'draft', on, stage.draftResponse.draftWorkingDays, ctx.calendar));
  return {
    ok: true,
    view: {
      ...view,
      state: 'investigating',
      deadlines: [...meet(view.deadlines, view.stage, ['acknowledge'], on), ...started],
      acknowledgedOn: { ...view.acknowledgedOn, [view.stage]: on },
    },
  };
}

function pause(view: CaseView, event: Extract<CaseEvent, { type: 'paused' }>, ctx: TimelineContext): StepResult {
  if (!ctx.policy.pauses.allowed) return refuse('CASE.PAUSE_NOT_ALLOWED', `Policy "${ctx.policy.id}" does not allow the complaint clock to be paused.`);
  if (view.state !== 'awaiting-acknowledgement' && view.state !== 'investigating') {
    return refuse('CASE.NOT_ALLOWED_IN_STATE', `Only a complaint under investigation can be paused; the case is ${describeState(view)}.`);
  }
  // The Code: a complaint is paused only by agreement with the complainant.
  if (ctx.policy.pauses.needsConsent && event.complainantConsented !== true) {
    return { ...refuse('CASE.CONSENT_REQUIRED', 'This policy needs the complainant\'s agreement to pause the complaint; record that they agreed.'), field: 'complainantConsented' };
  }
  return { ok: true, view: { ...view, state: 'paused', pausedSince: event.on, stateBeforePause: view.state } };
}

/**
 * Responsibility moves to a member of staff. A later stage is never handled by someone who
 * handled an earlier one (the Code: stage 2 is a fresh look by someone else).
 */
function assign(view: CaseView, officerId: string): StepResult {
  if (!officerId.trim()) return refuse('CASE.NOT_ALLOWED_IN_STATE', 'An assignment names the member of staff.');
  const earlier = Object.entries(view.handlersByStage).filter(([stage]) => Number(stage) >= 1 && Number(stage) < view.stage);
  const handledBefore = earlier.find(([, ids]) => ids.includes(officerId));
  if (handledBefore) {
    return refuse('CASE.PREVIOUS_STAGE_HANDLER', `Stage ${view.stage} must be handled by someone other than the stage ${handledBefore[0]} handler.`);
  }
  const atStage = view.handlersByStage[view.stage] ?? [];
  return {
    ok: true,
    view: {
      ...view,
      assignedTo: officerId,
      handlersByStage: { ...view.handlersByStage, [view.stage]: atStage.includes(officerId) ? atStage : [...atStage, officerId] },
    },
  };
}

function resume(view: CaseView, pausedOn: CalendarDate, resumedOn: CalendarDate, ctx: TimelineContext): StepResult {
  return {
    ok: true,
    view: {
      ...view,
      state: view.stateBeforePause ?? 'investigating',
      pausedSince: null,
      stateBeforePause: null,
      deadlines: view.deadlines.map((d) => shiftForPause(d, pausedOn, resumedOn, ctx.calendar)),
    },
  };
}

function issueDraft(view: CaseView, stage: PolicyStage | undefined, on: CalendarDate, ctx: TimelineContext): StepResult {
  const steps = stage?.draftResponse;
  if (!steps) return refuse('CASE.NO_DRAFT_STEP', `Stage ${view.stage} of policy "${ctx.policy.id}" has no draft-response step.`);
  if (view.state !== 'investigating') return refuse('CASE.NOT_ALLOWED_IN_STATE', `A draft response is issued during the investigation; the case is ${describeState(view)}.`);
  if (view.deadlines.some((d) => d.stage === view.stage && d.kind === 'comment-window')) return refuse('CASE.DRAFT_ALREADY_ISSUED', `A draft response was already issued at stage ${view.stage}.`);
  const commentWindow = startDeadline(view.stage, 'comment-window', on, steps.commentWorkingDays, ctx.calendar);
  const finalDecision = startDeadline(view.stage, 'final-decision', commentWindow.due, steps.finalWorkingDays, ctx.calendar);
  return { ok: true, view: { ...view, deadlines: [...meet(view.deadlines, view.stage, ['draft'], on), commentWindow, finalDecision] } };
}

function respond(view: CaseView, stage: PolicyStage | undefined, on: CalendarDate, outcome: Extract<CaseEvent, { type: 'responded' }>['outcome']): StepResult {
  if (view.state === 'awaiting-acknowledgement') return refuse('CASE.NOT_ACKNOWLEDGED', `Acknowledge the stage ${view.stage} complaint before recording the response.`);
  if (!stage || view.state !== 'investigating') return refuse('CASE.NOT_ALLOWED_IN_STATE', `The case is ${describeState(view)}; there is no response due.`);
  // A response supersedes the draft steps still open (seed 004 allows a verbal discussion instead).
  const deadlines = meet(view.deadlines, view.stage, ['respond', 'draft', 'final-decision'], on);
  return {
    ok: true,
    view: {
      ...view,
      state: 'responded',
      deadlines,
      lastResponse: { stage: view.stage, on, outcome },
      escalationWindowCloses: stage.escalationWindowCalendarDays === null ? null : addCalendarDays(on, stage.escalationWindowCalendarDays),
    },
  };
}

function escalate(view: CaseView, event: Extract<CaseEvent, { type: 'escalation-requested' }>, ctx: TimelineContext): StepResult {
  if (view.escalationRefusedOn) return refuse('CASE.ESCALATION_REFUSED', `Escalation was refused on ${view.escalationRefusedOn} with the manager's approval; the resident can go to the ${ctx.policy.ombudsman.name}.`);
  // The manager decides a proposed refusal first; rejecting it escalates the complaint.
  if (view.escalationRefusalProposedOn) return refuse('CASE.NOT_ALLOWED_IN_STATE', `A proposal to refuse this escalation (${view.escalationRefusalProposedOn}) is waiting for the manager's decision; rejecting it escalates the complaint.`);
  if (view.state !== 'responded') return refuse('CASE.NOT_ALLOWED_IN_STATE', `A complaint is escalated after its stage ${view.stage} response; the case is ${describeState(view)}.`);
  const next = stageOf(ctx.policy, view.stage + 1);
  if (!next) return refuse('CASE.NO_FURTHER_STAGE', `Stage ${view.stage} is the last stage of this policy; the resident can now go to the ${ctx.policy.ombudsman.name}.`);
  const current = stageOf(ctx.policy, view.stage);
  if (view.escalationWindowCloses && compareDates(event.on, view.escalationWindowCloses) > 0 && !event.lateAcceptanceReason?.trim()) {
    return refuse('CASE.ESCALATION_OUT_OF_TIME', `The window to escalate closed on ${view.escalationWindowCloses}; give the reason for accepting it late.`);
  }
  if (current?.escalationNeedsReason && !event.why?.trim()) {
    return refuse('CASE.ESCALATION_REASON_REQUIRED', 'This policy asks the resident to say why they want the complaint escalated.');
  }
  // The next stage has no handler until one is assigned (never the previous stage's: see assign).
  const started = startStage(view, next.number, event.on, ctx);
  return started.ok ? { ok: true, view: { ...started.view, assignedTo: null } } : started;
}


/** A file attached as correspondence: its facts are checked (the file itself is the file store's). */
function attachCorrespondence(view: CaseView, event: Extract<CaseEvent, { type: 'correspondence-attached' }>): StepResult {
  if (!/^[0-9a-f]{64}$/.test(event.sha256)) return refuse('CASE.INVALID_INPUT', 'A correspondence file needs its SHA-256 content hash.');
  if (!Number.isInteger(event.size) || event.size <= 0) return refuse('CASE.INVALID_INPUT', 'A correspondence file cannot be empty.');
  if (!event.fileId.trim() || !event.fileName.trim()) return refuse('CASE.INVALID_INPUT', 'A correspondence file needs its id and name.');
  if (!isCalendarDate(event.dated) || compareDates(event.dated, event.on) > 0) {
    return { ...refuse('CASE.INVALID_DATE', 'The correspondence cannot be dated after the day it is attached.'), field: 'dated' };
  }
  if (view.correspondence.some((c) => c.fileId === event.fileId)) return refuse('CASE.INVALID_INPUT', `The file ${event.fileId} is already attached.`);
  return { ok: true, view: { ...view, correspondence: [...view.correspondence, event] } };
}

/** How the history and refusals name what the resident is to be told. */
export const TELL_WORDS: Record<TellAbout, string> = {
  extension: 'extension',
  'escalation-refusal': 'refusal to escalate',
  'behaviour-decision': 'restrictions on contact',
  'action-redated': 'new date for an action',
};

/**
 * A decision the resident must be told of: kept until a member of staff records telling them,
 * with a deadline (the policy's working days) so the handler is reminded until they do.
 */
function toBeTold(view: CaseView, about: TellAbout, on: CalendarDate, ctx: TimelineContext): CaseView {
  const running = view.deadlines.some((d) => d.kind === 'tell-resident' && d.metOn === null);
  const deadlines = running ? view.deadlines : [...view.deadlines, startDeadline(view.stage, 'tell-resident', on, ctx.policy.tellResidentWorkingDays, ctx.calendar)];
  return { ...view, toTell: [...view.toTell.filter((t) => t.about !== about), { about, since: on }], deadlines };
}

function residentTold(view: CaseView, event: Extract<CaseEvent, { type: 'resident-told' }>, _ctx: TimelineContext): StepResult {
  const item = view.toTell.find((t) => t.about === event.about);
  if (!item) return refuse('CASE.NOTHING_TO_TELL', `There is no ${TELL_WORDS[event.about]} the resident has still to be told of.`);
  if (compareDates(event.on, item.since) < 0) return { ...refuse('CASE.INVALID_DATE', `The resident cannot have been told (${event.on}) before the decision (${item.since}).`), field: 'on' };
  const toTell = view.toTell.filter((t) => t !== item);
  // The reminder runs until the resident has been told of everything outstanding.
  const deadlines = toTell.length ? view.deadlines : view.deadlines.map((d) => (d.kind === 'tell-resident' ? meetDeadline(d, event.on) : d));
  return { ok: true, view: { ...view, toTell, deadlines } };
}
