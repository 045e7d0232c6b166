import { londonDateOf } from '../../domain/calendar-date';
import type { DirectoryPerson } from '../../domain/directory';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { noticeCard } from '../../cards/general-cards';
import { dissatisfactionCard } from '../../cards/intake-cards';
import { DissatisfactionFlow, recordedSentence, type DissatisfactionOutcome } from '../../intake/dissatisfaction-flow';
import type { BotDependencies } from '../bot-dependencies';
import { intakeCard } from './intake-handler';

const flowOf = (deps: BotDependencies): DissatisfactionFlow => new DissatisfactionFlow({ log: deps.stores.dissatisfaction, intake: deps.intake, ctx: deps.ctx });
const renderId = (deps: BotDependencies): string => deps.ctx.newId().replace(/-/g, '').slice(0, 12);

/** "log dissatisfaction" (typed, or the welcome card's button): a blank card. */
export function startDissatisfaction(deps: BotDependencies): AdaptiveCardJson {
  return dissatisfactionCard({ values: flowOf(deps).blank(), errors: {}, formError: '', answeredNo: false, today: londonDateOf(deps.ctx.now()), renderId: renderId(deps) });
}

/** The card's two answers: yes opens the complaint form, no records what it was and why. */
export async function dissatisfactionAction(person: DirectoryPerson, verb: 'dissatisfaction.complaint' | 'dissatisfaction.record', data: Record<string, unknown>, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const flow = flowOf(deps);
  const outcome: DissatisfactionOutcome = verb === 'dissatisfaction.complaint' ? await flow.yes(person, data) : await flow.no(person, data);
  if (outcome.kind === 'form') return dissatisfactionCard({ ...outcome, today: londonDateOf(deps.ctx.now()), renderId: renderId(deps) });
  if (outcome.kind === 'complaint') return intakeCard(outcome.intake, person, deps);
  // Counts only: what the resident said stays out of the log.
  deps.logger.info({ kind: outcome.record.kind, reason: outcome.record.reason, repeated: outcome.repeated }, 'dissatisfaction recorded, not a complaint');
  return noticeCard({
    title: outcome.repeated ? 'Already recorded' : 'Recorded: not a complaint',
    text: `${recordedSentence(outcome.record)} It is counted in the complaints report as dissatisfaction not taken as a complaint. If the resident changes their mind, type "new complaint".`,
    tone: outcome.repeated ? 'info' : 'good',
  });
}
