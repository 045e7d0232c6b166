import type { CaseCardAction } from './case-card-action';

/** The handler resumes a paused complaint; its deadlines move on by the working days paused. */
export const resumeAction: CaseCardAction<'resume'> = {
  command: 'resume',
  button: { title: 'Resume', verb: 'case.resume' },
  submitVerbs: ['case.resume'],
  parse: (_verb, _data, scope) => ({ ok: true, input: { on: scope.commands.today } }),
  done: () => 'Resumed: the deadlines moved on by the working days paused.',
};
