import { compareDates, type CalendarDate } from '../domain/calendar-date';
import { isTerminal } from '../domain/case-state';
import { findPerson, type Directory, type DirectoryPerson } from '../domain/directory';
import { caseActions, pendingNotes, refreshUserIds } from './workflow-cards';
import type { Policy } from '../domain/policy';
import type { WorkingDayCalendar } from '../domain/working-days';
import { detailsOf } from '../cases/case-details';
import { CATEGORIES, CHANNELS } from '../intake/intake-options';
import type { CaseRecord } from '../store/case-record';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { daysLeft, deadlineLabel, deadlineRow, formatDate, STATE_LABELS } from './card-text';

export interface CaseCardContext {
  policy: Policy;
  directory: Directory;
  calendar: WorkingDayCalendar;
  today: CalendarDate;
}

function summary(record: CaseRecord): string {
  const d = detailsOf(record);
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
  const d = detailsOf(record);
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
  const d = detailsOf(record);
  return renderCard('case-assigned', {
    reference: record.reference, caseId: record.id, version: record.version, summary: summary(record), facts: caseFacts(record, ctx),
    complaintDefinition: d.complaint.complaintDefinition, outcomeSought: d.complaint.outcomeSought, deadlines: deadlines(record, ctx),
  });
}

const EVENT_LABELS: Record<string, string> = {
  'informal-opened': 'Informal stage opened', received: 'Complaint received', acknowledged: 'Acknowledged', extended: 'Deadline extended',
  paused: 'Paused', resumed: 'Resumed', 'draft-issued': 'Draft response issued', 'comments-received': 'Comments received',
  responded: 'Response sent', 'escalation-requested': 'Escalation requested', refused: 'Complaint refused', closed: 'Closed', withdrawn: 'Withdrawn', note: 'Note',
  assigned: 'Assigned', 'extension-requested': 'Extension requested', 'extension-rejected': 'Extension rejected',
  'behaviour-proposed': 'Unacceptable behaviour reported', 'behaviour-decided': 'Unacceptable behaviour decided',
};

/** The case as one viewer sees it: the actions open to them, and a banner saying what just happened. */
export function caseDetailCard(record: CaseRecord, ctx: CaseCardContext, viewer?: DirectoryPerson, banner = ''): AdaptiveCardJson {
  return renderCard('case-detail', {
    banner, actions: caseActions(record, viewer, ctx), pending: pendingNotes(record, ctx), userIds: refreshUserIds(record, ctx),
    reference: record.reference, caseId: record.id, stateLabel: STATE_LABELS[record.state], summary: summary(record),
    facts: caseFacts(record, ctx), deadlines: deadlines(record, ctx),
    history: [...record.events].reverse().map((e) => ({
      when: formatDate(e.on),
      what: EVENT_LABELS[e.type] ?? e.type,
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
        caseId: r.id, reference: r.reference, complainant: detailsOf(r).complainant.complainantName,
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
