import { z } from 'zod';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { CONTACT_METHODS, TELL_ABOUT, type ContactMethod, type TellAbout } from '../../domain/case-events';
import { TELL_WORDS } from '../../domain/case-timeline';
import { viewOf } from '../../domain/case-view';
import { formatDate } from '../../cards/card-text';
import type { CaseCardAction } from './case-card-action';
import { optionalText, parseForm, pastDate } from './form-fields';

const METHOD_WORDS: Record<ContactMethod, string> = { letter: 'Letter', email: 'Email', phone: 'Phone', 'in-person': 'In person' };

/** The handler (or a manager) records that the resident was told of a decision: what, how and when. */
export const recordResidentToldAction: CaseCardAction<'record-resident-told'> = {
  command: 'record-resident-told',
  button: { title: 'Resident told', verb: 'case.resident-told.form' },
  form(record, scope, input) {
    const waiting = viewOf(record, scope.cards).toTell;
    const choices = Object.fromEntries(waiting.map((t) => [t.about, `The ${TELL_WORDS[t.about]} (decided ${formatDate(t.since)})`]));
    return actionFormCard({
      ...FORM_DEFAULTS, title: 'Record that the resident was told', submitVerb: 'case.resident-told', submitTitle: 'Record', dateLabel: 'Date they were told',
      intro: 'Record this once the letter, email or call has actually gone to the resident. Until then the case shows they are still to be told.',
      reason: { label: 'What they were told of', choices }, channel: { label: 'How', choices: METHOD_WORDS },
      textLabel: 'What was sent or said (optional)', textRequired: false,
    }, record, scope.cards, { ...input, values: { ...(waiting.length === 1 && waiting[0] ? { reasonCategory: waiting[0].about } : {}), ...input.values } });
  },
  submitVerbs: ['case.resident-told'],
  parse: (_verb, data, scope) => parseForm(z.object({
    on: pastDate(scope.commands.today),
    reasonCategory: z.enum(TELL_ABOUT as [TellAbout, ...TellAbout[]], { error: 'Choose what they were told of' }),
    channel: z.enum(CONTACT_METHODS as [ContactMethod, ...ContactMethod[]], { error: 'Choose how they were told' }),
    text: optionalText,
  }), data, (v) => ({ on: v.on, about: v.reasonCategory, method: v.channel, note: v.text })),
  fieldFor: { about: 'reasonCategory', method: 'channel' },
  done: (_record, input) => `Recorded: the resident was told of the ${TELL_WORDS[input.about]} by ${METHOD_WORDS[input.method].toLowerCase()} on ${formatDate(input.on)}.`,
};
