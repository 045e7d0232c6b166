import { z } from 'zod';
import { assignedCard } from '../../cards/case-cards';
import { formatDate } from '../../cards/card-text';
import { actionFormCard } from '../../cards/workflow-cards';
import { runCaseCommand } from '../../cases/run-case-command';
import { SYSTEM_ACTOR, systemNote } from '../../domain/commands/system-note';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { commandContext, type CaseContext } from '../../cases/case-context';
import { londonDateOf } from '../../domain/calendar-date';
import { projectView } from '../../domain/case-projection';
import type { CaseRecord, NewCaseRecord, StoredEvent } from '../../domain/case-record';
import { viewOf } from '../../domain/case-view';
import { newComplaintFromSplit, type SplitComplaintInput } from '../../domain/commands/split-complaint';
import { findPerson, type DirectoryPerson } from '../../domain/directory';
import { snapshotOf } from '../../domain/view-snapshot';
import { stableCaseId } from '../../intake/intake-flow';
import { CHANNELS, keysOf } from '../../intake/intake-options';
import type { ActionScope, CaseCardAction } from './case-card-action';
import { parseForm, pastDate, perDay, text } from './form-fields';
import { tellPeople } from './tell-people';

const splitForm = perDay((today) => z.object({ on: pastDate(today), channel: z.enum(keysOf(CHANNELS), { error: 'Choose how it was raised' }), text: text('The new issue') }));

/**
 * "Split off a new complaint" on a stage 2 case (seed 001): the new issue becomes a new stage 1
 * complaint for the same resident. The stage 2 case records the split first, on the version the
 * person saw (a second press of the same card is refused as out of date, so one split makes one
 * case); then the new case is made under the id the split names (createCaseOnce: never twice).
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
  tell: (record, input, scope) => makeSplitCase(record, input, scope),
};

/** Makes the new case the split names, and sends it to its handler to acknowledge; returns what the person is told. */
async function makeSplitCase(original: CaseRecord, input: SplitComplaintInput, scope: ActionScope): Promise<string> {
  const { deps, person } = scope;
  const logged = newComplaintFromSplit({ record: original, view: viewOf(original, deps.ctx) }, input, person, commandContext(deps.ctx));
  if (!logged.ok) return `But the new complaint could not be logged: ${logged.message} Log it with "new complaint".`;
  const { record, created } = await deps.stores.cases.createCaseOnce(input.newCaseId, stamped(logged, original, person, deps.ctx));
  // The split was recorded before the new case had a reference (references are given as a case
  // is stored): the complaints bot notes it on the stage 2 case, so its history names the new one.
  // A note never conflicts, and a card drawn before it is not out of date (run-case-action.ts).
  if (created) {
    await runCaseCommand(deps.stores.cases, deps.ctx, original.id, { seenVersion: null }, SYSTEM_ACTOR, systemNote, {
      text: `The new issue split off on ${formatDate(input.raisedOn)} was logged as a new complaint: ${record.reference}.`,
    });
  }
  const handler = findPerson(scope.cards.directory, record.responsibleOfficerId);
  const made = `It is ${record.reference}, a stage 1 complaint handled by ${handler?.name ?? 'nobody yet'}, received ${formatDate(input.raisedOn)}.`;
  if (!created || !handler || handler.id === person.id) return made;
  return `${made} ${await tellPeople([handler], () => assignedCard(record, scope.cards), `New complaint ${record.reference}`, 'sent it to acknowledge', record, scope)}`;
}

/** The new case as stored: its events stamped (id, time, who) and its query fields, as plan-new-case does for intake. */
function stamped(logged: Extract<ReturnType<typeof newComplaintFromSplit>, { ok: true }>, original: CaseRecord, person: DirectoryPerson, ctx: CaseContext): NewCaseRecord {
  const now = ctx.now();
  const events: StoredEvent[] = logged.events.map((e) => ({ ...e, id: ctx.newId(), at: now.toISOString(), by: person.id }));
  return {
    policyId: ctx.policy.id, details: { ...logged.details, ...(original.details.demo ? { demo: true } : {}) }, events,
    estate: original.estate, category: original.category, serviceArea: original.serviceArea, referenceYear: Number(londonDateOf(now).slice(0, 4)),
    ...projectView(logged.view), snapshot: snapshotOf(logged.view, events, ctx),
  };
}
