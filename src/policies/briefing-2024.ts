import { DEFAULT_REMINDERS, type Policy, type PolicyStage } from '../domain/policy';
import { CODE_CONTENTS_BEFORE_FINAL, CODE_CONTENTS_FINAL } from './response-contents';
import { HOUSING_OMBUDSMAN } from './ombudsmen';

/**
 * A landlord's briefing note on the Code's changes from 1 April 2024 (seed 003). It gives
 * two sets of rules: the interim ones applied "in advance of new policy being agreed", and
 * the new policy's. Both: no informal stage; extensions need reasons, "annual leave, illness
 * and workload are not acceptable reasons", and "cannot be longer than ten working days";
 * the exact contents of stage 1 and stage 2 responses.
 */
const SOURCE = 'A landlord\'s briefing note, "Landlord complaints: changes we will implement from 1 April"';
const EXTENSION: PolicyStage['extension'] = {
  capWorkingDays: 10, needsComplainantAgreement: false, refusedReasons: ['annual-leave', 'illness', 'workload'],
};
const NOTES = [
  'The note names no roles; the directory\'s AHM handles stage 1 and its AD stage 2, so the stage 2 handler is never the stage 1 handler.',
  'Related new complaints raised during a stage 1 investigation are added to that stage 1 complaint (record them as notes), not opened as new cases.',
  'MP or councillor enquiries are handled as the resident\'s own contact; a withdrawal needs evidence (record it with the withdrawal).',
];

function stage(number: 1 | 2, acknowledge: PolicyStage['acknowledge'], respond: PolicyStage['respond']): PolicyStage {
  return {
    number, name: `Stage ${number}`, handlerRole: number === 1 ? 'AHM' : 'AD', substituteHandlers: {},
    acknowledge, respond, extension: EXTENSION, draftResponse: null,
    responseMustInclude: { always: number === 1 ? CODE_CONTENTS_BEFORE_FINAL : CODE_CONTENTS_FINAL, whenUpheld: [], whenNotUpheld: [] },
    escalationWindowCalendarDays: null,
    // "The complainant doesn't have to explain why they are requesting escalation to stage 2".
    escalationNeedsReason: false,
  };
}

export const briefingInterim2024: Policy = {
  id: 'briefing-interim-2024',
  name: 'Briefing note 2024: interim rules until the new policy is agreed',
  source: `${SOURCE} (interim rules)`,
  nation: 'england-and-wales',
  modelProcedure: 'hos-code-2024',
  ombudsman: HOUSING_OMBUDSMAN,
  closureDays: [],
  informalStage: null,
  stages: [
    // "Until the new policy is approved, the deadline for a response will remain at ten working
    // days from receipt of the complaint"; no acknowledgement time is given for the interim.
    stage(1, null, { workingDays: 10, from: 'receipt' }),
    // "the deadline for a stage 2 response will remain at ten working days from receipt of the complaint".
    stage(2, null, { workingDays: 10, from: 'receipt' }),
  ],
  timeLimitMonths: null,
  pauses: { allowed: false, needsConsent: true },
  complaintAboutHandler: 'manager',
  reminders: DEFAULT_REMINDERS,
  tellResidentWorkingDays: 1,
  adjustmentsReviewWorkingDays: 10,
  notes: [...NOTES, 'The interim rules set no acknowledgement deadline; the new policy adds five working days.'],
};

export const briefingNew2024: Policy = {
  ...briefingInterim2024,
  id: 'briefing-new-2024',
  name: 'Briefing note 2024: the new policy',
  source: `${SOURCE} (new policy)`,
  stages: [
    // "ten working days from the date of acknowledgement, and we will have five working days to acknowledge".
    stage(1, { workingDays: 5, from: 'receipt' }, { workingDays: 10, from: 'acknowledgement' }),
    // "ten or twenty working days from the date of acknowledgement": twenty chosen, the Code's
    // figure, since the note leaves it open.
    stage(2, { workingDays: 5, from: 'receipt' }, { workingDays: 20, from: 'acknowledgement' }),
  ],
  notes: [...NOTES, 'Stage 2 response: the note says "ten or twenty" working days from acknowledgement; twenty (the Code\'s) is used.'],
};
