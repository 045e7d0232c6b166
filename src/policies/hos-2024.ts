import { DEFAULT_REMINDERS, type Policy } from '../domain/policy';
import { CODE_CONTENTS_BEFORE_FINAL, CODE_CONTENTS_FINAL } from './response-contents';
import { HOUSING_OMBUDSMAN } from './ombudsmen';

/**
 * The Housing Ombudsman's Complaint Handling Code, statutory from 1 April 2024: the default.
 * Acknowledge stage 1 within 5 working days of receipt and respond within 10 working days
 * of acknowledgement (extension at most 10); acknowledge a stage 2 escalation within 5
 * working days of the request and respond within 20 of acknowledgement (extension at most
 * 20); two stages, no informal stage; a different handler at stage 2; no reason needed to
 * escalate; issues up to 12 months old accepted.
 */
export const hos2024: Policy = {
  id: 'hos-2024',
  name: 'Housing Ombudsman Complaint Handling Code 2024',
  source: 'Housing Ombudsman Service, Complaint Handling Code (statutory from 1 April 2024)',
  nation: 'england-and-wales',
  modelProcedure: 'hos-code-2024',
  ombudsman: HOUSING_OMBUDSMAN,
  closureDays: [],
  informalStage: null,
  stages: [
    {
      number: 1, name: 'Stage 1', handlerRole: 'AHM', substituteHandlers: {},
      acknowledge: { workingDays: 5, from: 'receipt' },
      respond: { workingDays: 10, from: 'acknowledgement' },
      extension: { capWorkingDays: 10, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      responseMustInclude: { always: CODE_CONTENTS_BEFORE_FINAL, whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
    {
      number: 2, name: 'Stage 2', handlerRole: 'AD', substituteHandlers: {},
      acknowledge: { workingDays: 5, from: 'receipt' },
      respond: { workingDays: 20, from: 'acknowledgement' },
      extension: { capWorkingDays: 20, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      responseMustInclude: { always: CODE_CONTENTS_FINAL, whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
  ],
  timeLimitMonths: 12,
  pauses: { allowed: true, needsConsent: true },
  complaintAboutHandler: 'manager',
  reminders: DEFAULT_REMINDERS,
  tellResidentWorkingDays: 1,
  adjustmentsReviewWorkingDays: 10,
  notes: [
    'The Code sets no window for asking to escalate; a landlord must not refuse an escalation without a valid reason, so none is set here.',
    'Pauses are allowed by agreement with the resident (e.g. mediation); the Code expects the resident to agree.',
  ],
};
