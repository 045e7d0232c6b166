import { reportStoreRange } from '../reports/report';
import { createHash, randomBytes } from 'node:crypto';
import type { Activity, Attachment, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CaseContext } from '../cases/case-context';
import { reportFileCard } from '../cards/report-cards';
import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import { findPerson, type DirectoryPerson } from '../domain/directory';
import { REPORT_FILE_TITLES, REPORT_FILE_WORDS, renderReportFile, type ReportFile, type ReportFileKind } from '../reports/report-files';
import type { Stores } from '../store/stores';
import { canSeeReports } from './handlers/report-handler';

/**
 * The report's files (the HTML report and the complaints log CSV) for the Teams `report`
 * command, two ways:
 *
 * - **File consent** (Teams, personal chat): the bot sends a file consent card per file; when
 *   the person chooses Allow, Teams sends a `fileConsent/invoke` with an upload URL in their
 *   OneDrive; the bot uploads the file there and sends a file info card.
 * - **Link**: a button opening `GET /api/reports/files/<token>` on the bot's own HTTP server,
 *   for 15 minutes.
 *
 * Either way the bot issues a grant first: a random 256-bit token, for one purpose (a link
 * or a consent card), one person, one file and one period, with an expiry. The store keeps
 * it under the token's SHA-256, never the token, so a read of the store gives no working
 * link. The file is made when it is fetched, from the store as it is then. Before anything
 * is given out, the person must still be in the directory and allowed to see reports.
 */
export type FileDelivery = 'file-consent' | 'link';
export type FileDeliveryMode = 'auto' | FileDelivery;

export const LINK_MINUTES = 15;
/** A consent card stays usable for a day: accepting it is checked against the person Teams says is acting. */
export const CONSENT_HOURS = 24;
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
/** OneDrive upload sessions take at most 60 MiB a request, in multiples of 320 KiB: 10 MiB is 32 of them. */
export const UPLOAD_CHUNK_BYTES = 32 * 320 * 1024;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface ReportPeriod { from: CalendarDate; to: CalendarDate; label: string }

interface Grant {
  purpose: FileDelivery;
  personId: string;
  kind: ReportFileKind;
  period: ReportPeriod;
  issuedAt: string;
  expiresAt: string;
  usedAt?: string;
}

const grantSchema = z.object({
  purpose: z.enum(['file-consent', 'link']),
  personId: z.string(),
  kind: z.enum(['report-html', 'log-csv']),
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  issuedAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
});

/** The `value` of a `fileConsent/invoke`, as Teams sends it; everything in it is untrusted. */
const consentValue = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ token: z.string().regex(TOKEN) }).loose(),
  uploadInfo: z.object({
    uploadUrl: z.string().max(8000).optional(),
    contentUrl: z.string().max(8000).optional(),
    name: z.string().max(400).optional(),
    uniqueId: z.string().max(400).optional(),
    fileType: z.string().max(20).optional(),
  }).loose().optional(),
}).loose();

export interface ReportFilesDeps {
  stores: Stores;
  ctx: CaseContext;
  logger: Logger;
  /** Where people reach this server, e.g. https://<app>.azurewebsites.net; read when a link is made. */
  baseUrl: () => string;
  /** `auto` (the default) chooses per conversation; tests force one. */
  delivery?: FileDeliveryMode;
  /** Accept http upload URLs (local runs and tests, where there is no real OneDrive); https only otherwise. */
  allowHttpUpload: boolean;
}

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
const keyOf = (token: string): string => `report-file/${hashOf(token)}`;

export class ReportFiles {
  constructor(private readonly deps: ReportFilesDeps) {}

