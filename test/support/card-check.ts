import { strict as assert } from 'node:assert';
import * as AC from 'adaptivecards';
import type { AdaptiveCardJson } from '../../src/cards/card-template';

/**
 * What every card must pass: it parses in the Adaptive Cards library with no warning,
 * validates with no error, stays on schema 1.5 (what Teams renders), and leaves no "${...}"
 * binding unexpanded.
 */
export function checkCard(name: string, card: AdaptiveCardJson): void {
  const text = JSON.stringify(card);
  assert.ok(!text.includes('${'), `${name}: unexpanded binding in ${text.match(/.{40}\$\{[^}]*\}/)?.[0]}`);
  assert.equal(card.version, '1.5', `${name}: schema version`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i)?.message);
  assert.deepEqual(parseEvents, [], `${name}: parse warnings`);
  const validation = parsed.validateProperties();
  assert.deepEqual(validation.validationEvents.map((e) => e.message), [], `${name}: validation errors`);
}
