import { z } from 'zod';
import { ITEM_ROWS, respondFormCard } from '../../cards/workflow-cards';
import { RESPONSE_OUTCOMES } from '../../domain/case-events';
import { copyToMailbox } from '../handlers/mailbox-copy';
import type { CaseCardAction } from './case-card-action';
import { parseForm, parseItemRows, pastDate, valuesOf } from './form-fields';

/** The handler records the stage's written response, item by item as the policy requires. */
export const recordResponseAction: CaseCardAction<'record-response'> = {
  command: 'record-response',
  button: { title: 'Record response', verb: 'case.respond.form' },
  form: (record, scope, input) => respondFormCard(record, scope.cards, input),
  submitVerbs: ['case.respond'],
  parse(_verb, data, scope) {
    const parsed = parseForm(
      z.object({ outcome: z.enum(RESPONSE_OUTCOMES, { error: 'Choose the decision' }), on: pastDate(scope.commands.today) }).loose(),
      data,
      (v) => {
        // Each required item arrives as "item-<name>"; empty ones are left out, so the domain names them as missing.
        const content: Record<string, string> = {};
        for (const [k, raw] of Object.entries(v)) if (k.startsWith('item-') && typeof raw === 'string' && raw.trim()) content[k.slice(5)] = raw.trim();
        return { on: v.on, outcome: v.outcome, content, actions: [] };
      },
    );
    const rows = parseItemRows(valuesOf(data), 'action', ITEM_ROWS);
    if (!parsed.ok) return { ...parsed, errors: { ...parsed.errors, ...rows.errors } };
    if (Object.keys(rows.errors).length) return { ok: false, errors: rows.errors, values: valuesOf(data) };
    return { ok: true, input: { ...parsed.input, actions: rows.items } };
  },
  done: (_record, input) => `Response recorded (${input.outcome.replace('-', ' ')})${input.actions.length ? `, with ${input.actions.length} action${input.actions.length === 1 ? '' : 's'} to follow through` : ''}.`,
  tell: async (record, _input, scope) => { await copyToMailbox('response', record, scope.deps); return ''; },
};
