import { bannerText, formatInstant } from '../../cards/card-text';
import { extensionDecisionCard } from '../../cards/workflow-cards';
import type { CaseRecord } from '../../domain/case-record';
import { findPerson } from '../../domain/directory';
import type { ActionScope, CaseCardAction } from './case-card-action';
import { commentOf } from './form-fields';
import { tellPeople } from './tell-people';

/** A manager approves or rejects an extension request on its card; the first decision counts. */
export const decideExtensionAction: CaseCardAction<'decide-extension'> = {
  command: 'decide-extension',
  button: { title: 'Decide extension', verb: 'case.extension.form' },
  form: (record, scope) => extensionDecisionCard(record, scope.cards, ''),
  submitVerbs: ['case.extension.approve', 'case.extension.reject'],
  parse: (verb, data) => ({ ok: true, input: { approve: verb === 'case.extension.approve', comment: commentOf(data) } }),
  done: (_record, input) => `${input.approve ? 'Approved' : 'Rejected'} by you.`,
  tell(record, input, scope) {
    const handler = findPerson(scope.cards.directory, record.responsibleOfficerId);
    if (!handler || handler.id === scope.person.id) return Promise.resolve('');
    const comment = input.comment ? ` Their comment: "${input.comment}".` : '';
    const next = input.approve ? ' Tell the resident the reason, the new date and the Ombudsman\'s details, then record it with "Resident told".' : '';
    return tellPeople([handler], (p) => scope.caseCard(record, p, `${scope.person.name} ${input.approve ? 'approved' : 'rejected'} the extension request.${comment}${next}`),
      `Extension decided ${record.reference}`, 'told', record, scope);
  },
  reply: (record, banner, scope) => extensionDecisionCard(record, scope.cards, bannerText(banner)),
  refused(record, refusal, scope) {
    // The second of two managers pressing at once: say who decided, not just "changed".
    const already = decidedBy(record, scope);
    if (already && refusal.kind !== 'not-allowed') return extensionDecisionCard(record, scope.cards, already);
    const message = refusal.kind === 'stale' ? 'This case has changed since this card was shown; nothing was changed.' : `${refusal.message} Nothing was changed.`;
    return extensionDecisionCard(record, scope.cards, message);
  },
};

function decidedBy(record: CaseRecord, scope: ActionScope): string {
  const last = record.events.findLast((e) => e.type === 'extended' || e.type === 'extension-rejected');
  if (!last) return '';
  const who = findPerson(scope.cards.directory, last.by)?.name ?? last.by;
  return `Already ${last.type === 'extended' ? 'approved' : 'rejected'} by ${who} (${formatInstant(last.at)}). Nothing more was changed.`;
}
