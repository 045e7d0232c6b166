import { createHash } from 'node:crypto';
import { DIRECTION_WORDS, formatSize } from '../../cards/card-text';
import { formatDate, londonDateOf } from '../../domain/calendar-date';
import type { CaseRecord } from '../../domain/case-record';
import { ALLOWED_TYPES } from '../../files/file-checks';
import { FileStoreError, type FileStore } from '../../files/file-store.port';
import { renderDocumentHtml } from '../../reports/document-html';
import type { ReportDocument } from '../../reports/document-model';
import { escapeHtml } from '../../reports/svg-charts';
import type { PdfAppendix } from '../pdf/document-pdf';
import { CHECK_WORDS, evidencePack, PACK_SECTIONS, type PackContext, type PackFile } from './evidence-pack';

/**
 * The evidence pack as files: the case's attached files read from the file store and checked
 * against the SHA-256 each event recorded, the document built (evidence-pack.ts), and rendered
 * as a PDF (the files merged in or embedded) or one HTML page. A PDF over the Ombudsman
 * portal's upload limit is split into numbered parts, each with the cover, so each stands alone.
 */
export const PORTAL_LIMIT_BYTES = 20 * 1024 * 1024;

export type PackFormat = 'pdf' | 'html';

/** The pack's context for a pack made now, by someone (in words), under the app's policy and directory. */
export function packContextAt(ctx: Pick<PackContext, 'policy' | 'calendar' | 'directory'>, generatedAt: Date, generatedBy: string, landlordName: string): PackContext {
  return { policy: ctx.policy, calendar: ctx.calendar, directory: ctx.directory, today: londonDateOf(generatedAt), generatedAt, generatedBy, landlordName };
}

export interface PackPart { name: string; contentType: string; fileType: PackFormat; body: Buffer }

interface LoadedFile extends PackFile { bytes: Buffer | null }

async function loadFiles(record: CaseRecord, files: FileStore): Promise<LoadedFile[]> {
  const events = record.events.filter((e): e is PackFile['event'] => e.type === 'correspondence-attached');
  const loaded: LoadedFile[] = [];
  for (const event of events) {
    try {
      const { bytes } = await files.get(record.id, event.fileId);
      // The store checks the bytes against its own record; the pack checks them against the case's.
      const same = createHash('sha256').update(bytes).digest('hex') === event.sha256;
      loaded.push({ event, check: same ? 'matches' : 'changed', bytes: same ? bytes : null });
    } catch (err) {
      if (err instanceof FileStoreError && err.code === 'FILES.TAMPERED') loaded.push({ event, check: 'changed', bytes: null });
      else if (err instanceof FileStoreError && err.code === 'FILES.NOT_FOUND') loaded.push({ event, check: 'missing', bytes: null });
      else throw err;
    }
  }
  return loaded;
}

/** One attached file as it goes into the PDF: merged, embedded, printed, or a line saying why not. */
function appendix(file: LoadedFile, index: number): PdfAppendix {
  const e = file.event;
  const lines = [
    e.description,
    `Dated ${formatDate(e.dated)}; ${DIRECTION_WORDS[e.direction]}; attached ${formatDate(e.on)}; ${e.contentType}, ${formatSize(e.size)}`,
    `SHA-256 recorded: ${e.sha256}`,
    `Check: ${CHECK_WORDS[file.check]}`,
  ];
  const title = `Attachment ${index + 1}: ${e.fileName}`;
  if (!file.bytes) {
    return { title, lines, warning: `This file is not the one attached (${file.check}), so it is not included.`, content: { type: 'none', reason: CHECK_WORDS[file.check] } };
  }
  switch (e.contentType) {
    case 'application/pdf': return { title, lines, content: { type: 'pdf', bytes: file.bytes } };
    case 'image/jpeg': return { title, lines, content: { type: 'image', format: 'jpeg', bytes: file.bytes } };
    case 'image/png': return { title, lines, content: { type: 'image', format: 'png', bytes: file.bytes } };
    case 'text/plain':
    case 'message/rfc822': return { title, lines, content: { type: 'text', text: file.bytes.toString('utf8') } };
    default: {
      const label = ALLOWED_TYPES[e.contentType]?.label ?? 'a file of this type';
      return { title, lines, content: { type: 'none', reason: `This is ${label}, which cannot be shown inside a PDF. Send the file itself with the pack; its SHA-256 above proves it is the one attached.` } };
    }
  }
}

export async function makeEvidencePack(record: CaseRecord, ctx: PackContext, files: FileStore, format: PackFormat, limitBytes = PORTAL_LIMIT_BYTES): Promise<PackPart[]> {
  const loaded = await loadFiles(record, files);
  const document = evidencePack(record, ctx, loaded);
  const base = `${record.reference}-evidence-pack-${ctx.today}`;
  if (format === 'html') {
    const html = withAttachmentsHtml(renderDocumentHtml(document, footerOf(record, 1, 1)), loaded);
    return [{ name: `${base}.html`, contentType: 'text/html; charset=utf-8', fileType: 'html', body: Buffer.from(html, 'utf8') }];
  }
  const appendices = loaded.map(appendix);
  // The PDF renderer (with pdf-lib) is loaded on the first pack, not when the bot starts
  // (docs/performance.md, "Loading only what is used").
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when used, see above
  const { renderDocumentPdf } = require('../pdf/document-pdf') as typeof import('../pdf/document-pdf');
  const render = async (doc: ReportDocument, parts: PdfAppendix[], n: number, of: number) => Buffer.from(await renderDocumentPdf(doc, {
    footer: footerOf(record, n, of), appendices: parts, metadata: { title: `${document.title}${of > 1 ? `, part ${n} of ${of}` : ''}`, subject: `Evidence pack for the ${ctx.policy.ombudsman.name}`, createdAt: ctx.generatedAt },
  }));
  const whole = await render(document, appendices, 1, 1);
  if (whole.length <= limitBytes) return [{ name: `${base}.pdf`, contentType: 'application/pdf', fileType: 'pdf', body: whole }];
  return split(record, document, appendices, render, base, limitBytes);
}

