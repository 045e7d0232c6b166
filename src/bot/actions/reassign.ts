import { z } from 'zod';
import { assignedCard } from '../../cards/case-cards';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { findPerson } from '../../domain/directory';
import type { CaseCardAction } from './case-card-action';
import { parseForm, text } from './form-fields';
import { tellPeople } from './tell-people';

/** A manager or the PIM hands the case to another officer; the new handler gets the case, the old one is told. */
export const reassignAction: CaseCardAction<'reassign'> = {
  command: 'reassign',
  button: { title: 'Reassign', verb: 'case.reassign.form' },
  form(record, scope, input) {
    // Staff in the directory, the current handler left out, people with a role first by name.
    const people = scope.cards.directory.people.filter((p) => p.id !== record.responsibleOfficerId && p.roles.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name));
    return actionFormCard({
      ...FORM_DEFAULTS, title: 'Reassign the case', submitVerb: 'case.reassign', submitTitle: 'Reassign',
      intro: 'For annual leave, a conflict of interest or a change of role. The new handler is sent the case; the reason is kept on it.',
      channel: { label: 'New handler', choices: Object.fromEntries(people.map((p) => [p.id, `${p.name} (${p.roles.join(', ')})`])) },
      textLabel: 'Reason for the handover',
    }, record, scope.cards, input);
  },
  submitVerbs: ['case.reassign'],
  parse: (_verb, data) => parseForm(z.object({ channel: z.string({ error: 'Choose the new handler' }).min(1, 'Choose the new handler'), text: text('The reason') }), data,
    (v) => ({ officerId: v.channel, reason: v.text })),
  fieldFor: { officerId: 'channel', reason: 'text' },
  done: (record, _input, scope) => `Reassigned to ${findPerson(scope.cards.directory, record.responsibleOfficerId)?.name ?? 'the new handler'}.`,
  async tell(record, input, scope) {
    const officer = findPerson(scope.cards.directory, record.responsibleOfficerId);
    const previous = [...record.events].reverse().filter((e) => e.type === 'assigned')[1];
    const before = previous?.type === 'assigned' ? findPerson(scope.cards.directory, previous.officerId) : undefined;
    const told: string[] = [];
    if (officer && officer.id !== scope.person.id) {
      told.push(await tellPeople([officer], () => assignedCard(record, scope.cards), `Case reassigned to you ${record.reference}`, 'sent the case', record, scope));
    }
    if (before && before.id !== scope.person.id && before.id !== officer?.id) {
      told.push(await tellPeople([before], (p) => scope.caseCard(record, p, `${scope.person.name} reassigned ${record.reference} to ${officer?.name ?? 'someone else'}: ${input.reason}`),
        `Case reassigned ${record.reference}`, 'told', record, scope));
    }
    return told.filter(Boolean).join(' ');
  },
};
