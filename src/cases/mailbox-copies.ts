import { findPerson } from '../domain/directory';
import { deadlineLabel, formatDate, STATE_LABELS } from '../cards/card-text';
import type { MailAttachment, MailMessage } from '../graph/mail-sender.port';
import type { CaseRecord } from '../domain/case-record';
import type { CaseContext } from './case-context';
import { isComplaintDeadline } from '../domain/case-state';

/**
 * Copies for the complaints mailbox, so the PIM can keep the Complaints Log (seed 000: a copy
 * of each complaint with its response deadlines, each response, and each stage change).
 */
export type CopyKind = 'new-complaint' | 'response' | 'stage-change' | 'letter-sent';

/** A letter recorded as sent: the copy says which, when, and carries the PDF. */
export interface SentLetter { words: string; sentOn: string; attachment: MailAttachment }

const SUBJECT: Record<CopyKind, string> = {
  'new-complaint': 'New complaint', response: 'Response sent', 'stage-change': 'Escalated', 'letter-sent': 'Letter sent',
};

export function mailboxCopy(kind: CopyKind, record: CaseRecord, ctx: CaseContext, mailbox: string, letter?: SentLetter): MailMessage {
  const d = record.details;
  const officer = findPerson(ctx.directory, record.responsibleOfficerId);
  // The review of the resident's adjustments is left out: the mailbox is not only for those who act on the case.
  const running = record.deadlines.filter((x) => x.metOn === null && isComplaintDeadline(x));
  const lines = [
    `${SUBJECT[kind]}: ${record.reference}`,
    '',
    `Complainant: ${d.complainant.complainantName}, ${d.complainant.estate}`,
    `Category: ${d.complaint.category}; service area: ${d.complaint.serviceArea}`,
    `Stage ${record.stage}, ${STATE_LABELS[record.state]}; handler: ${officer ? `${officer.name} (${officer.email})` : 'not assigned'}`,
    `Received: ${record.receivedOn ? formatDate(record.receivedOn) : '-'}`,
    '',
    `Complaint definition: ${d.complaint.complaintDefinition}`,
    `Outcome sought: ${d.complaint.outcomeSought}`,
    '',
    running.length ? 'Deadlines:' : 'No deadline is running.',
    ...running.map((x) => `  ${deadlineLabel(x)}: ${formatDate(x.due)}`),
  ];
  if (kind === 'response') {
    const response = [...record.events].reverse().find((e) => e.type === 'responded');
    if (response?.type === 'responded') {
      lines.push('', `Decision: ${response.outcome.replace('-', ' ')} (${formatDate(response.on)})`);
      for (const [item, text] of Object.entries(response.content ?? {})) lines.push(`  ${item}: ${text}`);
    }
  }
  if (letter) lines.push('', `Letter: ${letter.words}, sent ${formatDate(letter.sentOn)}; the PDF is attached.`);
  return {
    to: mailbox, subject: `[Complaints] ${SUBJECT[kind]} ${record.reference} (stage ${record.stage})`, text: lines.join('\n'),
    ...(letter ? { attachments: [letter.attachment] } : {}),
  };
}
