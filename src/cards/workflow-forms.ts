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
  /** The latest date the date field takes: today (when something happened) unless the form asks for a date to come. */
  dateMax?: 'today' | 'any';
  textLabel: string;
  textRequired: boolean;
  /** A choice of how (input `channel`); null: not asked. */
  channel: FormChoice | null;
  days: boolean;
  /** A choice of the kind of reason (input `reasonCategory`); null: not asked. */
  reason: FormChoice | null;
  /** A choice of decision (input `decision`); with restrictions and a review date when it is about behaviour. */
  decision: FormChoice | null;
  consentLabel: string;
  /**
   * The review of the resident's adjustments: their words now (input `adjustments`) and the
   * next review's date (input `nextReviewOn`), with these labels; null: not asked.
   */
  review: { adjustmentsLabel: string; nextReviewLabel: string } | null;
}

/** A choice on a form: its label, and the options as value -> words shown. */
export interface FormChoice { label: string; choices: Readonly<Record<string, string>> }

/** What a form leaves out unless it says otherwise. */
export const FORM_DEFAULTS = { intro: '', dateLabel: '', textRequired: true, channel: null, days: false, reason: null, decision: null, consentLabel: '', review: null };

export const EXTENSION_REASONS = {
  investigation: 'The investigation needs more time', 'third-party': 'Waiting for a contractor or other party',
  'complainant-availability': 'The complainant is not available', 'annual-leave': 'Annual leave', illness: 'Illness', workload: 'Workload', other: 'Other',
} as const;
/** What a review of the resident's adjustments found, as the form offers it. */
export const ADJUSTMENTS_REVIEW_WORDS = {
  'still-needed': 'Still needed as they are', changed: 'Still needed, but changed', 'no-longer-needed': 'No longer needed',
} as const;
export const BEHAVIOUR_DECISIONS = { restrict: 'Restrict contact', 'no-action': 'No restrictions' } as const;
