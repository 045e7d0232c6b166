import { assignedCard } from '../../cards/case-cards';
import { noticeCard } from '../../cards/general-cards';
import type { AdaptiveCardJson } from '../../cards/card-template';
import type { CaseCardAction } from './case-card-action';

/** The handler acknowledges the complaint from the card they were sent. */
export const acknowledgeAction: CaseCardAction<'acknowledge'> = {
  command: 'acknowledge',
  button: { title: 'Acknowledge', verb: 'case.acknowledge' },
  submitVerbs: ['case.acknowledge'],
  parse: (_verb, _data, scope) => ({ ok: true, input: { on: scope.commands.today, why: 'Acknowledged in Teams' } }),
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
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [{ type: 'TextBlock', text, wrap: true, color: 'Warning', weight: 'Bolder' }, ...body] };
}
