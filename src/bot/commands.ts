import type { LogFilters } from '../reports/open-cases-log';

/** Typed commands. Mentions and case are ignored: "@Complaints My cases" is "my cases". */
export type Command =
  | { kind: 'new-complaint' }
  | { kind: 'log-dissatisfaction' }
  | { kind: 'my-cases' }
  | { kind: 'my-approvals' }
  | { kind: 'my-actions' }
  | { kind: 'case'; reference: string }
  | { kind: 'find'; text: string }
  | { kind: 'log'; filters: LogFilters; unknown: string[] }
  | { kind: 'report'; period: string }
  | { kind: 'help' };

const LOG_KEYS = ['stage', 'officer', 'estate', 'category'] as const;

/**
 * "log", "log estate Riverside", "log stage 2 officer alex": each key takes the words up to
 * the next key. Words before any key, or a stage that is not a number, are returned as unknown.
 */
export function parseLogFilters(rest: string): { filters: LogFilters; unknown: string[] } {
  const filters: LogFilters = {};
  const unknown: string[] = [];
  let key: (typeof LOG_KEYS)[number] | null = null;
  let words: string[] = [];
  const flush = (): void => {
    if (!key) { unknown.push(...words); words = []; return; }
    const value = words.join(' ');
    if (key === 'stage') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 0 && n <= 5) filters.stage = n;
      else unknown.push(`stage ${value}`.trim());
    } else if (value) {
      filters[key] = value;
    } else {
      unknown.push(key);
    }
    words = [];
  };
  for (const word of rest.split(' ').filter(Boolean)) {
    const k = LOG_KEYS.find((x) => x === word.toLowerCase());
    if (k) { flush(); key = k; } else words.push(word);
  }
  flush();
  return { filters, unknown };
}

export function parseCommand(text: string | undefined): Command {
  const words = (text ?? '').replace(/<at>.*?<\/at>/g, ' ').trim().replace(/\s+/g, ' ');
  const lower = words.toLowerCase();
  if (lower === 'new complaint' || lower === 'new' || lower === 'log a complaint') return { kind: 'new-complaint' };
  // Before "log": these words are not the Complaints Log's filters.
  if (lower === 'log dissatisfaction' || lower === 'dissatisfaction') return { kind: 'log-dissatisfaction' };
  if (lower === 'my cases' || lower === 'cases') return { kind: 'my-cases' };
  if (lower === 'my approvals' || lower === 'approvals' || lower === 'awaiting my decision') return { kind: 'my-approvals' };
  if (lower === 'my actions' || lower === 'actions') return { kind: 'my-actions' };
  if (lower === 'log' || lower.startsWith('log ')) return { kind: 'log', ...parseLogFilters(words.slice(3).trim()) };
  if (lower === 'report' || lower.startsWith('report ')) return { kind: 'report', period: words.slice(6).trim() };
  if (lower === 'find' || lower.startsWith('find ')) return { kind: 'find', text: words.slice(4).trim() };
  const ref = /^case\s+([A-Za-z]{2,5}-\d{4}-\d{3,8})$/i.exec(words);
  if (ref?.[1]) return { kind: 'case', reference: ref[1].toUpperCase() };
  return { kind: 'help' };
}
