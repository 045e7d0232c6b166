import { mailboxCopy, type CopyKind, type SentLetter } from '../../cases/mailbox-copies';
import type { CaseRecord } from '../../domain/case-record';
import type { BotDependencies } from '../bot-dependencies';

/**
 * Copies a complaint, a response or a stage change to the complaints mailbox, so the PIM can
 * keep the Complaints Log. The action is already saved: a failed copy is logged, not undone.
 */
export async function copyToMailbox(kind: CopyKind, record: CaseRecord, deps: BotDependencies, letter?: SentLetter): Promise<void> {
  const address = deps.mailbox.address;
  if (!address) return;
  try {
    await deps.mailbox.mail.send(mailboxCopy(kind, record, deps.ctx, address, letter));
  } catch (err) {
    deps.logger.error({ err, reference: record.reference, kind }, 'could not copy to the complaints mailbox');
  }
}
