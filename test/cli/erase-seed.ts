import { strict as assert } from 'node:assert';
import path from 'node:path';
import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseRecord } from '../../src/domain/case-record';
import { FolderFileStore } from '../../src/files/folder-file-store';
import { createStores, type StoreOptions } from '../../src/store/create-stores';
import { letterPdf, photoPng, sha256 } from '../documents/evidence-fixtures';
import { closedCaseEvents, openCaseEvents, refusedCaseEvents, remedyDueCaseEvents, RESIDENT, withResident } from '../domain/erase-fixtures';
import { HOS, makeCase } from '../reports/fixtures';

/**
 * The store the subject access and erasure CLI tests run on: Imogen Threlkeld's four cases,
 * each matched to her a different way, and two cases that are not hers.
 *
 * - closed: the case asked about, closed, with a photo from her and a letter to her as files, and an access-log entry
 * - refused: refused at intake; the same email in another case
 * - open: still being worked; the same phone written +44
 * - remedyDue: closed with a remedy still to deliver; the same name at the same address, written differently
 * - namesake: another Imogen Threlkeld at another address (not her)
 * - other: someone else entirely
 */
export interface Seeded { references: Record<CaseName, string>; ids: Record<CaseName, string>; photo: Buffer; letter: Buffer }
export type CaseName = 'closed' | 'refused' | 'open' | 'remedyDue' | 'namesake' | 'other';
export const ERASABLE: CaseName[] = ['closed', 'refused'];

type Spec = { name: CaseName; events: CaseEvent[]; category: string; resident: Parameters<typeof withResident>[1] };

const NO_CONTACT = { contactEmail: '', contactPhone: '' };
const SPECS: Spec[] = [
  { name: 'closed', events: closedCaseEvents(), category: 'damp-mould', resident: {} },
  { name: 'refused', events: refusedCaseEvents(), category: 'repairs', resident: { contactEmail: ' imogen.threlkeld@example.invalid', contactPhone: '0161 496 0000', address: 'c/o 3 Quay Street, Eastholme EH1 1AA' } },
  { name: 'open', events: openCaseEvents(), category: 'repairs', resident: { contactEmail: '', contactPhone: '+44 (0)7700 900 123', complainantName: 'I Threlkeld', address: '' } },
  { name: 'remedyDue', events: remedyDueCaseEvents(), category: 'repairs', resident: { ...NO_CONTACT, complainantName: 'Mrs Imogen Threlkeld', address: '14 Larkspur Ct, Eastholme, eh4 7qt' } },
  { name: 'namesake', events: closedCaseEvents(), category: 'repairs', resident: { complainantName: RESIDENT.complainantName, contactEmail: 'imogen.t@example.invalid', contactPhone: '01632 960001', address: '9 Mill Lane, Westholme WH1 2AB' } },
  { name: 'other', events: closedCaseEvents(), category: 'repairs', resident: { complainantName: 'Ravi Anand', contactEmail: 'ravi@example.invalid', contactPhone: '01632 960002', address: '2 Mill Lane, Westholme WH1 2AB' } },
];

export async function seedResidentCases(options: StoreOptions, dataDir: string): Promise<Seeded> {
  const stores = await createStores(options);
  const files = new FolderFileStore({ dir: path.join(dataDir, 'files') });
  const photo = photoPng();
  const letter = await letterPdf('Dear Ms Threlkeld, our stage 1 response.');
  const references = {} as Record<CaseName, string>;
  const ids = {} as Record<CaseName, string>;
  try {
    for (const spec of SPECS) {
      const draft = withResident(makeCase('HC-DRAFT', spec.events, { category: spec.category, estate: 'Larkspur', policy: HOS }), spec.resident);
      const rest = Object.fromEntries(Object.entries(draft).filter(([key]) => !['id', 'reference', 'version'].includes(key))) as Omit<CaseRecord, 'id' | 'reference' | 'version'>;
      const created = await stores.cases.createCase({ ...rest, events: [], referenceYear: 2026 });
      references[spec.name] = created.reference;
      ids[spec.name] = created.id;
      if (spec.name !== 'closed') {
        const saved = await stores.cases.saveCase({ ...draft, id: created.id, reference: created.reference, version: created.version });
        assert.ok(saved.ok);
        continue;
      }
      // Her files are stored under the case's id, then the events naming them.
      const png = await files.put({ caseId: created.id, fileName: 'threlkeld-bedroom-mould.png', contentType: 'image/png', bytes: photo });
      const pdf = await files.put({ caseId: created.id, fileName: 'HC-stage-1-response-to-imogen.pdf', contentType: 'application/pdf', bytes: letter });
      const withFiles = withResident(makeCase('HC-DRAFT', closedCaseEvents({
        photo: { fileId: png.fileId, size: photo.length, sha256: sha256(photo) }, letter: { fileId: pdf.fileId, size: letter.length, sha256: sha256(letter) },
      }), { category: spec.category, estate: 'Larkspur', policy: HOS }), spec.resident);
      const saved = await stores.cases.saveCase({ ...withFiles, id: created.id, reference: created.reference, version: created.version });
      assert.ok(saved.ok);
      await stores.accessLog.record({ caseId: created.id, at: '2026-03-05T09:00:00.000Z', by: 'alex.morgan', what: 'case-card' });
    }
    return { references, ids, photo, letter };
  } finally {
    await stores.close();
  }
}

/** The settings the CLI needs for a store (the folder file store is DATA_DIR/files either way). */
export function cliEnv(options: StoreOptions, dataDir: string): NodeJS.ProcessEnv {
  if (options.kind === 'sqlite') return { DATA_DIR: dataDir };
  return { DATA_DIR: dataDir, COSMOS_ENDPOINT: options.endpoint, COSMOS_KEY: 'k', COSMOS_DATABASE: options.databaseName, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1' };
}
