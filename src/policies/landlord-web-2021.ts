import { DEFAULT_REMINDERS, type Policy } from '../domain/policy';
import { HOUSING_OMBUDSMAN } from './ombudsmen';

/**
 * A landlord's public Housing Complaints Procedure web page (seed 001), written after the
 * 2020 Code: a "Stage 0" investigation by a housing manager, then Stage 1 (housing manager,
 * 10 working days, +10 with the complainant's agreement) and Stage 2 (Head of Housing,
 * 20 working days, +10).
 */
export const landlordWeb2021: Policy = {
  id: 'landlord-web-2021',
  name: 'Housing Complaints Procedure (landlord web page, stage 0 to stage 2)',
  source: 'A landlord\'s public web page, Housing Complaints Procedure (after the 2020 Code)',
  nation: 'england-and-wales',
  modelProcedure: 'hos-code-2024',
  ombudsman: HOUSING_OMBUDSMAN,
  closureDays: [],
  informalStage: {
    name: 'Stage 0 - Investigation',
    handlerRole: 'HM',
    // "we will look to put this right as quickly as possible": no number of days is given.
    resolveWorkingDays: null,
  },
  stages: [
    {
      number: 1, name: 'Stage 1 - Resolution', handlerRole: 'HM', substituteHandlers: {},
      // No acknowledgement time is stated.
      acknowledge: null,
      // "We aim to provide a full response to your complaint within 10 working days": counted
      // from receipt of the stage 1 complaint, since no acknowledgement step is described.
      respond: { workingDays: 10, from: 'receipt' },
      // "with agreement from you, may extend our response time by a further 10 working days".
      extension: { capWorkingDays: 10, needsComplainantAgreement: true, refusedReasons: [] },
      draftResponse: null,
      // "a full response"; the page lists no required contents.
      responseMustInclude: { always: ['decision', 'how-to-escalate'], whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
    {
      number: 2, name: 'Stage 2 - Escalation Review', handlerRole: 'HEAD-OF-HOUSING', substituteHandlers: {},
      acknowledge: null,
      // "We aim to provide a full response to your Stage Two complaint within 20 working days."
      respond: { workingDays: 20, from: 'receipt' },
      // "we will discuss this with you and may extend our response time by a further 10 working days".
      extension: { capWorkingDays: 10, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      responseMustInclude: { always: ['decision', 'ombudsman-details'], whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
  ],
  timeLimitMonths: null,
  pauses: { allowed: false, needsConsent: true },
  complaintAboutHandler: 'manager',
  reminders: DEFAULT_REMINDERS,
  tellResidentWorkingDays: 1,
  adjustmentsReviewWorkingDays: 10,
  notes: [
    '"If you raise a new issue at this stage, we may treat it as a new and separate complaint": log a new case for a new issue raised at stage 2.',
    'The page names no time limit for complaining or escalating, and no pause.',
  ],
};
