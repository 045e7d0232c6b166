import { londonDateOf } from '../../domain/calendar-date';
import type { CaseEvent } from '../../domain/case-events';
import { findPerson, type DirectoryPerson } from '../../domain/directory';
import { routeComplaint } from '../../domain/responsibility';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { caseDetailCard } from '../../cards/case-cards';
import { noticeCard } from '../../cards/general-cards';
import { actionFormCard, extensionDecisionCard, refusalDecisionCard, respondFormCard } from '../../cards/workflow-cards';
import type { FormKind } from '../../cards/workflow-forms';
import { detailsOf } from '../../cases/case-details';
import { can, managersOf, type CaseAction } from '../../cases/case-permissions';
import { recordCaseEvent } from '../../cases/record-case-event';
import { OMBUDSMAN_DETAILS } from '../../cards/response-items';
import { parseForm, parseResponse, valuesOf } from '../../cases/workflow-inputs';
import type { CaseRecord } from '../../store/case-record';
import type { BotDependencies } from '../bot-dependencies';
import { cardContext } from './card-context';
import { notifyAfter } from './workflow-notify';

const FORMS: Record<string, { kind: FormKind; action: CaseAction }> = {
  note: { kind: 'note', action: 'note' }, pause: { kind: 'pause', action: 'pause' }, escalate: { kind: 'escalate', action: 'escalate' },
  withdraw: { kind: 'withdraw', action: 'withdraw' }, extend: { kind: 'extend', action: 'request-extension' },
  behaviour: { kind: 'behaviour', action: 'propose-behaviour' }, 'refuse-escalation': { kind: 'refuse-escalation', action: 'propose-escalation-refusal' }, 'behaviour-decision': { kind: 'behaviour-decision', action: 'decide-behaviour' },
};
const SUBMIT_FORM: Record<string, string> = {
  'case.note': 'note', 'case.pause': 'pause', 'case.escalate': 'escalate', 'case.withdraw': 'withdraw', 'case.extend': 'extend',
  'case.behaviour': 'behaviour', 'case.behaviour.decide': 'behaviour-decision', 'case.refuse-escalation': 'refuse-escalation',
};

/**
 * The case workflow on cards: opening a form, and every action that records an event.
 * Each re-reads the case, checks the card was showing the current version and that the
 * person may act (from the directory), lets the domain decide, and writes conditionally.
 */
export async function workflowAction(person: DirectoryPerson, verb: string, data: Record<string, unknown>, caseId: string | null, version: string | null, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const record = caseId ? await deps.stores.cases.getCase(caseId) : undefined;
  if (!record) return noticeCard({ title: 'Case not found', text: 'This card does not name a case we hold. Nothing was changed.', tone: 'error' });
  const ctx = cardContext(deps);
  const show = (r: CaseRecord, banner = '') => caseDetailCard(r, ctx, person, banner);
  if (verb === 'case.refresh') return show(record);

  const form = /^case\.(.+)\.form$/.exec(verb)?.[1];
  if (form) {
    if (form === 'respond') return can(person, 'respond', record, ctx) ? respondFormCard(record, ctx, { values: {}, errors: {}, banner: '' }) : show(record, 'You cannot record a response on this case now.');
    if (form === 'escalation-refusal') return can(person, 'decide-escalation-refusal', record, ctx) ? refusalDecisionCard(record, ctx, '') : show(record, 'You cannot decide this.');
    if (form === 'extension') return can(person, 'decide-extension', record, ctx) ? extensionDecisionCard(record, ctx, '') : show(record, 'You cannot decide this extension.');
    const spec = FORMS[form];
    if (!spec) return show(record, 'That action is not available.');
    return can(person, spec.action, record, ctx) ? actionFormCard(spec.kind, record, ctx, { values: {}, errors: {}, banner: '' }) : show(record, 'You cannot do that on this case now.');
  }

  if (verb === 'case.extension.approve' || verb === 'case.extension.reject') return decideExtension(person, verb, record, version, deps);
  if (verb === 'case.escalation-refusal.approve' || verb === 'case.escalation-refusal.reject') return decideRefusal(person, verb, record, version, deps);
  const action = actionFor(verb);
  if (!action) return show(record, 'That action is not available.');
  // A note adds to the history without depending on the case's state, so a card shown
  // before someone else's change may still add one; every other action must act on what it saw.
  if (action !== 'note' && version !== record.version) return show(record, 'This case has changed since this card was shown, so nothing was changed. Here it is as it is now.');
  if (!can(person, action, record, ctx)) return show(record, `You cannot do that on ${record.reference} now (it is ${record.state.replace(/-/g, ' ')}). Nothing was changed.`);

  const built = buildEvents(verb, record, data, person, deps);
  if ('card' in built) return built.card;
  let result = await recordCaseEvent(deps.stores.cases, deps.ctx, record.id, record.version, person, built.events);
  // Two notes at once: the loser re-reads and appends again (bounded), as a note cannot conflict.
  for (let attempt = 0; action === 'note' && !result.ok && result.code === 'CASE.STALE_VERSION' && 'current' in result && attempt < 5; attempt++) {
    result = await recordCaseEvent(deps.stores.cases, deps.ctx, record.id, result.current.version, person, built.events);
  }
  if (!result.ok) {
    if (!('current' in result)) return noticeCard({ title: 'Case not found', text: result.message, tone: 'error' });
    if (result.code === 'CASE.STALE_VERSION') return show(result.current, result.message);
    return built.retry(result.message);
  }
  deps.logger.info({ reference: result.record.reference, verb }, 'case action recorded');
  const told = await notifyAfter(verb, result.record, person, deps);
  return show(result.record, `${built.done}${told ? ` ${told}` : ''}`);
}

