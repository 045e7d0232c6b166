import { z } from 'zod';
import type { CaseCardAction } from './case-card-action';
import { itemForm, openItemChoices } from './follow-up-forms';
import { parseForm, pastDate, text } from './form-fields';

/** The owner (or the handler, a manager, the PIM) marks a promised action done, with the evidence. */
export const completeActionAction: CaseCardAction<'complete-action'> = {
  command: 'complete-action',
  button: { title: 'Action done', verb: 'case.action-done.form' },
  form: (record, scope, input) => itemForm({
    title: 'Mark an action done', submitVerb: 'case.action-done', submitTitle: 'Mark done', dateLabel: 'Date it was done',
    textLabel: 'Evidence that it was done (what, and where it is recorded)',
    intro: 'The remedy the response promised is done. The evidence is kept on the case for the Ombudsman.',
  }, record, scope, input, openItemChoices(record, scope, 'response'), 'Which action', input.values.actionId),
  submitVerbs: ['case.action-done'],
  parse: (_verb, data, scope) => parseForm(z.object({
    reasonCategory: z.string({ error: 'Choose the action' }).min(1, 'Choose the action'), on: pastDate(scope.commands.today), text: text('The evidence'),
  }), data, (v) => ({ actionId: v.reasonCategory, on: v.on, evidence: v.text })),
  fieldFor: { evidence: 'text', actionId: 'reasonCategory' },
  done: (_record, input) => `Action ${input.actionId} marked done.`,
};
