import { findPerson, type DirectoryPerson } from '../../domain/directory';
import { myActionsCard, myApprovalsCard, myCasesCard, type AwaitingDecision } from '../../cards/case-cards';
import { ownerIdOf } from '../../domain/follow-ups';
import { formatDate } from '../../cards/card-text';
import type { CaseView } from '../../domain/case-state';
import { viewOf } from '../../domain/case-view';
import { CASE_COMMANDS } from '../../domain/commands/case-commands';
import type { ActionScope } from '../actions/case-card-action';
import { CASE_CARD_ACTIONS } from '../actions/registry';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { caseHistoryCard } from '../../cards/history-cards';
import { notYoursCard } from '../../cards/general-cards';
import { actsOnCase, casesVisibleTo, maySeeCase } from '../../domain/case-access';
import { noteAccess } from './access-notes';
import type { CaseRecord } from '../../domain/case-record';
import type { CaseFile } from '../../domain/commands/command';
import type { BotDependencies } from '../bot-dependencies';
import { scopeFor } from '../actions/run-case-action';

export async function viewCase(caseId: string | null, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  return showCase(caseId ? await deps.stores.cases.getCase(caseId) : undefined, person, deps);
}

export async function viewCaseByReference(reference: string, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  return showCase(await deps.stores.cases.getCaseByReference(reference), person, deps);
}

/** The case card for someone in its circle (noted in its access log); for anyone else, or no case, the one same answer. */
async function showCase(record: CaseRecord | undefined, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const file = visible(record, person, deps);
  if (!file) return notYoursCard();
  await noteAccess(file, person, 'case-card', deps);
  return scopeFor(person, deps).caseCard(file.record, person);
}

/** The case with its view when this person may see it; null when not, or when there is no case. */
function visible(record: CaseRecord | undefined, person: DirectoryPerson, deps: BotDependencies): CaseFile | null {
  if (!record) return null;
  const file = { record, view: viewOf(record, deps.ctx) };
  return maySeeCase(file, person, deps.ctx.directory) ? file : null;
}

/**
 * `my cases`: the open cases this person is the responsible officer of. Being their handler
 * puts them in each case's circle, so the need-to-know filter (casesVisibleTo) passes every
 * one; it is applied anyway, so this list can never show more than the rule allows.
 */
export async function myCases(person: DirectoryPerson, deps: BotDependencies, page = 1): Promise<AdaptiveCardJson> {
  return myCasesCard(casesVisibleTo(await deps.stores.cases.openCasesByOfficer(person.id), person, deps.ctx), scopeFor(person, deps).cards, page);
}

/** "Whole history": every event of the case, newest first, a page at a time. */
export async function caseHistory(caseId: string | null, page: number, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const file = visible(caseId ? await deps.stores.cases.getCase(caseId) : undefined, person, deps);
  if (!file) return notYoursCard();
  await noteAccess(file, person, 'history', deps);
  return caseHistoryCard(file.record, deps.ctx, page, actsOnCase(file, person, deps.ctx.directory));
}

/** The decisions a manager may be asked for, and how each waits. */
const DECISIONS = ['decide-extension', 'decide-escalation-refusal', 'decide-behaviour'] as const;

/**
 * What waits for this person's decision: every open case where a decision command's `allowed`
 * passes for them (the same rule that puts the button on the case card).
 */
export async function awaitingDecision(person: DirectoryPerson, deps: BotDependencies): Promise<AwaitingDecision[]> {
  const scope = scopeFor(person, deps);
  // Only the open cases the store's index says may wait for a decision, not every case.
  const records = await deps.stores.cases.openCasesMaybeAwaitingDecision();
  const items: AwaitingDecision[] = [];
  for (const record of records) {
    const file = { record, view: viewOf(record, scope.cards) };
    for (const name of DECISIONS) {
      if (CASE_COMMANDS[name].allowed(file, person, scope.commands) !== null) continue;
      items.push({ record, waiting: waitingWords(name, file.view, scope), button: CASE_CARD_ACTIONS[name].button });
    }
  }
  return items;
}

