/**
 * The expressions inside "${...}" in our card templates, parsed once and compiled to closures
 * that give what adaptive-expressions (the engine under adaptivecards-templating) gives for
 * them, quirks included. Only the subset the cards use is understood: property paths (from
 * $data, or $root, $data, $index), string, number, true/false/null/undefined literals, !, &&,
 * ||, == and != (one side not a property path), <, <=, >, >=, and count(). Anything else makes
 * parseExpression return null, and the template is bound by the library instead.
 *
 * The engine's rules kept here (node_modules/adaptive-expressions/src, version 4.23):
 * - A path is looked up key by key, each key matched case-insensitively (the first key in
 *   Object.keys order whose lower case matches); a falsy value has no properties.
 * - Where a path gives undefined, a value binding gets the text "${path}" instead (the
 *   templating's "null substitution"); inside !, &&, ||, comparisons and $when it does not.
 * - !, && and || take null and undefined as false and any other non-boolean as true; || gives
 *   the last operand's own value when none is true. A comparison whose operand fails is false.
 * - count() fails on anything but a string, array, Map or object (null included).
 */

/** What a compiled expression is evaluated against: the $root, $data and $index of the templating. */
export type Evaluate = (root: unknown, data: unknown, index: unknown) => unknown;

/** An expression that adaptive-expressions would report as an error (never a bug of ours). */
class TemplateEvaluationError extends Error {}

type Literal = string | number | boolean | null | undefined;
type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Ast =
  | { kind: 'literal'; value: Literal }
  | { kind: 'path'; head: '$root' | '$data' | '$index'; names: string[]; text: string }
  | { kind: 'not'; operand: Ast }
  | { kind: 'logic'; op: '&&' | '||'; left: Ast; right: Ast }
  | { kind: 'compare'; op: CompareOp; left: Ast; right: Ast }
  | { kind: 'count'; arg: Ast };

// ---- Parsing: the grammar of ExpressionAntlrParser.g4, cut down to the subset above.

type Token = { type: 'name' | 'number' | 'string' | 'op'; text: string; value?: Literal };

const SKIPPED = new Set([' ', '\t', '\ufeff', '\u00a0', '\r', '\n']);
const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '.', ','];

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (SKIPPED.has(c)) { i++; continue; }
    const name = /^[A-Za-z_$][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) { tokens.push({ type: 'name', text: name[0] }); i += name[0].length; continue; }
    const number = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i));
    if (number) {
      // A name straight after a number ("1a") lexes differently in the engine: leave it to the engine.
      if (/^[A-Za-z_$]/.test(text.slice(i + number[0].length))) return null;
      tokens.push({ type: 'number', text: number[0], value: parseFloat(number[0]) }); i += number[0].length; continue;
    }
    if (c === '\'' || c === '"') {
      const end = text.indexOf(c, i + 1);
      const body = end < 0 ? '' : text.slice(i + 1, end);
      // Escapes (\n, \', \\) are the engine's business.
      if (end < 0 || body.includes('\\')) return null;
      tokens.push({ type: 'string', text: text.slice(i, end + 1), value: body }); i = end + 1; continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    // "<>" is a second spelling of "!=" the engine's function table does not know; anything else is not ours.
    if (!op || text.startsWith('<>', i)) return null;
    tokens.push({ type: 'op', text: op }); i += op.length;
  }
  return tokens;
}

/** Binary operators by precedence, loosest first, as in the grammar (== binds tighter than <). */
const LEVELS: string[][] = [['||'], ['&&'], ['<', '<=', '>', '>='], ['==', '!=']];
type Head = '$root' | '$data' | '$index';
const HEADS: string[] = ['$root', '$data', '$index'];
const KEYWORDS: Record<string, Literal> = { true: true, false: false, null: null, undefined: undefined };

/** Whether the expression's value is never an object: a literal, a count, a comparison, !, &&. */
function primitive(ast: Ast): boolean {
  return ast.kind === 'literal' || ast.kind === 'count' || ast.kind === 'compare' || ast.kind === 'not' || (ast.kind === 'logic' && ast.op === '&&');
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Ast | null {
    const ast = this.binary(0);
    return ast && this.at === this.tokens.length ? ast : null;
  }

  private peek(text: string): boolean {
    const t = this.tokens[this.at];
    return t !== undefined && t.type === 'op' && t.text === text;
  }

  private binary(level: number): Ast | null {
    const ops = LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    while (left) {
      const op = ops.find((o) => this.peek(o));
      if (!op) break;
      this.at++;
      const right = this.binary(level + 1);
      if (!right) return null;
      if (op === '&&' || op === '||') left = { kind: 'logic', op, left, right };
      else {
        // Equality of two objects is lodash's deep isEqual in the engine: not reproduced here.
        if ((op === '==' || op === '!=') && !primitive(left) && !primitive(right)) return null;
        left = { kind: 'compare', op: op as CompareOp, left, right };
      }
    }
    return left;
  }

  private unary(): Ast | null {
    if (this.peek('!')) {
      this.at++;
      const operand = this.unary();
      return operand && { kind: 'not', operand };
    }
    return this.primary();
  }

  private primary(): Ast | null {
    const t = this.tokens[this.at++];
    if (!t) return null;
    if (t.type === 'number' || t.type === 'string') return { kind: 'literal', value: t.value };
    if (t.type === 'op') {
      if (t.text !== '(') return null;
      const inner = this.binary(0);
      if (!inner || !this.peek(')')) return null;
      this.at++;
      // "(a).b" and "(a)(b)" are paths and calls in the engine: not ours.
      return this.peek('.') || this.peek('(') ? null : inner;
    }
    if (this.peek('(')) {
      this.at++;
      if (t.text !== 'count') return null;
      const arg = this.binary(0);
      if (!arg || !this.peek(')')) return null;
      this.at++;
      return this.peek('.') || this.peek('(') ? null : { kind: 'count', arg };
    }
    if (t.text in KEYWORDS) return this.peek('.') ? null : { kind: 'literal', value: KEYWORDS[t.text] };
    const names = [t.text];
    while (this.peek('.')) {
      this.at++;
      const next = this.tokens[this.at++];
      if (!next || next.type !== 'name') return null;
      names.push(next.text);
    }
    if (this.peek('(')) return null;
    // Only the templating's own $ names; "$host", "$Root" and the like are left to the engine.
    if (names.some((n, i) => n.startsWith('$') && (i > 0 || !HEADS.includes(n)))) return null;
    // The engine's path text, which a missing value is replaced by: "x.y", "$root.x".
    const text = names.join('.');
    const head = HEADS.includes(t.text) ? names.shift() as Head : '$data';
    return { kind: 'path', head, names, text };
  }
}

