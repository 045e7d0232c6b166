import { RESPONSE_OUTCOMES, type OmbudsmanFindingKind, type RemedyKind } from '../domain/case-events';
import type { CaseRecord } from '../domain/case-record';
import { TELL_WORDS } from '../domain/case-timeline';
import { viewOf } from '../domain/case-view';
import { findPerson, hasRole, managersOf, type DirectoryPerson } from '../domain/directory';
import { stageOf } from '../domain/policy';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { bannerOf, formatDate, OUTCOME_WORDS, type Banner, type CaseCardContext } from './card-text';
import { itemLabel, prefill } from './response-items';
import type { FormSpec } from './workflow-forms';

/** A button on the case card: the bot decides which the viewer gets (those whose command would succeed). */
export interface CaseButton {
  title: string; verb: string;
  /** Shown in the case card's "Files and letters" row rather than its action bar. */
  documents?: boolean;
  /** Shown beside the complainant's details (the resident's adjustments), which only those who act on the case see. */
  personal?: boolean;
}

/** Who should see this card refresh itself: the handler, their managers and the PIM (at most 60). */
export function refreshUserIds(record: CaseRecord, ctx: CaseCardContext): string[] {
  const people = [findPerson(ctx.directory, record.responsibleOfficerId), ...managersOf(ctx.directory, record.responsibleOfficerId), ...ctx.directory.people.filter((p) => hasRole(p, 'PIM'))];
  return [...new Set(people.filter((p): p is DirectoryPerson => !!p).map((p) => p.aadObjectId))].slice(0, 60);
}

/** The buttons as card actions on this version of the case, then Refresh. */
export function caseActions(record: CaseRecord, buttons: readonly CaseButton[]) {
  const data = { caseId: record.id, version: record.version, seen: record.events.length };
  return [...buttons.map(({ title, verb }) => ({ title, verb, data })), { title: 'Refresh', verb: 'case.refresh', data: { caseId: record.id } }];
}

export function pendingNotes(record: CaseRecord, ctx: CaseCardContext): string[] {
  const notes: string[] = [];
  const view = viewOf(record, ctx);
  const ext = view.pendingExtension;
  if (ext) notes.push(`Extension of ${ext.workingDays} working days asked for by ${findPerson(ctx.directory, ext.requestedBy)?.name ?? 'the handler'} on ${formatDate(ext.on)}: waiting for the manager's decision.`);
  if (view.behaviourProposedOn) notes.push(`Unacceptable behaviour reported on ${formatDate(view.behaviourProposedOn)}: waiting for the AD's decision.`);
  for (const t of view.toTell) notes.push(`The resident is still to be told of the ${TELL_WORDS[t.about]} decided ${formatDate(t.since)}: nobody has recorded telling them.`);
  return notes;
}

export interface FormInput { values: Record<string, string>; errors: Record<string, string>; banner: Banner }

const FIELDS = ['on', 'channel', 'workingDays', 'reasonCategory', 'decision', 'text', 'restrictions', 'reviewOn', 'consent', 'adjustments', 'nextReviewOn'];
const complete = (o: Record<string, string>) => Object.fromEntries(FIELDS.map((f) => [f, o[f] ?? '']));
const numberOrEmpty = (v: string | undefined): number | '' => (v !== undefined && /^\d{1,3}$/.test(v.trim()) ? Number(v) : '');
const choicesOf = (o: Readonly<Record<string, string>>) => Object.entries(o).map(([value, title]) => ({ title, value }));

