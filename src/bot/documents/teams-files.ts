import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { fileArrivedCard } from '../../cards/document-cards';
import { noticeCard } from '../../cards/general-cards';
import type { CaseContext } from '../../cases/case-context';
import { londonDateOf } from '../../domain/calendar-date';
import { actsOnCase } from '../../domain/case-access';
import { viewOf } from '../../domain/case-view';
import type { DirectoryPerson } from '../../domain/directory';
import { ALLOWED_TYPE_WORDS, contentTypeForFileName } from '../../files/file-checks';
import { MAX_FILE_BYTES, type FileStore } from '../../files/file-store.port';
import { parseStep } from '../../intake/intake-fields';
import type { CaseStore } from '../../store/case-store.port';
import type { KeyValueStore } from '../../store/key-value-store.port';
import { valuesOf } from '../actions/form-fields';
import { Grants } from '../files/grants';
import { attachFile, type AttachResult } from './attach-file';
import { correspondenceFacts, DIRECTION_CHOICES } from './correspondence-facts';

/**
 * A file dropped into the bot's personal chat in Teams (the manifest's `supportsFiles`): it
 * arrives as a `file.download.info` attachment with a short-lived, pre-authorised download
 * URL. The bot checks its type by name at once (a refused type is told so, nothing kept),
 * keeps the URL in a grant for the person who sent it, and asks which case it belongs to and
 * what it is. The file is fetched (up to the size cap) and attached when they answer.
 */
export const TEAMS_FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';
/** Teams' download URLs are short-lived; the question is answered well within an hour or asked again. */
export const TEAMS_FILE_MINUTES = 60;

/** The form's choices of which way a file went, as a choice set takes them. */
const DIRECTIONS = Object.entries(DIRECTION_CHOICES).map(([value, title]) => ({ title, value }));

const arrived = z.object({
  contentType: z.literal(TEAMS_FILE_DOWNLOAD),
  name: z.string().min(1).max(400),
  content: z.object({ downloadUrl: z.string().max(8000), fileType: z.string().max(20).optional() }).loose(),
}).loose();

const grantSchema = z.object({
  personId: z.string(), fileName: z.string(), contentType: z.string(), downloadUrl: z.string(),
  issuedAt: z.string(), expiresAt: z.string(), usedAt: z.string().optional(),
});
type FileGrant = z.infer<typeof grantSchema>;

export interface TeamsFilesDeps {
  keyValue: KeyValueStore;
  cases: CaseStore;
  files: FileStore;
  ctx: CaseContext;
  logger: Logger;
  /** Accept http download URLs (local runs and tests); https only otherwise. */
  allowHttpDownload: boolean;
}

export class TeamsFiles {
  private readonly grants: Grants<FileGrant>;

  constructor(private readonly deps: TeamsFilesDeps) {
    this.grants = new Grants(deps.keyValue, 'teams-file', grantSchema, () => deps.ctx.now());
  }

