import type { CalendarDate } from '../../src/domain/calendar-date';
import type { CaseState, Deadline } from '../../src/domain/case-state';
import type { CaseDetails } from '../../src/domain/case-details';
import type { CaseRecord, NewCaseRecord, StoredEvent } from '../../src/domain/case-record';

/**
 * Hand-made cases for the store tests. Names and addresses are invented. The derived
 * fields are set by hand to what the domain would derive, since the stores only keep
 * (and index) them.
 */

/** What intake stores about a complaint, complete and invented; `over` changes a few fields. */
export function details(over: { complainant?: Partial<CaseDetails['complainant']>; complaint?: Partial<CaseDetails['complaint']>; intakeId?: string; loggedBy?: string } = {}): CaseDetails {
  return {
    intakeId: over.intakeId ?? 'intake-1',
    loggedBy: over.loggedBy ?? 'alex.morgan',
    complainant: {
      complainantName: 'Imogen Threlkeld', contactEmail: 'imogen@example.invalid', contactPhone: '07700 900123', preferredContact: 'phone',
      address: '14 Larkspur Court, Eastholme', estate: 'Larkspur', hasRepresentative: false, representativeName: '', representativeConsent: false,
      vulnerabilities: '', adjustments: '', ...over.complainant,
    },
    complaint: {
      channel: 'phone', receivedOn: '2026-03-02', issueOccurredOn: '2026-02-20', category: 'repairs', serviceArea: 'housing-management',
      aboutStaff: false, staffRole: '', staffName: '', description: 'Damp and mould in the back bedroom, reported three times since January.',
      complaintDefinition: 'The damp in the back bedroom has not been put right.', outcomeSought: 'A lasting repair.',
      lateAcceptanceReason: '', refuseReason: '', ...over.complaint,
    },
  };
}

let eventCounter = 0;

export function event(type: StoredEvent['type'], on: CalendarDate, extra: Partial<StoredEvent> = {}): StoredEvent {
  eventCounter += 1;
  return { id: `ev-${eventCounter}`, type, on, at: `${on}T10:00:00.000Z`, by: 'officer-ayesha-okafor', ...extra } as StoredEvent;
}

export function deadline(stage: number, kind: Deadline['kind'], due: CalendarDate, metOn: CalendarDate | null = null): Deadline {
  return { stage, kind, due, originalDue: due, metOn };
}

export function newCase(overrides: Partial<NewCaseRecord> = {}): NewCaseRecord {
  const receivedOn = overrides.receivedOn ?? '2026-03-02';
  return {
    referenceYear: 2026,
    policyId: 'riverside-homes-2024',
    details: details(),
    events: [event('received', receivedOn)],
    stage: 1,
    state: 'awaiting-acknowledgement',
    responsibleOfficerId: 'officer-ayesha-okafor',
    estate: 'Larkspur',
    category: 'repairs',
    serviceArea: 'housing-management',
    receivedOn,
    closedOn: null,
    deadlines: [deadline(1, 'acknowledge', '2026-03-09'), deadline(1, 'respond', '2026-03-30')],
    nextDueOn: '2026-03-09',
    ...overrides,
  };
}

/** A closed case: every deadline met, closed on `closedOn`. */
export function closedCase(closedOn: CalendarDate, overrides: Partial<NewCaseRecord> = {}): NewCaseRecord {
  return newCase({
    state: 'closed' as CaseState,
    closedOn,
    events: [event('received', '2026-01-05'), event('responded', closedOn, { outcome: 'upheld' } as Partial<StoredEvent>), event('closed', closedOn)],
    receivedOn: '2026-01-05',
    deadlines: [deadline(1, 'acknowledge', '2026-01-12', '2026-01-06'), deadline(1, 'respond', '2026-02-02', closedOn)],
    nextDueOn: null,
    ...overrides,
  });
}

/** A copy of `record` with `extra` appended and `changes` applied, as the domain would produce. */
export function withEvent(record: CaseRecord, extra: StoredEvent, changes: Partial<CaseRecord> = {}): CaseRecord {
  const copy = structuredClone(record);
  return { ...copy, events: [...copy.events, extra], ...changes };
}

/** A whole case (makeCase) as intake would hand it to the store: without the id, reference and version the store gives it. */
export function asNewCase(record: CaseRecord, referenceYear = 2026): NewCaseRecord {
  const fresh: Partial<CaseRecord> = { ...record };
  delete fresh.id;
  delete fresh.reference;
  delete fresh.version;
  return { ...(fresh as Omit<CaseRecord, 'id' | 'reference' | 'version'>), referenceYear };
}
