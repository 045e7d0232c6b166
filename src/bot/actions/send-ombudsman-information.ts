import { z } from 'zod';
import { formatDate } from '../../cards/card-text';
import { viewOf } from '../../domain/case-view';
import type { CaseCardAction } from './case-card-action';
import { itemForm } from './follow-up-forms';
import { optionalText, parseForm, pastDate } from './form-fields';

/** The information the Ombudsman asked for has been sent. */
export const sendOmbudsmanInformationAction: CaseCardAction<'send-ombudsman-information'> = {
  command: 'send-ombudsman-information',
  button: { title: 'Information sent', verb: 'case.ombudsman-sent.form' },
  form(record, scope, input) {
    const waiting = viewOf(record, scope.cards).deadlines.filter((d) => d.kind === 'ombudsman-information' && d.metOn === null && d.id);
    const choices = Object.fromEntries(waiting.map((d) => [d.id ?? '', `Request ${d.id ?? ''} (due ${formatDate(d.due)})`]));
    return itemForm({
      title: 'Information sent to the Ombudsman', submitVerb: 'case.ombudsman-sent', submitTitle: 'Record', dateLabel: 'Date it was sent',
      textLabel: 'What was sent (optional)', textRequired: false,
    }, record, scope, input, choices, 'Which request', input.values.requestId);
  },
  submitVerbs: ['case.ombudsman-sent'],
  parse: (_verb, data, scope) => parseForm(z.object({
    reasonCategory: z.string({ error: 'Choose the request' }).min(1, 'Choose the request'), on: pastDate(scope.commands.today), text: optionalText,
  }), data, (v) => ({ requestId: v.reasonCategory, on: v.on, what: v.text })),
  fieldFor: { requestId: 'reasonCategory' },
  done: (_record, input) => `Recorded: the information for request ${input.requestId} was sent.`,
};