  /**
   * File consent needs Teams itself: a personal chat (the Teams bot file APIs work nowhere
   * else) reached through the Bot Connector, which is always https. The Microsoft 365 Agents
   * Playground (serviceUrl http://localhost:…) shows a file consent card as "not supported",
   * and other channels have no such card, so everything else gets links.
   */
  deliveryFor(activity: Partial<Activity>): FileDelivery {
    const mode = this.deps.delivery ?? 'auto';
    if (mode !== 'auto') return mode;
    const teamsPersonal = activity.channelId === 'msteams' && activity.conversation?.conversationType === 'personal';
    return teamsPersonal && /^https:\/\//i.test(activity.serviceUrl ?? '') ? 'file-consent' : 'link';
  }

  private now(): Date {
    return this.deps.ctx.now();
  }

  private async issue(purpose: FileDelivery, person: DirectoryPerson, kind: ReportFileKind, period: ReportPeriod): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const issued = this.now();
    const ttl = purpose === 'link' ? LINK_MINUTES * 60_000 : CONSENT_HOURS * 3_600_000;
    const expiresAt = new Date(issued.getTime() + ttl).toISOString();
    const grant: Grant = { purpose, personId: person.id, kind, period, issuedAt: issued.toISOString(), expiresAt };
    const put = await this.deps.stores.keyValue.put(keyOf(token), grant, { ifAbsent: true });
    if (!put.ok) throw new Error('a report file token collided with another; not issued');
    return { token, expiresAt };
  }

  linkUrl(token: string): string {
    return `${this.deps.baseUrl().replace(/\/+$/, '')}/api/reports/files/${token}`;
  }

  /** Two links (report, log) for this person and period, each good for LINK_MINUTES. */
  async offerLinks(person: DirectoryPerson, period: ReportPeriod): Promise<{ links: Array<{ title: string; url: string }>; expiresAt: string; minutes: number }> {
    const html = await this.issue('link', person, 'report-html', period);
    const csv = await this.issue('link', person, 'log-csv', period);
    return {
      links: [{ title: REPORT_FILE_TITLES['report-html'], url: this.linkUrl(html.token) }, { title: REPORT_FILE_TITLES['log-csv'], url: this.linkUrl(csv.token) }],
      expiresAt: html.expiresAt,
      minutes: LINK_MINUTES,
    };
  }

  /** A file consent card for each file, with its real size; the token in the card's context names the grant. */
  async consentCards(person: DirectoryPerson, period: ReportPeriod, files: readonly ReportFile[]): Promise<Attachment[]> {
    const cards: Attachment[] = [];
    for (const file of files) {
      const { token } = await this.issue('file-consent', person, file.kind, period);
      const description = file.kind === 'report-html'
        ? `Complaints report, ${period.label}: figures, charts, breakdowns and learning. Opens in a web browser.`
        : `Complaints log, ${period.label}: one row per case received, for a spreadsheet.`;
      cards.push({
        contentType: FILE_CONSENT_CARD,
        name: file.name,
        content: { description, sizeInBytes: file.body.length, acceptContext: { token }, declineContext: { token } },
      });
    }
    return cards;
  }

  /** The file for the period, from the store as it is now. */
  async render(kind: ReportFileKind, period: ReportPeriod): Promise<ReportFile> {
    const range = reportStoreRange(period); // earlier complaints' remedies and orders count in this period too
    const records = await this.deps.stores.cases.casesReceivedBetween(range.from, range.to);
    const { policy, calendar } = this.deps.ctx;
    return renderReportFile(kind, records, { policy, calendar, today: londonDateOf(this.now()) }, period);
  }

  /** The grant behind a token, if it exists, is for `purpose` and has not expired (an expired one is removed). */
  private async grantOf(token: string, purpose: FileDelivery): Promise<{ grant: Grant; etag: string } | { refused: 'unknown' | 'expired' }> {
    if (!TOKEN.test(token)) return { refused: 'unknown' };
    const entry = await this.deps.stores.keyValue.get(keyOf(token));
    const parsed = grantSchema.safeParse(entry?.value);
    if (!entry || !parsed.success || parsed.data.purpose !== purpose) return { refused: 'unknown' };
    if (Date.parse(parsed.data.expiresAt) <= this.now().getTime()) {
      await this.deps.stores.keyValue.delete(keyOf(token));
      return { refused: 'expired' };
    }
    return { grant: parsed.data, etag: entry.etag };
  }

  /**
   * `GET /api/reports/files/<token>`: the file, or null (the route answers 404) for an
   * unknown, expired or consent token, or when the person it was issued to is no longer in
   * the directory or allowed to see reports. A link works any number of times until it expires.
   */
  async serveLink(token: string): Promise<ReportFile | null> {
    const found = await this.grantOf(token, 'link');
    if ('refused' in found) return null;
    const { grant } = found;
    const person = findPerson(this.deps.ctx.directory, grant.personId);
    if (!person || !canSeeReports(person)) {
      this.deps.logger.warn({ personId: grant.personId, kind: grant.kind }, 'report file link refused: the person may no longer see reports');
      return null;
    }
    const file = await this.render(grant.kind, grant.period);
    this.deps.logger.info({ personId: grant.personId, kind: grant.kind, from: grant.period.from, to: grant.period.to, bytes: file.body.length }, 'report file fetched by link');
    return file;
  }

  /**
   * A `fileConsent/invoke`: the person chose Allow or Decline on a consent card. The token
   * must name a consent grant issued to this person, unexpired and unused; it is used once.
   * On Allow the file is uploaded to the URL Teams gave, then shown with a file info card;
   * if the upload fails, a link is offered instead.
   */
  async onFileConsent(context: TurnContext, person: DirectoryPerson | undefined): Promise<InvokeResponse> {
    const parsed = consentValue.safeParse(context.activity.value);
    if (!parsed.success) return { status: 400 };
    const value = parsed.data;
    if (!person) {
      await this.say(context, reportFileCard({ title: 'You are not in the complaints directory', text: 'Nothing was sent. Ask your administrator to add you.', tone: 'error' }));
      return { status: 200 };
    }
    const found = await this.grantOf(value.context.token, 'file-consent');
    if ('refused' in found) {
      await this.say(context, reportFileCard({
        title: found.refused === 'expired' ? 'This file offer has expired' : 'This file offer is no longer open',
        text: `Nothing was sent. Type "report" and the period again for the files. Offers last ${CONSENT_HOURS} hours and are used once.`,
        tone: 'warning',
      }));
      return { status: 200 };
    }
    const { grant, etag } = found;
    const key = keyOf(value.context.token);
    if (grant.personId !== person.id) {
      this.deps.logger.warn({ personId: person.id, issuedTo: grant.personId }, 'file consent refused: the offer was made to someone else');
      await this.say(context, reportFileCard({ title: 'This file was offered to someone else', text: 'Nothing was sent. Type "report" and a period for your own copy.', tone: 'error' }));
      return { status: 200 };
    }
    if (grant.usedAt) return { status: 200 }; // a second click while the first is uploading: that one answers
    if (!canSeeReports(person)) {
      await this.deps.stores.keyValue.delete(key);
      await this.say(context, reportFileCard({ title: 'The complaints report is for the complaints managers', text: 'Nothing was sent.', tone: 'info' }));
      return { status: 200 };
    }
    const claimed = await this.deps.stores.keyValue.put(key, { ...grant, usedAt: this.now().toISOString() }, { ifMatch: etag });
    if (!claimed.ok) return { status: 200 };
    try {
      if (value.action === 'decline') {
        await this.say(context, reportFileCard({ title: `Not sent: ${REPORT_FILE_WORDS[grant.kind]}`, text: `You declined ${REPORT_FILE_WORDS[grant.kind]} for ${grant.period.label}. Type "report" and the period again if you want it after all.`, tone: 'info' }));
      } else {
        await this.accept(context, person, grant, value.uploadInfo);
      }
    } finally {
      await this.deps.stores.keyValue.delete(key);
    }
    await this.removeConsentCard(context);
    return { status: 200 };
  }

  private async accept(context: TurnContext, person: DirectoryPerson, grant: Grant, info: z.infer<typeof consentValue>['uploadInfo']): Promise<void> {
    const uploadUrl = this.checkedUploadUrl(info?.uploadUrl);
    if (!info || !uploadUrl) {
      this.deps.logger.warn({ personId: person.id, kind: grant.kind }, 'file consent accepted without a usable upload URL');
      await this.offerLinkInstead(context, person, grant, 'Teams did not give a place in your OneDrive to save it.');
      return;
    }
    const file = await this.render(grant.kind, grant.period);
    try {
      await uploadToUploadUrl(uploadUrl, file.body);
    } catch (err) {
      // The upload URL is a pre-authorised address in the person's OneDrive: never logged.
      this.deps.logger.warn({ personId: person.id, kind: grant.kind, err: err instanceof Error ? err.message : String(err) }, 'upload of a report file to OneDrive failed');
      await this.offerLinkInstead(context, person, grant, 'It could not be saved to your OneDrive just now.');
      return;
    }
    this.deps.logger.info({ personId: person.id, kind: grant.kind, from: grant.period.from, to: grant.period.to, bytes: file.body.length }, 'report file uploaded to OneDrive');
    await context.sendActivity({
      text: `Saved to your OneDrive: ${REPORT_FILE_WORDS[grant.kind]} for ${grant.period.label}.`,
      attachments: [{
        contentType: FILE_INFO_CARD,
        name: info.name ?? file.name,
        contentUrl: info.contentUrl,
        content: { uniqueId: info.uniqueId, fileType: info.fileType ?? file.fileType },
      }],
    });
  }

  private checkedUploadUrl(raw: string | undefined): URL | null {
    if (!raw) return null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' || (url.protocol === 'http:' && this.deps.allowHttpUpload)) return url;
    } catch {
      // not a URL
    }
    return null;
  }

  private async offerLinkInstead(context: TurnContext, person: DirectoryPerson, grant: Grant, why: string): Promise<void> {
    const { token } = await this.issue('link', person, grant.kind, grant.period);
    await this.say(context, reportFileCard({
      title: `Not saved: ${REPORT_FILE_WORDS[grant.kind]}`,
      text: `${why} Download it with the button instead.`,
      note: `The link is yours and works for ${LINK_MINUTES} minutes; do not forward it.`,
      tone: 'warning',
      links: [{ title: `Download ${REPORT_FILE_TITLES[grant.kind]}`, url: this.linkUrl(token) }],
    }));
  }

  /** The consent card has done its job; take it away so nobody presses it again (best effort). */
  private async removeConsentCard(context: TurnContext): Promise<void> {
    const id = context.activity.replyToId;
    if (!id) return;
    try {
      await context.deleteActivity(id);
    } catch (err) {
      this.deps.logger.debug({ err: err instanceof Error ? err.message : String(err) }, 'could not remove a file consent card');
    }
  }

  private async say(context: TurnContext, card: object): Promise<void> {
    await context.sendActivity({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
  }
}

/**
 * Puts `body` into a OneDrive upload session URL, as Teams' file consent gives it: PUT with
 * Content-Range, in chunks of `chunkBytes` (a multiple of 320 KiB, at most 60 MiB). No
 * Authorization header: the URL itself is the permission.
 */
export async function uploadToUploadUrl(url: URL, body: Buffer, options: { chunkBytes?: number; timeoutMs?: number } = {}): Promise<void> {
  const chunk = options.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const total = body.length;
  if (total === 0) throw new Error('nothing to upload');
  for (let start = 0; start < total; start += chunk) {
    const end = Math.min(start + chunk, total) - 1;
    const res = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes ${start}-${end}/${total}` },
      body: body.subarray(start, end + 1),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    const last = end === total - 1;
    if (!(last ? res.status === 200 || res.status === 201 : res.status === 202)) {
      throw new Error(`upload ${last ? 'finish' : 'chunk'} answered ${res.status} for bytes ${start}-${end}/${total}`);
    }
  }
}