  /** The files in a message, as Teams describes them; anything else attached is ignored. */
  filesIn(activity: Partial<Activity>): Array<z.infer<typeof arrived>> {
    return (activity.attachments ?? []).flatMap((a) => {
      const parsed = arrived.safeParse(a);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** The question for one file: which case, and what it is; or why the file cannot be attached at all. */
  async ask(person: DirectoryPerson, file: z.infer<typeof arrived>, typed: string): Promise<AdaptiveCardJson> {
    const contentType = contentTypeForFileName(file.name);
    if (!contentType) {
      return noticeCard({ title: `${file.name} cannot be attached`, text: `Files may be ${ALLOWED_TYPE_WORDS}. Nothing was kept.`, tone: 'warning' });
    }
    if (!this.usableUrl(file.content.downloadUrl)) {
      this.deps.logger.warn({ personId: person.id }, 'a Teams file came without a usable download URL');
      return noticeCard({ title: `${file.name} could not be read`, text: 'Teams did not say where to fetch it from. Send it again. Nothing was kept.', tone: 'error' });
    }
    const { token } = await this.grants.issue({ personId: person.id, fileName: file.name, contentType, downloadUrl: file.content.downloadUrl }, TEAMS_FILE_MINUTES * 60_000);
    const reference = /\b[A-Z]{2,4}-\d{4}-\d{3,6}\b/i.exec(typed)?.[0]?.toUpperCase() ?? '';
    return this.card(person, file.name, token, { reference }, {});
  }

  private async card(person: DirectoryPerson, fileName: string, token: string, values: Record<string, string>, errors: Record<string, string>, banner = ''): Promise<AdaptiveCardJson> {
    const open = await this.deps.cases.openCasesByOfficer(person.id);
    return fileArrivedCard({
      fileName, fileToken: token, values, errors, banner, today: londonDateOf(this.deps.ctx.now()), directions: DIRECTIONS,
      caseChoices: open.slice(0, 30).map((r) => ({ title: `${r.reference} · ${r.details.complainant.complainantName}`, value: r.id })),
    });
  }

  private usableUrl(raw: string): boolean {
    try {
      const url = new URL(raw);
      return url.protocol === 'https:' || (url.protocol === 'http:' && this.deps.allowHttpDownload);
    } catch {
      return false;
    }
  }

  /** The answer: the case (chosen or typed), the facts, then the file fetched, checked and attached. */
  async attach(person: DirectoryPerson, data: Record<string, unknown>): Promise<{ ok: true; result: Extract<AttachResult, { ok: true }> } | { ok: false; card: AdaptiveCardJson }> {
    const token = typeof data.fileToken === 'string' ? data.fileToken : '';
    const found = await this.grants.read(token);
    if ('refused' in found || found.grant.usedAt || found.grant.personId !== person.id) {
      return { ok: false, card: noticeCard({ title: 'This file is no longer waiting', text: 'It was attached already, or the question is over an hour old. Send the file again. Nothing was changed.', tone: 'warning' }) };
    }
    const { grant } = found;
    const values = valuesOf(data);
    const today = londonDateOf(this.deps.ctx.now());
    const parsed = parseStep(correspondenceFacts(today), values);
    const again = (errors: Record<string, string>, banner: string) => this.card(person, grant.fileName, token, values, errors, banner);
    if (!parsed.ok) return { ok: false, card: await again(parsed.errors, 'Some answers need attention.') };

    const typedReference = (values.reference ?? '').trim().toUpperCase();
    const record = typedReference ? await this.deps.cases.getCaseByReference(typedReference) : values.caseId ? await this.deps.cases.getCase(values.caseId) : undefined;
    // Not found and not theirs read the same: the answer says nothing about a case they may not see.
    if (!record || !actsOnCase({ record, view: viewOf(record, this.deps.ctx) }, person, this.deps.ctx.directory)) {
      return { ok: false, card: await again({ reference: typedReference || values.caseId ? 'That is not a case you act on.' : 'Choose a case or type its reference.' }, 'Which case is it for?') };
    }
    const bytes = await this.download(grant.downloadUrl);
    if (bytes === 'too-big') return { ok: false, card: noticeCard({ title: `${grant.fileName} is too big`, text: `Files can be at most ${MAX_FILE_BYTES / (1024 * 1024)} MB each, so nothing was kept. Split it, or save a smaller copy and send that.`, tone: 'warning' }) };
    if (bytes === 'failed') return { ok: false, card: await again({}, `${grant.fileName} could not be fetched from Teams just now. Press Attach again, or send the file again.`) };
    const result = await attachFile(this.deps, person, record.id, { dated: parsed.value.on, direction: parsed.value.channel, description: parsed.value.text }, { fileName: grant.fileName, contentType: grant.contentType, bytes });
    if (!result.ok) return { ok: false, card: noticeCard({ title: `${grant.fileName} was not attached`, text: result.message, tone: 'warning' }) };
    await this.grants.remove(token);
    return { ok: true, result };
  }

  /** The file's bytes from Teams' pre-authorised URL (no token of ours is sent), up to the cap. */
  private async download(url: string): Promise<Buffer | 'too-big' | 'failed'> {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!res.ok || !res.body) {
        this.deps.logger.warn({ status: res.status }, 'a Teams file could not be downloaded');
        return 'failed';
      }
      if (Number(res.headers.get('content-length') ?? 0) > MAX_FILE_BYTES) return 'too-big';
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > MAX_FILE_BYTES) return 'too-big';
        chunks.push(Buffer.from(chunk));
      }
      return Buffer.concat(chunks);
    } catch (err) {
      // The URL is pre-authorised: never logged.
      this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'a Teams file could not be downloaded');
      return 'failed';
    }
  }
}
