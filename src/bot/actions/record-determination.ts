import { z } from 'zod';
import { determinationFormCard, ITEM_ROWS } from '../../cards/workflow-cards';
import { OMBUDSMAN_FINDINGS, type OmbudsmanFindingKind } from '../../domain/case-events';
import type { CaseCardAction } from './case-card-action';
import { optionalText, parseForm, parseItemRows, pastDate, valuesOf } from './form-fields';

/** The Ombudsman's determination: the finding and the orders, each followed to completion. */
export const recordDeterminationAction: CaseCardAction<'record-determination'> = {
  command: 'record-determination',
  button: { title: 'Ombudsman determination', verb: 'case.determination.form' },
  form: (record, scope, input) => determinationFormCard(record, scope.cards, input),
  submitVerbs: ['case.determination'],
  parse(_verb, data, scope) {
    const parsed = parseForm(z.object({
      on: pastDate(scope.commands.today), finding: z.enum(OMBUDSMAN_FINDINGS as [OmbudsmanFindingKind, ...OmbudsmanFindingKind[]], { error: 'Choose the finding' }), about: optionalText,
    }), data, (v) => ({ on: v.on, findings: [{ finding: v.finding, ...(v.about ? { about: v.about } : {}) }], orders: [] }));
    const rows = parseItemRows(valuesOf(data), 'order', ITEM_ROWS);
    if (!parsed.ok) return { ...parsed, errors: { ...parsed.errors, ...rows.errors } };
    if (Object.keys(rows.errors).length) return { ok: false, errors: rows.errors, values: valuesOf(data) };
    return { ok: true, input: { ...parsed.input, orders: rows.items } };
  },
  done: (_record, input) => `Determination recorded${input.orders.length ? `, with ${input.orders.length} order${input.orders.length === 1 ? '' : 's'} to comply with` : ''}.`,
};
