import type { Client } from '@microsoft/microsoft-graph-client';
import { graphStatusOf } from './graph-status';
import { MAX_ATTACHMENT_BYTES, MailError, recipientsOf, type MailMessage, type MailSender } from './mail-sender.port';

/**
 * Sends mail as MAIL_SENDER (a user or shared mailbox) through Graph:
 * POST /users/{sender}/sendMail. Needs the Mail.Send application permission, best scoped to
 * that one mailbox with an Exchange application access policy.
 */
export class GraphMailSender implements MailSender {
  readonly delivers = true;

  constructor(private readonly client: Client, private readonly sender: string) {}

  async send(message: MailMessage): Promise<void> {
    const to = recipientsOf(message);
    if (to.length === 0) throw new MailError('A message needs at least one recipient', undefined);
    const attachments = message.attachments ?? [];
    const total = attachments.reduce((sum, a) => sum + a.bytes.byteLength, 0);
    if (total > MAX_ATTACHMENT_BYTES) throw new MailError(`"${message.subject}" has ${total} bytes of attachments; sendMail takes at most ${MAX_ATTACHMENT_BYTES}`, undefined);
    try {
      await this.client.api(`/users/${encodeURIComponent(this.sender)}/sendMail`).post({
        message: {
          subject: message.subject,
          body: message.html ? { contentType: 'HTML', content: message.html } : { contentType: 'Text', content: message.text },
          toRecipients: to.map((address) => ({ emailAddress: { address } })),
          ...(attachments.length ? {
            attachments: attachments.map((a) => ({
              '@odata.type': '#microsoft.graph.fileAttachment', name: a.name, contentType: a.contentType, contentBytes: Buffer.from(a.bytes).toString('base64'),
            })),
          } : {}),
        },
        saveToSentItems: true,
      });
    } catch (err) {
      const status = graphStatusOf(err);
      const hint = status === 403 ? ' (grant Mail.Send and allow this mailbox in the application access policy)'
        : status === 404 ? ` (no mailbox ${this.sender}: check MAIL_SENDER)` : '';
      throw new MailError(`Graph did not send "${message.subject}" as ${this.sender}: ${status ?? 'no answer'}${hint}`, status, { cause: err });
    }
  }
}