function waitingWords(name: (typeof DECISIONS)[number], view: CaseView, scope: ActionScope): string {
  const who = (id: string | null) => findPerson(scope.cards.directory, id)?.name ?? 'the handler';
  switch (name) {
    case 'decide-extension': {
      const ext = view.pendingExtension;
      return ext ? `Extension of ${ext.workingDays} working days asked for by ${who(ext.requestedBy)} on ${formatDate(ext.on)}: ${ext.reason}` : 'Extension request';
    }
    case 'decide-escalation-refusal': return `Refusal to escalate proposed on ${view.escalationRefusalProposedOn ? formatDate(view.escalationRefusalProposedOn) : '-'}`;
    case 'decide-behaviour': return `Unacceptable behaviour reported on ${view.behaviourProposedOn ? formatDate(view.behaviourProposedOn) : '-'}`;
  }
}

export async function myApprovals(person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  return myApprovalsCard(await awaitingDecision(person, deps), scopeFor(person, deps).cards);
}

/** Later than any deadline: deadlinesDueBy(EVERY_DAY) is every running deadline. */
const EVERY_DAY = '9999-12-31';

/** Which card action meets a follow-up, and what its button carries to preselect the item. */
const FOLLOW_UP_ACTIONS = {
  action: { name: 'complete-action', carry: 'actionId' },
  'ombudsman-order': { name: 'comply-with-order', carry: 'orderId' },
  'ombudsman-information': { name: 'send-ombudsman-information', carry: 'requestId' },
} as const;

/**
 * `my actions`: the follow-ups this person is to deliver (their own actions and orders, the
 * cases they handle where no owner is named, the Ombudsman's requests for the PIM), open or
 * closed cases alike, soonest due first.
 */
export async function myActions(person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const scope = scopeFor(person, deps);
  // An unmet follow-up is a running deadline whether its case is open or closed
  // (isRunningDeadline), so the due-deadline index holds every one: only the cases with one of
  // this person's are read, not every case ever received (seconds and a gigabyte at 100,000).
  const running = await deps.stores.cases.deadlinesDueBy(EVERY_DAY);
  const theirs = running.filter((d) => d.id && d.kind in FOLLOW_UP_ACTIONS
    && ownerIdOf({ owner: d.owner, responsibleOfficerId: d.responsibleOfficerId }, scope.cards.directory) === person.id);
  const records = (await Promise.all([...new Set(theirs.map((d) => d.caseId))].map((id) => deps.stores.cases.getCase(id))))
    .filter((r): r is CaseRecord => r !== undefined);
  const items: Array<AwaitingDecision & { due: string }> = [];
  for (const record of records) {
    for (const d of record.deadlines) {
      if (d.metOn !== null || !d.id || !(d.kind in FOLLOW_UP_ACTIONS)) continue;
      if (ownerIdOf({ owner: d.owner ?? null, responsibleOfficerId: record.responsibleOfficerId }, scope.cards.directory) !== person.id) continue;
      const how = FOLLOW_UP_ACTIONS[d.kind as keyof typeof FOLLOW_UP_ACTIONS];
      const item = viewOf(record, scope.cards).items[d.id];
      const what = item ? item.description : `Information for the Ombudsman (request ${d.id})`;
      const left = scope.cards.calendar.workingDaysUntil(scope.cards.today, d.due);
      items.push({
        record, due: d.due, button: CASE_CARD_ACTIONS[how.name].button, carries: { [how.carry]: d.id },
        waiting: `${d.id}: ${what}, due ${formatDate(d.due)} (${left < 0 ? `${-left} working day${left === -1 ? '' : 's'} overdue` : left === 0 ? 'due today' : `${left} working day${left === 1 ? '' : 's'} left`})`,
      });
    }
  }
  return myActionsCard(items.sort((a, b) => a.due.localeCompare(b.due)), scope.cards);
}