export function actionFormCard(spec: FormSpec, record: CaseRecord, ctx: CaseCardContext, input: FormInput): AdaptiveCardJson {
  return renderCard('case-action-form', {
    ...spec, caseId: record.id, version: record.version, seen: record.events.length, ...bannerOf(input.banner), today: ctx.today,
    dateMax: spec.dateMax === 'any' ? '2099-12-31' : ctx.today,
    subtitle: `${record.reference} · ${record.details.complainant.complainantName}`,
    daysLabel: spec.days ? 'Working days' : '',
    channelChoices: spec.channel ? choicesOf(spec.channel.choices) : [], channelLabel: spec.channel?.label ?? '',
    reasonChoices: spec.reason ? choicesOf(spec.reason.choices) : [], reasonLabel: spec.reason?.label ?? '',
    decisionChoices: spec.decision ? choicesOf(spec.decision.choices) : [], decisionLabel: spec.decision?.label ?? '',
    adjustmentsLabel: spec.review?.adjustmentsLabel ?? '', nextReviewLabel: spec.review?.nextReviewLabel ?? '',
    // Input.Number takes a number: a typed value shown back as a string would be dropped.
    values: { ...complete({ on: ctx.today, ...input.values }), workingDays: numberOrEmpty(input.values.workingDays) },
    errors: complete(input.errors),
  });
}


/** How many remedies or orders one form offers rows for (more can be added by a second response or the CLI). */
export const ITEM_ROWS = 3;

const KIND_WORDS: Record<RemedyKind, string> = {
  repair: 'Repair or works', apology: 'Apology', compensation: 'Compensation', 'policy-change': 'Change of policy or procedure', training: 'Staff training', other: 'Other',
};

/** The rows of remedies (or orders) a form asks for: what, kind, due date and, for compensation, the amount. */
function itemRows(prefix: 'action' | 'order', input: FormInput) {
  return Array.from({ length: ITEM_ROWS }, (_, i) => {
    const p = `${prefix}${i + 1}`;
    return {
      prefix: p, label: `${prefix === 'action' ? 'Action' : 'Order'} ${i + 1}: what will be done`,
      description: input.values[`${p}-description`] ?? '', kind: input.values[`${p}-kind`] ?? '',
      due: input.values[`${p}-due`] ?? '', amount: numberOrEmpty(input.values[`${p}-amount`]), owner: input.values[`${p}-owner`] ?? '',
      error: input.errors[p] ?? '',
    };
  });
}
const kindChoices = () => choicesOf(KIND_WORDS);
/** Staff who can own a remedy: everyone in the directory with a role, by name. */
const ownerChoices = (ctx: CaseCardContext) => ctx.directory.people.filter((p) => p.roles.length > 0)
  .sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ title: p.name, value: p.id }));

export function respondFormCard(record: CaseRecord, ctx: CaseCardContext, input: FormInput): AdaptiveCardJson {
  const stage = stageOf(ctx.policy, record.stage);
  const rules = stage?.responseMustInclude ?? { always: [], whenUpheld: [], whenNotUpheld: [] };
  const handler = findPerson(ctx.directory, record.responsibleOfficerId);
  const definition = record.details.complaint.complaintDefinition;
  const items = [...new Set([...rules.always, ...rules.whenUpheld, ...rules.whenNotUpheld])].filter((i) => i !== 'decision').map((item) => {
    const when = rules.always.includes(item) ? '' : rules.whenUpheld.includes(item) && rules.whenNotUpheld.includes(item) ? '' : rules.whenUpheld.includes(item) ? ' (if upheld or partly upheld)' : ' (if not upheld)';
    return {
      id: `item-${item}`, label: `${itemLabel(item, ctx.policy)}${when}`, hint: '',
      value: input.values[`item-${item}`] ?? prefill(item, ctx.policy, record.stage, definition, handler),
      error: input.errors[`item-${item}`] ?? '',
    };
  });
  return renderCard('case-respond', {
    title: `Record the stage ${record.stage} response`, subtitle: `${record.reference} · ${record.details.complainant.complainantName}`,
    intro: 'The policy requires each item below in the written response. Record what the response said.',
    ...bannerOf(input.banner), caseId: record.id, version: record.version, seen: record.events.length, today: ctx.today,
    submitTitle: 'Record response', submitVerb: 'case.respond',
    outcomeChoices: RESPONSE_OUTCOMES.map((value) => ({ value, title: OUTCOME_WORDS[value] })),
    actionRows: itemRows('action', input), kindChoices: kindChoices(), ownerChoices: ownerChoices(ctx),
    rowsIntro: 'Each one is followed to completion with its own date: its owner is reminded, and the case shows it until it is marked done.',
    values: { outcome: input.values.outcome ?? '', on: input.values.on ?? ctx.today },
    errors: { outcome: input.errors.outcome ?? '', on: input.errors.on ?? '' },
    items,
  });
}

