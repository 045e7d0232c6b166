import type { CaseView } from './case-state';

/**
 * Whether a case waits for someone's decision: an extension asked for, a refusal to escalate
 * proposed, or unacceptable behaviour reported. Each decision command's `allowed` asks for one of
 * these first, so a case for which this is false has no decision to offer anyone; the stores
 * index it so that "what waits for my decision" (the help card, `my approvals`) reads only these
 * cases, not every open one.
 */
export function awaitsDecision(view: Pick<CaseView, 'pendingExtension' | 'escalationRefusalProposedOn' | 'behaviourProposedOn'>): boolean {
  return view.pendingExtension !== null || view.escalationRefusalProposedOn !== null || view.behaviourProposedOn !== null;
}
