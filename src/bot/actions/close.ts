import type { CaseCardAction } from './case-card-action';

/** The handler closes a case that has its response. */
export const closeAction: CaseCardAction<'close'> = {
  command: 'close',
  button: { title: 'Close', verb: 'case.close' },
  submitVerbs: ['case.close'],
  parse: (_verb, _data, scope) => ({ ok: true, input: { on: scope.commands.today } }),
  done: () => 'Closed.',
};
