import { z } from 'zod';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import type { CaseCardAction } from './case-card-action';
import { parseForm, pastDate, text, ticked } from './form-fields';

/** The handler pauses the complaint (mediation), with the complainant's agreement where the policy needs it. */
export const pauseAction: CaseCardAction<'pause'> = {
  command: 'pause',
  button: { title: 'Pause', verb: 'case.pause.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'Pause the complaint (mediation)', submitVerb: 'case.pause', submitTitle: 'Pause', dateLabel: 'Paused from', textLabel: 'Why (for example, referred to mediation)',
    intro: 'While paused, the deadlines stop; they move on by the working days paused when you resume.',
    consentLabel: scope.cards.policy.pauses.needsConsent ? 'The complainant has agreed to the pause' : '',
  }, record, scope.cards, input),
  submitVerbs: ['case.pause'],
  parse: (_verb, data, scope) => parseForm(z.object({ on: pastDate(scope.commands.today), text: text('The reason'), consent: ticked }), data,
    (v) => ({ on: v.on, reason: v.text, complainantConsented: v.consent })),
  fieldFor: { complainantConsented: 'consent', reason: 'text' },
  done: () => 'Paused: the deadlines are stopped.',
};
