/**
 * Just enough of a Bicep reader for the consistency tests (no Bicep compiler can be installed
 * here: see docs/deploy.md). It understands comments, strings with ${...} interpolation and
 * '''multi-line''' strings, and bracket nesting, so that a `//` in a URL or a `]` in a string
 * cannot fool it. It reads params, outputs, resources, modules and the web app's appSettings.
 */

export interface BicepParam { name: string; type: string; defaultText: string | undefined; decorators: string }
export interface AppSetting { name: string; valueText: string }

/** Skips a string starting at `i` (a quote); returns the index after its closing quote. */
function skipString(text: string, i: number): number {
  if (text.startsWith('\'\'\'', i)) {
    const end = text.indexOf('\'\'\'', i + 3);
    if (end < 0) throw new Error(`unterminated ''' string at ${i}`);
    return end + 3;
  }
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') j += 2;
    else if (c === '\'') return j + 1;
    else if (c === '$' && text[j + 1] === '{') j = skipExpression(text, j + 2, '}');
    else j++;
  }
  throw new Error(`unterminated string at ${i}`);
}

/** Skips an expression up to the `close` that ends it; returns the index after it. */
function skipExpression(text: string, i: number, close: string): number {
  let j = i;
  while (j < text.length) {
    const c = text[j]!;
    if (c === close) return j + 1;
    if (c === '\'') j = skipString(text, j);
    else if (c === '{') j = skipExpression(text, j + 1, '}');
    else if (c === '(') j = skipExpression(text, j + 1, ')');
    else if (c === '[') j = skipExpression(text, j + 1, ']');
    else j++;
  }
  throw new Error(`no closing ${close} for the expression at ${i}`);
}

/**
 * The text with comments blanked and string contents blanked (quotes kept), same length and
 * line breaks, so that regular expressions and bracket matching on it see only structure.
 */
export function maskBicep(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`unterminated comment at ${i}`);
      blank(i, end + 2);
      i = end + 2;
    } else if (text[i] === '\'') {
      const end = skipString(text, i);
      const quote = text.startsWith('\'\'\'', i) ? 3 : 1;
      blank(i + quote, end - quote);
      i = end;
    } else {
      i++;
    }
  }
  return out.join('');
}

/** Index of the bracket closing the one at `open`, in masked text. */
export function matchingBracket(masked: string, open: number): number {
  const pairs: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < masked.length; i++) {
    const c = masked[i]!;
    if (pairs[c]) stack.push(pairs[c]);
    else if (c === ']' || c === '}' || c === ')') {
      if (stack.pop() !== c) throw new Error(`unbalanced ${c} at ${i}`);
      if (stack.length === 0) return i;
    }
  }
  throw new Error(`no bracket closes the one at ${open}`);
}

/** Checks that every bracket in the file is balanced; returns problems (empty when fine). */
export function bracketProblems(text: string): string[] {
  let masked: string;
  try {
    masked = maskBicep(text);
  } catch (err) {
    return [String(err instanceof Error ? err.message : err)];
  }
  const stack: { c: string; at: number }[] = [];
  const pairs: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const problems: string[] = [];
  const line = (at: number) => masked.slice(0, at).split('\n').length;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    if (pairs[c]) stack.push({ c: pairs[c], at: i });
    else if (c === ']' || c === '}' || c === ')') {
      const top = stack.pop();
      if (!top || top.c !== c) problems.push(`unexpected ${c} on line ${line(i)}`);
    }
  }
  for (const open of stack) problems.push(`${open.c} missing for the bracket on line ${line(open.at)}`);
  return problems;
}

/** A string literal's value ('x' with escapes), or undefined if the text is not one. */
export function stringLiteral(text: string): string | undefined {
  const t = text.trim();
  if (!/^'([^'\\$]|\\.|\$(?!\{))*'$/.test(t)) return undefined;
  return t.slice(1, -1).replace(/\\(.)/g, '$1');
}

export function params(text: string): BicepParam[] {
  const masked = maskBicep(text);
  const lines = masked.split('\n');
  const lineStarts: number[] = [];
  let at = 0;
  for (const l of lines) {
    lineStarts.push(at);
    at += l.length + 1;
  }
  const found: BicepParam[] = [];
  const re = /^[ \t]*param[ \t]+(\w+)[ \t]+(\w+)[ \t]*(?:=[ \t]*(.*))?$/dgm;
  for (const m of masked.matchAll(re)) {
    // Decorators are the @... lines just above, including multi-line ones like @allowed([...]).
    let first = masked.slice(0, m.index).split('\n').length - 1;
    let depth = 0;
    for (let k = first - 1; k >= 0; k--) {
      const l = lines[k]!.trim();
      depth += (l.match(/[\])]/g) ?? []).length - (l.match(/[[(]/g) ?? []).length;
      if (depth > 0 || (depth === 0 && l.startsWith('@'))) first = k;
      else break;
    }
    const range = m.indices?.[3];
    found.push({
      name: m[1]!,
      type: m[2]!,
      defaultText: range ? text.slice(range[0], range[1]).trim() : undefined,
      decorators: text.slice(lineStarts[first]!, m.index),
    });
  }
  return found;
}

