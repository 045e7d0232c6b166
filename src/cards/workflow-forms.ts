/**
 * The action forms, as data: what each asks for. One template (cards/case-action-form.json)
 * shows them all; each card action module (src/bot/actions) says what its form asks.
 */

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

/** What a form leaves out unless it says otherwise. */
export const FORM_DEFAULTS = { intro: '', dateLabel: '', textRequired: true, channels: false, days: false, reasons: false, decision: false, consentLabel: '' };

export const EXTENSION_REASONS = {
  investigation: 'The investigation needs more time', 'third-party': 'Waiting for a contractor or other party',
  'complainant-availability': 'The complainant is not available', 'annual-leave': 'Annual leave', illness: 'Illness', workload: 'Workload', other: 'Other',
} as const;
export const BEHAVIOUR_DECISIONS = { restrict: 'Restrict contact', 'no-action': 'No restrictions' } as const;
