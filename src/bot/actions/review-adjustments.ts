import { z } from 'zod';
import { formatDate } from '../../cards/card-text';
import { actionFormCard } from '../../cards/workflow-cards';
import { ADJUSTMENTS_REVIEW_WORDS, FORM_DEFAULTS } from '../../cards/workflow-forms';
import { defaultReviewOn } from '../../domain/adjustments-review';
import { isCalendarDate } from '../../domain/calendar-date';
import { viewOf } from '../../domain/case-view';
import { findPerson } from '../../domain/directory';
import { keysOf } from '../../intake/intake-options';
import type { CaseCardAction } from './case-card-action';
import { optionalText, parseForm, pastDate, text } from './form-fields';

/**
 * Those who act on the case review the resident's vulnerabilities and adjustments (seed 003:
 * "keep them under review"). The button sits beside the complainant's details, which only
 * they see; the form shows what is recorded now, to review.
 */
export const reviewAdjustmentsAction: CaseCardAction<'review-adjustments'> = {
  command: 'review-adjustments',
  button: { title: 'Review adjustments', verb: 'case.review-adjustments.form', personal: true },
  form(record, scope, input) {
    const now = viewOf(record, scope.cards).adjustments;
    const c = record.details.complainant;
    const adjustments = now?.text ?? c.adjustments;
    const last = now?.lastReview;
    const recorded = [
      `Vulnerabilities: ${c.vulnerabilities.trim() || 'none recorded'}.`,
      `Adjustments: ${now && !now.needed ? 'no longer needed' : adjustments.trim() || 'none recorded'}.`,
      last ? `Last reviewed ${formatDate(last.on)} by ${findPerson(scope.cards.directory, last.by)?.name ?? 'someone no longer in the directory'}.` : 'Not reviewed yet.',
      now?.reviewOn ? `Review due ${formatDate(now.reviewOn)}.` : '',
    ].filter(Boolean).join('\n\n');
    return actionFormCard({
      ...FORM_DEFAULTS, title: 'Review the resident\'s adjustments', submitVerb: 'case.review-adjustments', submitTitle: 'Record review',
      intro: `${recorded}\n\nCheck with the resident that the adjustments still meet their needs, then record what you found.`,
      dateLabel: 'Date of the review', reason: { label: 'Are the adjustments still needed?', choices: ADJUSTMENTS_REVIEW_WORDS },
      review: { adjustmentsLabel: 'The adjustments now (change them here if they changed)', nextReviewLabel: 'Next review (not needed if no longer needed)' },
      textLabel: 'Why: what the resident said, or what you checked',
    }, record, scope.cards, {
      ...input,
      values: { adjustments, nextReviewOn: defaultReviewOn(scope.cards.today, scope.cards.policy, scope.cards.calendar), ...input.values },
    });
  },
  submitVerbs: ['case.review-adjustments'],
  parse: (_verb, data, scope) => parseForm(z.object({
    on: pastDate(scope.commands.today),
    reasonCategory: z.enum(keysOf(ADJUSTMENTS_REVIEW_WORDS), { error: 'Choose whether they are still needed' }),
    adjustments: optionalText,
    nextReviewOn: z.string().trim().optional().default('').refine((d) => d === '' || isCalendarDate(d), 'Enter a date'),
    text: text('Why'),
  }), data, (v) => ({ on: v.on, outcome: v.reasonCategory, adjustments: v.adjustments, nextReviewOn: v.nextReviewOn === '' ? null : v.nextReviewOn, why: v.text })),
  fieldFor: { outcome: 'reasonCategory', why: 'text' },
  done: (_record, input) => (input.outcome === 'no-longer-needed' || !input.nextReviewOn
    ? 'Review recorded: the adjustments are no longer needed, and no further review is due.'
    : `Review recorded: ${ADJUSTMENTS_REVIEW_WORDS[input.outcome].toLowerCase()}. Next review by ${formatDate(input.nextReviewOn)}.`),
};
