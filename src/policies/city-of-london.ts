import { DEFAULT_REMINDERS, type Policy } from '../domain/policy';
import { HOUSING_OMBUDSMAN } from './ombudsmen';

/**
 * City of London, Housing Services Complaints Procedure (seed 000). An informal stage run by
 * the Estate Manager, then three formal stages: the Area Housing Manager, the Assistant
 * Director Housing & Neighbourhoods, and a Chief Officer nominated by the Town Clerk.
 * Property or benefits matters go to the appropriate managers, and to the AD Barbican &
 * Property in place of the AD H&N.
 */
export const cityOfLondon: Policy = {
  id: 'city-of-london',
  name: 'City of London Housing Services Complaints Procedure',
  source: 'City of London, Housing Services Complaints Procedure (follows the corporate complaints procedure)',
  nation: 'england-and-wales',
  modelProcedure: 'hos-code-2024',
  ombudsman: HOUSING_OMBUDSMAN,
  closureDays: [],
  informalStage: {
    name: 'Informal stage (local estate staff)',
    handlerRole: 'EM',
    // "1 week": read as five working days, a working week.
    resolveWorkingDays: 5,
  },
  stages: [
    {
      number: 1, name: 'Stage 1 (Area Housing Manager)', handlerRole: 'AHM',
      substituteHandlers: { property: 'PSM', benefits: 'BM' },
      // "AHM acknowledges complaint within two working days."
      acknowledge: { workingDays: 2, from: 'receipt' },
      // "10 days* from receipt of complaint": read as working days, as the acknowledgement is.
      respond: { workingDays: 10, from: 'receipt' },
      // "*Unless a longer investigation is required, whereupon the Manager should write to the
      // complainant to inform them of the revised response target": no cap is stated.
      extension: { capWorkingDays: null, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // "What the investigation has involved; what the AHM has found; what resolution is
      // proposed and by when; ... write to the AD H&N within 30 days".
      responseMustInclude: { always: ['investigation', 'decision', 'reasons', 'remedy', 'how-to-escalate'], whenUpheld: [], whenNotUpheld: [] },
      // "they should write to the AD H&N within 30 days": read as calendar days.
      escalationWindowCalendarDays: 30,
      escalationNeedsReason: false,
    },
    {
      number: 2, name: 'Stage 2 (Assistant Director)', handlerRole: 'AD-HN',
      // "If complaint relates to property issues, it is passed to the AD Barbican & Property".
      substituteHandlers: { property: 'AD-BP', benefits: 'AD-BP' },
      acknowledge: null,
      // "10 days* from receipt of Stage 2 complaint".
      respond: { workingDays: 10, from: 'receipt' },
      extension: { capWorkingDays: null, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // "The letter will state that if the resident remains dissatisfied ... write to the Town Clerk within 30 days".
      responseMustInclude: { always: ['investigation', 'decision', 'reasons', 'how-to-escalate'], whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: 30,
      escalationNeedsReason: false,
    },
    {
      number: 3, name: 'Stage 3 (Chief Officer nominated by the Town Clerk)', handlerRole: 'CHIEF-OFFICER', substituteHandlers: {},
      acknowledge: null,
      // "15 days* from receipt of Stage 3 complaint".
      respond: { workingDays: 15, from: 'receipt' },
      extension: { capWorkingDays: null, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // "The letter closes by saying that our process is now at an end and ... contact the Housing Ombudsman".
      responseMustInclude: { always: ['decision', 'reasons', 'ombudsman-details'], whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
  ],
  // "A formal complaint must be made within six months of the event".
  timeLimitMonths: 6,
  // "During mediation, the complaints process is paused ... can be reactivated at any time";
  // the complainant is "asked for permission to have their details referred".
  pauses: { allowed: true, needsConsent: true },
  complaintAboutHandler: 'next-stage',
  reminders: DEFAULT_REMINDERS,
  tellResidentWorkingDays: 1,
  adjustmentsReviewWorkingDays: 10,
  notes: [
    'A complaint about an Estate Manager goes to the AHM at stage 1; one about an AHM goes straight to stage 2 (the AD H&N): record it as received at stage 2.',
    'The complainant\'s manager copies the complaint and its deadlines to the housing complaints mailbox so the PIM can keep the Complaints Log.',
    'The PIM produces a short confidential briefing on each stage 3 complaint for the Chairman and Deputy Chairman.',
    'Vexatious complainants: the AHM brings evidence to the AD H&N, who decides; the complaint itself continues.',
    'The PDF is garbled in places; the time limits above are the ones it states clearly.',
  ],
};
