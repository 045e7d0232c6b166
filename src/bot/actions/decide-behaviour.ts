import { z } from 'zod';
import { actionFormCard } from '../../cards/workflow-cards';
import { BEHAVIOUR_DECISIONS, FORM_DEFAULTS } from '../../cards/workflow-forms';
import { isCalendarDate } from '../../domain/calendar-date';
import type { CaseRecord } from '../../domain/case-record';
import { findPerson } from '../../domain/directory';
import { keysOf } from '../../intake/intake-options';
import type { FormInput } from '../../cards/workflow-cards';
import type { ActionScope, CaseCardAction } from './case-card-action';
import { optionalText, parseForm, text } from './form-fields';
import { tellPeople } from './tell-people';

/** The decision form, also sent to the deciders when behaviour is reported. */
export function behaviourDecisionForm(record: CaseRecord, scope: ActionScope, input: FormInput) {
  return actionFormCard({
    ...FORM_DEFAULTS, title: 'Decide on unacceptable behaviour', submitVerb: 'case.behaviour.decide', submitTitle: 'Record decision', decision: { label: 'Decision', choices: BEHAVIOUR_DECISIONS }, textLabel: 'Reasons for the decision',
  }, record, scope.cards, input);
}

/** The AD decides a report of unacceptable behaviour; the handler is told. */
export const decideBehaviourAction: CaseCardAction<'decide-behaviour'> = {
  command: 'decide-behaviour',
  button: { title: 'Decide on behaviour', verb: 'case.behaviour-decision.form' },
  form: behaviourDecisionForm,
  submitVerbs: ['case.behaviour.decide'],
  parse: (_verb, data) => parseForm(z.object({
    decision: z.enum(keysOf(BEHAVIOUR_DECISIONS), { error: 'Choose the decision' }), text: text('The reasons'),
    restrictions: optionalText, reviewOn: z.string().optional().default('').refine((d) => d === '' || isCalendarDate(d), 'Enter a date'),
  }), data, (v) => ({ decision: v.decision, reasons: v.text, restrictions: v.restrictions, reviewOn: v.reviewOn === '' ? null : v.reviewOn })),
  fieldFor: { reasons: 'text' },
  done: () => 'Decision recorded.',
  tell(record, _input, scope) {
    const handler = findPerson(scope.cards.directory, record.responsibleOfficerId);
    if (!handler || handler.id === scope.person.id) return Promise.resolve('');
    return tellPeople([handler], (p) => scope.caseCard(record, p, `${scope.person.name} decided on the unacceptable behaviour report.`),
      `Behaviour decision ${record.reference}`, 'told', record, scope);
  },
};
