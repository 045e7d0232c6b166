import { z } from 'zod';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { behaviourDeciderRole } from '../../domain/commands/case-relations';
import { hasRole } from '../../domain/directory';
import type { CaseCardAction } from './case-card-action';
import { behaviourDecisionForm } from './decide-behaviour';
import { parseForm, text } from './form-fields';
import { tellPeople } from './tell-people';

/** The handler reports unacceptable behaviour with the evidence; the deciders (the AD) get the decision form. */
export const proposeBehaviourAction: CaseCardAction<'propose-behaviour'> = {
  command: 'propose-behaviour',
  button: { title: 'Unacceptable behaviour', verb: 'case.behaviour.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'Report unacceptable behaviour', submitVerb: 'case.behaviour', submitTitle: 'Send to the AD', textLabel: 'Evidence of the behaviour',
    intro: 'The Assistant Director decides on restrictions. The complaint itself goes on.',
  }, record, scope.cards, input),
  submitVerbs: ['case.behaviour'],
  parse: (_verb, data) => parseForm(z.object({ text: text('The evidence') }), data, (v) => ({ evidence: v.text })),
  fieldFor: { evidence: 'text' },
  done: () => 'Reported to the Assistant Director.',
  tell(record, _input, scope) {
    const role = behaviourDeciderRole(scope.cards.policy);
    const deciders = scope.cards.directory.people.filter((p) => hasRole(p, role));
    return tellPeople(deciders, () => behaviourDecisionForm(record, scope, { values: {}, errors: {}, banner: '' }),
      `Unacceptable behaviour ${record.reference}`, 'asked to decide', record, scope);
  },
};
