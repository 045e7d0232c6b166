import { z } from 'zod';
import { assignedCard } from '../../cards/case-cards';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import type { CaseRecord } from '../../domain/case-record';
import { findPerson } from '../../domain/directory';
import { copyToMailbox } from '../handlers/mailbox-copy';
import type { ActionScope, CaseCardAction } from './case-card-action';
import { optionalText, parseForm, pastDate } from './form-fields';
import { tellPeople } from './tell-people';

/** The resident asks for the next stage; its handler (chosen by the domain's routing) is sent the case to accept. */
export const escalateAction: CaseCardAction<'escalate'> = {
  command: 'escalate',
  button: { title: 'Resident asks to escalate', verb: 'case.escalate.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'The resident asks to escalate', submitVerb: 'case.escalate', submitTitle: 'Escalate', dateLabel: 'Date the request was received',
    textLabel: 'What they said (they need not give a reason)', textRequired: false,
    intro: 'The complaint moves to the next stage and its handler is sent the case to accept.',
  }, record, scope.cards, input),
  submitVerbs: ['case.escalate'],
  parse: (_verb, data, scope) => parseForm(z.object({ on: pastDate(scope.commands.today), text: optionalText }), data,
    (v) => ({ on: v.on, said: v.text, lateAcceptanceReason: '' })),
  fieldFor: { said: 'text' },
  done: (record, _input, scope) => `Escalated to stage ${record.stage}, handled by ${findPerson(scope.cards.directory, record.responsibleOfficerId)?.name ?? 'nobody yet'}.`,
  tell: (record, _input, scope) => tellEscalated(record, scope),
};

/** After an escalation: the complaints mailbox gets a copy, and the new handler the case to accept. */
export async function tellEscalated(record: CaseRecord, scope: ActionScope): Promise<string> {
  await copyToMailbox('stage-change', record, scope.deps);
  const handler = findPerson(scope.cards.directory, record.responsibleOfficerId);
  if (!handler || handler.id === scope.person.id) return '';
  return tellPeople([handler], () => assignedCard(record, scope.cards), `Escalated complaint ${record.reference}`, 'sent the case to accept', record, scope);
}
