import { isTerminal } from '../case-state';
import { findPerson } from '../directory';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { refuse } from '../case-errors';
import { relationTo } from './case-relations';

/**
 * The handler's manager (or the PIM) gives the case to another officer (annual leave, a
 * conflict of interest), with the reason. The timeline refuses someone who handled an
 * earlier stage.
 */
export interface ReassignInput { officerId: string; reason: string }

export const reassign: CaseCommand<ReassignInput> = {
  allowed(file, actor, ctx) {
    const r = relationTo(file, actor, ctx.directory);
    if (!r.isManager && !r.isPim) return notPermitted('Only the handler\'s managers or the complaints team reassign a case.');
    if (isTerminal(file.view.state)) return notPermitted(`The case is ${file.view.state}; there is nothing to hand over.`);
    return null;
  },
  events(file, actor, input, ctx) {
    const officer = findPerson(ctx.directory, input.officerId);
    if (!officer) return { ...refuse('CASE.NO_OFFICER', 'Choose the officer from the directory.'), field: 'officerId' };
    if (officer.id === file.view.assignedTo) return { ...refuse('CASE.INVALID_INPUT', `${officer.name} already handles this case.`), field: 'officerId' };
    if (!input.reason.trim()) return { ...refuse('CASE.REASON_REQUIRED', 'Give the reason for the handover (it is kept on the case).'), field: 'reason' };
    const event = { type: 'assigned' as const, on: ctx.today, officerId: officer.id, why: `${officer.name}, reassigned by ${actor.name}: ${input.reason.trim()}` };
    return timelineAccepts(file, event, actor, ctx) ?? { ok: true, events: [event] };
  },
};
