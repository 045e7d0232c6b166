import { isTerminal, type CaseView } from '../domain/case-state';
import { deriveCase } from '../domain/case-timeline';
import type { WorkingDayCalendar } from '../domain/working-days';
import { findPerson, hasRole, type Directory, type DirectoryPerson } from '../domain/directory';
import { stageOf, type Policy } from '../domain/policy';
import type { CaseRecord } from '../store/case-record';

/**
 * Who may do what to a case, from the directory and the stored case, never from a card.
 * The case card shows a person only the actions this allows, and every action is checked
 * again here when it arrives.
 */
export type CaseAction =
  | 'acknowledge' | 'respond' | 'request-extension' | 'decide-extension' | 'pause' | 'resume' | 'escalate'
  | 'close' | 'withdraw' | 'note' | 'propose-behaviour' | 'decide-behaviour' | 'issue-draft' | 'record-comments'
  | 'propose-escalation-refusal' | 'decide-escalation-refusal';

export interface PermissionContext { policy: Policy; directory: Directory; calendar: WorkingDayCalendar }

/** Derived views by record object: a card asks about a dozen actions of the same read. */
const views = new WeakMap<CaseRecord, CaseView>();

/** The domain's view of a stored case: what is pending, extensions used, who is responsible. */
export function viewOf(record: CaseRecord, ctx: PermissionContext): CaseView {
  const cached = views.get(record);
  if (cached) return cached;
  const derived = deriveCase(record.events, { policy: ctx.policy, calendar: ctx.calendar });
  if (!derived.ok) throw new Error(`Stored case ${record.reference} does not replay under policy ${ctx.policy.id}: ${derived.message}`);
  views.set(record, derived.view);
  return derived.view;
}

/** The chain of line managers above a person (their manager, that manager's manager...). */
export function managersOf(directory: Directory, personId: string | null): DirectoryPerson[] {
  const chain: DirectoryPerson[] = [];
  let current = findPerson(directory, personId);
  while (current?.managerId && chain.length < 10) {
    const manager = findPerson(directory, current.managerId);
    if (!manager || chain.includes(manager)) break;
    chain.push(manager);
    current = manager;
  }
  return chain;
}

/** The role that decides unacceptable-behaviour proposals: the stage 2 handler's (the AD). */
export function behaviourDeciderRole(policy: Policy): string {
  return stageOf(policy, 2)?.handlerRole ?? 'AD';
}

export function can(person: DirectoryPerson, action: CaseAction, record: CaseRecord, ctx: PermissionContext): boolean {
  const isHandler = record.responsibleOfficerId === person.id;
  const isManager = managersOf(ctx.directory, record.responsibleOfficerId).some((m) => m.id === person.id);
  const open = !isTerminal(record.state);
  const working = record.state === 'investigating' || record.state === 'awaiting-acknowledgement';
  const view = viewOf(record, ctx);
  const pending = view.pendingExtension;
  const proposal = view.behaviourProposedOn;
  switch (action) {
    case 'note': return true;
    case 'acknowledge': return isHandler && record.state === 'awaiting-acknowledgement';
    case 'respond': return isHandler && record.state === 'investigating';
    case 'request-extension': return isHandler && working && !pending && record.deadlines.some((d) => d.stage === record.stage && d.kind === 'respond' && d.metOn === null);
    case 'decide-extension': return isManager && !!pending && pending.requestedBy !== person.id;
    case 'pause': return isHandler && working && ctx.policy.pauses.allowed;
    case 'resume': return isHandler && record.state === 'paused';
    case 'escalate': return (isHandler || isManager || hasRole(person, 'PIM')) && record.state === 'responded' && !!stageOf(ctx.policy, record.stage + 1) && !view.escalationRefusedOn;
    case 'propose-escalation-refusal': return isHandler && record.state === 'responded' && !!stageOf(ctx.policy, record.stage + 1) && !view.escalationRefusalProposedOn && !view.escalationRefusedOn;
    case 'decide-escalation-refusal': return isManager && !!view.escalationRefusalProposedOn;
    case 'close': return isHandler && record.state === 'responded';
    case 'withdraw': return isHandler && open;
    case 'propose-behaviour': return isHandler && open && !proposal;
    case 'decide-behaviour': return hasRole(person, behaviourDeciderRole(ctx.policy)) && !!proposal;
    // Seed 004's draft-response steps, where the stage has them.
    case 'issue-draft': return isHandler && record.state === 'investigating' && !!stageOf(ctx.policy, record.stage)?.draftResponse
      && !record.deadlines.some((d) => d.stage === record.stage && d.kind === 'comment-window');
    case 'record-comments': return isHandler && record.deadlines.some((d) => d.stage === record.stage && d.kind === 'comment-window' && d.metOn === null);
  }
}
