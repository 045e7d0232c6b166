import type { CaseCardAction } from './case-card-action';

/** Seed 004: the complainant's comments on the draft have come in. */
export const recordCommentsAction: CaseCardAction<'record-comments'> = {
  command: 'record-comments',
  button: { title: 'Comments received', verb: 'case.comments' },
  submitVerbs: ['case.comments'],
  parse: (_verb, _data, scope) => ({ ok: true, input: { on: scope.commands.today } }),
  done: () => 'Comments recorded.',
};
