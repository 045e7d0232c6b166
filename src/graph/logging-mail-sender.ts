import type { Logger } from 'pino';
import { recipientsOf, type MailMessage, type MailSender } from './mail-sender.port';

/**
 * Used when MAIL_SENDER or COMPLAINTS_MAILBOX is not set (local runs, tests): the message is
 * written to the log instead of being sent. The body goes to the debug level only, since it
 * can name residents.
 */
export class LoggingMailSender implements MailSender {
  readonly delivers = false;

  constructor(private readonly logger: Logger) {}

  async send(message: MailMessage): Promise<void> {
    this.logger.info({ to: recipientsOf(message), subject: message.subject, attachments: (message.attachments ?? []).map((a) => ({ name: a.name, bytes: a.bytes.byteLength })) }, 'mail not configured (MAIL_SENDER / COMPLAINTS_MAILBOX): logged, not sent');
    this.logger.debug({ text: message.text }, 'mail body');
  }
}
