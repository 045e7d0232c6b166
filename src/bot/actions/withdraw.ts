import { z } from 'zod';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import type { CaseCardAction } from './case-card-action';
import { parseForm, pastDate, text } from './form-fields';

/** The handler records that the complainant withdrew, with the evidence. */
export const withdrawAction: CaseCardAction<'withdraw'> = {
  command: 'withdraw',
  button: { title: 'Withdraw', verb: 'case.withdraw.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'The complainant withdraws', submitVerb: 'case.withdraw', submitTitle: 'Record withdrawal', dateLabel: 'Date',
    textLabel: 'Evidence: what the complainant said, when and how, and where it is saved',
  }, record, scope.cards, input),
  submitVerbs: ['case.withdraw'],
  parse: (_verb, data, scope) => parseForm(z.object({ on: pastDate(scope.commands.today), text: text('The evidence') }), data, (v) => ({ on: v.on, evidence: v.text })),
  fieldFor: { evidence: 'text' },
  done: () => 'Withdrawal recorded.',
};
