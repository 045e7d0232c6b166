import { z } from 'zod';
import type { CaseContext } from '../../cases/case-context';
import { CORRESPONDENCE_DIRECTIONS } from '../../domain/case-events';
import { findPerson, type DirectoryPerson } from '../../domain/directory';
import type { FileStore } from '../../files/file-store.port';
import type { CaseStore } from '../../store/case-store.port';
import type { KeyValueStore } from '../../store/key-value-store.port';
import type { Logger } from 'pino';
import { Grants } from '../files/grants';
import { attachFile, type AttachResult, type CorrespondenceFacts, type IncomingFile } from './attach-file';

/**
 * "Add a file" by a page in the browser: the person says what the file is on the case card,
 * then gets a link to a page on the bot's own server where they choose it from their
 * computer. Adaptive Cards have no file input, and the Agents Playground sends no files, so
 * this is the way in that works everywhere; in Teams a file can also be dropped in the chat.
 * The link is a grant (grants.ts) for one person and one case, for UPLOAD_MINUTES; it is used
 * up by the first file attached, and a refused file leaves it open for another try.
 */
export const UPLOAD_MINUTES = 30;

const grantSchema = z.object({
  personId: z.string(),
  caseId: z.string(),
  reference: z.string(),
  facts: z.object({ dated: z.string(), direction: z.enum(CORRESPONDENCE_DIRECTIONS), description: z.string() }),
  issuedAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
});
type UploadGrant = z.infer<typeof grantSchema>;

export interface CaseUploadsDeps {
  keyValue: KeyValueStore;
  cases: CaseStore;
  files: FileStore;
  ctx: CaseContext;
  logger: Logger;
  baseUrl: () => string;
}

export type UploadOutcome = AttachResult | { ok: false; gone: true; message: string };

export class CaseUploads {
  private readonly grants: Grants<UploadGrant>;

  constructor(private readonly deps: CaseUploadsDeps) {
    this.grants = new Grants(deps.keyValue, 'case-upload', grantSchema, () => deps.ctx.now());
  }

  /** A link to the upload page for this person, case and correspondence. */
  async offer(person: DirectoryPerson, record: { id: string; reference: string }, facts: CorrespondenceFacts): Promise<{ url: string; expiresAt: string; minutes: number }> {
    const { token, expiresAt } = await this.grants.issue({ personId: person.id, caseId: record.id, reference: record.reference, facts }, UPLOAD_MINUTES * 60_000);
    return { url: `${this.deps.baseUrl().replace(/\/+$/, '')}/api/files/upload/${token}`, expiresAt, minutes: UPLOAD_MINUTES };
  }

  /** What the upload page shows: the case and what the file was said to be; null for a link that is not (or no longer) valid. */
  async describe(token: string): Promise<{ reference: string; facts: CorrespondenceFacts; expiresAt: string } | null> {
    const found = await this.grants.read(token);
    if ('refused' in found || found.grant.usedAt) return null;
    return { reference: found.grant.reference, facts: found.grant.facts, expiresAt: found.grant.expiresAt };
  }

  /** A file sent from the page: attached as the grant says, by the person it was issued to, if they still act on the case. */
  async receive(token: string, incoming: IncomingFile): Promise<UploadOutcome> {
    const found = await this.grants.read(token);
    if ('refused' in found || found.grant.usedAt) {
      return { ok: false, gone: true, message: 'This upload link has expired or has been used. Press "Add a file" on the case card for a new one.' };
    }
    const { grant } = found;
    const person = findPerson(this.deps.ctx.directory, grant.personId);
    if (!person) return { ok: false, gone: true, message: 'You are no longer in the complaints directory, so nothing was stored.' };
    const result = await attachFile(this.deps, person, grant.caseId, grant.facts, incoming);
    if (result.ok) await this.grants.remove(token);
    return result;
  }
}
