import { z } from 'zod';
import { assignedCard } from '../../cards/case-cards';
import { formatDate } from '../../cards/card-text';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { makeSplitCase } from '../../cases/split-case';
import { stableCaseId } from '../../cases/stable-case-id';
import type { CaseRecord } from '../../domain/case-record';
import type { SplitComplaintInput } from '../../domain/commands/split-complaint';
import { findPerson } from '../../domain/directory';
import { CHANNELS, keysOf } from '../../intake/intake-options';
import type { ActionScope, CaseCardAction } from './case-card-action';
import { parseForm, pastDate, perDay, text } from './form-fields';
import { tellPeople } from './tell-people';

const splitForm = perDay((today) => z.object({ on: pastDate(today), channel: z.enum(keysOf(CHANNELS), { error: 'Choose how it was raised' }), text: text('The new issue') }));

/**
 * "Split off a new complaint" on a stage 2 case (seed 001): the new issue becomes a new stage 1
 * complaint for the same resident. The stage 2 case records the split first, on the version the
 * person saw (a second press of the same card is refused as out of date, so one split makes one
 * case); then the new case is made under the id the split names, never twice (cases/split-case.ts).
 */
export const splitComplaintAction: CaseCardAction<'split-complaint'> = {
  command: 'split-complaint',
  button: { title: 'Split off a new complaint', verb: 'case.split.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'Split off a new complaint', submitVerb: 'case.split', submitTitle: 'Log as a new complaint',
    intro: 'A new issue raised at stage 2 becomes a new stage 1 complaint for the same resident, with its own deadlines from the day it was raised. Both cases record the link.',
    dateLabel: 'Date the new issue was raised', channel: { label: 'How it was raised', choices: CHANNELS }, textLabel: 'The new issue, in the resident\'s words',
  }, record, scope.cards, input),
  submitVerbs: ['case.split'],
  parse: (_verb, data, scope) => parseForm(splitForm(scope.commands.today), data, (v) => ({
    raisedOn: v.on, channel: v.channel, description: v.text,
    // From the case and the version on the card: the same card names the same new case.
    newCaseId: stableCaseId(`split:${String(data.caseId)}:${String(data.version)}`),
  })),
  fieldFor: { raisedOn: 'on', description: 'text', channel: 'channel' },
  done: () => 'The new issue was split off.',
  tell: (record, input, scope) => splitOff(record, input, scope),
};

/** Makes the new case the split names, and sends it to its handler to acknowledge; returns what the person is told. */
async function splitOff(original: CaseRecord, input: SplitComplaintInput, scope: ActionScope): Promise<string> {
  const { deps, person } = scope;
  const made = await makeSplitCase(deps.stores.cases, deps.ctx, original, input, person);
  if (!made.ok) return `But the new complaint could not be logged: ${made.message} Log it with "new complaint".`;
  const { record, created } = made;
  const handler = findPerson(scope.cards.directory, record.responsibleOfficerId);
  const told = `It is ${record.reference}, a stage 1 complaint handled by ${handler?.name ?? 'nobody yet'}, received ${formatDate(input.raisedOn)}.`;
  if (!created || !handler || handler.id === person.id) return told;
  return `${told} ${await tellPeople([handler], () => assignedCard(record, scope.cards), `New complaint ${record.reference}`, 'sent it to acknowledge', record, scope)}`;
}
