import { z } from 'zod';
import { assignedCard } from '../../cards/case-cards';
import { formatDate } from '../../cards/card-text';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { makeSplitCase, noteSplitCase } from '../../cases/split-case';
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
 * complaint for the same resident. The new case is made first, under an id fixed by the case and
 * what the form says (`prepare`: the same form makes it once, cases/split-case.ts); then the
 * stage 2 case records the split on the version the person saw (a second press of the same card
 * is refused as out of date). A failure between the two leaves the new case and no split: the
 * same card, pressed again, finds that case and records the split naming it.
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
    // From the case and what the form says, not the card's version: pressed again after a
    // failure, the same form names the case it made the first time.
    newCaseId: stableCaseId(`split:${String(data.caseId)}:${v.on}:${v.channel}:${v.text}`),
  })),
  fieldFor: { raisedOn: 'on', description: 'text', channel: 'channel' },
  prepare: async (original, input, scope) => {
    const made = await makeSplitCase(scope.deps.stores.cases, scope.deps.ctx, original, input, scope.person);
    return made.ok ? null : `The new complaint could not be logged, so nothing was changed: ${made.message}`;
  },
  done: () => 'The new issue was split off.',
  tell: (record, input, scope) => splitOff(record, input, scope),
};

/** Notes the new case on the stage 2 case, and sends it to its handler to acknowledge; returns what the person is told. */
async function splitOff(original: CaseRecord, input: SplitComplaintInput, scope: ActionScope): Promise<string> {
  const { deps, person } = scope;
  const made = await deps.stores.cases.getCase(input.newCaseId);
  if (!made) return 'But the new complaint it names could not be found. Log it with "new complaint".';
  await noteSplitCase(deps.stores.cases, deps.ctx, original, made, input);
  const handler = findPerson(scope.cards.directory, made.responsibleOfficerId);
  const told = `It is ${made.reference}, a stage 1 complaint handled by ${handler?.name ?? 'nobody yet'}, received ${formatDate(input.raisedOn)}.`;
  // Sent once: the split is recorded once (the card it came from is out of date after it).
  if (!handler || handler.id === person.id) return told;
  return `${told} ${await tellPeople([handler], () => assignedCard(made, scope.cards), `New complaint ${made.reference}`, 'sent it to acknowledge', made, scope)}`;
}
