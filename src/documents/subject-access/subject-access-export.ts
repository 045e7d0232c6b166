import type { CorrespondenceDirection } from '../../domain/case-events';
import type { CaseRecord, StoredEvent } from '../../domain/case-record';
import type { CaseState } from '../../domain/case-state';
import type { Directory } from '../../domain/directory';
import type { StoredFile } from '../../files/file-store.port';
import type { CaseAccess } from '../../store/case-access-log.port';
import { eventWords, personWords } from '../evidence/pack-words';

/**
 * A subject access export (UK GDPR article 15): everything the complaints system holds about a
 * resident, over every case matched to them, as plain data. The JSON form is this object; the
 * PDF is made from it (subject-access-document.ts), so the two cannot say different things.
 * Pure: the cases, their file lists and access logs are read by the caller.
 */
export interface SubjectAccessInput {
  askedAbout: string;
  /** The matched cases with the reasons each matched, the case asked about first. */
  cases: Array<{ record: CaseRecord; reasons: string[]; files: StoredFile[]; accesses: CaseAccess[] }>;
  /** Cases a person checked were someone else's (`--exclude`). */
  excluded: string[];
  madeAt: Date;
  madeBy: string;
  landlordName: string;
  directory: Directory;
}

export interface SubjectAccessExport {
  kind: 'subject-access-export';
  landlord: string;
  madeAt: string;
  madeBy: string;
  askedAbout: string;
  matches: Array<{ reference: string; reasons: string[] }>;
  excluded: string[];
  cases: ExportedCase[];
}

export interface ExportedPerson { id: string; name: string }

export interface ExportedEvent {
  on: string;
  at: string;
  by: ExportedPerson;
  type: StoredEvent['type'];
  /** The event in a sentence, as the case history says it. */
  what: string;
  why: string;
  /** The event's own fields besides the audit ones, as stored. */
  data: Record<string, unknown>;
}

export interface ExportedFile {
  fileName: string;
  direction: CorrespondenceDirection;
  description: string;
  dated: string;
  attachedOn: string;
  attachedBy: ExportedPerson;
  contentType: string;
  size: number;
  sha256: string;
  /** Whether the file store still holds it (it is gone after an erasure). */
  held: boolean;
}

export interface ExportedCase {
  reference: string;
  policyId: string;
  state: CaseState;
  stage: number;
  receivedOn: string | null;
  closedOn: string | null;
  loggedBy: ExportedPerson;
  complainant: Record<string, unknown>;
  complaint: Record<string, unknown>;
  events: ExportedEvent[];
  notes: Array<{ on: string; at: string; by: ExportedPerson; text: string }>;
  files: ExportedFile[];
  /** What went to the resident: letters and other correspondence sent, acknowledgements and decisions told. */
  sentToResident: Array<{ on: string; what: string; by: ExportedPerson; fileName?: string }>;
  accessLog: Array<{ at: string; by: ExportedPerson; what: string }>;
}

const AUDIT = new Set(['id', 'type', 'on', 'at', 'by', 'why']);

export function subjectAccessExport(input: SubjectAccessInput): SubjectAccessExport {
  const person = (id: string | null | undefined): ExportedPerson => ({ id: id ?? '', name: personWords(input.directory, id) });
  return {
    kind: 'subject-access-export',
    landlord: input.landlordName,
    madeAt: input.madeAt.toISOString(),
    madeBy: input.madeBy,
    askedAbout: input.askedAbout,
    matches: input.cases.map((c) => ({ reference: c.record.reference, reasons: c.reasons })),
    excluded: input.excluded,
    cases: input.cases.map(({ record, files, accesses }): ExportedCase => {
      const held = new Set(files.map((f) => f.fileId));
      return {
        reference: record.reference,
        policyId: record.policyId,
        state: record.state,
        stage: record.stage,
        receivedOn: record.receivedOn,
        closedOn: record.closedOn,
        loggedBy: person(record.details.loggedBy),
        complainant: { ...record.details.complainant },
        complaint: { ...record.details.complaint },
        events: record.events.map((e) => ({
          on: e.on, at: e.at, by: person(e.by), type: e.type, what: eventWords(e, input.directory), why: e.why ?? '',
          data: Object.fromEntries(Object.entries(e).filter(([k]) => !AUDIT.has(k))),
        })),
        notes: record.events.filter((e) => e.type === 'note').map((e) => ({ on: e.on, at: e.at, by: person(e.by), text: e.why ?? '' })),
        files: record.events.flatMap((e) => (e.type === 'correspondence-attached'
          ? [{
            fileName: e.fileName, direction: e.direction, description: e.description, dated: e.dated, attachedOn: e.on, attachedBy: person(e.by),
            contentType: e.contentType, size: e.size, sha256: e.sha256, held: held.has(e.fileId),
          }]
          : [])),
        sentToResident: record.events.flatMap((e) => {
          if (e.type === 'correspondence-attached' && e.direction === 'to-resident') return [{ on: e.dated, what: e.description, by: person(e.by), fileName: e.fileName }];
          if (e.type === 'acknowledged' || e.type === 'resident-told' || e.type === 'responded') return [{ on: e.on, what: eventWords(e, input.directory), by: person(e.by) }];
          return [];
        }),
        accessLog: accesses.map((a) => ({ at: a.at, by: person(a.by), what: a.what })),
      };
    }),
  };
}
