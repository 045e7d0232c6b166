/**
 * Text on a card is shown as typed, not as markdown. Adaptive Cards treat a TextBlock's text
 * (and a fact's title and value) as markdown: a complaint description with `[Click here](https://…)`
 * would be a working link on an officer's card, `![x](…)` an image fetched from anywhere, a
 * bare or <angled> address a link, and a line starting `- `, `1. ` or `#` a list or heading. A
 * zero-width space (U+200B) is put where it breaks each of those; a person reads the same words.
 * Bold and italics (`**`, `_`) are left alone: harmless, and Teams' clients do not agree on
 * escapes, while a space inside "robin_smith@example.net" would spoil the address when copied.
 * Our own words use no markdown, so every text on every card goes through this.
 */
const ZWSP = '\u200B';

export function asPlainText(text: string): string {
  return text
    .replace(/\]\(/g, `]${ZWSP}(`) // [text](url): no link
    .replace(/:\/\//g, `:${ZWSP}//`) // https://…: no automatic link
    .replace(/<(?=[A-Za-z])/g, `<${ZWSP}`) // <https://…> or <a@b>: no autolink
    .replace(/^(\s*)([-+>#]|\d+[.)])(?=\s)/gm, `$1${ZWSP}$2`); // a list, quote or heading at the start of a line
}

/** The card with every TextBlock text and every fact made plain (inputs keep what was typed). */
export function plainCard<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n: unknown) => plainCard(n)) as T;
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) out[key] = plainCard(value);
  if (o.type === 'TextBlock' && typeof o.text === 'string') out.text = asPlainText(o.text);
  if (Array.isArray(o.facts)) {
    out.facts = o.facts.map((f: unknown) => {
      const fact = f as { title?: unknown; value?: unknown };
      return { ...fact, ...(typeof fact.title === 'string' ? { title: asPlainText(fact.title) } : {}), ...(typeof fact.value === 'string' ? { value: asPlainText(fact.value) } : {}) };
    });
  }
  return out as T;
}
