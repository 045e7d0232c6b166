import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CARDS_DIR, observeRenders, renderCard, templateBinders, type CardName } from '../../src/cards/card-template';
import { compileTemplate } from '../../src/cards/compiled-template';
import { plainCard } from '../../src/cards/plain-text';
import { parseExpression, type Ast } from '../../src/cards/template-expressions';
import { cardSamples } from './card-samples';

/**
 * The compiled binder must give exactly the card adaptivecards-templating gives, for every
 * template and any data: the library is the reference, run side by side on the builders' own
 * data, on that data with fields taken away or changed to awkward values, and on data made up
 * from each template's own bindings.
 */

const TEMPLATES = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
/** Templates the compiler leaves to the library, with why. None today: a new entry here is a choice, not an accident. */
const NOT_COMPILED: Record<string, string> = {};

type Outcome = { threw: false; card: unknown } | { threw: true; error: unknown };
const attempt = (bind: () => unknown): Outcome => {
  try {
    return { threw: false, card: bind() };
  } catch (error) {
    return { threw: true, error };
  }
};

function assertSame(what: string, library: (d: object) => unknown, compiled: (d: object) => unknown, data: object): void {
  const expected = attempt(() => library(data));
  const actual = attempt(() => compiled(data));
  const context = () => `${what}, data ${JSON.stringify(data)?.slice(0, 400)}`;
  if (expected.threw) {
    assert.ok(actual.threw, `${context()}: the library fails (${String(expected.error)}), the compiled binder gives ${JSON.stringify(actual.threw ? '' : actual.card)?.slice(0, 300)}`);
    return;
  }
  assert.ok(!actual.threw, `${context()}: the compiled binder fails: ${actual.threw ? String(actual.error) : ''}`);
  assert.deepStrictEqual(actual.card, expected.card, context());
  // The same JSON, key order included: the card's text is what is sent, cached and measured.
  assert.equal(JSON.stringify(actual.card), JSON.stringify(expected.card), context());
}

/** A small seeded generator, so that a failure is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const AWKWARD: readonly unknown[] = [
  '', 'Robin Example', 'a ${binding} left as text', '${', '}', 'it\'s "quoted" `ticked`', 'Ünïcödé · 🏠 \u200b', 'line one\nline two',
  0, 1, -1, 2.5, true, false, null, [], ['one', 'two'], [{ title: 'A title', value: 'a value' }], {}, { text: 'nested' },
];

/** Every path to a value inside the data (object keys and array positions). */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

/** A copy of the data with a few values changed to awkward ones or taken away. */
function mutate(data: object, rng: () => number): object {
  const copy = structuredClone(data) as Record<string, unknown>;
  const all = paths(copy);
  for (let n = 1 + Math.floor(rng() * 3); n > 0 && all.length > 0; n--) {
    const p = pick(rng, all);
    let parent: unknown = copy;
    for (const k of p.slice(0, -1)) parent = (parent as Record<string | number, unknown>)?.[k];
    if (parent === null || typeof parent !== 'object') continue;
    const last = p[p.length - 1]!;
    const target = parent as Record<string | number, unknown>;
    if (rng() < 0.3) {
      if (Array.isArray(target)) target.splice(Number(last), 1);
      else Reflect.deleteProperty(target, last);
    } else target[last] = structuredClone(pick(rng, AWKWARD));
  }
  return copy;
}

/** The paths bound by each "${...}" in a string, parsed with the compiler's own parser (only to make data up). */
function boundPaths(s: string): Array<Extract<Ast, { kind: 'path' }>> {
  const out: Array<Extract<Ast, { kind: 'path' }>> = [];
  const walk = (ast: Ast): void => {
    if (ast.kind === 'path') out.push(ast);
    else if (ast.kind === 'not') walk(ast.operand);
    else if (ast.kind === 'count') walk(ast.arg);
    else if (ast.kind === 'logic' || ast.kind === 'compare') { walk(ast.left); walk(ast.right); }
  };
  for (const m of s.matchAll(/\$\{([^}]*)\}/g)) {
    const ast = parseExpression(m[1]!.trim());
    if (ast) walk(ast);
  }
  return out;
}

function setPath(scope: Record<string, unknown>, names: string[], value: unknown): void {
  let o = scope;
  for (const name of names.slice(0, -1)) {
    if (o[name] === null || typeof o[name] !== 'object' || Array.isArray(o[name])) o[name] = {};
    o = o[name] as Record<string, unknown>;
  }
  const last = names[names.length - 1];
  if (last !== undefined && !(last in o)) o[last] = value;
}

