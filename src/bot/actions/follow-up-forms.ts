import { actionFormCard } from '../../cards/workflow-cards';
import type { FormInput } from '../../cards/workflow-cards';
import { FORM_DEFAULTS, type FormSpec } from '../../cards/workflow-forms';
import { formatDate } from '../../cards/card-text';
import type { CaseRecord } from '../../domain/case-record';
import type { TrackedItem } from '../../domain/case-state';
import { viewOf } from '../../domain/case-view';
import type { ActionScope } from './case-card-action';

/** The open items of one source, as the choices of a form ("a1: Replace the window (due Mon 4 Jan 2027)"). */
export function openItemChoices(record: CaseRecord, scope: ActionScope, source: TrackedItem['source']): Record<string, string> {
  const items = Object.values(viewOf(record, scope.cards).items).filter((i) => i.source === source && i.doneOn === null);
  return Object.fromEntries(items.map((i) => [i.id, `${i.id}: ${i.description} (due ${formatDate(i.due)})`]));
}

/**
 * A form about one of several open items: the item preselected from what the button carried
 * (`preselect`, e.g. actionId on a reminder), or the only one there is.
 */
export function itemForm(spec: Omit<FormSpec, keyof typeof FORM_DEFAULTS> & Partial<FormSpec>, record: CaseRecord, scope: ActionScope, input: FormInput,
  choices: Record<string, string>, label: string, preselect: string | undefined) {
  const ids = Object.keys(choices);
  const chosen = preselect && ids.includes(preselect) ? preselect : ids.length === 1 ? ids[0] : undefined;
  return actionFormCard({ ...FORM_DEFAULTS, ...spec, reason: { label, choices } }, record, scope.cards,
    { ...input, values: { ...(chosen ? { reasonCategory: chosen } : {}), ...input.values } });
}
