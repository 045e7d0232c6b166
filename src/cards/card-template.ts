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
  | 'welcome' | 'notice' | 'intake-complainant' | 'intake-complaint' | 'intake-review'
  | 'case-confirmation' | 'case-assigned' | 'case-detail' | 'my-cases' | 'my-approvals'
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

export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  // What people typed is shown as text, never as markdown (see plain-text.ts).
  return plainCard(template(name).expand({ $root: data }) as AdaptiveCardJson);
}
