import type { AdaptiveCardJson } from '../../cards/card-template';
import type { CaseRecord } from '../../domain/case-record';
import type { DirectoryPerson } from '../../domain/directory';
import type { ActionScope } from './case-card-action';

/**
 * Sends a card to each person, and says in a sentence for the actor's card who was reached
 * and who could not be. A failed send is logged and said, never thrown: the action is saved.
 */
export async function tellPeople(
  people: readonly DirectoryPerson[], cardFor: (person: DirectoryPerson) => AdaptiveCardJson, summary: string,
  what: string, record: CaseRecord, scope: ActionScope,
): Promise<string> {
  const missed: string[] = [];
  for (const person of people) {
    try {
      if ((await scope.deps.notifier.sendCard(person, cardFor(person), summary)) !== 'sent') missed.push(person.name);
    } catch (err) {
      scope.deps.logger.error({ err, reference: record.reference }, 'could not send a workflow card');
      missed.push(person.name);
    }
  }
  const reached = people.map((p) => p.name).filter((n) => !missed.includes(n));
  const parts = [];
  if (reached.length) parts.push(`${reached.join(' and ')} ${reached.length > 1 ? 'were' : 'was'} ${what}.`);
  if (missed.length) parts.push(`${missed.join(' and ')} could not be messaged in Teams (they have not opened the bot): please tell them.`);
  return parts.join(' ');
}