function actionFor(verb: string): CaseAction | undefined {
  const form = SUBMIT_FORM[verb];
  if (form) return FORMS[form]?.action;
  return ({ 'case.respond': 'respond', 'case.resume': 'resume', 'case.close': 'close', 'case.draft': 'issue-draft', 'case.comments': 'record-comments' } as Record<string, CaseAction>)[verb];
}

type Built = { events: CaseEvent[]; done: string; retry: (message: string) => AdaptiveCardJson } | { card: AdaptiveCardJson };

function buildEvents(verb: string, record: CaseRecord, data: Record<string, unknown>, person: DirectoryPerson, deps: BotDependencies): Built {
  const ctx = cardContext(deps);
  const today = ctx.today;
  if (verb === 'case.resume') return { events: [{ type: 'resumed', on: today, why: 'Resumed in Teams' }], done: 'Resumed: the deadlines moved on by the working days paused.', retry: (m) => caseDetailCard(record, ctx, person, m) };
  if (verb === 'case.draft') return { events: [{ type: 'draft-issued', on: today, why: 'Draft response sent for the complainant\'s comments' }], done: 'Draft recorded: the complainant has 5 working days to comment.', retry: (m) => caseDetailCard(record, ctx, person, m) };
  if (verb === 'case.comments') return { events: [{ type: 'comments-received', on: today, why: 'Complainant\'s comments on the draft received' }], done: 'Comments recorded.', retry: (m) => caseDetailCard(record, ctx, person, m) };
  if (verb === 'case.close') return { events: [{ type: 'closed', on: today, why: 'Closed in Teams' }], done: 'Closed.', retry: (m) => caseDetailCard(record, ctx, person, m) };
  if (verb === 'case.respond') {
    const parsed = parseResponse(data, today);
    const again = (errors: Record<string, string>, banner: string) => respondFormCard(record, ctx, { values: parsed.ok ? valuesOf(data) : parsed.values, errors, banner });
    if (!parsed.ok) return { card: again(parsed.errors, 'Some answers need attention.') };
    return {
      events: [{ type: 'responded', on: parsed.on, outcome: parsed.outcome, content: parsed.content, why: `Stage ${record.stage} response recorded in Teams` }],
      done: `Response recorded (${parsed.outcome.replace('-', ' ')}).`,
      retry: (m) => again({}, m),
    };
  }
  const kind = SUBMIT_FORM[verb] as FormKind;
  const parsed = parseForm(kind, data, today, deps.ctx.policy.pauses.needsConsent);
  const again = (values: Record<string, string>, errors: Record<string, string>, banner: string) => actionFormCard(kind, record, ctx, { values, errors, banner });
  if (!parsed.ok) return { card: again(parsed.values, parsed.errors, 'Some answers need attention.') };
  const events: CaseEvent[] = [parsed.event];
  let done = 'Saved.';
  if (kind === 'escalate') {
    const next = escalationHandler(record, deps);
    if (!next.ok) return { card: again(valuesOf(data), {}, next.message) };
    events.push({ type: 'assigned', on: parsed.event.on, officerId: next.officer.id, why: `${next.officer.name}: ${next.reason}` });
    done = `Escalated to stage ${record.stage + 1}, handled by ${next.officer.name}.`;
  }
  if (kind === 'extend') done = 'Extension requested.';
  if (kind === 'pause') done = 'Paused: the deadlines are stopped.';
  if (kind === 'withdraw') done = 'Withdrawal recorded.';
  if (kind === 'behaviour') done = 'Reported to the Assistant Director.';
  if (kind === 'behaviour-decision') done = 'Decision recorded.';
  if (kind === 'refuse-escalation') done = 'Refusal proposed.';
  return { events, done, retry: (m) => again(valuesOf(data), {}, m) };
}

/** The next stage's handler by the routing rules, never the person who handled the stage before. */
function escalationHandler(record: CaseRecord, deps: BotDependencies): { ok: true; officer: DirectoryPerson; reason: string } | { ok: false; message: string } {
  const d = detailsOf(record);
  const routed = routeComplaint(deps.ctx.policy, deps.ctx.directory, {
    estate: d.complainant.estate, serviceArea: d.complaint.serviceArea,
    aboutStaff: d.complaint.aboutStaff ? { role: d.complaint.staffRole, personId: null } : null,
  }, record.stage + 1);
  if (!routed.ok) return { ok: false, message: routed.message };
  if (routed.assignment.officer.id !== record.responsibleOfficerId) return { ok: true, officer: routed.assignment.officer, reason: routed.assignment.reason };
  const manager = managersOf(deps.ctx.directory, record.responsibleOfficerId)[0];
  if (!manager) return { ok: false, message: `${routed.assignment.officer.name} handled stage ${record.stage} and the directory names nobody else for stage ${record.stage + 1}.` };
  return { ok: true, officer: manager, reason: `stage ${record.stage + 1} must not be handled by the stage ${record.stage} handler, so their manager handles it` };
}

