import { londonDateOf } from '../../domain/calendar-date';
import type { CaseRecord } from '../../domain/case-record';
import type { Directory } from '../../domain/directory';
import type { FileStore } from '../../files/file-store.port';
import type { CaseAccessLog } from '../../store/case-access-log.port';
import { renderDocumentPdf } from '../pdf/document-pdf';
import { subjectAccessDocument } from './subject-access-document';
import { subjectAccessExport, type SubjectAccessExport } from './subject-access-export';

type SubjectAccessFormat = 'json' | 'pdf';

interface SubjectAccessSources {
  files: FileStore;
  accessLog: CaseAccessLog;
  directory: Directory;
}

/** The export's data: each matched case with its file list and access log, read from the stores. */
export async function gatherSubjectAccess(
  askedAbout: string, cases: ReadonlyArray<{ record: CaseRecord; reasons: string[] }>, excluded: string[],
  made: { at: Date; by: string; landlordName: string }, sources: SubjectAccessSources,
): Promise<SubjectAccessExport> {
  const withFacts = [];
  for (const c of cases) {
    withFacts.push({ ...c, files: await sources.files.list(c.record.id), accesses: await sources.accessLog.list(c.record.id) });
  }
  return subjectAccessExport({ askedAbout, cases: withFacts, excluded, madeAt: made.at, madeBy: made.by, landlordName: made.landlordName, directory: sources.directory });
}

/** The export as a file: pretty JSON, or a PDF with a bookmark per case and "Page N of M". */
export async function renderSubjectAccess(data: SubjectAccessExport, format: SubjectAccessFormat): Promise<{ name: string; body: Buffer }> {
  const base = `${data.askedAbout}-subject-access-${londonDateOf(new Date(data.madeAt))}`;
  if (format === 'json') return { name: `${base}.json`, body: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8') };
  const document = subjectAccessDocument(data);
  const pdf = await renderDocumentPdf(document, {
    footer: `Subject access export · the complainant of ${data.askedAbout}`,
    metadata: { title: document.title, subject: 'Personal data held by the complaints system', createdAt: new Date(data.madeAt) },
  });
  return { name: `${base}.pdf`, body: Buffer.from(pdf) };
}
