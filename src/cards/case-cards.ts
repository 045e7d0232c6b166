import { compareDates } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import { isTerminal } from '../domain/case-state';
import { findPerson, type Directory } from '../domain/directory';
import type { Policy } from '../domain/policy';
import { CATEGORIES, CHANNELS } from '../intake/intake-options';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { daysLeft, deadlineLabel, deadlineRow, EVENT_LABELS, formatDate, STATE_LABELS, type CaseCardContext } from './card-text';
import { caseActions, pendingNotes, refreshUserIds, type CaseButton } from './workflow-cards';

export type { CaseCardContext } from './card-text';

function summary(record: CaseRecord): string {
  const d = record.details;
  const category = CATEGORIES[d.complaint.category as keyof typeof CATEGORIES] ?? d.complaint.category;
  return `${d.complainant.complainantName}, ${d.complainant.estate} · ${category}`;
}

function stageName(record: CaseRecord, policy: Policy): string {
  return record.stage === 0 ? (policy.informalStage?.name ?? 'Informal stage') : (policy.stages[record.stage - 1]?.name ?? `Stage ${record.stage}`);
}

function officerName(record: CaseRecord, directory: Directory): string {
  const officer = findPerson(directory, record.responsibleOfficerId);
  return officer ? `${officer.name} (${officer.roles[0] ?? ''})` : 'not assigned';
}

function caseFacts(record: CaseRecord, ctx: CaseCardContext) {
  const d = record.details;
  return [
    { title: 'Reference', value: record.reference },
    { title: 'Stage', value: stageName(record, ctx.policy) },
    { title: 'Status', value: STATE_LABELS[record.state] },
    { title: 'Handler', value: officerName(record, ctx.directory) },
    { title: 'Received', value: record.receivedOn ? `${formatDate(record.receivedOn)} by ${(CHANNELS[d.complaint.channel as keyof typeof CHANNELS] ?? d.complaint.channel).toLowerCase()}` : '—' },
  ];
}

function deadlines(record: CaseRecord, ctx: CaseCardContext) {
  return record.deadlines.map((d) => deadlineRow(d, ctx.today, ctx.calendar, !isTerminal(record.state)));
}

export function confirmationCard(record: CaseRecord, ctx: CaseCardContext, officerNote: string): AdaptiveCardJson {
  return renderCard('case-confirmation', {
    reference: record.reference, caseId: record.id, summary: summary(record), facts: caseFacts(record, ctx),
    deadlines: deadlines(record, ctx), officerNote,
  });
}

export function assignedCard(record: CaseRecord, ctx: CaseCardContext): AdaptiveCardJson {
  const d = record.details;
  return renderCard('case-assigned', {
    reference: record.reference, caseId: record.id, version: record.version, summary: summary(record), facts: caseFacts(record, ctx),
    complaintDefinition: d.complaint.complaintDefinition, outcomeSought: d.complaint.outcomeSought, deadlines: deadlines(record, ctx),
  });
}

/** The case as one viewer sees it: the actions open to them (the bot decides which), and a banner saying what just happened. */
export function caseDetailCard(record: CaseRecord, ctx: CaseCardContext, buttons: readonly CaseButton[], banner = ''): AdaptiveCardJson {
  return renderCard('case-detail', {
    banner, actions: caseActions(record, buttons), pending: pendingNotes(record, ctx), userIds: refreshUserIds(record, ctx),
    reference: record.reference, caseId: record.id, stateLabel: STATE_LABELS[record.state], summary: summary(record),
    facts: caseFacts(record, ctx), deadlines: deadlines(record, ctx),
    history: [...record.events].reverse().map((e) => ({
      when: formatDate(e.on),
      what: EVENT_LABELS[e.type],
      who: `by ${findPerson(ctx.directory, e.by)?.name ?? (e.by === 'system' ? 'the complaints bot' : e.by)}, recorded ${e.at.slice(0, 16).replace('T', ' ')} UTC`,
      why: e.why ?? '',
    })),
  });
}

/** Open cases, overdue first, then by the next due date. */
export function myCasesCard(records: CaseRecord[], ctx: CaseCardContext): AdaptiveCardJson {
  const rows = records
    .filter((r) => !isTerminal(r.state))
    .sort((a, b) => compareDates(a.nextDueOn ?? '9999-12-31', b.nextDueOn ?? '9999-12-31'))
    .map((r) => {
      const next = r.deadlines.filter((d) => d.metOn === null).sort((a, b) => compareDates(a.due, b.due))[0];
      const left = next ? daysLeft(ctx.calendar.workingDaysUntil(ctx.today, next.due)) : { status: '—', color: 'Default' };
      return {
        caseId: r.id, reference: r.reference, complainant: r.details.complainant.complainantName,
        stageLabel: `${stageName(r, ctx.policy)} · ${STATE_LABELS[r.state]}`,
        nextLabel: next ? `${deadlineLabel(next)} due ${formatDate(next.due)}` : 'no deadline running',
        daysLeft: left.status, color: left.color, style: left.color === 'Attention' ? 'attention' : 'default',
      };
    });
  const overdue = rows.filter((r) => r.color === 'Attention').length;
  return renderCard('my-cases', {
    subtitle: rows.length ? `${rows.length} open${overdue ? `, ${overdue} overdue` : ''} · as of ${formatDate(ctx.today)}` : `as of ${formatDate(ctx.today)}`,
    cases: rows,
  });
}
