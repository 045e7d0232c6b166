import type { CalendarDate } from '../domain/calendar-date';
import type { RemedyKind } from '../domain/case-events';
import { FOLLOW_UP_KINDS, isTerminal, type Deadline, type TrackedItem } from '../domain/case-state';
import { CaseReplayError, viewOf } from '../domain/case-view';
import type { DirectoryPerson } from '../domain/directory';
import type { Policy } from '../domain/policy';
import type { WorkingDayCalendar } from '../domain/working-days';
import { CATEGORIES } from '../intake/intake-options';
import type { CaseRecord } from '../domain/case-record';
import { renderCard, type AdaptiveCardJson } from './card-template';
import {
  acknowledgementMethod, daysLeft, deadlineInSentence, deadlineLabel, formatDate, formatPounds, REMEDY_WORDS, STATE_LABELS, wordFor,
} from './card-text';

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
  /** The policy the case replays under: a follow-up's card reads its item (what was promised) from the derived view. */
  policy: Policy;
  /** The latest reminder point's day, when the reminder goes out on a later day (after an outage). */
  pointOn?: CalendarDate;
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

/**
 * What a follow-up deadline is about, from the case's derived view: the remedy, action or
 * order (its description, kind and amount), or the Ombudsman's request. Null for a stage's
 * own deadlines.
 */
export interface FollowUpAbout {
  /** Facts for the cards, after the deadline's label. */
  facts: Array<{ title: string; value: string }>;
  /** The action or order; null for a request for information, which has only its id and date. */
  item: TrackedItem | null;
}

export function followUpAbout(record: CaseRecord, deadline: Pick<Deadline, 'kind' | 'id'>, policy: Policy, calendar: WorkingDayCalendar): FollowUpAbout | null {
  if (!FOLLOW_UP_KINDS.includes(deadline.kind) || !deadline.id) return null;
  let view;
  try {
    view = viewOf(record, { policy, calendar });
  } catch (err) {
    // A case that no longer replays is a configuration error, shown on the case card; the reminder still goes.
    if (err instanceof CaseReplayError) return null;
    throw err;
  }
  const reference = view.ombudsman ? [{ title: 'Ombudsman case', value: view.ombudsman.reference }] : [];
  if (deadline.kind === 'ombudsman-information') {
    return { facts: reference, item: null };
  }
  const item = view.items[deadline.id];
  if (!item) return null;
  const from = item.source === 'response' ? `Stage ${item.stage} response, ${formatDate(item.promisedOn)}` : `Ombudsman's determination, ${formatDate(item.promisedOn)}`;
  return {
    facts: [
      { title: 'What', value: item.description },
      { title: 'Kind', value: REMEDY_WORDS[item.kind] },
      ...(item.kind === 'compensation' && item.amountPence !== undefined ? [{ title: 'Amount', value: formatPounds(item.amountPence) }] : []),
      { title: item.source === 'response' ? 'Promised' : 'Ordered', value: from },
      ...(item.source === 'ombudsman-order' ? reference : []),
    ],
    item,
  };
}

const EVIDENCE: Record<RemedyKind, string> = {
  repair: 'the works order and the date it was finished', apology: 'the letter and the date it was sent', compensation: 'the payment reference',
  'policy-change': 'the revised policy', training: 'who was trained, and when', other: 'what was done, and where it is recorded',
};

/** What the owner of a follow-up is to do, in plain words, with the button that records it. */
function followUpAdvice(record: CaseRecord, deadline: Deadline, about: FollowUpAbout | null, policy: Policy): string {
  const due = formatDate(deadline.due);
  const item = about?.item;
  const closed = isTerminal(record.state) ? ' The case is closed, but this still has to be done.' : '';
  if (deadline.kind === 'ombudsman-information') {
    return `Send the ${policy.ombudsman.name} the information it asked for by ${due}, then press "Information sent". A late reply can lead the Ombudsman to find a complaint-handling failure.`;
  }
  const todo = item?.kind === 'compensation' && item.amountPence !== undefined ? `Pay the resident the compensation of ${formatPounds(item.amountPence)}`
    : item?.kind === 'apology' ? 'Give the resident the apology' : 'Make sure this is done';
  const evidence = item ? EVIDENCE[item.kind] : 'what shows it was done';
  if (deadline.kind === 'ombudsman-order') {
    return `${todo} by ${due}, as the Ombudsman ordered, and send the Ombudsman the evidence. Then press "Mark complied" and give the evidence (${evidence}).${closed}`;
  }
  return `${todo} by ${due}, as the response promised. Then press "Mark done" and give the evidence (${evidence}). If it will be late, tell the resident why and when it will be done.${closed}`;
}

/**
 * The review of the resident's adjustments: what to do, never what the adjustments are. A
 * reminder goes by proactive message (or email when Teams cannot deliver it), so the resident's
 * needs stay on the case, shown to those who act on it.
 */
