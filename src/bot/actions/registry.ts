import type { CaseCommandName } from '../../domain/commands/case-commands';
import { acknowledgeAction } from './acknowledge';
import { addNoteAction } from './add-note';
import type { CaseCardAction } from './case-card-action';
import { closeAction } from './close';
import { completeActionAction } from './complete-action';
import { redateActionAction } from './redate-action';
import { complyWithOrderAction } from './comply-with-order';
import { recordDeterminationAction } from './record-determination';
import { recordOmbudsmanRequestAction } from './record-ombudsman-request';
import { referToOmbudsmanAction } from './refer-to-ombudsman';
import { sendOmbudsmanInformationAction } from './send-ombudsman-information';
import { decideBehaviourAction } from './decide-behaviour';
import { decideEscalationRefusalAction } from './decide-escalation-refusal';
import { decideExtensionAction } from './decide-extension';
import { escalateAction } from './escalate';
import { issueDraftAction } from './issue-draft';
import { pauseAction } from './pause';
import { proposeBehaviourAction } from './propose-behaviour';
import { proposeEscalationRefusalAction } from './propose-escalation-refusal';
import { reassignAction } from './reassign';
import { recordCommentsAction } from './record-comments';
import { recordResidentToldAction } from './record-resident-told';
import { recordResponseAction } from './record-response';
import { requestExtensionAction } from './request-extension';
import { resumeAction } from './resume';
import { withdrawAction } from './withdraw';
import { reviewAdjustmentsAction } from './review-adjustments';
import { splitComplaintAction } from './split-complaint';

/**
 * Every case card action, one per domain command (typed by the command list: a command
 * without its card action does not compile). The case card lists the buttons in this order.
 */
export const CASE_CARD_ACTIONS: { [N in CaseCommandName]: CaseCardAction<N> } = {
  acknowledge: acknowledgeAction,
  'issue-draft': issueDraftAction,
  'record-comments': recordCommentsAction,
  'record-response': recordResponseAction,
  'request-extension': requestExtensionAction,
  'decide-extension': decideExtensionAction,
  'record-resident-told': recordResidentToldAction,
  reassign: reassignAction,
  escalate: escalateAction,
  'propose-escalation-refusal': proposeEscalationRefusalAction,
  'decide-escalation-refusal': decideEscalationRefusalAction,
  pause: pauseAction,
  resume: resumeAction,
  close: closeAction,
  'add-note': addNoteAction,
  'propose-behaviour': proposeBehaviourAction,
  'decide-behaviour': decideBehaviourAction,
  withdraw: withdrawAction,
  'complete-action': completeActionAction,
  'redate-action': redateActionAction,
  'refer-to-ombudsman': referToOmbudsmanAction,
  'record-ombudsman-request': recordOmbudsmanRequestAction,
  'send-ombudsman-information': sendOmbudsmanInformationAction,
  'record-determination': recordDeterminationAction,
  'comply-with-order': complyWithOrderAction,
  'review-adjustments': reviewAdjustmentsAction,
  'split-complaint': splitComplaintAction,
};

export const CASE_ACTION_NAMES = Object.keys(CASE_CARD_ACTIONS) as CaseCommandName[];

/** A verb as the case actions know it: the form a button opens, or an action carried out. */
export type ActionVerb = { name: CaseCommandName; opens: 'form' | 'submit' };

const VERB_INDEX = new Map<string, ActionVerb>();
for (const name of CASE_ACTION_NAMES) {
  const action: CaseCardAction<CaseCommandName> = CASE_CARD_ACTIONS[name];
  if (action.form) VERB_INDEX.set(action.button.verb, { name, opens: 'form' });
  for (const verb of action.submitVerbs) VERB_INDEX.set(verb, { name, opens: 'submit' });
}

export function actionForVerb(verb: string): ActionVerb | undefined {
  return VERB_INDEX.get(verb);
}

/** Every verb the case actions take, for the card-action parser. */
export const CASE_ACTION_VERBS: readonly string[] = [...VERB_INDEX.keys()];
