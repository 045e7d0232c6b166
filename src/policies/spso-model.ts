import { DEFAULT_REMINDERS, type Policy } from '../domain/policy';
import { SCOTTISH_PUBLIC_SERVICES_OMBUDSMAN } from './ombudsmen';

/**
 * The Scottish Public Services Ombudsman's model complaints handling procedure (MCHP) for
 * registered social landlords, revised in 2020 and followed from 1 April 2021. Two stages:
 * a frontline response within 5 working days (at most 10 in exceptional circumstances), then
 * an investigation acknowledged within 3 working days and decided within 20, which a complaint
 * that is clearly complex, or whose customer asks for it, starts at directly. Scottish bank
 * holidays; the SPSO is the ombudsman. The figures were checked against the SPSO's page on the
 * MCHPs ("frontline response to complaints within five working days", "an investigation
 * stage of 20 working days") and Scottish landlords' customer-facing versions of it.
 */
export const spsoModel: Policy = {
  id: 'spso-model',
  name: 'SPSO model complaints handling procedure (social landlords)',
  source: 'Scottish Public Services Ombudsman, Model Complaints Handling Procedure for registered social landlords (revised 2020, in force from 1 April 2021)',
  nation: 'scotland',
  modelProcedure: 'spso-mchp',
  ombudsman: SCOTTISH_PUBLIC_SERVICES_OMBUDSMAN,
  closureDays: [],
  informalStage: null,
  stages: [
    {
      // Frontline staff answer at stage 1; the AHM here, as in the other presets, so the demo directory routes it.
      number: 1, name: 'Stage 1 (frontline response)', handlerRole: 'AHM', substituteHandlers: {},
      // The model has no acknowledgement at stage 1: the decision itself is due in five working days.
      acknowledge: null,
      respond: { workingDays: 5, from: 'receipt' },
      // "Extendable to 10 in exceptional cases": at most five more working days, the customer told why.
      extension: { capWorkingDays: 5, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // The decision, why, and that the customer can take it to stage 2 (often face to face or by phone).
      responseMustInclude: { always: ['decision', 'reasons', 'how-to-escalate'], whenUpheld: [], whenNotUpheld: [] },
      // Read between the lines: the customer asks for stage 2 within six months of the problem or two
      // months of the stage 1 response, whichever is later. A count of calendar days after the response
      // cannot say that, and a shorter window would call in-time requests late, so none is set.
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
    {
      number: 2, name: 'Stage 2 (investigation)', handlerRole: 'AD', substituteHandlers: {},
      acknowledge: { workingDays: 3, from: 'receipt' },
      // Read between the lines: "within 20 working days" of receiving the stage 2 complaint or escalation.
      respond: { workingDays: 20, from: 'receipt' },
      // No cap: a longer investigation is agreed with the customer, told why and when, and kept updated.
      extension: { capWorkingDays: null, needsComplainantAgreement: false, refusedReasons: [] },
      draftResponse: null,
      // The points of complaint confirmed at acknowledgement, the decision on each with reasons, what will
      // be put right, an apology where something went wrong, and the SPSO with its time limit.
      responseMustInclude: { always: ['complaint-definition', 'decision', 'reasons', 'remedy', 'ombudsman-details'], whenUpheld: ['apology'], whenNotUpheld: [] },
      escalationWindowCalendarDays: null,
      escalationNeedsReason: false,
    },
  ],
  // Six months from the event, or from finding out about it; the SPSO's limit is 12 months.
  timeLimitMonths: 6,
  // The model has no paused clock: mediation or another way of resolving it at stage 2 goes with a revised timescale (an extension).
  pauses: { allowed: false, needsConsent: true },
  complaintAboutHandler: 'manager',
  reminders: DEFAULT_REMINDERS,
  tellResidentWorkingDays: 1,
  adjustmentsReviewWorkingDays: 10,
  notes: [
    'Stage 1 is a frontline response in five working days, with no acknowledgement step; in exceptional circumstances it can be extended to ten in all, with the customer told why.',
    'A complaint that clearly needs investigation, or whose customer does not want a frontline response, starts at stage 2: record it as received at stage 2.',
    'Stage 2 acknowledges in three working days, confirms the points of complaint and the outcome wanted, and decides in 20 working days; a longer investigation is agreed with the customer, who is told why, given a new date and kept updated.',
    'Read between the lines: the 20 working days count from receipt of the stage 2 complaint, as the five at stage 1 do.',
    'Read between the lines: the window to ask for stage 2 (six months from the problem, or two months from the stage 1 response if later) is not set as a number of days; an escalation is never called late here, so the handler judges the time limit.',
    'Time limit: six months from the event or from finding out about it, as the app counts it from the date the issue occurred; a complaint accepted later records why (the SPSO itself takes complaints up to 12 months).',
    'The SPSO publishes an online form rather than an email address; the letters give its office, Freepost address, freephone number and website.',
    'No pause: where mediation is used, the revised timescale is agreed with the customer as an extension.',
  ],
};