export function outputs(text: string): { name: string; type: string; valueText: string }[] {
  const masked = maskBicep(text);
  return [...masked.matchAll(/^[ \t]*output[ \t]+(\w+)[ \t]+(\w+)[ \t]*=(.*)$/dgm)].map((m) => ({
    name: m[1]!,
    type: m[2]!,
    valueText: text.slice(m.indices![3]![0], m.indices![3]![1]).trim(),
  }));
}

/** `resource name 'Type@version'` and `module name 'path'` declarations. */
export function declarations(text: string, keyword: 'resource' | 'module'): { symbol: string; target: string; body: string }[] {
  const masked = maskBicep(text);
  const re = new RegExp(`^[ \\t]*${keyword}[ \\t]+(\\w+)[ \\t]+'`, 'gm');
  return [...masked.matchAll(re)].map((m) => {
    const quote = m.index + m[0].length - 1;
    const end = skipString(text, quote);
    const open = masked.indexOf('{', end);
    const close = matchingBracket(masked, open);
    return { symbol: m[1]!, target: text.slice(quote + 1, end - 1), body: text.slice(open, close + 1) };
  });
}

/** Top-level `key: value` entries of an object literal given as text starting with `{`. */
export function objectEntries(objectText: string): Map<string, string> {
  const masked = maskBicep(objectText);
  const entries = new Map<string, string>();
  let depth = 0;
  let i = 0;
  while (i < masked.length) {
    const c = masked[i]!;
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (depth === 1) {
      const m = /^(\w+|'[^']*')[ \t]*:/.exec(masked.slice(i));
      if (m && /[\s{,]/.test(masked[i - 1] ?? ' ')) {
        const key = objectText.slice(i, i + m[1]!.length).replace(/^'|'$/g, '');
        let j = i + m[0].length;
        // The value runs to the end of its line, or to its closing bracket if it opens one.
        while (masked[j] === ' ' || masked[j] === '\t') j++;
        let end: number;
        if (masked[j] === '{' || masked[j] === '[' || masked[j] === '(') {
          end = matchingBracket(masked, j) + 1;
          const rest = masked.indexOf('\n', end);
          end = rest < 0 ? end : Math.max(end, rest);
        } else {
          const nl = masked.indexOf('\n', j);
          end = nl < 0 ? masked.length - 1 : nl;
        }
        // Trailing comments are blank in the masked text: leave them out of the value.
        let last = end;
        while (last > j && /\s/.test(masked[last - 1]!)) last--;
        entries.set(key, objectText.slice(j, last).trim());
        i = end;
        continue;
      }
    }
    i++;
  }
  return entries;
}

/** The elements of an array literal given as text starting with `[` (objects only). */
export function arrayObjects(arrayText: string): string[] {
  const masked = maskBicep(arrayText);
  const items: string[] = [];
  let i = 1;
  while (i < masked.length - 1) {
    if (masked[i] === '{') {
      const close = matchingBracket(masked, i);
      items.push(arrayText.slice(i, close + 1));
      i = close + 1;
    } else if (masked[i] === '[' || masked[i] === '(') {
      i = matchingBracket(masked, i) + 1;
    } else {
      i++;
    }
  }
  return items;
}

/** Every `appSettings: [ { name: '...', value: ... } ... ]` in the file, in order. */
export function appSettings(text: string): AppSetting[] {
  const masked = maskBicep(text);
  const settings: AppSetting[] = [];
  for (const m of masked.matchAll(/\bappSettings[ \t]*:[ \t]*\[/g)) {
    const open = m.index + m[0].length - 1;
    const close = matchingBracket(masked, open);
    for (const item of arrayObjects(text.slice(open, close + 1))) {
      const entries = objectEntries(item);
      const nameText = entries.get('name');
      const name = nameText === undefined ? undefined : stringLiteral(nameText);
      if (name === undefined) throw new Error(`an app setting whose name is not a string literal: ${item.replace(/\s+/g, ' ')}`);
      settings.push({ name, valueText: entries.get('value') ?? '' });
    }
  }
  return settings;
}
