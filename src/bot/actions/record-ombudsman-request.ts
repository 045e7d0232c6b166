import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendar-date';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import type { CaseCardAction } from './case-card-action';
import { parseForm, text } from './form-fields';

/** The Ombudsman asks for information by a date; the complaints team is reminded until it is sent. */
export const recordOmbudsmanRequestAction: CaseCardAction<'record-ombudsman-request'> = {
  command: 'record-ombudsman-request',
  button: { title: 'Ombudsman request', verb: 'case.ombudsman-request.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'The Ombudsman asks for information', submitVerb: 'case.ombudsman-request', submitTitle: 'Record request',
    dateLabel: 'Information due by', dateMax: 'any', textLabel: 'What the Ombudsman asked for',
    intro: 'The complaints team is reminded before the date, and the handler\'s manager told if it is missed.',
  }, record, scope.cards, { ...input, values: { on: '', ...input.values } }),
  submitVerbs: ['case.ombudsman-request'],
  parse: (_verb, data) => parseForm(z.object({ on: z.string().refine(isCalendarDate, 'Enter the date it is due by'), text: text('What was asked for') }), data,
    (v) => ({ due: v.on, what: v.text })),
  fieldFor: { due: 'on', what: 'text' },
  done: (_record, input) => `The Ombudsman's request is recorded, due ${input.due}.`,
};
