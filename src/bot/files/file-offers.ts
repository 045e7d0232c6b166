import type { Activity, Attachment, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CaseContext } from '../../cases/case-context';
import { reportFileCard } from '../../cards/report-cards';
import { findPerson, type DirectoryPerson } from '../../domain/directory';
import type { CaseAccessKind, CaseAccessLog } from '../../store/case-access-log.port';
import type { KeyValueStore } from '../../store/key-value-store.port';
import { Grants, isToken } from './grants';
import { offerSubject, type FileSource, type FileSources, type OfferedFile, type OfferSource, type OfferSubject } from './offered-file';
import { uploadToUploadUrl } from './onedrive-upload';

/**
 * Files for a person in Teams (the report's files, a drafted letter, a file attached to a
 * case), two ways:
 *
 * - **File consent** (Teams, personal chat): the bot sends a file consent card; when the
 *   person chooses Allow, Teams sends a `fileConsent/invoke` with an upload URL in their
 *   OneDrive; the bot uploads the file there and sends a file info card.
 * - **Link**: a button opening `GET /api/files/<token>` on the bot's own HTTP server, for
 *   15 minutes.
 *
 * Either way the bot issues a grant first (grants.ts): for one purpose, one person and one
 * file. The file is made when it is fetched, from the store as it is then, and before
 * anything is given out the person must still be allowed to have it (its source says who).
 */
export type FileDelivery = 'file-consent' | 'link';
export type FileDeliveryMode = 'auto' | FileDelivery;

export const LINK_MINUTES = 15;
/** A consent card stays usable for a day: accepting it is checked against the person Teams says is acting. */
export const CONSENT_HOURS = 24;
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

const grantSchema = z.object({
  purpose: z.enum(['file-consent', 'link']),
  personId: z.string(),
  subject: offerSubject,
  issuedAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
});
type Grant = z.infer<typeof grantSchema>;

/** The `value` of a `fileConsent/invoke`, as Teams sends it; everything in it is untrusted. */
const consentValue = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ token: z.string().refine(isToken) }).loose(),
  uploadInfo: z.object({
    uploadUrl: z.string().max(8000).optional(),
    contentUrl: z.string().max(8000).optional(),
    name: z.string().max(400).optional(),
    uniqueId: z.string().max(400).optional(),
    fileType: z.string().max(20).optional(),
  }).loose().optional(),
}).loose();

export interface FileOffersDeps {
  keyValue: KeyValueStore;
  ctx: CaseContext;
  logger: Logger;
  sources: FileSources;
  /** Where people reach this server, e.g. https://<app>.azurewebsites.net; read when a link is made. */
  baseUrl: () => string;
  /** `auto` (the default) chooses per conversation; tests force one. */
  delivery?: FileDeliveryMode;
  /** Accept http upload URLs (local runs and tests, where there is no real OneDrive); https only otherwise. */
  allowHttpUpload: boolean;
  /** Where a case's letter, file or evidence pack reaching someone is noted (who has seen the file). */
  accessLog?: CaseAccessLog;
}

const ACCESS_KIND: Partial<Record<OfferSource, CaseAccessKind>> = { letter: 'letter', 'case-file': 'file', 'evidence-pack': 'evidence-pack' };

export interface FileLink { title: string; url: string; expiresAt: string; minutes: number }

export class FileOffers {
  private readonly grants: Grants<Grant>;

  constructor(private readonly deps: FileOffersDeps) {
    this.grants = new Grants(deps.keyValue, 'file-offer', grantSchema, () => deps.ctx.now());
  }

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

  private source<S extends OfferSource>(subject: Extract<OfferSubject, { source: S }>): FileSource<S> {
    return this.deps.sources[subject.source];
  }

  linkUrl(token: string): string {
    return `${this.deps.baseUrl().replace(/\/+$/, '')}/api/files/${token}`;
  }

  /** A link to the file for this person, good for LINK_MINUTES. */
  async offerLink(person: DirectoryPerson, subject: OfferSubject): Promise<FileLink> {
    const { token, expiresAt } = await this.grants.issue({ purpose: 'link', personId: person.id, subject }, LINK_MINUTES * 60_000);
    return { title: this.source(subject).title(subject), url: this.linkUrl(token), expiresAt, minutes: LINK_MINUTES };
  }

  /** A file consent card for the file, with its real size; the token in the card's context names the grant. */
  async consentCard(person: DirectoryPerson, subject: OfferSubject, file: OfferedFile): Promise<Attachment> {
    const { token } = await this.grants.issue({ purpose: 'file-consent', personId: person.id, subject }, CONSENT_HOURS * 3_600_000);
    return {
      contentType: FILE_CONSENT_CARD,
      name: file.name,
      content: { description: this.source(subject).description(subject), sizeInBytes: file.body.length, acceptContext: { token }, declineContext: { token } },
    };
  }

  /** The file as it is now, for a consent card's size (the bot makes it again when accepted). */
  render(subject: OfferSubject): Promise<OfferedFile | null> {
    return this.source(subject).render(subject);
  }

  /** Whether the person behind a grant may still have the file: in the directory, and allowed by its source. */
  private async stillAllowed(personId: string, subject: OfferSubject): Promise<DirectoryPerson | null> {
    const person = findPerson(this.deps.ctx.directory, personId);
    return person && (await this.source(subject).mayHave(person, subject)) ? person : null;
  }