/** The Ombudsman's determination: the finding, what it is about, and the orders to comply with. */
export function determinationFormCard(record: CaseRecord, ctx: CaseCardContext, input: FormInput): AdaptiveCardJson {
  return renderCard('case-determination', {
    title: `The Ombudsman's determination: ${record.reference}`, subtitle: record.details.complainant.complainantName,
    intro: 'Record the finding, and each order or recommendation with the date it must be complied with.',
    ...bannerOf(input.banner), caseId: record.id, version: record.version, seen: record.events.length, today: ctx.today,
    submitTitle: 'Record determination', submitVerb: 'case.determination',
    findingChoices: choicesOf(FINDING_WORDS),
    values: { on: input.values.on ?? ctx.today, finding: input.values.finding ?? '', about: input.values.about ?? '' },
    errors: { on: input.errors.on ?? '', finding: input.errors.finding ?? '' },
    orderRows: itemRows('order', input), kindChoices: kindChoices(), ownerChoices: ownerChoices(ctx), rowsIntro: 'Leave a row empty when there is no further order.',
  });
}

/** The Ombudsman's findings, in words. */
export const FINDING_WORDS: Record<OmbudsmanFindingKind, string> = {
  'no-maladministration': 'No maladministration', 'service-failure': 'Service failure', maladministration: 'Maladministration', 'severe-maladministration': 'Severe maladministration',
};

/** The manager's card for an extension request; `decided` replaces the buttons with the outcome. */
export function extensionDecisionCard(record: CaseRecord, ctx: CaseCardContext, decided: string, banner = ''): AdaptiveCardJson {
  const view = viewOf(record, ctx);
  const request = view.pendingExtension;
  const data = { caseId: record.id, version: record.version, seen: record.events.length };
  const handler = findPerson(ctx.directory, record.responsibleOfficerId);
  const respond = record.deadlines.find((d) => d.stage === record.stage && d.kind === 'respond' && d.metOn === null);
  return renderCard('case-decision', {
    title: `Extension request: ${record.reference}`,
    subtitle: `${record.details.complainant.complainantName} · handled by ${handler?.name ?? 'nobody'}`,
    intro: decided, ...bannerOf(banner), open: !decided && !!request,
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
  const data = { caseId: record.id, version: record.version, seen: record.events.length };
  const open = !decided && !!view.escalationRefusalProposedOn;
  return renderCard('case-decision', {
    title: `Refuse escalation: ${record.reference}`,
    subtitle: `${record.details.complainant.complainantName} · handled by ${findPerson(ctx.directory, record.responsibleOfficerId)?.name ?? 'nobody'}`,
    intro: decided || `The resident asked to escalate. Refusing needs a valid reason; they are told it with the ${ctx.policy.ombudsman.name}'s details.`,
    ...bannerOf(''), open,
    facts: [{ title: 'Reason given', value: proposal?.why ?? '-' }, { title: 'Proposed by', value: findPerson(ctx.directory, proposal?.by)?.name ?? '-' }],
    actions: open ? [
      { title: 'Approve refusal', verb: 'case.escalation-refusal.approve', style: 'destructive', data },
      { title: 'Reject: escalate instead', verb: 'case.escalation-refusal.reject', style: 'positive', data },
    ] : [],
  });
}
