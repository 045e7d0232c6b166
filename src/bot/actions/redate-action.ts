import { z } from 'zod';
import { formatDate } from '../../cards/card-text';
import { isCalendarDate } from '../../domain/calendar-date';
import type { CaseCardAction } from './case-card-action';
import { itemForm, openItemChoices } from './follow-up-forms';
import { parseForm, text } from './form-fields';

/** A promised action gets a new date, with the reason; the case then says the resident is to be told it. */
export const redateActionAction: CaseCardAction<'redate-action'> = {
  command: 'redate-action',
  button: { title: 'New date for an action', verb: 'case.action-redate.form' },
  form: (record, scope, input) => itemForm({
    title: 'Give an action a new date', submitVerb: 'case.action-redate', submitTitle: 'Set new date', dateLabel: 'New due date', dateMax: 'any',
    textLabel: 'The reason (the resident is to be told it)',
    intro: 'Only when the remedy genuinely cannot be delivered by the date promised. The resident must be told the new date and why.',
  }, record, scope, { ...input, values: { on: '', ...input.values } }, openItemChoices(record, scope, 'response'), 'Which action', input.values.actionId),
  submitVerbs: ['case.action-redate'],
  parse: (_verb, data) => parseForm(z.object({
    reasonCategory: z.string({ error: 'Choose the action' }).min(1, 'Choose the action'),
    on: z.string().refine(isCalendarDate, 'Enter the new due date'), text: text('The reason'),
  }), data, (v) => ({ actionId: v.reasonCategory, due: v.on, reason: v.text })),
  fieldFor: { actionId: 'reasonCategory', due: 'on', reason: 'text' },
  done: (_record, input) => `Action ${input.actionId} is now due ${formatDate(input.due)}. Tell the resident the new date and why, then record it with "Resident told".`,
};
