import { z } from 'zod';
import type { CaseCardAction } from './case-card-action';
import { itemForm, openItemChoices } from './follow-up-forms';
import { parseForm, pastDate, text } from './form-fields';

/** An Ombudsman order or recommendation complied with, and the evidence sent to the Ombudsman. */
export const complyWithOrderAction: CaseCardAction<'comply-with-order'> = {
  command: 'comply-with-order',
  button: { title: 'Order complied with', verb: 'case.order-complied.form' },
  form: (record, scope, input) => itemForm({
    title: 'Record compliance with an Ombudsman order', submitVerb: 'case.order-complied', submitTitle: 'Record compliance', dateLabel: 'Date it was complied with',
    textLabel: 'Evidence of compliance sent to the Ombudsman',
  }, record, scope, input, openItemChoices(record, scope, 'ombudsman-order'), 'Which order', input.values.orderId),
  submitVerbs: ['case.order-complied'],
  parse: (_verb, data, scope) => parseForm(z.object({
    reasonCategory: z.string({ error: 'Choose the order' }).min(1, 'Choose the order'), on: pastDate(scope.commands.today), text: text('The evidence'),
  }), data, (v) => ({ orderId: v.reasonCategory, on: v.on, evidence: v.text })),
  fieldFor: { evidence: 'text', orderId: 'reasonCategory' },
  done: (_record, input) => `Compliance with order ${input.orderId} recorded.`,
};
