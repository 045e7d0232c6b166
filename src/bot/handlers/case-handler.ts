import type { DirectoryPerson } from '../../domain/directory';
import { londonDateOf } from '../../domain/calendar-date';
import { assignedCard, caseDetailCard, myCasesCard } from '../../cards/case-cards';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { noticeCard } from '../../cards/general-cards';
import { recordCaseEvent } from '../../cases/record-case-event';
import type { BotDependencies } from '../bot-dependencies';
import { cardContext } from './card-context';

export async function viewCase(caseId: string | null, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const record = caseId ? await deps.stores.cases.getCase(caseId) : undefined;
  if (!record) return noticeCard({ title: 'Case not found', text: 'There is no such case. Type "my cases" to see yours.', tone: 'error' });
  return caseDetailCard(record, cardContext(deps), person);
}

export async function viewCaseByReference(reference: string, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const record = await deps.stores.cases.getCaseByReference(reference);
  if (!record) return noticeCard({ title: `No case ${reference}`, text: 'Check the reference (for example HC-2026-00042), or type "my cases".', tone: 'error' });
  return caseDetailCard(record, cardContext(deps), person);
}

export async function myCases(person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  return myCasesCard(await deps.stores.cases.openCasesByOfficer(person.id), cardContext(deps));
}

/**
 * The handler acknowledges a complaint from the card they were sent. Only the responsible
 * officer may (checked against the stored case, not the card), and only on the version the
 * card showed: a stale or repeated click gets the current case instead of a second event.
 */
export async function acknowledge(person: DirectoryPerson, caseId: string | null, version: string | null, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const record = caseId ? await deps.stores.cases.getCase(caseId) : undefined;
  if (!record || !version) return noticeCard({ title: 'Case not found', text: 'This card does not name a case we hold.', tone: 'error' });
  const ctx = cardContext(deps);
  if (record.responsibleOfficerId !== person.id) {
    return noticeCard({ title: 'Not your case to acknowledge', text: `${record.reference} is handled by someone else; only the responsible officer can acknowledge it. Nothing was changed.`, tone: 'error' });
  }
  const result = await recordCaseEvent(deps.stores.cases, deps.ctx, record.id, version, person, {
    type: 'acknowledged', on: londonDateOf(deps.ctx.now()), why: 'Acknowledged in Teams',
  });
  if (result.ok) {
    deps.logger.info({ reference: result.record.reference }, 'acknowledged');
    return caseDetailCard(result.record, ctx, person, 'Acknowledged. The response deadline has started.');
  }
  if (!('current' in result)) return noticeCard({ title: 'Case not found', text: result.message, tone: 'error' });
  // Stale card or a refused action: say so, and show the case as it is now.
  const current = result.current;
  const banner = result.code === 'CASE.STALE_VERSION' ? 'This case has changed since this card was shown. Here it is as it is now.' : result.message;
  return current.state === 'awaiting-acknowledgement' ? withBanner(assignedCard(current, ctx), banner) : caseDetailCard(current, ctx, person, banner);
}

/** Puts a warning line at the top of a card. */
function withBanner(card: AdaptiveCardJson, text: string): AdaptiveCardJson {
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [{ type: 'TextBlock', text, wrap: true, color: 'Warning', weight: 'Bolder' }, ...body] };
}