async function decideExtension(person: DirectoryPerson, verb: string, record: CaseRecord, version: string | null, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const ctx = cardContext(deps);
  const approve = verb === 'case.extension.approve';
  const decidedBy = (r: CaseRecord) => {
    const last = [...r.events].reverse().find((e) => e.type === 'extended' || e.type === 'extension-rejected');
    return last ? `Already ${last.type === 'extended' ? 'approved' : 'rejected'} by ${findPerson(deps.ctx.directory, last.by)?.name ?? last.by} (${last.at.slice(0, 16).replace('T', ' ')} UTC). Nothing more was changed.` : '';
  };
  if (version !== record.version || !can(person, 'decide-extension', record, ctx)) {
    const already = decidedBy(record);
    if (already && version !== record.version) return extensionDecisionCard(record, ctx, already);
    return extensionDecisionCard(record, ctx, version !== record.version ? 'This case has changed since this card was shown; nothing was changed.' : 'Only the handler\'s managers can decide this request, and never the person who asked. Nothing was changed.');
  }
  const request = record.events.filter((e) => e.type === 'extension-requested').at(-1);
  const today = londonDateOf(deps.ctx.now());
  const respond = record.deadlines.find((d) => d.stage === record.stage && d.kind === 'respond' && d.metOn === null);
  const event: CaseEvent = approve && request?.type === 'extension-requested'
    ? {
      type: 'extended', on: today, workingDays: request.workingDays, reason: request.reason,
      ...(request.reasonCategory ? { reasonCategory: request.reasonCategory } : {}),
      why: `Approved by ${person.name}. The resident is told the reason, the new date${respond ? ` (${ctx.calendar.addWorkingDays(respond.due, request.workingDays)})` : ''} and the Ombudsman's details: ${OMBUDSMAN_DETAILS}.`,
    }
    : { type: 'extension-rejected', on: today, why: `Rejected by ${person.name}` };
  const result = await recordCaseEvent(deps.stores.cases, deps.ctx, record.id, record.version, person, event);
  if (!result.ok) {
    if ('current' in result) return extensionDecisionCard(result.current, ctx, decidedBy(result.current) || result.message);
    return noticeCard({ title: 'Case not found', text: result.message, tone: 'error' });
  }
  const told = await notifyAfter(verb, result.record, person, deps);
  return extensionDecisionCard(result.record, ctx, `${approve ? 'Approved' : 'Rejected'} by you.${told ? ` ${told}` : ''}`);
}

/** A manager approves or rejects a proposal to refuse an escalation; rejecting it escalates the case. */
async function decideRefusal(person: DirectoryPerson, verb: string, record: CaseRecord, version: string | null, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const ctx = cardContext(deps);
  if (version !== record.version || !can(person, 'decide-escalation-refusal', record, ctx)) {
    const last = [...record.events].reverse().find((e) => e.type === 'escalation-refused' || e.type === 'escalation-refusal-rejected');
    const already = last ? `Already ${last.type === 'escalation-refused' ? 'approved' : 'rejected'} by ${findPerson(deps.ctx.directory, last.by)?.name ?? last.by}. Nothing more was changed.` : '';
    return refusalDecisionCard(record, ctx, already || 'Only the handler\'s managers can decide this, on the current case. Nothing was changed.');
  }
  const approve = verb.endsWith('approve');
  const today = londonDateOf(deps.ctx.now());
  const events: CaseEvent[] = [approve
    ? { type: 'escalation-refused', on: today, why: `Approved by ${person.name}. The resident is told the reason and the Ombudsman's details: ${OMBUDSMAN_DETAILS}.` }
    : { type: 'escalation-refusal-rejected', on: today, why: `Rejected by ${person.name}: the complaint is escalated` }];
  if (!approve) {
    const next = escalationHandler(record, deps);
    if (!next.ok) return refusalDecisionCard(record, ctx, next.message);
    events.push({ type: 'escalation-requested', on: today, why: 'Escalated after the refusal was rejected' }, { type: 'assigned', on: today, officerId: next.officer.id, why: `${next.officer.name}: ${next.reason}` });
  }
  const result = await recordCaseEvent(deps.stores.cases, deps.ctx, record.id, record.version, person, events);
  if (!result.ok) return 'current' in result ? refusalDecisionCard(result.current, ctx, result.message) : noticeCard({ title: 'Case not found', text: result.message, tone: 'error' });
  const told = await notifyAfter(approve ? 'case.escalation-refusal.approve' : 'case.escalate', result.record, person, deps);
  return refusalDecisionCard(result.record, ctx, `${approve ? 'Refusal approved' : 'Refusal rejected: the complaint is escalated'} by you.${told ? ` ${told}` : ''}`);
}
