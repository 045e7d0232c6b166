import { londonDateOf } from '../../domain/calendar-date';
import type { DirectoryPerson } from '../../domain/directory';
import { assignedCard, confirmationCard } from '../../cards/case-cards';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { noticeCard } from '../../cards/general-cards';
import { intakeStepCard } from '../../cards/intake-cards';
import type { IntakeOutcome } from '../../intake/intake-flow';
import type { BotDependencies } from '../bot-dependencies';
import { scopeFor } from '../actions/run-case-action';
import { notReachedSentence, tellPeople } from '../actions/tell-people';
import type { CaseRecord } from '../../domain/case-record';
import { maySeeCase } from '../../domain/case-access';
import { viewOf } from '../../domain/case-view';
import { findPerson } from '../../domain/directory';
import { copyToMailbox } from './mailbox-copy';

/**
 * Turns an intake outcome into the card the person sees. On a first submit it also tells
 * the responsible officer, proactively, with a card that has the Acknowledge action.
 */
export async function intakeCard(outcome: IntakeOutcome, actor: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const ctx = scopeFor(actor, deps).cards;
  if (outcome.kind === 'notice') return noticeCard(outcome);
  if (outcome.kind === 'step') {
    // A fresh id per card shown: see renderId in intake-cards.ts (the Playground's stale choices).
    return intakeStepCard({ ...outcome, policy: deps.ctx.policy, directory: deps.ctx.directory, today: londonDateOf(deps.ctx.now()), renderId: deps.ctx.newId().replace(/-/g, '').slice(0, 12) });
  }
  if (outcome.kind === 'joined') return joinedCard(outcome.record, outcome.repeated, actor, deps);
  const { record, assignment, repeated } = outcome;
  deps.logger.info({ reference: record.reference, repeated }, repeated ? 'intake submitted again: showing the existing case' : 'complaint logged');
  if (!repeated) await copyToMailbox('new-complaint', record, deps);
  if (repeated) return confirmationCard(record, ctx, `This complaint was already submitted as ${record.reference}; nothing new was created.`);
  if (!assignment) return confirmationCard(record, ctx, 'Recorded as a refused complaint, with the reason given.');

  const officer = assignment.officer;
  // Never throws for a send; a card that did not arrive is kept, sent again later and noted on the case.
  const deliveries = await deps.notifier.sendOrKeep([{ person: officer, card: assignedCard(record, ctx), summary: `New complaint ${record.reference}` }], record);
  const sent = deliveries.every((d) => d.result.outcome === 'sent');
  const officerNote = officer.id === actor.id
    ? `You are the handler and ${sent ? 'have been sent the case to acknowledge.' : `the case to acknowledge could not be sent to you just now: type "case ${record.reference}" to open it.`}`
    : sent ? `${officer.name} is the handler and has been sent the case to acknowledge.` : `The case is saved. ${notReachedSentence(deliveries, record.reference)}`;
  return confirmationCard(record, ctx, officerNote);
}

/**
 * After a new matter joined the resident's open stage 1 complaint: its handler is sent the case
 * with what was added (unless they added it themselves). Whoever may see the case gets it back
 * with the matter in its history; anyone else is told only that it was added, by reference.
 */
async function joinedCard(record: CaseRecord, repeated: boolean, actor: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const scope = scopeFor(actor, deps);
  deps.logger.info({ reference: record.reference, repeated }, repeated ? 'intake joined again: showing the case it joined' : 'related complaint added to an open complaint');
  let told = '';
  const handler = findPerson(deps.ctx.directory, record.responsibleOfficerId);
  if (!repeated && handler && handler.id !== actor.id) {
    const banner = { text: `${actor.name} added a related new complaint from the resident to this case: see its history.`, tone: 'good' as const };
    told = await tellPeople([handler], (p) => scope.caseCard(record, p, banner), `Related complaint added to ${record.reference}`, 'sent the case with it', record, scope);
  }
  const text = repeated
    ? `This complaint was already added to ${record.reference}; nothing new was added.`
    : `Added to ${record.reference} as a related new complaint: no new case was made.${told ? ` ${told}` : ''}`;
  if (maySeeCase({ record, view: viewOf(record, deps.ctx) }, actor, deps.ctx.directory)) return scope.caseCard(record, actor, { text, tone: 'good' });
  return noticeCard({ title: `Added to ${record.reference}`, text: `${text} You cannot open that case: its handler answers the resident on both matters.`, tone: 'info' });
}
