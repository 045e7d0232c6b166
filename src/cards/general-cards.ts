import { renderCard, type AdaptiveCardJson } from './card-template';

export const COMMANDS = [
  { title: 'new complaint', value: 'log a resident\'s complaint, step by step' },
  { title: 'my cases', value: 'your open cases, overdue first' },
  { title: 'case HC-2026-00042', value: 'one case with its deadlines and history' },
  { title: 'help', value: 'this card' },
];

export function welcomeCard(input: { title: string; policyName: string; note?: string }): AdaptiveCardJson {
  return renderCard('welcome', { title: input.title, policyName: input.policyName, note: input.note ?? '', commands: COMMANDS });
}

const TONE_COLOR = { info: 'Default', warning: 'Warning', error: 'Attention', good: 'Good' } as const;

export function noticeCard(input: { title: string; text: string; tone: keyof typeof TONE_COLOR }): AdaptiveCardJson {
  return renderCard('notice', { title: input.title, text: input.text, color: TONE_COLOR[input.tone] });
}
