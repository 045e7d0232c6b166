import { z } from 'zod';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { NOTE_CHANNELS } from '../../domain/commands/add-note';
import { keysOf } from '../../intake/intake-options';
import type { CaseCardAction } from './case-card-action';
import { parseForm, pastDate, perDay, text } from './form-fields';

const noteForm = perDay((today) => z.object({ on: pastDate(today), channel: z.enum(keysOf(NOTE_CHANNELS), { error: 'Choose how' }), text: text('The note') }));

/** Anyone in the directory logs correspondence or a note, with its date and channel. */
export const addNoteAction: CaseCardAction<'add-note'> = {
  command: 'add-note',
  button: { title: 'Add note', verb: 'case.note.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'Log correspondence or a note', submitVerb: 'case.note', submitTitle: 'Save', dateLabel: 'Date', textLabel: 'What was said or done, and with whom', channel: { label: 'How', choices: NOTE_CHANNELS },
  }, record, scope.cards, input),
  submitVerbs: ['case.note'],
  anyVersion: true,
  parse: (_verb, data, scope) => parseForm(noteForm(scope.commands.today), data, (v) => ({ on: v.on, channel: v.channel, text: v.text })),
  done: () => 'Saved.',
};
