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

/** Whether a text has anything asPlainText would change: most have none, and are returned as they are. */
const MARKDOWN_HINT = /\]\(|:\/\/|<[A-Za-z]|^\s*(?:[-+>#]|\d+[.)])\s/m;

export function asPlainText(text: string): string {
  return MARKDOWN_HINT.test(text) ? escapeMarkdown(text) : text;
}

/** The escapes themselves, on any text: asPlainText without its quick test (exported for the test that checks that test). */
export function escapeMarkdown(text: string): string {
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
  for (const key in o) {
    const value = o[key];
    out[key] = value !== null && typeof value === 'object' ? plainCard(value) : value;
  }
  if (o.type === 'TextBlock' && typeof o.text === 'string') out.text = asPlainText(o.text);
  if (Array.isArray(out.facts)) {
    for (const fact of out.facts as Array<{ title?: unknown; value?: unknown }>) {
      if (typeof fact.title === 'string') fact.title = asPlainText(fact.title);
      if (typeof fact.value === 'string') fact.value = asPlainText(fact.value);
    }
  }
  return out as T;
}