/** The expression text of one "${...}" (already trimmed as the engine trims it), parsed; null when not in our subset. */
export function parseExpression(text: string): Ast | null {
  const tokens = tokenize(text);
  return tokens && tokens.length > 0 ? new Parser(tokens).parse() : null;
}

// ---- Evaluation.

/** adaptive-expressions' accessProperty: the first key whose lower case matches, on anything truthy. */
function property(instance: unknown, name: string, lower: string): unknown {
  if (!instance) return undefined;
  if (instance instanceof Map) {
    const map = instance as Map<string, unknown>;
    const value = map.get(name);
    if (value !== undefined) return value;
    const key = Array.from(map.keys()).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : map.get(key);
  }
  for (const k of Object.keys(instance)) {
    // Our names are ASCII, and a key that lower-cases to ASCII has the same length (the Kelvin sign too).
    if (k.length === name.length && (k === name || k.toLowerCase() === lower)) return (instance as Record<string, unknown>)[k];
  }
  return undefined;
}

const isLogicTrue = (v: unknown): boolean => (typeof v === 'boolean' ? v : v != null);
const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/** FunctionUtils.commonEquals, for the case where one side is not an object (the parser sees to it). */
function commonEquals(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  if (typeof a === 'object' && typeof b === 'object') {
    throw new Error('compiled templates compare no two objects');
  }
  if (isNumber(a) && isNumber(b) && Math.abs(a - b) < Number.EPSILON) return true;
  return a === b;
}

function ordered(op: CompareOp, a: unknown, b: unknown): boolean {
  if (a == null || b == null) return false;
  if ((isNumber(a) && isNumber(b)) || (typeof a === 'string' && typeof b === 'string') || (a instanceof Date && b instanceof Date)) {
    const x = a as number, y = b as number;
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  return false;
}

function count(v: unknown): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (v instanceof Map) return v.size;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length;
  throw new TemplateEvaluationError('count() needs a string, list, map or object');
}

/** Whether evaluating the expression can fail (only count() can; the operators swallow a failure). */
export function canFail(ast: Ast): boolean {
  return ast.kind === 'count';
}

/**
 * The closure for a parsed expression. `substitute` is whether a path that gives undefined
 * becomes "${path}" (value bindings and $data) or stays undefined ($when, and every operand of
 * an operator). A failure throws TemplateEvaluationError.
 */
export function compileAst(ast: Ast, substitute: boolean): Evaluate {
  switch (ast.kind) {
    case 'literal': {
      const value = ast.value;
      return () => value;
    }
    case 'path': {
      const { head, names, text } = ast;
      const steps = names.map((n): [string, string] => [n, n.toLowerCase()]);
      const missing = `\${${text}}`;
      return (root, data, index) => {
        let v = head === '$data' ? data : head === '$root' ? root : index;
        for (const [name, lower] of steps) v = property(v, name, lower);
        return v === undefined && substitute ? missing : v;
      };
    }
    case 'not': {
      const operand = compileAst(ast.operand, false);
      return (root, data, index) => {
        try {
          return !isLogicTrue(operand(root, data, index));
        } catch (e) {
          if (e instanceof TemplateEvaluationError) return true;
          throw e;
        }
      };
    }
    case 'logic': {
      const left = compileAst(ast.left, false), right = compileAst(ast.right, false);
      const attempt = (f: Evaluate, root: unknown, data: unknown, index: unknown): { value: unknown; failed: boolean } => {
        try {
          return { value: f(root, data, index), failed: false };
        } catch (e) {
          if (e instanceof TemplateEvaluationError) return { value: undefined, failed: true };
          throw e;
        }
      };
      if (ast.op === '&&') {
        return (root, data, index) => {
          const l = attempt(left, root, data, index);
          if (l.failed || !isLogicTrue(l.value)) return false;
          const r = attempt(right, root, data, index);
          return !r.failed && isLogicTrue(r.value);
        };
      }
      return (root, data, index) => {
        const l = attempt(left, root, data, index);
        if (!l.failed && isLogicTrue(l.value)) return true;
        const r = attempt(right, root, data, index);
        return !r.failed && isLogicTrue(r.value) ? true : r.value;
      };
    }
    case 'compare': {
      const left = compileAst(ast.left, false), right = compileAst(ast.right, false);
      const op = ast.op;
      return (root, data, index) => {
        let a: unknown, b: unknown;
        try {
          a = left(root, data, index);
          b = right(root, data, index);
        } catch (e) {
          if (e instanceof TemplateEvaluationError) return false;
          throw e;
        }
        if (op === '==') return commonEquals(a, b);
        if (op === '!=') return !commonEquals(a, b);
        return ordered(op, a, b);
      };
    }
    case 'count': {
      const arg = compileAst(ast.arg, substitute);
      return (root, data, index) => count(arg(root, data, index));
    }
  }
}
