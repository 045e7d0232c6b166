/**
 * Mail, as the app sends it: reminders that cannot reach someone in Teams, the daily digest
 * to the complaints mailbox, and copies of complaints and responses. Implemented through
 * Microsoft Graph (graph-mail-sender.ts), or by logging when mail is not configured
 * (logging-mail-sender.ts). Kept small so any part of the app can depend on it.
 */
export interface MailMessage {
  /** One or more addresses. */
  to: string | string[];
  subject: string;
  /** Plain-text body; used when `html` is not given, and as the fallback otherwise. */
  text: string;
  /** Optional HTML body. */
  html?: string;
  /** Files sent with it (a letter as sent); their total size is limited (MAX_ATTACHMENT_BYTES). */
  attachments?: MailAttachment[];
}

export interface MailAttachment { name: string; contentType: string; bytes: Uint8Array }

/**
 * Graph's sendMail takes attachments inline up to about 3 MB in all (larger ones need an
 * upload session on a draft). Letters are tens of kilobytes; a bigger file is refused plainly.
 */
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;

export interface MailSender {
  /**
   * False for the logging sender: nothing reaches a person, so a caller must not count a
   * "sent" message as delivered (the reminders do not, and keep trying Teams instead).
   */
  readonly delivers: boolean;
  /** Sends, or throws (a MailError) when the message was not accepted. */
  send(message: MailMessage): Promise<void>;
}

/** A message that was not accepted; `status` is the HTTP status when there was one. */
export class MailError extends Error {
  constructor(message: string, readonly status: number | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailError';
  }
}

export function recipientsOf(message: MailMessage): string[] {
  return Array.isArray(message.to) ? message.to : [message.to];
}
