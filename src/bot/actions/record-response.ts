import { z } from 'zod';
import { respondFormCard } from '../../cards/workflow-cards';
import { RESPONSE_OUTCOMES } from '../../domain/case-events';
import { copyToMailbox } from '../handlers/mailbox-copy';
import type { CaseCardAction } from './case-card-action';
import { parseForm, pastDate } from './form-fields';

/** The handler records the stage's written response, item by item as the policy requires. */
export const recordResponseAction: CaseCardAction<'record-response'> = {
  command: 'record-response',
  button: { title: 'Record response', verb: 'case.respond.form' },
  form: (record, scope, input) => respondFormCard(record, scope.cards, input),
  submitVerbs: ['case.respond'],
  parse: (_verb, data, scope) => parseForm(
    z.object({ outcome: z.enum(RESPONSE_OUTCOMES, { error: 'Choose the decision' }), on: pastDate(scope.commands.today) }).loose(),
    data,
    (v) => {
      // Each required item arrives as "item-<name>"; empty ones are left out, so the domain names them as missing.
      const content: Record<string, string> = {};
      for (const [k, raw] of Object.entries(v)) if (k.startsWith('item-') && typeof raw === 'string' && raw.trim()) content[k.slice(5)] = raw.trim();
      return { on: v.on, outcome: v.outcome, content };
    },
  ),
  done: (_record, input) => `Response recorded (${input.outcome.replace('-', ' ')}).`,
  tell: async (record, _input, scope) => { await copyToMailbox('response', record, scope.deps); return ''; },
};
