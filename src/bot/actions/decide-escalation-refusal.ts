import { refusalDecisionCard } from '../../cards/workflow-cards';
import { findPerson } from '../../domain/directory';
import { bannerText } from '../../cards/card-text';
import type { CaseCardAction } from './case-card-action';
import { commentOf } from './form-fields';
import { tellEscalated } from './escalate';

/** A manager approves the refusal (no escalation), or rejects it (the case is escalated there and then). */
export const decideEscalationRefusalAction: CaseCardAction<'decide-escalation-refusal'> = {
  command: 'decide-escalation-refusal',
  button: { title: 'Decide escalation refusal', verb: 'case.escalation-refusal.form' },
  form: (record, scope) => refusalDecisionCard(record, scope.cards, ''),
  submitVerbs: ['case.escalation-refusal.approve', 'case.escalation-refusal.reject'],
  parse: (verb, data) => ({ ok: true, input: { approve: verb === 'case.escalation-refusal.approve', comment: commentOf(data) } }),
  done: (_record, input) => `${input.approve ? 'Refusal approved' : 'Refusal rejected: the complaint is escalated'} by you.`,
  tell: (record, input, scope) => (input.approve ? Promise.resolve('') : tellEscalated(record, scope)),
  reply: (record, banner, scope) => refusalDecisionCard(record, scope.cards, bannerText(banner)),
  refused(record, refusal, scope) {
    const last = record.events.findLast((e) => e.type === 'escalation-refused' || e.type === 'escalation-refusal-rejected');
    const already = last ? `Already ${last.type === 'escalation-refused' ? 'approved' : 'rejected'} by ${findPerson(scope.cards.directory, last.by)?.name ?? last.by}. Nothing more was changed.` : '';
    return refusalDecisionCard(record, scope.cards, already || `${refusal.kind === 'stale' ? 'This case has changed since this card was shown.' : refusal.message} Nothing was changed.`);
  },
};
