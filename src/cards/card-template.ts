import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as ACData from 'adaptivecards-templating';
import { BoundedMap } from '../bounded-map';
import { compileTemplate, type CompiledTemplate } from './compiled-template';
import { plainCard } from './plain-text';

/**
 * Card templates live in /cards as Adaptive Card JSON (schema 1.5) and are bound here: by the
 * template compiled to closures (compiled-template.ts), which gives the same card as
 * adaptivecards-templating many times faster, or by adaptivecards-templating itself for a
 * template the compiler does not take. A binding to a missing value would be left in the card
 * as literal "${...}" text, so every builder supplies every field (tests check none is left).
 */
export const CARDS_DIR = path.resolve(__dirname, '../../cards');

export type CardName =
  | 'welcome' | 'notice' | 'intake-complainant' | 'intake-complaint' | 'intake-review' | 'dissatisfaction'
  | 'case-confirmation' | 'case-assigned' | 'case-detail' | 'my-cases' | 'my-approvals' | 'find-results'
  | 'case-action-form' | 'case-respond' | 'case-decision' | 'case-determination' | 'case-documents' | 'file-arrived' | 'case-history'
  | 'reminder' | 'overdue' | 'complaints-log' | 'report-summary' | 'report-file';

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard' };

/** One template of cards/, with both ways of binding it (the library's made only when needed). */
interface TemplateBinders {
  /** adaptivecards-templating's Template.expand, the reference. */
  library: (data: object) => unknown;
  /** The compiled binder, or null when the template uses what the compiler does not take. */
  compiled: CompiledTemplate | null;
}

const binders = new Map<string, TemplateBinders>();

/** The binders of cards/<name>.json, read and compiled once. */
export function templateBinders(name: string): TemplateBinders {
  let b = binders.get(name);
  if (!b) {
    const payload: unknown = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
    let library: ACData.Template | undefined;
    b = {
      // Loaded only when a template is bound by the library: every template compiles today, so a
      // running bot never loads it (its expression engine is about 24 MB of a bot's memory).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed, see above
      library: (data) => (library ??= new (require('adaptivecards-templating') as typeof ACData).Template(payload)).expand({ $root: data }) as unknown,
      compiled: compileTemplate(payload),
    };
    binders.set(name, b);
  }
  return b;
}

/** cards/<name>.json bound to the data, as adaptivecards-templating would bind it (not made plain, not kept). */
function bindTemplate(name: string, data: object): AdaptiveCardJson {
  const b = templateBinders(name);
  return (b.compiled ? b.compiled(data) : b.library(data)) as AdaptiveCardJson;
}

let observer: ((name: CardName, data: object) => void) | undefined;

/**
 * Sees the name and data of every card renderCard is asked for (cached or not); undefined
 * stops it. For tests: the compiled binder's equivalence test binds what the builders bind.
 */
export function observeRenders(watch: ((name: CardName, data: object) => void) | undefined): void {
  observer = watch;
}

/**
 * Cards recently rendered, by template and data, as JSON. Binding a template evaluates every
 * expression in it, slower than parsing its result again, and the same card is asked for
 * over and over (the help card, a case card shown to several people). The templates use no
 * function whose result changes (only count()), so the same data always gives the same card.
 * Each caller gets its own parsed copy, free to change. A card is kept from the second time it
 * is asked for: a case card after a change is drawn once, and keeping it would only cost time.
 */
const RENDERED_MAX = 100;
const ASKED_ONCE_MAX = 100;
const rendered = new BoundedMap<string, string>(RENDERED_MAX);
const askedOnce = new BoundedMap<string, true>(ASKED_ONCE_MAX);
/** Data this large is rendered every time: keeping its card would cost more memory than it saves time. */
const RENDERED_MAX_KEY = 32 * 1024;

export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  observer?.(name, data);
  const key = `${name}\n${JSON.stringify(data)}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return JSON.parse(cached) as AdaptiveCardJson;
  // What people typed is shown as text, never as markdown (see plain-text.ts).
  const card = plainCard(bindTemplate(name, data));
  if (key.length <= RENDERED_MAX_KEY) {
    if (askedOnce.delete(key)) rendered.set(key, JSON.stringify(card));
    else askedOnce.set(key, true);
  }
  return card;
}
