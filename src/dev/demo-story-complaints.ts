import type { CaseContext } from '../cases/case-context';
import type { CalendarDate } from '../domain/calendar-date';
import type { ResponseContentValues, ResponseOutcome } from '../domain/case-events';
import type { ComplainantDetails, ComplaintDetails } from '../domain/case-details';
import type { CaseRecord } from '../domain/case-record';
import type { CaseCommandName, InputOf } from '../domain/commands/case-commands';
import { requiredContents } from '../domain/response-contents';

/**
 * The complaints of `npm run dev`'s demo story (demo-story.ts), as data: who complained about
 * what, when it came in (in working days before today) and what staff did, step by step, as
 * domain commands. Everyone here is invented: names, streets, emails (example.net) and phone
 * numbers (Ofcom's drama range).
 */
export interface StoryStep {
  daysAgo: number;
  /** Who acts; by default the case's handler at that point. */
  by?: string;
  command: CaseCommandName;
  input: (day: CalendarDate, record: CaseRecord, ctx: CaseContext) => unknown;
}

export interface StoryComplaint {
  /** Its part in the story: the walk-through's cases, or background for the PIM's log and report. */
  part: 'closed' | 'open' | 'escalated' | 'extension-pending';
  receivedDaysAgo: number;
  /** Calendar days between the issue and the complaint. */
  issueDaysBefore: number;
  complainant: Pick<ComplainantDetails, 'complainantName' | 'contactEmail' | 'contactPhone' | 'preferredContact' | 'address' | 'estate' | 'vulnerabilities' | 'adjustments' | 'tenure'>;
  complaint: Pick<ComplaintDetails, 'channel' | 'category' | 'serviceArea' | 'description' | 'complaintDefinition' | 'outcomeSought'>;
  steps: StoryStep[];
}

/** One step, typed by its command's input. */
function step<N extends CaseCommandName>(daysAgo: number, command: N, input: (day: CalendarDate, record: CaseRecord, ctx: CaseContext) => InputOf<N>, by?: string): StoryStep {
  return { daysAgo, command, input, ...(by ? { by } : {}) };
}

const acknowledge = (daysAgo: number) => step(daysAgo, 'acknowledge', (on) => ({ on, method: 'email' }));
const close = (daysAgo: number) => step(daysAgo, 'close', (on) => ({ on }));

/**
 * The handler's response: the story's words for the usual items, and a plain sentence for any
 * other item the policy asks of that stage, so the story also runs under another preset.
 */
function respond(daysAgo: number, outcome: ResponseOutcome, said: { reasons: string; remedy: string }) {
  return step(daysAgo, 'record-response', (on, record, ctx) => {
    const words: ResponseContentValues = {
      stage: `Stage ${record.stage}`, 'complaint-definition': record.details.complaint.complaintDefinition,
      reasons: said.reasons, remedy: said.remedy, 'outstanding-actions': 'None',
      'how-to-escalate': 'Reply to this letter within 20 working days to ask for a stage 2 review.',
      'ombudsman-details': 'You can ask the Housing Ombudsman Service to look at your complaint.',
    };
    // The items this stage's response must have; the decision is the outcome itself.
    const content: ResponseContentValues = {};
    for (const item of requiredContents(ctx.policy, record.stage, outcome)) {
      if (item !== 'decision') content[item] = words[item] ?? 'Set out in the response letter.';
    }
    return { on, outcome, content, actions: [] };
  });
}

