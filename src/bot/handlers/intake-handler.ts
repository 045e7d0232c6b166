import { londonDateOf } from '../../domain/calendar-date';
import type { DirectoryPerson } from '../../domain/directory';
import { assignedCard, confirmationCard } from '../../cards/case-cards';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { noticeCard } from '../../cards/general-cards';
import { intakeStepCard } from '../../cards/intake-cards';
import type { IntakeOutcome } from '../../intake/intake-flow';
import type { BotDependencies } from '../bot-dependencies';
import { scopeFor } from '../actions/run-case-action';
import { copyToMailbox } from './mailbox-copy';

/**
 * Turns an intake outcome into the card the person sees. On a first submit it also tells
 * the responsible officer, proactively, with a card that has the Acknowledge action.
 */
export async function intakeCard(outcome: IntakeOutcome, actor: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const ctx = scopeFor(actor, deps).cards;
  if (outcome.kind === 'notice') return noticeCard(outcome);
  if (outcome.kind === 'step') {
    return intakeStepCard({ ...outcome, policy: deps.ctx.policy, directory: deps.ctx.directory, today: londonDateOf(deps.ctx.now()) });
  }
  const { record, assignment, repeated } = outcome;
  deps.logger.info({ reference: record.reference, repeated }, repeated ? 'intake submitted again: showing the existing case' : 'complaint logged');
  if (!repeated) await copyToMailbox('new-complaint', record, deps);
  if (repeated) return confirmationCard(record, ctx, `This complaint was already submitted as ${record.reference}; nothing new was created.`);
  if (!assignment) return confirmationCard(record, ctx, 'Recorded as a refused complaint, with the reason given.');

  const officer = assignment.officer;
  let officerNote: string;
  try {
    const sent = await deps.notifier.sendCard(officer, assignedCard(record, ctx), `New complaint ${record.reference}`);
    officerNote = sent === 'sent'
      ? `${officer === actor || officer.id === actor.id ? 'You are' : `${officer.name} is`} the handler and ${officer.id === actor.id ? 'have' : 'has'} been sent the case to acknowledge.`
      : `${officer.name} has not opened the complaints bot yet, so could not be messaged in Teams: please let them know about ${record.reference}.`;
  } catch (err) {
    deps.logger.error({ err, reference: record.reference }, 'could not notify the officer');
    officerNote = `The case is saved, but ${officer.name} could not be messaged in Teams just now: please let them know about ${record.reference}.`;
  }
  return confirmationCard(record, ctx, officerNote);
}
