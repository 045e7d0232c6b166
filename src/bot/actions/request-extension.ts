import { z } from 'zod';
import { extensionDecisionCard, actionFormCard } from '../../cards/workflow-cards';
import { EXTENSION_REASONS, FORM_DEFAULTS } from '../../cards/workflow-forms';
import { managersOf } from '../../domain/directory';
import { stageOf } from '../../domain/policy';
import { keysOf } from '../../intake/intake-options';
import type { CaseRecord } from '../../domain/case-record';
import { viewOf } from '../../domain/case-view';
import type { ActionScope, CaseCardAction } from './case-card-action';
import { parseForm, text, ticked } from './form-fields';
import { tellPeople } from './tell-people';

/** What the stage's cap leaves, so the officer asks for what the policy can give. */
function capWords(record: CaseRecord, scope: ActionScope): string {
  const cap = stageOf(scope.cards.policy, record.stage)?.extension.capWorkingDays ?? null;
  const used = viewOf(record, scope.cards).extensionDaysUsed[record.stage] ?? 0;
  if (cap === null) return `This policy sets no cap on stage ${record.stage} extensions${used ? ` (${used} working days used so far)` : ''}.`;
  return `Stage ${record.stage} extensions are capped at ${cap} working days in all: ${used} used, ${cap - used} left.`;
}

/** The handler asks for more time; the two managers above them get the request to decide. */
export const requestExtensionAction: CaseCardAction<'request-extension'> = {
  command: 'request-extension',
  button: { title: 'Request extension', verb: 'case.extend.form' },
  form: (record, scope, input) => actionFormCard({
    ...FORM_DEFAULTS, title: 'Request an extension', submitVerb: 'case.extend', submitTitle: 'Ask my manager', days: true, reason: { label: 'Kind of reason', choices: EXTENSION_REASONS },
    textLabel: 'Reason (the complainant is to be told it, with the new date and the Ombudsman\'s details)',
    intro: `${capWords(record, scope)} Your manager approves or rejects it on a card; the resident must then be told as early as possible.`,
    // Seed 001 extends only "with agreement from you": the form asks where the policy does.
    consentLabel: stageOf(scope.cards.policy, record.stage)?.extension.needsComplainantAgreement ? 'The complainant has agreed to the extension' : '',
  }, record, scope.cards, input),
  submitVerbs: ['case.extend'],
  parse: (_verb, data) => parseForm(z.object({
    workingDays: z.coerce.number({ error: 'Enter a number of working days' }).int('A whole number of working days').min(1, 'At least 1 working day').max(60, 'At most 60 working days'),
    reasonCategory: z.enum(keysOf(EXTENSION_REASONS), { error: 'Choose the kind of reason' }),
    text: text('The reason'),
    consent: ticked,
  }), data, (v) => ({ workingDays: v.workingDays, reasonCategory: v.reasonCategory, reason: v.text, complainantAgreed: v.consent })),
  fieldFor: { complainantAgreed: 'consent', reason: 'text' },
  done: () => 'Extension requested.',
  tell: (record, _input, scope) => tellPeople(
    managersOf(scope.cards.directory, record.responsibleOfficerId).slice(0, 2), () => extensionDecisionCard(record, scope.cards, ''),
    `Extension request ${record.reference}`, 'asked to decide', record, scope,
  ),
};
