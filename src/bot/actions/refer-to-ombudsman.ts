import { z } from 'zod';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import type { CaseCardAction } from './case-card-action';
import { parseForm, pastDate, text } from './form-fields';

/** The resident has gone to the policy's ombudsman: its case reference and the date. */
export const referToOmbudsmanAction: CaseCardAction<'refer-to-ombudsman'> = {
  command: 'refer-to-ombudsman',
  button: { title: 'Referred to the Ombudsman', verb: 'case.ombudsman-referred.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'The resident has gone to the Ombudsman', submitVerb: 'case.ombudsman-referred', submitTitle: 'Record referral',
    dateLabel: 'Date the Ombudsman told us', textLabel: 'The Ombudsman\'s case reference',
  }, record, scope.cards, input),
  submitVerbs: ['case.ombudsman-referred'],
  parse: (_verb, data, scope) => parseForm(z.object({ on: pastDate(scope.commands.today), text: text('The reference') }), data, (v) => ({ on: v.on, reference: v.text })),
  fieldFor: { reference: 'text' },
  done: (_record, input) => `Referral to the Ombudsman recorded (${input.reference}).`,
};
