import { stageOf } from '../../domain/policy';
import type { CaseCardAction } from './case-card-action';

/** Seed 004: the handler records that the draft response went to the complainant for comments. */
export const issueDraftAction: CaseCardAction<'issue-draft'> = {
  command: 'issue-draft',
  button: { title: 'Draft response sent', verb: 'case.draft' },
  submitVerbs: ['case.draft'],
  parse: (_verb, _data, scope) => ({ ok: true, input: { on: scope.commands.today } }),
  done(record, _input, scope) {
    const days = stageOf(scope.cards.policy, record.stage)?.draftResponse?.commentWorkingDays;
    return `Draft recorded: the complainant has ${days === undefined ? 'the policy\'s time' : `${days} working day${days === 1 ? '' : 's'}`} to comment.`;
  },
};
