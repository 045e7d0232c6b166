import { DEFAULT_REMINDERS, type Policy } from '../domain/policy';
import { PUBLIC_SERVICES_OMBUDSMAN_FOR_WALES } from './ombudsmen';

/**
 * The Public Services Ombudsman for Wales's model concerns and complaints policy, as Welsh
 * councils and housing associations adopt it. Two stages: informal resolution, which aims to
 * settle a concern within 10 working days, then a formal investigation acknowledged within 5
 * working days and answered within 20, or the complainant told why it will take longer and
 * how long. Wales shares England's bank holidays; the PSOW is the ombudsman. The figures were
 * checked against Welsh bodies' published versions of the model ("We aim to resolve a Stage 1
 * complaint within 10 working days", "We aim to resolve a Stage 2 complaint within 20 working
 * days") and the PSOW's own pages.
 */
export const psowModel: Policy = {
  id: 'psow-model',
  name: 'PSOW model concerns and complaints policy',
  source: 'Public Services Ombudsman for Wales, model concerns and complaints policy and guidance (two stages: informal resolution, formal investigation)',
  nation: 'england-and-wales',
  modelProcedure: 'psow-model',
  ombudsman: PUBLIC_SERVICES_OMBUDSMAN_FOR_WALES,
  closureDays: [],
  informalStage: null,
  stages: [
    {
      // Informal resolution is the model's own first stage, not a step before the procedure.
      number: 1, name: 'Stage 1 (informal resolution)', handlerRole: 'AHM', substituteHandlers: {},
      acknowledge: null,
      respond: { workingDays: 10, from: 'receipt' },
      // Read between the lines: the model gives stage 1 no extension; a concern not settled in the
      // ten days goes on to a formal investigation, so no extension is allowed here.
      extension: { capWorkingDays: 0, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // What was decided and why, and that the complainant can ask for a formal investigation.
      responseMustInclude: { always: ['decision', 'reasons', 'how-to-escalate'], whenUpheld: [], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
    {
      number: 2, name: 'Stage 2 (formal investigation)', handlerRole: 'AD', substituteHandlers: {},
      // Read between the lines: the formal complaint acknowledged within 5 working days. The stored
      // pages did not show the model's own sentence for this figure, and Welsh landlords' versions
      // promise less (2 or 3 working days); 5 is the model's ceiling as adopted by Welsh councils.
      acknowledge: { workingDays: 5, from: 'receipt' },
      // Read between the lines: "within 20 working days", counted from receipt of the formal complaint.
      respond: { workingDays: 20, from: 'receipt' },
      // No cap: a complex complaint takes longer, with the complainant told why, how long, and kept updated.
      extension: { capWorkingDays: null, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // The outcome: how the complaint was looked into, what was found and decided, how it will be
      // put right, an apology where things went wrong, and the right to go to the Ombudsman.
      responseMustInclude: { always: ['complaint-definition', 'investigation', 'decision', 'reasons', 'remedy', 'ombudsman-details'], whenUpheld: ['apology'], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
  ],
  // "Normally ... within 6 months"; exceptionally later, with the reason recorded.
  timeLimitMonths: 6,
  // No paused clock in the model: mediation, where suggested, goes with a revised timescale.
  pauses: { allowed: false, needsConsent: true },
  complaintAboutHandler: 'manager',
  reminders: DEFAULT_REMINDERS,
  tellResidentWorkingDays: 1,
  adjustmentsReviewWorkingDays: 10,
  notes: [
    'Stage 1 is informal resolution, aimed at within ten working days, with no acknowledgement step; a concern that is complex or serious starts at stage 2: record it as received at stage 2.',
    'Stage 2 is a formal investigation: acknowledged within five working days, answered within 20; when it will take longer the complainant is told why, how long, and kept updated.',
    'Read between the lines: the model gives no extension at stage 1 (an unresolved concern goes to stage 2), and counts the 20 working days from receipt of the formal complaint.',
    'Read between the lines: the acknowledgement of a formal complaint within five working days could not be checked against the model\'s own words; landlords that promise sooner can extend this preset with a shorter window.',
    'Read between the lines: the model sets no window for asking for a formal investigation, so none is set.',
    'Time limit: normally six months from the events; a concern accepted later records why (the Ombudsman itself takes complaints within a year of the events coming to light).',
    'Wales shares England\'s bank holidays, so the nation is England and Wales; the ombudsman and the model make it Welsh.',
    'The PSOW\'s stored pages give a phone number, postal address and website but no general email address, so none is given; a landlord can add one.',
  ],
};
