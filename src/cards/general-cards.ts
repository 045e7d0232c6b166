import { renderCard, type AdaptiveCardJson } from './card-template';

/** The commands a person may type, with what each does; the welcome card lists those open to them. */
export const COMMANDS = {
  'new complaint': 'log a resident\'s complaint, step by step',
  'log dissatisfaction': 'a resident is unhappy: note it, ask whether they want to complain, and record the answer',
  'my cases': 'your open cases, overdue first',
  'my approvals': 'extensions, refusals and reports waiting for your decision',
  'my actions': 'the remedies, Ombudsman orders and requests you are to deliver',
  'case HC-2026-00042': 'one case with its deadlines and history',
  'find Threlkeld': 'the cases you may see by the resident\'s name, address, postcode or reference',
  log: 'the open cases of the Complaints Log (filter with estate, stage, officer, category)',
  'report 2026-Q3': 'the figures, the full report and the complaints log for a quarter, month, financial year or dates',
  help: 'this card',
} as const;
export type CommandName = keyof typeof COMMANDS;

export function welcomeCard(input: { title: string; policyName: string; note?: string; commands?: readonly CommandName[]; awaiting?: number }): AdaptiveCardJson {
  const commands = input.commands ?? ['new complaint', 'my cases', 'case HC-2026-00042', 'help'];
  return renderCard('welcome', {
    title: input.title, policyName: input.policyName, note: input.note ?? '',
    commands: commands.map((c) => ({ title: c, value: COMMANDS[c] })),
    approvalsTitle: input.awaiting === undefined ? '' : `Awaiting my decision (${input.awaiting})`,
  });
}

const TONE_COLOR = { info: 'Default', warning: 'Warning', error: 'Attention', good: 'Good' } as const;

export function noticeCard(input: { title: string; text: string; tone: keyof typeof TONE_COLOR }): AdaptiveCardJson {
  return renderCard('notice', { title: input.title, text: input.text, color: TONE_COLOR[input.tone] });
}

/**
 * The one answer for a case someone may not see and for a case that does not exist: it must
 * not say which (references are sequential, so a different answer would list every case).
 */
export function notYoursCard(): AdaptiveCardJson {
  return noticeCard({ title: 'Not yours to see', text: 'There is no case here that you act on, so nothing is shown and nothing was changed. Type "my cases" for yours.', tone: 'error' });
}