/**
 * Data made up from the template's own bindings: each bound path gets an awkward value or none,
 * and each "$data" path a list of 0 to 3 items (or something that is not a list), filled in turn.
 */
function madeUpData(template: unknown, rng: () => number): object {
  const root: Record<string, unknown> = {};
  const fill = (node: unknown, scope: Record<string, unknown>): void => {
    if (typeof node === 'string') {
      for (const p of boundPaths(node)) {
        if (p.head === '$index' || rng() < 0.15) continue;
        const target = p.head === '$root' ? root : scope;
        if (p.names.length > 0) setPath(target, p.names, structuredClone(pick(rng, AWKWARD.filter((v) => !Array.isArray(v) || rng() < 0.3))));
      }
    } else if (Array.isArray(node)) {
      for (const item of node) fill(item, scope);
    } else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const bound = typeof o.$data === 'string' ? boundPaths(o.$data)[0] : undefined;
      if (bound && bound.names.length > 0) {
        const target = bound.head === '$root' ? root : scope;
        const roll = rng();
        const items: unknown[] = Array.from({ length: Math.floor(rng() * 4) }, () => (rng() < 0.85 ? {} : pick(rng, ['text', 0, null, undefined])));
        setPath(target, bound.names, roll < 0.8 ? items : roll < 0.9 ? {} : pick(rng, AWKWARD));
        let value: unknown = target;
        for (const name of bound.names) value = (value as Record<string, unknown> | undefined)?.[name];
        const scopes = Array.isArray(value) ? value : [value];
        for (const s of scopes) {
          if (s !== null && typeof s === 'object' && !Array.isArray(s)) for (const [k, v] of Object.entries(o)) if (k !== '$data') fill(v, s as Record<string, unknown>);
        }
      } else {
        for (const v of Object.values(o)) fill(v, scope);
      }
    }
  };
  fill(template, root);
  return root;
}

/** What the card builders bind, seen through renderCard: [template, data] for every sample card. */
function builderData(): Array<[CardName, object]> {
  const seen: Array<[CardName, object]> = [];
  observeRenders((name, data) => seen.push([name, data]));
  try {
    cardSamples();
  } finally {
    observeRenders(undefined);
  }
  return seen;
}

