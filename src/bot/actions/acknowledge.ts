import { z } from 'zod';
import { assignedCard } from '../../cards/case-cards';
import { noticeCard } from '../../cards/general-cards';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { CONTACT_METHODS, type ContactMethod } from '../../domain/case-events';
import { ACKNOWLEDGEMENT_METHODS } from '../../cards/card-text';
import type { CaseCardAction } from './case-card-action';
import { parseForm, pastDate } from './form-fields';

/**
 * The handler records the acknowledgement sent to the resident: when it went and how (not
 * simply "today"). The new-complaint card carries the two fields itself, so one press does it;
 * the case card's button opens the same questions as a form.
 */
export const acknowledgeAction: CaseCardAction<'acknowledge'> = {
  command: 'acknowledge',
  button: { title: 'Acknowledge', verb: 'case.acknowledge.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'Record the acknowledgement', submitVerb: 'case.acknowledge', submitTitle: 'Acknowledge', dateLabel: 'Date it was sent',
    intro: 'Send the acknowledgement first (it says who is dealing with the complaint, the complaint definition and when to expect the response), then record it here.',
    channel: { label: 'How it was sent', choices: ACKNOWLEDGEMENT_METHODS }, textLabel: '', textRequired: false,
  }, record, scope.cards, { ...input, values: { channel: record.details.complainant.preferredContact, ...input.values } }),
  submitVerbs: ['case.acknowledge'],
  parse: (_verb, data, scope) => parseForm(z.object({
    on: pastDate(scope.commands.today),
    channel: z.enum(CONTACT_METHODS as [ContactMethod, ...ContactMethod[]], { error: 'Choose how the acknowledgement was sent' }),
  }), data, (v) => ({ on: v.on, method: v.channel })),
  fieldFor: { method: 'channel' },
  done: () => 'Acknowledged. The response deadline has started.',
  refused(record, refusal, scope) {
    if (refusal.kind === 'not-allowed' && record.responsibleOfficerId !== scope.person.id) {
      return noticeCard({ title: 'Not your case to acknowledge', text: `${refusal.message} Nothing was changed.`, tone: 'error' });
    }
    // A stale card or a second click: say so, and show the case as it is now.
    const banner = refusal.kind === 'stale' ? 'This case has changed since this card was shown. Here it is as it is now.' : refusal.message;
    return record.state === 'awaiting-acknowledgement' ? withBanner(assignedCard(record, scope.cards), banner) : scope.caseCard(record, scope.person, banner);
  },
};

/** Puts a warning line at the top of a card. */
function withBanner(card: AdaptiveCardJson, text: string): AdaptiveCardJson {
  const body: unknown[] = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [{ type: 'TextBlock', text, wrap: true, color: 'Warning', weight: 'Bolder' }, ...body] };
}
