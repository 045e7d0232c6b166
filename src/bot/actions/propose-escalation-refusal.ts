import { z } from 'zod';
import { actionFormCard, refusalDecisionCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { managersOf } from '../../domain/directory';
import type { CaseCardAction } from './case-card-action';
import { parseForm, text } from './form-fields';
import { tellPeople } from './tell-people';

/** The handler proposes refusing the resident's request to escalate; the two managers above decide. */
export const proposeEscalationRefusalAction: CaseCardAction<'propose-escalation-refusal'> = {
  command: 'propose-escalation-refusal',
  button: { title: 'Refuse escalation', verb: 'case.refuse-escalation.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'Refuse the resident\'s request to escalate', submitVerb: 'case.refuse-escalation', submitTitle: 'Ask my manager',
    textLabel: 'The valid reason (told to the resident, with the Ombudsman\'s details)',
    intro: 'Residents need not give reasons for escalating; a refusal needs a valid reason and your manager\'s approval.',
  }, record, scope.cards, input),
  submitVerbs: ['case.refuse-escalation'],
  parse: (_verb, data) => parseForm(z.object({ text: text('The reason') }), data, (v) => ({ reason: v.text })),
  fieldFor: { reason: 'text' },
  done: () => 'Refusal proposed.',
  tell: (record, _input, scope) => tellPeople(
    managersOf(scope.cards.directory, record.responsibleOfficerId).slice(0, 2), () => refusalDecisionCard(record, scope.cards, ''),
    `Escalation refusal ${record.reference}`, 'asked to decide', record, scope,
  ),
};