const footerOf = (record: CaseRecord, n: number, of: number): string => `${record.reference} · Evidence pack${of > 1 ? ` · part ${n} of ${of}` : ''}`;

/**
 * Parts under the limit: the first holds the whole document and as many attachments as fit;
 * each later part holds the cover, a line saying which attachments it carries, and those. The
 * attachments' sizes decide the grouping; each part is rendered and measured, and an attachment
 * that cannot fit in a part on its own is listed there with the reason instead of its content.
 */
async function split(
  record: CaseRecord, document: ReportDocument, appendices: PdfAppendix[], render: (doc: ReportDocument, parts: PdfAppendix[], n: number, of: number) => Promise<Buffer>, base: string, limit: number,
): Promise<PackPart[]> {
  const coverEnd = document.blocks.findIndex((b, i) => i > 0 && b.kind === 'heading' && b.level === 2);
  const cover = document.blocks.slice(0, coverEnd < 0 ? document.blocks.length : coverEnd);
  const firstBase = (await render(document, [], 1, 1)).length;
  const coverBase = (await render({ ...document, blocks: cover }, [], 1, 1)).length;
  const sizeOf = (a: PdfAppendix) => (a.content.type === 'pdf' || a.content.type === 'image' ? a.content.bytes.byteLength : a.content.type === 'text' ? a.content.text.length : 0) + 20_000;
  const groups: PdfAppendix[][] = [[]];
  let used = firstBase;
  for (const a of appendices) {
    const fitsAlone = coverBase + sizeOf(a) <= limit * 0.95;
    const item: PdfAppendix = fitsAlone ? a : { ...a, warning: `At ${formatSize(sizeOf(a))} this file is too big for one part of the pack (the portal takes ${formatSize(limit)} a file): send it separately.`, content: { type: 'none', reason: 'Too big to include; send it separately.' } };
    const size = sizeOf(item);
    const current = groups[groups.length - 1] ?? [];
    if (used + size > limit * 0.95 && current.length > 0) {
      groups.push([item]);
      used = coverBase + size;
    } else {
      current.push(item);
      used += size;
    }
  }
  // The estimate groups; measuring decides. A part still over the limit is halved and all are
  // made again (their "part k of n" changes), until each fits or holds one attachment only.
  for (let attempt = 0; attempt < 20; attempt++) {
    const parts = await renderParts(record, document, cover, groups, render, base);
    const over = parts.findIndex((p, i) => p.body.length > limit && (groups[i]?.length ?? 0) > 1);
    if (over < 0) return parts;
    const group = groups[over] ?? [];
    groups.splice(over, 1, group.slice(0, Math.ceil(group.length / 2)), group.slice(Math.ceil(group.length / 2)));
  }
  return renderParts(record, document, cover, groups, render, base);
}

async function renderParts(
  record: CaseRecord, document: ReportDocument, cover: ReportDocument['blocks'], groups: PdfAppendix[][],
  render: (doc: ReportDocument, parts: PdfAppendix[], n: number, of: number) => Promise<Buffer>, base: string,
): Promise<PackPart[]> {
  const of = groups.length;
  let first = 1;
  const parts: PackPart[] = [];
  for (const [i, group] of groups.entries()) {
    const range = group.length ? `attachments ${first} to ${first + group.length - 1}` : 'no attachments';
    const doc = i === 0 ? document : { ...document, blocks: [...cover, { kind: 'heading' as const, level: 2 as const, text: PACK_SECTIONS[8], newPage: true }, { kind: 'paragraph' as const, text: `Part ${i + 1} of ${of} of the evidence pack for ${record.reference}: ${range}. Part 1 holds the case record.` }] };
    const body = await render(doc, group, i + 1, of);
    parts.push({ name: `${base}-part-${i + 1}-of-${of}.pdf`, contentType: 'application/pdf', fileType: 'pdf', body });
    first += group.length;
  }
  return parts;
}

/** The HTML page with the attached images shown and text files printed; other files are listed in the document already. */
function withAttachmentsHtml(html: string, files: readonly LoadedFile[]): string {
  const sections = files.map((f, i) => {
    const e = f.event;
    const head = `<h3>Attachment ${i + 1}: ${escapeHtml(e.fileName)}</h3><p class="note">${escapeHtml(e.description)} · SHA-256 ${e.sha256} · ${escapeHtml(CHECK_WORDS[f.check])}</p>`;
    if (!f.bytes) return `${head}<p class="warning">This file is not the one attached (${f.check}), so it is not included.</p>`;
    if (e.contentType === 'image/jpeg' || e.contentType === 'image/png') return `${head}<img alt="${escapeHtml(e.description)}" style="max-width:100%" src="data:${e.contentType};base64,${f.bytes.toString('base64')}">`;
    if (e.contentType === 'text/plain' || e.contentType === 'message/rfc822') return `${head}<pre style="white-space:pre-wrap">${escapeHtml(f.bytes.toString('utf8'))}</pre>`;
    return `${head}<p class="note">A ${escapeHtml(e.contentType)} file: in the PDF pack it is merged in where it can be; send the file itself with the pack.</p>`;
  });
  return sections.length ? html.replace('</main>', `<section class="page"><h2>The attached files themselves</h2>${sections.join('\n')}</section></main>`) : html;
}
