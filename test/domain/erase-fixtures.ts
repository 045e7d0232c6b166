import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseRecord } from '../../src/domain/case-record';
import { HOS, makeCase, respond } from '../reports/fixtures';

/**
 * An invented resident whose words are everywhere a case can hold them, for the subject access
 * and erasure tests: her details, the complaint in her words, notes, reasons, response items,
 * remedies, evidence, file names and descriptions. After erasure none of RESIDENT_WORDS may be
 * found in her finished cases.
 */
export const RESIDENT = {
  complainantName: 'Imogen Threlkeld',
  contactEmail: 'Imogen.Threlkeld@Example.invalid',
  contactPhone: '07700 900123',
  address: '14 Larkspur Court, Eastholme EH4 7QT',
};
export const DESCRIPTION = 'Black mould over the cot in the back bedroom since the gutter failed in January';
export const NOTE = 'Imogen said her asthma is worse since the mould came back';

/** Every word of hers a test looks for, in the forms they could be stored in. */
export const RESIDENT_WORDS = [
  'Imogen', 'Threlkeld', 'imogen.threlkeld@example.invalid', '900123', 'EH4 7QT', 'EH47QT', 'Larkspur Court', DESCRIPTION, NOTE, 'asthma',
];

export interface FileFacts { fileId: string; size: number; sha256: string }

/**
 * Her closed complaint (HOS 2024 policy): received, an extension, a pause, a note, a photo from
 * her and the response letter to her as files, a response with a remedy (done), an escalation, a
 * stage 2 response and closure after she was told. Files are given (their ids are the store's).
 */
export function closedCaseEvents(files?: { photo: FileFacts; letter: FileFacts }): CaseEvent[] {
  return [
    { type: 'received', on: '2026-03-02' },
    { type: 'assigned', on: '2026-03-02', officerId: 'alex.morgan' },
    { type: 'acknowledged', on: '2026-03-03', method: 'email', why: 'Emailed Imogen at her Example.invalid address' },
    ...(files ? [{
      type: 'correspondence-attached', on: '2026-03-04', fileId: files.photo.fileId, fileName: 'threlkeld-bedroom-mould.png', contentType: 'image/png',
      size: files.photo.size, sha256: files.photo.sha256, direction: 'from-resident', dated: '2026-03-04', description: 'Photo Imogen sent of the mould over the cot',
    } as CaseEvent] : []),
    { type: 'extension-requested', on: '2026-03-09', workingDays: 5, reason: 'Waiting for the survey of 14 Larkspur Court', reasonCategory: 'investigation' },
    { type: 'extended', on: '2026-03-10', by: 'priya.shah', workingDays: 5, reason: 'Waiting for the survey of 14 Larkspur Court', reasonCategory: 'investigation', why: 'Approved: Imogen agreed by phone' },
    { type: 'resident-told', on: '2026-03-10', about: 'extension', method: 'phone' },
    { type: 'paused', on: '2026-03-11', reason: 'Imogen Threlkeld is in hospital with asthma', complainantConsented: true },
    { type: 'resumed', on: '2026-03-16' },
    { type: 'note', on: '2026-03-17', why: NOTE },
    { ...respond('2026-03-27', 'upheld', 1, { reasons: 'We failed Imogen Threlkeld: the gutter leak was reported twice.', 'lessons-learned': 'Call back within a day' }), actions: [{ id: 'a1', kind: 'compensation', description: 'Pay Imogen Threlkeld for the ruined cot', due: '2026-04-17', amountPence: 15000 }] } as CaseEvent,
    ...(files ? [{
      type: 'correspondence-attached', on: '2026-03-27', fileId: files.letter.fileId, fileName: 'HC-stage-1-response-to-imogen.pdf', contentType: 'application/pdf',
      size: files.letter.size, sha256: files.letter.sha256, direction: 'to-resident', dated: '2026-03-27', description: 'Stage 1 response letter, as sent to 14 Larkspur Court',
    } as CaseEvent] : []),
    { type: 'action-completed', on: '2026-04-10', actionId: 'a1', evidence: 'BACS payment to I. Threlkeld, ref 900123' },
    { type: 'escalation-requested', on: '2026-04-13', why: 'Imogen says the mould came back' },
    { type: 'assigned', on: '2026-04-13', officerId: 'priya.shah' },
    { type: 'acknowledged', on: '2026-04-14', by: 'priya.shah', method: 'letter' },
    { ...respond('2026-05-05', 'not-upheld', 2, { reasons: 'A new leak at 14 Larkspur Court, now repaired.' }), by: 'priya.shah' } as CaseEvent,
    { type: 'closed', on: '2026-05-12', by: 'priya.shah', why: 'Imogen confirmed the repair' },
  ];
}

export function closedCase(reference = 'HC-2026-00101'): CaseRecord {
  return withResident(makeCase(reference, closedCaseEvents(), { category: 'damp-mould', serviceArea: 'property', estate: 'Larkspur', policy: HOS }));
}

/** A complaint of hers refused at intake (its reason in her words), matched to her by email only. */
export function refusedCaseEvents(): CaseEvent[] {
  return [{ type: 'refused', on: '2026-02-02', why: 'Imogen Threlkeld\'s claim is in legal proceedings' }];
}

/** Her complaint still being worked: never erased. */
export function openCaseEvents(): CaseEvent[] {
  return [
    { type: 'received', on: '2026-06-01' }, { type: 'assigned', on: '2026-06-01', officerId: 'alex.morgan' },
    { type: 'note', on: '2026-06-02', why: 'Imogen phoned about the new leak' },
  ];
}

/** Her complaint closed with a remedy still to deliver: not erased until it is done. */
export function remedyDueCaseEvents(): CaseEvent[] {
  return [
    { type: 'received', on: '2026-04-01' }, { type: 'assigned', on: '2026-04-01', officerId: 'alex.morgan' },
    { type: 'acknowledged', on: '2026-04-02', method: 'letter' },
    { ...respond('2026-04-20', 'upheld', 1), actions: [{ id: 'a1', kind: 'repair', description: 'Replace the window at 14 Larkspur Court', due: '2027-01-20' }] } as CaseEvent,
    { type: 'closed', on: '2026-04-21' },
  ];
}

export function withResident(record: CaseRecord, over: Partial<typeof RESIDENT> & { vulnerabilities?: string; adjustments?: string } = {}): CaseRecord {
  return {
    ...record,
    details: {
      ...record.details,
      complainant: {
        ...record.details.complainant, ...RESIDENT, vulnerabilities: 'Asthma; a baby in the household', adjustments: 'Call after 10am; large print', tenure: 'social-rent',
        hasRepresentative: true, representativeName: 'Dan Threlkeld', representativeConsent: true, ...over,
      },
      complaint: { ...record.details.complaint, description: DESCRIPTION, outcomeSought: 'Imogen wants the mould gone for good', complaintDefinition: 'Mould at 14 Larkspur Court not put right' },
    },
  };
}
