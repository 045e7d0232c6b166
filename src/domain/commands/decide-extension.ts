import { formatDate } from '../calendar-date';
import { findRunning } from '../timeline-helpers';
import { ombudsmanDetails } from '../ombudsman';
import { notPermitted, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/**
 * One of the handler's line managers approves or rejects the extension asked for; never the
 * person who asked. The first decision counts: the case has changed for the second.
 */
export interface DecideExtensionInput {
  approve: boolean;
  /** What the manager wrote on the card for the handler; kept in the event. */
  comment: string;
}

export const decideExtension: CaseCommand<DecideExtensionInput> = {
  allowed(file, actor, ctx) {
    const pending = file.view.pendingExtension;
    if (!pending) return notPermitted('There is no extension request waiting for a decision.');
    if (!relationTo(file, actor, ctx.directory).isManager || pending.requestedBy === actor.id) {
      return notPermitted('Only the handler\'s managers can decide this request, and never the person who asked.');
    }
    return null;
  },
  events(file, actor, input, ctx) {
    const pending = file.view.pendingExtension;
    if (!pending) return notPermitted('There is no extension request waiting for a decision.');
    const said = input.comment.trim() ? `: "${input.comment.trim()}"` : '';
    if (!input.approve) return { ok: true, events: [{ type: 'extension-rejected', on: ctx.today, why: `Rejected by ${actor.name}${said}` }] };
    const respond = findRunning(file.view, 'respond');
    const newDate = respond ? ` (${formatDate(ctx.calendar.addWorkingDays(respond.due, pending.workingDays))})` : '';
    return {
      ok: true,
      events: [{
        type: 'extended', on: ctx.today, workingDays: pending.workingDays, reason: pending.reason,
        ...(pending.reasonCategory ? { reasonCategory: pending.reasonCategory } : {}),
        ...(pending.complainantAgreed ? { complainantAgreed: true } : {}),
        // Approving tells nobody: the resident is to be told, and the handler records when they were (resident-told).
        why: `Approved by ${actor.name}${said}. The resident is to be told the reason, the new date${newDate} and the Ombudsman's details (${ombudsmanDetails(ctx.policy.ombudsman)}).`,
      }],
    };
  },
};