  /**
   * `GET /api/files/<token>`: the file, or null (the route answers 404) for an unknown,
   * expired or consent token, when the person it was issued to may no longer have it, or
   * when it can no longer be made. A link works any number of times until it expires.
   */
  async serveLink(token: string): Promise<OfferedFile | null> {
    const found = await this.grants.read(token);
    if ('refused' in found || found.grant.purpose !== 'link') return null;
    const { grant } = found;
    if (!(await this.stillAllowed(grant.personId, grant.subject))) {
      this.deps.logger.warn({ personId: grant.personId, source: grant.subject.source }, 'file link refused: the person may no longer have it');
      return null;
    }
    const file = await this.render(grant.subject);
    if (file) {
      this.deps.logger.info({ personId: grant.personId, source: grant.subject.source, bytes: file.body.length }, 'file fetched by link');
      await this.noteAccess(grant.personId, grant.subject);
    }
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
    const token = value.context.token;
    const found = await this.grants.read(token);
    if ('refused' in found || found.grant.purpose !== 'file-consent') {
      const expired = 'refused' in found && found.refused === 'expired';
      await this.say(context, reportFileCard({
        title: expired ? 'This file offer has expired' : 'This file offer is no longer open',
        text: `Nothing was sent. Ask for the file again. Offers last ${CONSENT_HOURS} hours and are used once.`,
        tone: 'warning',
      }));
      return { status: 200 };
    }
    const { grant, etag } = found;
    const source = this.source(grant.subject);
    if (grant.personId !== person.id) {
      this.deps.logger.warn({ personId: person.id, issuedTo: grant.personId }, 'file consent refused: the offer was made to someone else');
      await this.say(context, reportFileCard({ title: 'This file was offered to someone else', text: `Nothing was sent. ${source.again}`, tone: 'error' }));
      return { status: 200 };
    }
    if (grant.usedAt) return { status: 200 }; // a second click while the first is uploading: that one answers
    if (!(await source.mayHave(person, grant.subject))) {
      await this.grants.remove(token);
      await this.say(context, reportFileCard({ title: 'This file is not yours to have now', text: 'Nothing was sent.', tone: 'info' }));
      return { status: 200 };
    }
    if (!(await this.grants.claim(token, grant, etag))) return { status: 200 };
    try {
      if (value.action === 'decline') {
        await this.say(context, reportFileCard({ title: `Not sent: ${source.title(grant.subject)}`, text: `You declined ${source.words(grant.subject)}. ${source.again}`, tone: 'info' }));
      } else {
        await this.accept(context, person, grant, value.uploadInfo);
      }
    } finally {
      await this.grants.remove(token);
    }
    await this.removeConsentCard(context);
    return { status: 200 };
  }

  private async accept(context: TurnContext, person: DirectoryPerson, grant: Grant, info: z.infer<typeof consentValue>['uploadInfo']): Promise<void> {
    const source = this.source(grant.subject);
    const uploadUrl = this.checkedUploadUrl(info?.uploadUrl);
    if (!info || !uploadUrl) {
      this.deps.logger.warn({ personId: person.id, source: grant.subject.source }, 'file consent accepted without a usable upload URL');
      await this.offerLinkInstead(context, person, grant, 'Teams did not give a place in your OneDrive to save it.');
      return;
    }
    const file = await this.render(grant.subject);
    if (!file) {
      await this.say(context, reportFileCard({ title: `Not sent: ${source.title(grant.subject)}`, text: `It can no longer be made from the case as it is now. ${source.again}`, tone: 'warning' }));
      return;
    }
    try {
      await uploadToUploadUrl(uploadUrl, file.body);
    } catch (err) {
      // The upload URL is a pre-authorised address in the person's OneDrive: never logged.
      this.deps.logger.warn({ personId: person.id, source: grant.subject.source, err: err instanceof Error ? err.message : String(err) }, 'upload of a file to OneDrive failed');
      await this.offerLinkInstead(context, person, grant, 'It could not be saved to your OneDrive just now.');
      return;
    }
    this.deps.logger.info({ personId: person.id, source: grant.subject.source, bytes: file.body.length }, 'file uploaded to OneDrive');
    await this.noteAccess(person.id, grant.subject);
    await context.sendActivity({
      text: `Saved to your OneDrive: ${source.words(grant.subject)}.`,
      attachments: [{
        contentType: FILE_INFO_CARD,
        name: info.name ?? file.name,
        contentUrl: info.contentUrl,
        content: { uniqueId: info.uniqueId, fileType: info.fileType ?? file.fileType },
      }],
    });
  }

  /** A case's letter, file or pack reached this person: noted in its access log (a failure is logged, not fatal). */
  private async noteAccess(personId: string, subject: OfferSubject): Promise<void> {
    const what = ACCESS_KIND[subject.source];
    if (!what || !('caseId' in subject) || !this.deps.accessLog) return;
    try {
      await this.deps.accessLog.record({ caseId: subject.caseId, at: this.deps.ctx.now().toISOString(), by: personId, what });
    } catch (err) {
      this.deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'could not note who saw a case\'s file');
    }
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
    const link = await this.offerLink(person, grant.subject);
    await this.say(context, reportFileCard({
      title: `Not saved: ${link.title}`,
      text: `${why} Download it with the button instead.`,
      note: `The link is yours and works for ${LINK_MINUTES} minutes; do not forward it.`,
      tone: 'warning',
      links: [{ title: `Download ${link.title}`, url: link.url }],
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
