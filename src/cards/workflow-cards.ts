import type { DirectoryPerson } from '../domain/directory';
import { findPerson, hasRole } from '../domain/directory';
import { RESPONSE_OUTCOMES } from '../domain/case-events';
import { stageOf } from '../domain/policy';
import { can, managersOf, viewOf, type CaseAction } from '../cases/case-permissions';
import { detailsOf } from '../cases/case-details';
import type { CaseRecord } from '../store/case-record';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { formatDate } from './card-text';
import type { CaseCardContext } from './case-cards';
import { BEHAVIOUR_DECISIONS, EXTENSION_REASONS, formSpec, NOTE_CHANNELS, type FormKind } from './workflow-forms';
import { ITEM_LABELS, prefill } from './response-items';

/** Buttons on the case card, in order, for the actions the viewer may take now. */
const BUTTONS: Array<[CaseAction, string, string]> = [
  ['acknowledge', 'Acknowledge', 'case.acknowledge'],
  ['issue-draft', 'Draft response sent', 'case.draft'],
  ['record-comments', 'Comments received', 'case.comments'],
  ['respond', 'Record response', 'case.respond.form'],
  ['request-extension', 'Request extension', 'case.extend.form'],
  ['decide-extension', 'Decide extension', 'case.extension.form'],
  ['escalate', 'Resident asks to escalate', 'case.escalate.form'],
  ['propose-escalation-refusal', 'Refuse escalation', 'case.refuse-escalation.form'],
  ['decide-escalation-refusal', 'Decide escalation refusal', 'case.escalation-refusal.form'],
  ['pause', 'Pause', 'case.pause.form'],
  ['resume', 'Resume', 'case.resume'],
  ['close', 'Close', 'case.close'],
  ['note', 'Add note', 'case.note.form'],
  ['propose-behaviour', 'Unacceptable behaviour', 'case.behaviour.form'],
  ['decide-behaviour', 'Decide on behaviour', 'case.behaviour-decision.form'],
  ['withdraw', 'Withdraw', 'case.withdraw.form'],
];

/** Who should see this card refresh itself: the handler, their managers and the PIM (at most 60). */
export function refreshUserIds(record: CaseRecord, ctx: CaseCardContext): string[] {
  const people = [findPerson(ctx.directory, record.responsibleOfficerId), ...managersOf(ctx.directory, record.responsibleOfficerId), ...ctx.directory.people.filter((p) => hasRole(p, 'PIM'))];
  return [...new Set(people.filter((p): p is DirectoryPerson => !!p).map((p) => p.aadObjectId))].slice(0, 60);
}

export function caseActions(record: CaseRecord, viewer: DirectoryPerson | undefined, ctx: CaseCardContext) {
  const data = { caseId: record.id, version: record.version };
  const allowed = viewer ? BUTTONS.filter(([action]) => can(viewer, action, record, ctx)) : [];
  return [...allowed.map(([, title, verb]) => ({ title, verb, data })), { title: 'Refresh', verb: 'case.refresh', data: { caseId: record.id } }];
}

export function pendingNotes(record: CaseRecord, ctx: CaseCardContext): string[] {
  const notes: string[] = [];
  const view = viewOf(record, ctx);
  const ext = view.pendingExtension;
  if (ext) notes.push(`Extension of ${ext.workingDays} working days asked for by ${findPerson(ctx.directory, ext.requestedBy)?.name ?? 'the handler'} on ${formatDate(ext.on)}: waiting for the manager's decision.`);
  if (view.behaviourProposedOn) notes.push(`Unacceptable behaviour reported on ${formatDate(view.behaviourProposedOn)}: waiting for the AD's decision.`);
  return notes;
}

export interface FormInput { values: Record<string, string>; errors: Record<string, string>; banner: string }

const FIELDS = ['on', 'channel', 'workingDays', 'reasonCategory', 'decision', 'text', 'restrictions', 'reviewOn', 'consent'];
const complete = (o: Record<string, string>) => Object.fromEntries(FIELDS.map((f) => [f, o[f] ?? '']));
const choicesOf = (o: Record<string, string>) => Object.entries(o).map(([value, title]) => ({ title, value }));

export function actionFormCard(kind: FormKind, record: CaseRecord, ctx: CaseCardContext, input: FormInput): AdaptiveCardJson {
  const spec = formSpec(kind, ctx.policy);
  return renderCard('case-action-form', {
    ...spec, caseId: record.id, version: record.version, banner: input.banner, today: ctx.today,
    subtitle: `${record.reference} · ${detailsOf(record).complainant.complainantName}`,
    daysLabel: spec.days ? 'Working days' : '',
    channelChoices: spec.channels ? choicesOf(NOTE_CHANNELS) : [],
    reasonChoices: spec.reasons ? choicesOf(EXTENSION_REASONS) : [],
    decisionChoices: spec.decision ? choicesOf(BEHAVIOUR_DECISIONS) : [],
    values: complete({ on: ctx.today, ...input.values }),
    errors: complete(input.errors),
  });
}

