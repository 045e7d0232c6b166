import { findPerson } from '../domain/directory';
import { deadlineLabel, formatDate, STATE_LABELS } from '../cards/card-text';
import type { MailMessage } from '../graph/mail-sender.port';
import type { CaseRecord } from '../domain/case-record';
import type { CaseContext } from './case-context';

/**
 * Copies for the complaints mailbox, so the PIM can keep the Complaints Log (seed 000: a copy
 * of each complaint with its response deadlines, each response, and each stage change).
 */
export type CopyKind = 'new-complaint' | 'response' | 'stage-change';

const SUBJECT: Record<CopyKind, string> = {
  'new-complaint': 'New complaint', response: 'Response sent', 'stage-change': 'Escalated',
};

export function mailboxCopy(kind: CopyKind, record: CaseRecord, ctx: CaseContext, mailbox: string): MailMessage {
  const d = record.details;
  const officer = findPerson(ctx.directory, record.responsibleOfficerId);
  const running = record.deadlines.filter((x) => x.metOn === null);
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
  return { to: mailbox, subject: `[Complaints] ${SUBJECT[kind]} ${record.reference} (stage ${record.stage})`, text: lines.join('\n') };
}
