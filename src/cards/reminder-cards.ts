import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CalendarDate } from '../domain/calendar-date';
import type { Deadline } from '../domain/case-state';
import type { DirectoryPerson } from '../domain/directory';
import type { WorkingDayCalendar } from '../domain/working-days';
import { CATEGORIES } from '../intake/intake-options';
import type { CaseRecord } from '../domain/case-record';
import { CARDS_DIR, type AdaptiveCardJson } from './card-template';
import { acknowledgementMethod, daysLeft, wordFor, deadlineLabel, formatDate, STATE_LABELS } from './card-text';

/**
 * The reminder sweep's cards (cards/reminder.json for the responsible officer,
 * cards/overdue.json for their manager), and the same words as a plain-text mail for when
 * Teams cannot reach the person. Each builder fills every binding (see card-template.ts).
 */
export interface ReminderMessage {
  card: AdaptiveCardJson;
  /** The notification preview in Teams. */
  summary: string;
  mail: { subject: string; text: string };
}

export interface ReminderCardInput {
  record: CaseRecord;
  deadline: Deadline;
  today: CalendarDate;
  calendar: WorkingDayCalendar;
  /** The latest reminder point's day, when the reminder goes out on a later day (after an outage). */
  pointOn?: CalendarDate;
}

// cards/reminder.json and cards/overdue.json are bound here rather than through renderCard,
// whose CardName list belongs to the case cards; the templating is the same.
const templates = new Map<string, ACData.Template>();
function render(name: 'reminder' | 'overdue', data: object): AdaptiveCardJson {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t.expand({ $root: data }) as AdaptiveCardJson;
}

function caseSummary(record: CaseRecord): string {
  const { complainantName, estate } = record.details.complainant;
  const category = record.category ? wordFor(CATEGORIES, record.category) : 'uncategorised';
  return `${complainantName}, ${estate} · ${category}`;
}

function status(deadline: Deadline, today: CalendarDate, calendar: WorkingDayCalendar) {
  const left = calendar.workingDaysUntil(today, deadline.due);
  return { left, ...daysLeft(left) };
}

const ADVICE: Partial<Record<Deadline['kind'], string>> = {
  acknowledge: 'Acknowledge the complaint to the resident, then press Acknowledge so the response deadline starts.',
  respond: 'Send the written response, or ask for an extension if the policy allows one; the resident must be told either way.',
  resolve: 'Resolve the complaint informally, or move it to the formal stage.',
  draft: 'Send the draft response to the resident for their comments.',
  'final-decision': 'Send the final decision to the resident.',
  'tell-resident': 'Tell the resident of the decision (the reason, what happens now, and the Ombudsman\'s details), then record it on the case with "Resident told".',
};

/** To the responsible officer: what is due, when, and the buttons that meet it. */
export function reminderCard(input: ReminderCardInput): ReminderMessage {
  const { record, deadline, today, calendar } = input;
  const label = deadlineLabel(deadline);
  const s = status(deadline, today, calendar);
  const when = s.left > 0 ? `due in ${s.status.replace(' left', '')}` : s.left === 0 ? 'due today' : s.status;
  const headline = `${record.reference}: ${label} ${when}`;
  const facts = [
    { title: 'Reference', value: record.reference },
    { title: 'Deadline', value: label },
    { title: 'Due', value: formatDate(deadline.due) },
    { title: 'Status', value: s.status },
    { title: 'Case', value: STATE_LABELS[record.state] },
  ];
  const advice = ADVICE[deadline.kind] ?? 'Open the case to see what is needed.';
  const lateNote = input.pointOn && input.pointOn < today ? `This reminder was due on ${formatDate(input.pointOn)} and is sent late.` : '';
  const card = render('reminder', {
    headline, color: s.color, summary: caseSummary(record), facts, advice, lateNote,
    kind: deadline.kind, caseId: record.id, version: record.version, seen: record.events.length, today, method: acknowledgementMethod(record),
  });
  return {
    card,
    summary: headline,
    mail: {
      subject: `Reminder: ${headline}`,
      text: [headline, '', ...facts.map((f) => `${f.title}: ${f.value}`), '', advice, ...(lateNote ? [lateNote] : []), '',
        'Open the complaints bot in Microsoft Teams to act on the case. This reminder came by email because Teams could not deliver it.'].join('\n'),
    },
  };
}

/** To the officer's manager, once per missed due date. */
export function overdueCard(input: ReminderCardInput & { officer: DirectoryPerson | null }): ReminderMessage {
  const { record, deadline, today, calendar, officer } = input;
  const label = deadlineLabel(deadline);
  const s = status(deadline, today, calendar);
  const who = officer ? `${officer.name}${officer.roles[0] ? ` (${officer.roles[0]})` : ''}` : 'nobody (not assigned)';
  const headline = `Missed deadline: ${record.reference}`;
  const text = `The ${label.toLowerCase()} for ${record.reference} was due ${formatDate(deadline.due)} and has not been met (${s.status}). ${who} is responsible.`;
  const facts = [
    { title: 'Reference', value: record.reference },
    { title: 'Complaint', value: caseSummary(record) },
    { title: 'Deadline', value: label },
    { title: 'Due', value: formatDate(deadline.due) },
    { title: 'Status', value: s.status },
    { title: 'Responsible', value: who },
  ];
  const advice = 'You are told because you manage the responsible officer. Check the resident has been told of the delay and when to expect a response.';
  return {
    card: render('overdue', { headline, text, facts, advice, caseId: record.id }),
    summary: `${headline}: ${label} was due ${formatDate(deadline.due)}`,
    mail: { subject: headline, text: [headline, '', text, '', ...facts.map((f) => `${f.title}: ${f.value}`), '', advice].join('\n') },
  };
}
