import type { AdaptiveCardJson } from '../../cards/card-template';
import type { CaseRecord } from '../../domain/case-record';
import type { DirectoryPerson } from '../../domain/directory';
import { whatNext, whyUndelivered } from '../../reminders/kept-cards';
import type { Delivery } from '../proactive-notifier';
import type { ActionScope } from './case-card-action';

/**
 * Sends a card to each person, and says in a sentence for the actor's card who was reached
 * and, for anyone who was not, what actually happened and what happens next. A card that did
 * not arrive is kept and sent again (ProactiveNotifier.sendOrKeep); nothing is thrown: the
 * action is saved already.
 */
export async function tellPeople(
  people: readonly DirectoryPerson[], cardFor: (person: DirectoryPerson) => AdaptiveCardJson, summary: string,
  what: string, record: CaseRecord, scope: ActionScope,
): Promise<string> {
  const deliveries = await scope.deps.notifier.sendOrKeep(people.map((person) => ({ person, card: cardFor(person), summary })), record);
  const reached = deliveries.filter((d) => d.result.outcome === 'sent').map((d) => d.person.name);
  const parts: string[] = [];
  if (reached.length) parts.push(`${names(reached)} ${reached.length > 1 ? 'were' : 'was'} ${what}.`);
  const missed = notReachedSentence(deliveries);
  if (missed) parts.push(missed);
  return parts.join(' ');
}

/**
 * For everyone not reached, the true reason and what happens next, one sentence per reason:
 * "Priya Shah could not be reached in Teams (the conversation no longer exists): please tell
 * them; the card will be sent again when they next open the complaints bot." `about` names
 * what to tell them about, e.g. a case reference.
 */
export function notReachedSentence(deliveries: readonly Delivery[], about = ''): string {
  const byReason = new Map<string, string[]>();
  for (const d of deliveries) {
    if (d.result.outcome === 'sent') continue;
    const why = whyUndelivered(d.result);
    const tell = `please tell them${about ? ` about ${about}` : ''}`;
    const sentence = d.result.outcome === 'failed'
      ? `could not be sent the card just now (${why}): ${d.kept ? `${whatNext(d.result)}; ${tell} if it is urgent` : `${tell}; it could not be kept for another try`}.`
      : `could not be ${d.result.outcome === 'no-conversation' ? 'messaged' : 'reached'} in Teams (${why}): ${tell}; ${d.kept ? whatNext(d.result).replace(/^it/, 'the card') : 'the card could not be kept for another try'}.`;
    byReason.set(sentence, [...byReason.get(sentence) ?? [], d.person.name]);
  }
  return [...byReason].map(([sentence, who]) => `${names(who)} ${sentence}`).join(' ');
}

function names(list: readonly string[]): string {
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1) ?? ''}` : list[0] ?? '';
}