const resident = (name: string, n: number, address: string, estate: string, extra: Partial<StoryComplaint['complainant']> = {}): StoryComplaint['complainant'] => ({
  complainantName: name, contactEmail: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.net`, contactPhone: `07700 900${String(100 + n)}`,
  preferredContact: 'email', address, estate, vulnerabilities: '', adjustments: '', tenure: 'social-or-affordable-rent', ...extra,
});

export const STORY_COMPLAINTS: readonly StoryComplaint[] = [
  {
    part: 'closed', receivedDaysAgo: 75, issueDaysBefore: 21,
    complainant: resident('Wren Halloway', 1, 'Flat 12, 3 Invented Walk', 'Riverside'),
    complaint: {
      channel: 'letter', category: 'rent-charges', serviceArea: 'housing-management',
      description: 'The service charge went up by a third with no breakdown, and nobody answered two letters about it. (Demo case)',
      complaintDefinition: 'Wren complains that a service charge increase was not explained and letters went unanswered. (Demo case)',
      outcomeSought: 'A breakdown of the charge and a reply to the letters.',
    },
    steps: [
      acknowledge(74),
      respond(66, 'not-upheld', { reasons: 'The increase follows the new cleaning contract, consulted on in the spring.', remedy: 'A breakdown of the charge is enclosed.' }),
      step(60, 'escalate', (on) => ({ on, said: 'Wren wrote that the breakdown does not match the contract.', lateAcceptanceReason: '' })),
      acknowledge(59),
      respond(45, 'partly-upheld', { reasons: 'The charge is right, but the letters should have been answered within ten working days.', remedy: 'An apology, and one named contact for service charge questions from now on.' }),
      close(44),
    ],
  },
  {
    part: 'closed', receivedDaysAgo: 62, issueDaysBefore: 14,
    complainant: resident('Ellis Varga', 2, '41 Invented Road', 'Riverside'),
    complaint: {
      channel: 'phone', category: 'repairs', serviceArea: 'property',
      description: 'The front door lock was reported broken three times and the contractor never came. (Demo case)',
      complaintDefinition: 'Ellis complains that a broken front door lock was not repaired after three reports. (Demo case)',
      outcomeSought: 'The lock replaced and an apology.',
    },
    steps: [
      acknowledge(60),
      respond(52, 'upheld', { reasons: 'The job was closed by mistake twice.', remedy: 'The lock was replaced on the day of this letter, with an apology.' }),
      close(51),
    ],
  },
  {
    part: 'closed', receivedDaysAgo: 57, issueDaysBefore: 30,
    complainant: resident('Noor Castellane', 3, 'Flat 2, 8 Invented Gardens', 'Hillside'),
    complaint: {
      channel: 'email', category: 'asb', serviceArea: 'housing-management',
      description: 'Loud music from the flat above most nights; reported twice with no visit. (Demo case)',
      complaintDefinition: 'Noor complains that reports of noise nuisance were not followed up. (Demo case)',
      outcomeSought: 'A visit and an action plan.',
    },
    steps: [
      acknowledge(56),
      respond(47, 'not-upheld', { reasons: 'Both reports were logged and a warning letter sent; the diary sheets show no further nights.', remedy: 'None; a new diary sheet is enclosed.' }),
      close(46),
    ],
  },
  {
    part: 'closed', receivedDaysAgo: 48, issueDaysBefore: 40,
    complainant: resident('Sasha Pennick', 4, '6 Invented Close', 'Northgate', { vulnerabilities: 'Asthma', adjustments: 'Email rather than phone' }),
    complaint: {
      channel: 'email', category: 'damp-mould', serviceArea: 'housing-management',
      description: 'Mould in the children\'s bedroom keeps coming back after each treatment. (Demo case)',
      complaintDefinition: 'Sasha complains that mould in a bedroom has not been put right. (Demo case)',
      outcomeSought: 'A lasting fix and the room redecorated.',
    },
    steps: [
      acknowledge(47),
      step(39, 'request-extension', () => ({ workingDays: 5, reason: 'The damp survey is booked for next week.', reasonCategory: 'third-party', complainantAgreed: true })),
      step(38, 'decide-extension', () => ({ approve: true, comment: 'Fine: we need the survey.' }), 'priya.shah'),
      step(38, 'record-resident-told', (on) => ({ about: 'extension', method: 'email', on, note: 'Emailed the reason, the new date and the Ombudsman\'s details.' })),
      respond(33, 'partly-upheld', { reasons: 'The survey found a failed extractor fan; the earlier treatments did not look for the cause.', remedy: 'A new fan, the room treated and redecorated.' }),
      close(32),
    ],
  },
  {
    part: 'closed', receivedDaysAgo: 42, issueDaysBefore: 10,
    complainant: resident('Idris Mallow', 5, 'Flat 5, 20 Invented Terrace', 'Hillside'),
    complaint: {
      channel: 'in-person', category: 'communication', serviceArea: 'housing-management',
      description: 'Told twice at the office that someone would ring back about the parking permit; nobody did. (Demo case)',
      complaintDefinition: 'Idris complains that promised call-backs about a parking permit did not happen. (Demo case)',
      outcomeSought: 'The permit sorted and a call back.',
    },
    // Answered three working days late: the report counts it so.
    steps: [
      acknowledge(40),
      respond(27, 'upheld', { reasons: 'The call-backs were not logged.', remedy: 'The permit is issued and call-backs are now logged.' }),
      close(26),
    ],
  },
  {
    part: 'closed', receivedDaysAgo: 30, issueDaysBefore: 7,
    complainant: resident('Marlo Quist', 6, '2 Invented Yard', 'Riverside'),
    complaint: {
      channel: 'social-media', category: 'neighbourhood', serviceArea: 'housing-management',
      description: 'Fly-tipping by the bin store has been left for three weeks. (Demo case)',
      complaintDefinition: 'Marlo complains that fly-tipping by the bin store was not cleared. (Demo case)',
      outcomeSought: 'The rubbish cleared.',
    },
    steps: [
      acknowledge(29),
      respond(22, 'upheld', { reasons: 'The clearance order was not raised.', remedy: 'Cleared within two days, and the bin store added to the weekly check.' }),
      close(21),
    ],
  },
  {
    part: 'open', receivedDaysAgo: 3, issueDaysBefore: 5,
    complainant: resident('Tamsin Orrell', 7, 'Flat 9, 14 Invented Lane', 'Hillside'),
    complaint: {
      channel: 'phone', category: 'repairs', serviceArea: 'property',
      description: 'No hot water since the boiler service. (Demo case)',
      complaintDefinition: 'Tamsin complains that the boiler service left the flat without hot water. (Demo case)',
      outcomeSought: 'Hot water back today.',
    },
    steps: [acknowledge(2)],
  },
  {
    // Stage 2 for the AD: the resident escalated two days ago; the AD has still to acknowledge.
    part: 'escalated', receivedDaysAgo: 35, issueDaysBefore: 20,
    complainant: resident('Rowan Estcourt', 8, '33 Invented Street', 'Riverside'),
    complaint: {
      channel: 'email', category: 'repairs', serviceArea: 'housing-management',
      description: 'The kitchen ceiling leaks whenever it rains; the roof was "fixed" twice. (Demo case)',
      complaintDefinition: 'Rowan complains that a roof leak into the kitchen was not repaired properly. (Demo case)',
      outcomeSought: 'The roof repaired properly and the ceiling made good.',
    },
    steps: [
      acknowledge(34),
      respond(26, 'not-upheld', { reasons: 'The roofer found no leak on two visits in dry weather.', remedy: 'A further inspection after rain.' }),
      step(2, 'escalate', (on) => ({ on, said: 'Rowan wrote: it leaked again last night, and nobody came after rain as promised.', lateAcceptanceReason: '' })),
    ],
  },
  {
    // For the manager: asked yesterday, waiting for their decision.
    part: 'extension-pending', receivedDaysAgo: 8, issueDaysBefore: 12,
    complainant: resident('Kit Brannagh', 9, 'Flat 1, 5 Invented Row', 'Northgate'),
    complaint: {
      channel: 'letter', category: 'damp-mould', serviceArea: 'housing-management',
      description: 'Condensation streams down the bedroom walls and the new windows have not helped. (Demo case)',
      complaintDefinition: 'Kit complains that condensation in the bedroom was not dealt with. (Demo case)',
      outcomeSought: 'A survey and a ventilation fix.',
    },
    steps: [
      acknowledge(7),
      step(1, 'request-extension', () => ({ workingDays: 5, reason: 'The ventilation survey is booked for next Tuesday.', reasonCategory: 'third-party', complainantAgreed: true })),
    ],
  },
];
