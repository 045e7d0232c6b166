import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { makeEvidencePack } from '../../src/documents/evidence/make-evidence-pack';
import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseRecord, StoredEvent } from '../../src/domain/case-record';
import { projectView } from '../../src/domain/case-projection';
import { deriveCase } from '../../src/domain/case-timeline';
import type { Policy } from '../../src/domain/policy';
import { FolderFileStore } from '../../src/files/folder-file-store';
import { findPreset } from '../../src/policies/preset-registry';

export interface PackFigures { events: number; runs: number; medianMs: number; maxMs: number; bytes: number }

/**
 * The evidence pack for a case of 200 events and no attachments (issue 15's target: under 2 s):
 * a year of a long-running complaint, mostly notes of calls. Made several times; the median
 * and the worst are printed beside the target.
 */
export async function evidencePackFigures(quick: boolean): Promise<PackFigures> {
  const policy = findPreset('hos-2024') as Policy;
  const calendar = calendarForPolicy(policy);
  const events: CaseEvent[] = [
    { type: 'received', on: '2026-01-05' }, { type: 'assigned', on: '2026-01-05', officerId: 'alex.morgan' }, { type: 'acknowledged', on: '2026-01-06', method: 'email' },
  ];
  for (let i = 0; events.length < 200; i++) {
    events.push({ type: 'note', on: '2026-01-07', why: `Call ${i + 1} with the resident about the repair: the contractor's visit, what was found, and what happens next, with the date agreed.` });
  }
  const stored = events.map((e, i): StoredEvent => ({ ...e, id: `e${i}`, at: `${e.on}T10:00:00.000Z`, by: 'alex.morgan' }));
  const derived = deriveCase(stored, { policy, calendar });
  if (!derived.ok) throw new Error(derived.message);
  const record: CaseRecord = {
    id: 'bench-pack', reference: 'HC-2026-09999', policyId: policy.id, version: 'v1', estate: 'Riverside', category: 'repairs', serviceArea: 'housing-management',
    details: {
      intakeId: 'i', loggedBy: 'alex.morgan',
      complainant: { complainantName: 'Bench Resident', contactEmail: 'b@example.invalid', contactPhone: '', preferredContact: 'email', address: '1 Bench Row', estate: 'Riverside', hasRepresentative: false, representativeName: '', representativeConsent: false, vulnerabilities: '', adjustments: '' },
      complaint: { channel: 'phone', receivedOn: '2026-01-05', issueOccurredOn: '2026-01-01', category: 'repairs', serviceArea: 'housing-management', aboutStaff: false, staffRole: '', staffName: '', description: 'd', complaintDefinition: 'c', outcomeSought: 'o', lateAcceptanceReason: '', refuseReason: '' },
    },
    events: stored, ...projectView(derived.view), responsibleOfficerId: 'alex.morgan',
  };
  const files = new FolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'bench-pack-')) });
  const ctx = { policy, calendar, directory: DEMO_DIRECTORY, today: '2026-11-30', generatedAt: new Date('2026-11-30T10:00:00Z'), generatedBy: 'the benchmark', landlordName: 'Bench Homes' };
  const runs = quick ? 3 : 7;
  const times: number[] = [];
  let bytes = 0;
  await makeEvidencePack(record, ctx, files, 'pdf'); // warm-up: fonts and modules loaded once, as in a running bot
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const [part] = await makeEvidencePack(record, ctx, files, 'pdf');
    times.push(performance.now() - started);
    bytes = part?.body.length ?? 0;
  }
  times.sort((a, b) => a - b);
  return { events: stored.length, runs, medianMs: times[Math.floor(times.length / 2)] ?? 0, maxMs: times.at(-1) ?? 0, bytes };
}