describe('compiled card templates', () => {
  const library = (name: string) => templateBinders(name).library;
  const compiled = (name: string) => {
    const c = templateBinders(name).compiled;
    assert.ok(c, `${name} does not compile`);
    return c;
  };

  it('every template in cards/ compiles, but for those listed with a reason', () => {
    assert.ok(TEMPLATES.length >= 24, TEMPLATES.join());
    const notCompiled = TEMPLATES.filter((name) => !templateBinders(name).compiled);
    assert.deepEqual(notCompiled, Object.keys(NOT_COMPILED).sort());
  });

  const samples = builderData();

  it('the builders\' samples cover every template renderCard binds', () => {
    const bound = new Set(samples.map(([name]) => name));
    // Reminder and report cards are bound by their own modules; they are checked on made-up data below.
    const own = ['complaints-log', 'overdue', 'reminder', 'report-file', 'report-summary'];
    assert.deepEqual([...bound].sort(), TEMPLATES.filter((t) => !own.includes(t)));
  });

  it('gives the library\'s card for every builder\'s sample data', () => {
    assert.ok(samples.length >= 60, `${samples.length} samples`);
    for (const [name, data] of samples) assertSame(name, library(name), compiled(name), data);
  });

  it('gives the library\'s card for the samples with values taken away or made awkward', () => {
    const rng = random(17);
    for (const [name, data] of samples) {
      for (let i = 0; i < 12; i++) assertSame(`${name} (changed)`, library(name), compiled(name), mutate(data, rng));
    }
  });

  it('gives the library\'s card for data made up from each template\'s bindings', () => {
    const rng = random(42);
    for (const name of TEMPLATES) {
      const template: unknown = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
      for (let i = 0; i < 25; i++) assertSame(`${name} (made up)`, library(name), compiled(name), madeUpData(template, rng));
    }
  });

  it('renderCard gives the card the library gives, made plain', () => {
    const data = { ...samples.find(([name]) => name === 'case-detail')![1], banner: 'A banner seen once: https://example.org' };
    const card = renderCard('case-detail', data);
    assert.deepStrictEqual(card, plainCard(library('case-detail')(data)));
    assert.match(JSON.stringify(card), /A banner seen once: https:\u200b\/\/example.org/);
  });

  describe('the templating\'s rules, one by one', () => {
    // Each template is bound by the library and by the compiled binder, over a set of data.
    const DATA: object[] = [
      {}, { a: 'x', b: 'y', n: 0, list: [] }, { a: '', b: null, n: 2, list: [{ t: 'one' }, { t: 'two' }], flag: true },
      { A: 'upper', a: 'lower', list: ['p', undefined, 'q'], flag: false, nested: { deep: { x: 'deep' } } },
      { a: 5, b: 5, n: 1.5, list: 'not a list', flag: 'yes', nested: null }, { a: 'b', b: 'a', list: [{}, null, { t: 0 }], n: -1 },
    ];
    const cases: Array<[string, unknown]> = [
      ['a value keeps its type', { v: '${n}', l: '${list}', f: '${flag}', o: '${nested}' }],
      ['a missing value is left as its binding', { v: '${missing}', w: '${nested.deep.x}', x: '${$root.a}', y: 'text ${missing.path} text' }],
      ['text with values in it', { v: 'A: ${a}, n: ${n}, list: ${list}, flag: ${flag}', w: '$ {a} $${a} {${a}} ${a}${b}' }],
      ['text over lines, and braces and dollars that bind nothing', { v: 'First ${a}\nsecond ${b}\r\n{a} $a $ {', w: '${a}\n' }],
      ['a literal alone is text', { v: '${\'lit\'}', n: '${5}', t: '${true}', p: '${(7)}' }],
      ['comparisons and their quirks', {
        ne: '${a != \'\'}', eq: '${a == \'x\'}', nn: '${b != null}', num: '${n == 0}', gt: '${count(list) > 0}', le: '${n <= 1.5}', str: '${a < b}',
        z: '${count(list) == 0}', bad: '${count(n) > 0}', prec: '${!flag == false}',
      }],
      ['!, && and || with what is not a boolean', { not: '${!flag}', and: '${flag && a}', or: '${flag || b}', or2: '${b || missing}', nested: '${!(a == \'x\') || flag}' }],
      ['$when keeps only true', { body: [{ $when: '${flag}', t: 'flag' }, { $when: '${a}', t: 'a' }, { $when: '${missing}', t: 'm' }, { $when: 'true', t: 'literal' }, { $when: '', t: 'empty' }, { $when: '${count(n) > 0}', t: 'bad' }] }],
      ['$data repeats over a list, with $index', { body: [{ $data: '${list}', t: '${t}', i: '${$index}', d: '${$data}', r: '${$root.a}' }, 'after'] }],
      ['$data on a value that is not a list', { body: [{ $data: '${nested}', x: '${deep.x}' }, { $data: '${missing}', x: '${$data}' }] }],
      ['$data with $when, empty lists and nulls dropped from arrays', { body: [null, { $data: '${list}', $when: '${t != \'one\'}', t: '${t}' }, [1, null, '${list}']], sel: { $data: '${list}', t: '${t}' } }],
      ['$data on the root', { $data: '${nested}', type: 'AdaptiveCard', v: '${deep.x}' }],
      ['keys are not bound and reserved keys are dropped', { '${a}': '${a}', $root: 'r', $index: 1, $host: 'h', $schema: 's', n: 3, z: null, b: false }],
      ['count() alone', { v: '${count(list)}' }],
    ];
    for (const [rule, template] of cases) {
      it(rule, () => {
        const compiledTemplate = compileTemplate(template);
        assert.ok(compiledTemplate, `${rule}: compiles`);
        const t = new ACData.Template(template);
        for (const data of DATA) assertSame(rule, (d) => t.expand({ $root: d }) as unknown, compiledTemplate, data);
      });
    }

    it('leaves to the library what it does not take', () => {
      for (const template of [
        { v: '${a + b}' }, { v: '${if(a, b, c)}' }, { v: '${a == b}' }, { v: '${list[0]}' }, { v: '${a}\\n' }, { v: '${$host.x}' },
        { v: 'text ${count(list)}' }, { $data: 'literal', v: 1 }, { $when: 'x ${a}', v: 1 }, { v: '${toUpper(a)}' }, { v: '${a <> b}' }, { v: '${`t`}' },
      ]) {
        assert.equal(compileTemplate(template), null, JSON.stringify(template));
      }
    });
  });
});
