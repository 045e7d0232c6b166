import type { ExtensionReasonCategory } from '../case-events';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/**
 * The handler asks for more time for the stage's response. The timeline checks the stage's
 * cap, the reasons the policy refuses and, where the policy extends only with it, the
 * complainant's agreement; the handler's managers then decide (decide-extension).
 */
export interface RequestExtensionInput {
  workingDays: number;
  reason: string;
  reasonCategory: ExtensionReasonCategory;
  complainantAgreed: boolean;
}

export const requestExtension: CaseCommand<RequestExtensionInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler asks for an extension.');
    // The smallest request the policy could accept: offered only while one could succeed.
    return timelineAccepts(file, { type: 'extension-requested', on: ctx.today, workingDays: 1, reason: 'probe', complainantAgreed: true }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({
    ok: true,
    events: [{
      type: 'extension-requested', on: ctx.today, workingDays: input.workingDays, reason: input.reason,
      reasonCategory: input.reasonCategory, complainantAgreed: input.complainantAgreed, why: input.reason,
    }],
  }),
};
