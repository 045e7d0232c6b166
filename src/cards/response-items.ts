import type { DirectoryPerson } from '../domain/directory';
import { ombudsmanDetails } from '../domain/ombudsman';
import { stageOf, type Policy, type ResponseContent } from '../domain/policy';

/** How each response item is asked for, and what a form can fill in already. */
export const ITEM_LABELS: Record<ResponseContent, string> = {
  stage: 'Complaint stage',
  'complaint-definition': 'Complaint definition (as agreed with the complainant)',
  investigation: 'What the investigation involved',
  decision: 'Decision',
  reasons: 'Reasons for the decision',
  'fault-acknowledged': 'Whether we accept we were at fault',
  remedy: 'Remedy: what we will do to put things right',
  'outstanding-actions': 'Outstanding actions, each with its owner and date',
  'how-to-escalate': 'How to escalate, and by when',
  'ombudsman-details': 'How to go to the Ombudsman',
  summary: 'Summary of the complaint and the outcome',
  background: 'Background',
  apology: 'Apology',
  'lessons-learned': 'Lessons learned and service improvements',
  'action-timescales': 'Timescales for the actions',
  'responsible-officer': 'Officer responsible for the actions, with contact details',
};

/** An item's label on the response form; the ombudsman is the policy's own. */
export function itemLabel(item: ResponseContent, policy: Policy): string {
  return item === 'ombudsman-details' ? `How to go to the ${policy.ombudsman.name}` : ITEM_LABELS[item];
}

export function prefill(item: ResponseContent, policy: Policy, stage: number, definition: string, handler: DirectoryPerson | undefined): string {
  switch (item) {
    case 'stage': return `Stage ${stage}: ${stageOf(policy, stage)?.name ?? ''}`.trim();
    case 'complaint-definition': return definition;
    case 'ombudsman-details': return `If you remain dissatisfied you can contact the ${ombudsmanDetails(policy.ombudsman)}.`;
    case 'how-to-escalate': {
      const window = stageOf(policy, stage)?.escalationWindowCalendarDays;
      return `If you are not satisfied, tell us you want your complaint to go to stage ${stage + 1}${window ? ` within ${window} days of this letter` : ''}; you need not give a reason.`;
    }
    case 'responsible-officer': return handler ? `${handler.name}, ${handler.email}` : '';
    default: return '';
  }
}
