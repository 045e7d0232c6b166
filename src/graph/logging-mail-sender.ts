import type { Logger } from 'pino';
import { recipientsOf, type MailMessage, type MailSender } from './mail-sender.port';

/**
 * Used when MAIL_SENDER or COMPLAINTS_MAILBOX is not set (local runs, tests): that a message
 * would have gone, to whom and about what, is written to the log instead. Never its body, at
 * any level: it names residents, and logs are kept and read more widely than the case.
 */
export class LoggingMailSender implements MailSender {
  readonly delivers = false;

  constructor(private readonly logger: Logger) {}

  async send(message: MailMessage): Promise<void> {
    this.logger.info({ to: recipientsOf(message), subject: message.subject, attachments: (message.attachments ?? []).map((a) => ({ name: a.name, bytes: a.bytes.byteLength })) }, 'mail not configured (MAIL_SENDER / COMPLAINTS_MAILBOX): logged, not sent');
  }
}
