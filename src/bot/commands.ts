/** Typed commands. Mentions and case are ignored: "@Complaints My cases" is "my cases". */
export type Command =
  | { kind: 'new-complaint' }
  | { kind: 'my-cases' }
  | { kind: 'case'; reference: string }
  | { kind: 'help' };

export function parseCommand(text: string | undefined): Command {
  const words = (text ?? '').replace(/<at>.*?<\/at>/g, ' ').trim().replace(/\s+/g, ' ');
  const lower = words.toLowerCase();
  if (lower === 'new complaint' || lower === 'new' || lower === 'log a complaint') return { kind: 'new-complaint' };
  if (lower === 'my cases' || lower === 'cases') return { kind: 'my-cases' };
  const ref = /^case\s+([A-Za-z]{2,5}-\d{4}-\d{3,8})$/i.exec(words);
  if (ref?.[1]) return { kind: 'case', reference: ref[1].toUpperCase() };
  return { kind: 'help' };
}
