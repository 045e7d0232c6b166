import type { DirectoryPerson } from '../../domain/directory';
import { findPerson, hasRole } from '../../domain/directory';
import { assignedCard, caseDetailCard } from '../../cards/case-cards';
import { actionFormCard, extensionDecisionCard, refusalDecisionCard } from '../../cards/workflow-cards';
import { behaviourDeciderRole, managersOf } from '../../cases/case-permissions';
import type { CaseRecord } from '../../store/case-record';
import type { BotDependencies } from '../bot-dependencies';
import { cardContext } from './card-context';
import { copyToMailbox } from './mailbox-copy';

/**
 * Who hears about an action, and with which card. A failed send is logged and said on the
 * actor's card; the action itself is already saved.
 */
export async function notifyAfter(verb: string, record: CaseRecord, actor: DirectoryPerson, deps: BotDependencies): Promise<string> {
  const ctx = cardContext(deps);
  const send = async (people: DirectoryPerson[], card: ReturnType<typeof caseDetailCard>, summary: string): Promise<string[]> => {
    const missed: string[] = [];
    for (const p of people) {
      try {
        if ((await deps.notifier.sendCard(p, card, summary)) !== 'sent') missed.push(p.name);
      } catch (err) {
        deps.logger.error({ err, reference: record.reference }, 'could not send a workflow card');
        missed.push(p.name);
      }
    }
    return missed;
  };
  const handler = findPerson(deps.ctx.directory, record.responsibleOfficerId);
  let missed: string[] = [];
  if (verb === 'case.respond') await copyToMailbox('response', record, deps);
  if (verb === 'case.escalate') await copyToMailbox('stage-change', record, deps);
  switch (verb) {
    case 'case.extend': {
      // The handler's line manager and the manager above can decide; whoever acts first decides.
      const managers = managersOf(deps.ctx.directory, record.responsibleOfficerId).slice(0, 2);
      missed = await send(managers, extensionDecisionCard(record, ctx, ''), `Extension request ${record.reference}`);
      return note(managers.map((m) => m.name), missed, 'asked to decide');
    }
    case 'case.extension.approve':
    case 'case.extension.reject':
      if (handler && handler.id !== actor.id) missed = await send([handler], caseDetailCard(record, ctx, handler, `${actor.name} ${verb.endsWith('approve') ? 'approved' : 'rejected'} the extension request.`), `Extension decided ${record.reference}`);
      return note(handler ? [handler.name] : [], missed, 'told');
    case 'case.escalate':
      if (handler && handler.id !== actor.id) missed = await send([handler], assignedCard(record, ctx), `Escalated complaint ${record.reference}`);
      return note(handler ? [handler.name] : [], missed, 'sent the case to accept');
    case 'case.refuse-escalation': {
      const managers = managersOf(deps.ctx.directory, record.responsibleOfficerId).slice(0, 2);
      missed = await send(managers, refusalDecisionCard(record, ctx, ''), `Escalation refusal ${record.reference}`);
      return note(managers.map((m) => m.name), missed, 'asked to decide');
    }
    case 'case.behaviour': {
      const deciders = deps.ctx.directory.people.filter((p) => hasRole(p, behaviourDeciderRole(deps.ctx.policy)));
      missed = await send(deciders, actionFormCard('behaviour-decision', record, ctx, { values: {}, errors: {}, banner: '' }), `Unacceptable behaviour ${record.reference}`);
      return note(deciders.map((d) => d.name), missed, 'asked to decide');
    }
    case 'case.behaviour.decide':
      if (handler && handler.id !== actor.id) missed = await send([handler], caseDetailCard(record, ctx, handler, `${actor.name} decided on the unacceptable behaviour report.`), `Behaviour decision ${record.reference}`);
      return note(handler ? [handler.name] : [], missed, 'told');
    default:
      return '';
  }
}

function note(names: string[], missed: string[], what: string): string {
  const reached = names.filter((n) => !missed.includes(n));
  const parts = [];
  if (reached.length) parts.push(`${reached.join(' and ')} ${reached.length > 1 ? 'were' : 'was'} ${what}.`);
  if (missed.length) parts.push(`${missed.join(' and ')} could not be messaged in Teams (they have not opened the bot): please tell them.`);
  return parts.join(' ');
}
