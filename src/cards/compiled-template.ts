import { canFail, compileAst, parseExpression, type Ast, type Evaluate } from './template-expressions';

/**
 * A card template compiled once into a tree of closures that binds data as
 * adaptivecards-templating's Template.expand does, without its per-binding costs (an expression
 * memory, options and a path string split for every "${...}"). Issue 17's profile had template
 * binding at 14% of the bot's CPU under card submits. The rules copied from the templating
 * (node_modules/adaptivecards-templating/src/template-engine.ts, version 2.3):
 * - A string that is exactly one "${expr}" gives the expression's value, of whatever type (a
 *   literal excepted: "${5}" gives "5"); any other string with "${" is text with each value's
 *   toString() put in, and a missing value put in as "${path}".
 * - An object's "$data" binds its children to another value; an array repeats the object for
 *   each element (with $index), and no repeats leave null. "$when" keeps the object only when
 *   it is the boolean true; a "$when" that is not an expression drops the object if truthy.
 * - In an array, a null item is dropped and an array item spliced in; in an object, a key
 *   whose value is undefined is left out. Keys are never bound; the templating's own keys
 *   ($data, $when, $root, $index, $host, $_acTemplateVersion) are left out.
 * compileTemplate returns null for anything outside that and the expression subset of
 * template-expressions.ts, and the caller binds with the library; so a template that uses
 * more still renders right, only slower (test/cards/compiled-template.test.ts names any such
 * template, with why).
 */
export type CompiledTemplate = (root: unknown) => unknown;

type Node = Evaluate;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

type Piece = string | { ast: Ast };

/**
 * A string's "${...}" parts as the engine's lexer finds them (TEMPLATE tokens in
 * ExpressionAntlrLexer.g4), with the text between; null for what our scanner leaves to the
 * engine: backslashes and backticks (escapes), braces or line breaks inside "${...}", and a
 * "${" that does not close.
 */
function pieces(s: string): Piece[] | null {
  const out: Piece[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '\\' || c === '`') return null;
    if (c !== '$' || s[i + 1] !== '{') { text += c; i++; continue; }
    let j = i + 2;
    for (;;) {
      const ch = s.charAt(j);
      if (ch === '' || ch === '{' || ch === '\r' || ch === '\n') return null;
      if (ch === '}') break;
      if (ch === '\'' || ch === '"') {
        const end = s.indexOf(ch, j + 1);
        if (end < 0) return null;
        j = end + 1;
      } else j++;
    }
    if (j === i + 2) return null;
    // The engine's trimExpression: trim, drop "$", trim, drop the braces, trim.
    const inner = s.slice(i + 2, j).trim();
    const ast = parseExpression(inner);
    if (!ast) return null;
    if (text) out.push(text);
    text = '';
    out.push({ ast });
    i = j + 1;
  }
  if (text) out.push(text);
  return out;
}

/** The expression when the string is one "${expr}" and nothing else, expr not a literal (the library's test). */
function single(parts: Piece[] | null): Ast | null {
  const [only] = parts ?? [];
  return parts?.length === 1 && only !== undefined && typeof only !== 'string' && only.ast.kind !== 'literal' ? only.ast : null;
}

function compileString(s: string): Node | null {
  if (!s.includes('${')) return () => s;
  const parts = pieces(s);
  if (!parts) return null;
  const only = single(parts);
  // A single expression: its value, any type; a failure fails the whole binding, as in the library.
  if (only) return compileAst(only, true);
  // Text: the library would put "${<the engine's own rendering of the expression>}" in for a
  // part that fails; only count() can fail, and a bare count() in text is left to the library.
  if (parts.some((p) => typeof p !== 'string' && canFail(p.ast))) return null;
  const compiled = parts.map((p) => (typeof p === 'string' ? p : compileAst(p.ast, true)));
  return (root, data, index) => {
    let out = '';
    for (const p of compiled) {
      // As the library does: toString() of each value, which throws on null and undefined.
      out += typeof p === 'string' ? p : (p(root, data, index) as { toString(): string }).toString();
    }
    return out;
  };
}

function compileArray(items: unknown[]): Node | null {
  const compiled: Node[] = [];
  for (const item of items) {
    const c = compileNode(item);
    if (!c) return null;
    compiled.push(c);
  }
  return (root, data, index) => {
    const out: unknown[] = [];
    for (const item of compiled) {
      const v = item(root, data, index);
      if (v === null) continue;
      if (Array.isArray(v)) for (let j = 0; j < v.length; j++) out.push(v[j]);
      else out.push(v);
    }
    return out;
  };
}

function compileObject(node: Record<string, unknown>): Node | null {
  const fields: Array<[string, Node]> = [];
  for (const key of Object.keys(node)) {
    if (key === '__proto__') return null;
    if (RESERVED.has(key)) continue;
    const c = compileNode(node[key]);
    if (!c) return null;
    fields.push([key, c]);
  }
  const expand = (root: unknown, data: unknown, index: unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of fields) {
      const v = value(root, data, index);
      if (v !== undefined) out[key] = v;
    }
    return out;
  };

  // $when: an expression is evaluated without substitution, and only true keeps the object
  // (a failure is false); anything else drops it when truthy.
  const rawWhen = node.$when;
  let when: ((root: unknown, data: unknown, index: unknown) => boolean) | undefined;
  if (typeof rawWhen === 'string' && rawWhen.includes('${')) {
    const ast = single(pieces(rawWhen));
    if (!ast) return null;
    const evaluate = compileAst(ast, false);
    when = (root, data, index) => {
      try {
        return evaluate(root, data, index) === true;
      } catch {
        return false;
      }
    };
  } else if (rawWhen) {
    when = () => false;
  }

  const rawData = node.$data;
  if (rawData === undefined) {
    if (!when) return expand;
    const keep = when;
    return (root, data, index) => (keep(root, data, index) ? expand(root, data, index) : null);
  }
  // $data: only a single expression, evaluated with substitution; a failure fails the binding.
  if (typeof rawData !== 'string') return null;
  const ast = single(pieces(rawData));
  if (!ast) return null;
  const context = compileAst(ast, true);
  return (root, outerData, outerIndex) => {
    const value = context(root, outerData, outerIndex);
    const contexts = Array.isArray(value) ? value : [value];
    const out: unknown[] = [];
    let data = outerData;
    let index = outerIndex;
    for (let i = 0; i < contexts.length; i++) {
      if (Array.isArray(value)) index = i;
      // An undefined element keeps the $data before it, as the library's context does.
      if (contexts[i] !== undefined) data = contexts[i];
      if (when && !when(root, data, index)) continue;
      out.push(expand(root, data, index));
    }
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  };
}

function compileNode(node: unknown): Node | null {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (node !== null && typeof node === 'object') return compileObject(node as Record<string, unknown>);
  if (node === null || typeof node === 'number' || typeof node === 'boolean') return () => node;
  return null;
}

/** The template (parsed card JSON) compiled, or null when it uses anything not handled here. */
export function compileTemplate(payload: unknown): CompiledTemplate | null {
  const node = compileNode(payload);
  return node && ((root) => node(root, root, undefined));
}