function reviewAdvice(record: CaseRecord, deadline: Deadline): string {
  return `Review the resident's adjustments on ${record.reference} by ${formatDate(deadline.due)}: check with them that the adjustments still meet their needs, then press "Review adjustments" and record what you found. The case shows what is recorded now.`;
}

/** To the responsible officer (a follow-up's owner): what is due, when, and the buttons that meet it. */
export function reminderCard(input: ReminderCardInput): ReminderMessage {
  const { record, deadline, today, calendar } = input;
  const label = deadlineLabel(deadline);
  const s = status(deadline, today, calendar);
  const when = s.left > 0 ? `due in ${s.status.replace(' left', '')}` : s.left === 0 ? 'due today' : s.status;
  const headline = `${record.reference}: ${label} ${when}`;
  const about = followUpAbout(record, deadline, input.policy, calendar);
  const facts = [
    { title: 'Reference', value: record.reference },
    { title: 'Deadline', value: label },
    ...(about?.facts ?? []),
    { title: 'Due', value: formatDate(deadline.due) },
    { title: 'Status', value: s.status },
    { title: 'Case', value: STATE_LABELS[record.state] },
  ];
  const advice = FOLLOW_UP_KINDS.includes(deadline.kind) ? followUpAdvice(record, deadline, about, input.policy)
    : deadline.kind === 'adjustments-review' ? reviewAdvice(record, deadline) : ADVICE[deadline.kind] ?? 'Open the case to see what is needed.';
  const lateNote = input.pointOn && input.pointOn < today ? `This reminder was due on ${formatDate(input.pointOn)} and is sent late.` : '';
  const card = renderCard('reminder', {
    headline, color: s.color, summary: caseSummary(record), facts, advice, lateNote,
    kind: deadline.kind, caseId: record.id, version: record.version, seen: record.events.length, today, method: acknowledgementMethod(record),
    itemId: deadline.id ?? '',
  });
  return {
    card,
    summary: about?.item ? `${headline}: ${about.item.description}` : headline,
    mail: {
      subject: `Reminder: ${headline}`,
      text: [headline, '', ...facts.map((f) => `${f.title}: ${f.value}`), '', advice, ...(lateNote ? [lateNote] : []), '',
        'Open the complaints bot in Microsoft Teams to act on the case. This reminder came by email because Teams could not deliver it.'].join('\n'),
    },
  };
}

const OVERDUE_ADVICE: Partial<Record<Deadline['kind'], string>> = {
  action: 'Check it gets done, and that the resident has been told why it is late and when it will be done.',
  'ombudsman-order': 'The Ombudsman follows up its orders: check it gets done and the evidence goes to the Ombudsman.',
  'ombudsman-information': 'A late reply can lead the Ombudsman to find a complaint-handling failure: check the information goes to the Ombudsman now.',
  'adjustments-review': 'The resident\'s reasonable adjustments must be kept under review: check they are reviewed with the resident now.',
};

/**
 * To the manager of whoever the deadline is for (the officer: the handler, or a follow-up's
 * owner), once per missed due date.
 */
export function overdueCard(input: ReminderCardInput & { officer: DirectoryPerson | null }): ReminderMessage {
  const { record, deadline, today, calendar, officer } = input;
  const label = deadlineLabel(deadline);
  const s = status(deadline, today, calendar);
  const who = officer ? `${officer.name}${officer.roles[0] ? ` (${officer.roles[0]})` : ''}` : 'nobody (not assigned)';
  const headline = `Missed deadline: ${record.reference}`;
  const about = followUpAbout(record, deadline, input.policy, calendar);
  const what = about?.item ? ` (${about.item.description})` : '';
  const text = `The ${deadlineInSentence(deadline)}${what} for ${record.reference} was due ${formatDate(deadline.due)} and has not been ${deadline.kind === 'adjustments-review' ? 'done' : 'met'} (${s.status}). ${who} is responsible.`;
  const facts = [
    { title: 'Reference', value: record.reference },
    { title: 'Complaint', value: caseSummary(record) },
    { title: 'Deadline', value: label },
    ...(about?.facts ?? []).filter((f) => f.title !== 'What'), // the sentence above says what
    { title: 'Due', value: formatDate(deadline.due) },
    { title: 'Status', value: s.status },
    { title: 'Responsible', value: who },
  ];
  const advice = `You are told because you manage the person responsible. ${OVERDUE_ADVICE[deadline.kind] ?? 'Check the resident has been told of the delay and when to expect a response.'}`;
  return {
    card: renderCard('overdue', { headline, text, facts, advice, caseId: record.id }),
    summary: `${headline}: ${label} was due ${formatDate(deadline.due)}`,
    mail: { subject: headline, text: [headline, '', text, '', ...facts.map((f) => `${f.title}: ${f.value}`), '', advice].join('\n') },
  };
}
