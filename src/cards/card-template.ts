import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { plainCard } from './plain-text';

/**
 * Card templates live in /cards as Adaptive Card JSON (schema 1.5) and are bound here with
 * adaptivecards-templating. A binding to a missing value would be left in the card as
 * literal "${...}" text, so every builder supplies every field (tests check none is left).
 */
export const CARDS_DIR = path.resolve(__dirname, '../../cards');

export type CardName =
  | 'welcome' | 'notice' | 'intake-complainant' | 'intake-complaint' | 'intake-review' | 'dissatisfaction'
  | 'case-confirmation' | 'case-assigned' | 'case-detail' | 'my-cases' | 'my-approvals' | 'find-results'
  | 'case-action-form' | 'case-respond' | 'case-decision' | 'case-determination' | 'case-documents' | 'file-arrived' | 'case-history';

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard' };

const templates = new Map<CardName, ACData.Template>();

function template(name: CardName): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/**
 * Cards recently rendered, by template and data, as JSON. Binding a template evaluates every
 * expression in it, far slower than parsing its result again, and the same card is asked for
 * over and over (the help card, a case card shown to several people). The templates use no
 * function whose result changes (only count()), so the same data always gives the same card.
 * Each caller gets its own parsed copy, free to change.
 */
const rendered = new Map<string, string>();
const RENDERED_MAX = 100;
/** Data this large is rendered every time: keeping its card would cost more memory than it saves time. */
const RENDERED_MAX_KEY = 32 * 1024;

export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  const key = `${name}\n${JSON.stringify(data)}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return JSON.parse(cached) as AdaptiveCardJson;
  // What people typed is shown as text, never as markdown (see plain-text.ts).
  const card = plainCard(template(name).expand({ $root: data }) as AdaptiveCardJson);
  if (key.length <= RENDERED_MAX_KEY) {
    if (rendered.size >= RENDERED_MAX) {
      const oldest = rendered.keys().next();
      if (!oldest.done) rendered.delete(oldest.value);
    }
    rendered.set(key, JSON.stringify(card));
  }
  return card;
}
