import { DEFAULT_REMINDERS, type Policy } from '../domain/policy';
import { HOUSING_OMBUDSMAN } from './ombudsmen';

/**
 * Herefordshire Council, Housing Tenants Complaints Policy and Procedure 2021-2024 (seed 002):
 * two stages per the Code of the time. Stage 1 by the service complained about, stage 2 an
 * independent review by the Complaints Team.
 */
export const herefordshire2021: Policy = {
  id: 'herefordshire-2021',
  name: 'Herefordshire Council Housing Tenants Complaints Procedure 2021-2024',
  source: 'Herefordshire Council, Housing Tenants Complaints Policy and Procedure 2021-2024, version 2.0',
  nation: 'england-and-wales',
  modelProcedure: 'hos-code-2024',
  ombudsman: HOUSING_OMBUDSMAN,
  closureDays: [],
  // "Any informal complaints ... should be recorded, monitored and resolved by the service
  // area": outside the two-stage procedure, so not modelled as a stage.
  informalStage: null,
  stages: [
    {
      number: 1, name: 'Stage 1', handlerRole: 'SERVICE-OFFICER', substituteHandlers: {},
      // "Your complaint will be acknowledged within 5 working days."
      acknowledge: { workingDays: 5, from: 'receipt' },
      // "Your complaint will be investigated within 10 working days": from receipt (the
      // document does not say from acknowledgement; the 2020 Code counted from logging).
      respond: { workingDays: 10, from: 'receipt' },
      // "this will not exceed a further 10 days without good reason": read as working days.
      extension: { capWorkingDays: 10, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // "The response at stage 1 will tell you how to do this [escalate]."
      responseMustInclude: { always: ['decision', 'reasons', 'how-to-escalate'], whenUpheld: [], whenNotUpheld: [] },
      // "You must ask for this no later than 28 calendar days from our initial reply."
      escalationWindowCalendarDays: 28,
      // "When you ask for your complaint to be escalated you must explain why."
      escalationNeedsReason: true,
    },
    {
      number: 2, name: 'Stage 2 (Complaints Team review)', handlerRole: 'COMPLAINTS-TEAM', substituteHandlers: {},
      // No acknowledgement time is stated for stage 2.
      acknowledge: null,
      // "Your complaint will be investigated within 20 working days."
      respond: { workingDays: 20, from: 'receipt' },
      extension: { capWorkingDays: 10, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // "you can refer the matter to a designated person or wait 8 weeks and refer directly to the Housing Ombudsman".
      responseMustInclude: { always: ['decision', 'reasons', 'ombudsman-details'], whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
  ],
  // "the issue giving rise to the complaint occurred more than one year ago, unless there is a good reason for the delay".
  timeLimitMonths: 12,
  pauses: { allowed: false, needsConsent: true },
  complaintAboutHandler: 'manager',
  reminders: DEFAULT_REMINDERS,
  tellResidentWorkingDays: 1,
  adjustmentsReviewWorkingDays: 10,
  notes: [
    'At both stages the complainant may comment on adverse findings before a final decision: record the invitation and any reply as correspondence.',
    'Not investigated: matters in legal proceedings, issues over a year old without good reason, matters already considered, staff disciplinary matters, internal complaints. Record such a complaint as refused with the reason.',
    'The Complaints Team records dates received, acknowledged and responded, the category, actions taken and lessons learned, and reports twice a year.',
  ],
};
