import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';
import { isTerminal } from '../case-state';
import { stageOf } from '../policy';

/** The resident has taken the complaint to the policy's ombudsman: its case reference and the date. */
export interface ReferToOmbudsmanInput { reference: string; on: CalendarDate }

export const referToOmbudsman: CaseCommand<ReferToOmbudsmanInput> = {
  allowed(file, actor, ctx) {
    const r = relationTo(file, actor, ctx.directory);
    if (!r.isHandler && !r.isManager && !r.isPim) return notPermitted('Only the handler, their managers or the complaints team record a referral to the Ombudsman.');
    // The resident goes to the Ombudsman once the landlord's process is over: after the final
    // stage's response, a refused escalation, a refused complaint, or the case closed.
    const { view } = file;
    const lastStageAnswered = view.state === 'responded' && !stageOf(ctx.policy, view.stage + 1);
    if (!isTerminal(view.state) && !view.escalationRefusedOn && !lastStageAnswered) {
      return notPermitted('A referral to the Ombudsman is recorded once the complaints procedure is over (the final response, a refused escalation, or the case closed).');
    }
    return timelineAccepts(file, { type: 'ombudsman-referred', on: ctx.today, reference: 'probe' }, actor, ctx);
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'ombudsman-referred', on: input.on, reference: input.reference }] }),
};
