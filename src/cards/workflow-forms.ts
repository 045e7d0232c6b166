import type { Policy } from '../domain/policy';

/** The action forms, as data: what each asks for. One template (cards/case-action-form.json) shows them all. */
export type FormKind = 'note' | 'pause' | 'escalate' | 'withdraw' | 'extend' | 'behaviour' | 'behaviour-decision' | 'refuse-escalation';

export interface FormSpec {
  title: string;
  intro: string;
  submitVerb: string;
  submitTitle: string;
  dateLabel: string;
  textLabel: string;
  textRequired: boolean;
  channels: boolean;
  days: boolean;
  reasons: boolean;
  decision: boolean;
  consentLabel: string;
}

const base = { intro: '', dateLabel: '', textRequired: true, channels: false, days: false, reasons: false, decision: false, consentLabel: '' };

export function formSpec(kind: FormKind, policy: Policy): FormSpec {
  switch (kind) {
    case 'note': return { ...base, title: 'Log correspondence or a note', submitVerb: 'case.note', submitTitle: 'Save', dateLabel: 'Date', textLabel: 'What was said or done, and with whom', channels: true };
    case 'pause': return {
      ...base, title: 'Pause the complaint (mediation)', submitVerb: 'case.pause', submitTitle: 'Pause', dateLabel: 'Paused from', textLabel: 'Why (for example, referred to mediation)',
      intro: 'While paused, the deadlines stop; they move on by the working days paused when you resume.',
      consentLabel: policy.pauses.needsConsent ? 'The complainant has agreed to the pause' : '',
    };
    case 'escalate': return {
      ...base, title: 'The resident asks to escalate', submitVerb: 'case.escalate', submitTitle: 'Escalate', dateLabel: 'Date the request was received',
      textLabel: 'What they said (they need not give a reason)', textRequired: false,
      intro: 'The complaint moves to the next stage and its handler is sent the case to accept.',
    };
    case 'withdraw': return {
      ...base, title: 'The complainant withdraws', submitVerb: 'case.withdraw', submitTitle: 'Record withdrawal', dateLabel: 'Date',
      textLabel: 'Evidence: what the complainant said, when and how, and where it is saved',
    };
    case 'extend': return {
      ...base, title: 'Request an extension', submitVerb: 'case.extend', submitTitle: 'Ask my manager', days: true, reasons: true,
      textLabel: 'Reason (the complainant is told it, with the new date and the Ombudsman\'s details)',
      intro: 'Your manager approves or rejects it on a card. The resident must be told as early as possible.',
    };
    case 'behaviour': return {
      ...base, title: 'Report unacceptable behaviour', submitVerb: 'case.behaviour', submitTitle: 'Send to the AD', textLabel: 'Evidence of the behaviour',
      intro: 'The Assistant Director decides on restrictions. The complaint itself goes on.',
    };
    case 'refuse-escalation': return {
      ...base, title: 'Refuse the resident\'s request to escalate', submitVerb: 'case.refuse-escalation', submitTitle: 'Ask my manager',
      textLabel: 'The valid reason (told to the resident, with the Housing Ombudsman\'s details)',
      intro: 'Residents need not give reasons for escalating; a refusal needs a valid reason and your manager\'s approval.',
    };
    case 'behaviour-decision': return {
      ...base, title: 'Decide on unacceptable behaviour', submitVerb: 'case.behaviour.decide', submitTitle: 'Record decision', decision: true, textLabel: 'Reasons for the decision',
    };
  }
}

export const NOTE_CHANNELS = { phone: 'Phone', email: 'Email', letter: 'Letter', 'in-person': 'In person', internal: 'Internal note' } as const;
export const EXTENSION_REASONS = {
  investigation: 'The investigation needs more time', 'third-party': 'Waiting for a contractor or other party',
  'complainant-availability': 'The complainant is not available', 'annual-leave': 'Annual leave', illness: 'Illness', workload: 'Workload', other: 'Other',
} as const;
export const BEHAVIOUR_DECISIONS = { restrict: 'Restrict contact', 'no-action': 'No restrictions' } as const;