const OUTCOME_TITLES: Record<string, string> = { upheld: 'Upheld', 'partly-upheld': 'Partly upheld', 'not-upheld': 'Not upheld' };

export function respondFormCard(record: CaseRecord, ctx: CaseCardContext, input: FormInput): AdaptiveCardJson {
  const stage = stageOf(ctx.policy, record.stage);
  const rules = stage?.responseMustInclude ?? { always: [], whenUpheld: [], whenNotUpheld: [] };
  const handler = findPerson(ctx.directory, record.responsibleOfficerId);
  const definition = detailsOf(record).complaint.complaintDefinition;
  const items = [...new Set([...rules.always, ...rules.whenUpheld, ...rules.whenNotUpheld])].filter((i) => i !== 'decision').map((item) => {
    const when = rules.always.includes(item) ? '' : rules.whenUpheld.includes(item) && rules.whenNotUpheld.includes(item) ? '' : rules.whenUpheld.includes(item) ? ' (if upheld or partly upheld)' : ' (if not upheld)';
    return {
      id: `item-${item}`, label: `${ITEM_LABELS[item]}${when}`, hint: '',
      value: input.values[`item-${item}`] ?? prefill(item, ctx.policy, record.stage, definition, handler),
      error: input.errors[`item-${item}`] ?? '',
    };
  });
  return renderCard('case-respond', {
    title: `Record the stage ${record.stage} response`, subtitle: `${record.reference} · ${detailsOf(record).complainant.complainantName}`,
    intro: 'The policy requires each item below in the written response. Record what the response said.',
    banner: input.banner, caseId: record.id, version: record.version, today: ctx.today,
    submitTitle: 'Record response', submitVerb: 'case.respond',
    outcomeChoices: RESPONSE_OUTCOMES.map((value) => ({ value, title: OUTCOME_TITLES[value] ?? value })),
    values: { outcome: input.values.outcome ?? '', on: input.values.on ?? ctx.today },
    errors: { outcome: input.errors.outcome ?? '', on: input.errors.on ?? '' },
    items,
  });
}

/** The manager's card for an extension request; `decided` replaces the buttons with the outcome. */
export function extensionDecisionCard(record: CaseRecord, ctx: CaseCardContext, decided: string, banner = ''): AdaptiveCardJson {
  const view = viewOf(record, ctx);
  const request = view.pendingExtension;
  const data = { caseId: record.id, version: record.version };
  const handler = findPerson(ctx.directory, record.responsibleOfficerId);
  const respond = record.deadlines.find((d) => d.stage === record.stage && d.kind === 'respond' && d.metOn === null);
  return renderCard('case-decision', {
    title: `Extension request: ${record.reference}`,
    subtitle: `${detailsOf(record).complainant.complainantName} · handled by ${handler?.name ?? 'nobody'}`,
    intro: decided, banner, open: !decided && !!request,
    facts: request ? [
      { title: 'Asked for', value: `${request.workingDays} working days` },
      { title: 'Reason', value: request.reason },
      { title: 'Response due now', value: respond ? formatDate(respond.due) : '—' },
      { title: 'New date if approved', value: respond ? formatDate(ctx.calendar.addWorkingDays(respond.due, request.workingDays)) : '—' },
      { title: 'Extensions used at this stage', value: `${view.extensionDaysUsed[record.stage] ?? 0} of ${stageOf(ctx.policy, record.stage)?.extension.capWorkingDays ?? 'no limit'}` },
    ] : [{ title: 'Case', value: record.reference }],
    actions: !decided && request ? [
      { title: 'Approve', verb: 'case.extension.approve', style: 'positive', data },
      { title: 'Reject', verb: 'case.extension.reject', style: 'destructive', data },
    ] : [],
  });
}

/** The manager's card for a proposal to refuse an escalation; `decided` replaces the buttons with the outcome. */
export function refusalDecisionCard(record: CaseRecord, ctx: CaseCardContext, decided: string): AdaptiveCardJson {
  const view = viewOf(record, ctx);
  const proposal = [...record.events].reverse().find((e) => e.type === 'escalation-refusal-proposed');
  const data = { caseId: record.id, version: record.version };
  const open = !decided && !!view.escalationRefusalProposedOn;
  return renderCard('case-decision', {
    title: `Refuse escalation: ${record.reference}`,
    subtitle: `${detailsOf(record).complainant.complainantName} · handled by ${findPerson(ctx.directory, record.responsibleOfficerId)?.name ?? 'nobody'}`,
    intro: decided || 'The resident asked to escalate. Refusing needs a valid reason; they are told it with the Housing Ombudsman\'s details.',
    banner: '', open,
    facts: [{ title: 'Reason given', value: proposal?.why ?? '-' }, { title: 'Proposed by', value: findPerson(ctx.directory, proposal?.by)?.name ?? '-' }],
    actions: open ? [
      { title: 'Approve refusal', verb: 'case.escalation-refusal.approve', style: 'destructive', data },
      { title: 'Reject: escalate instead', verb: 'case.escalation-refusal.reject', style: 'positive', data },
    ] : [],
  });
}
