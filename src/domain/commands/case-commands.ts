import type { CaseCommand } from './command';
import { acknowledge, type AcknowledgeInput } from './acknowledge';
import { completeAction, type CompleteActionInput } from './complete-action';
import { redateAction, type RedateActionInput } from './redate-action';
import { complyWithOrder, type ComplyWithOrderInput } from './comply-with-order';
import { recordDetermination, type RecordDeterminationInput } from './record-determination';
import { recordOmbudsmanRequest, type RecordOmbudsmanRequestInput } from './record-ombudsman-request';
import { referToOmbudsman, type ReferToOmbudsmanInput } from './refer-to-ombudsman';
import { sendOmbudsmanInformation, type SendOmbudsmanInformationInput } from './send-ombudsman-information';
import { addNote, type AddNoteInput } from './add-note';
import { close, type CloseInput } from './close';
import { decideBehaviour, type DecideBehaviourInput } from './decide-behaviour';
import { decideEscalationRefusal, type DecideEscalationRefusalInput } from './decide-escalation-refusal';
import { decideExtension, type DecideExtensionInput } from './decide-extension';
import { escalate, type EscalateInput } from './escalate';
import { issueDraft, type IssueDraftInput } from './issue-draft';
import { pause, type PauseInput } from './pause';
import { proposeBehaviour, type ProposeBehaviourInput } from './propose-behaviour';
import { proposeEscalationRefusal, type ProposeEscalationRefusalInput } from './propose-escalation-refusal';
import { reassign, type ReassignInput } from './reassign';
import { recordComments, type RecordCommentsInput } from './record-comments';
import { recordResidentTold, type RecordResidentToldInput } from './record-resident-told';
import { recordResponse, type RecordResponseInput } from './record-response';
import { requestExtension, type RequestExtensionInput } from './request-extension';
import { resume, type ResumeInput } from './resume';
import { withdraw, type WithdrawInput } from './withdraw';
import { reviewAdjustments, type ReviewAdjustmentsInput } from './review-adjustments';
import { splitComplaint, type SplitComplaintInput } from './split-complaint';

/** Each case-card command's input, by name. */
export interface CommandInputs {
  acknowledge: AcknowledgeInput;
  'issue-draft': IssueDraftInput;
  'record-comments': RecordCommentsInput;
  'record-response': RecordResponseInput;
  'request-extension': RequestExtensionInput;
  'decide-extension': DecideExtensionInput;
  'record-resident-told': RecordResidentToldInput;
  reassign: ReassignInput;
  escalate: EscalateInput;
  'propose-escalation-refusal': ProposeEscalationRefusalInput;
  'decide-escalation-refusal': DecideEscalationRefusalInput;
  pause: PauseInput;
  resume: ResumeInput;
  close: CloseInput;
  'add-note': AddNoteInput;
  'propose-behaviour': ProposeBehaviourInput;
  'decide-behaviour': DecideBehaviourInput;
  withdraw: WithdrawInput;
  'complete-action': CompleteActionInput;
  'redate-action': RedateActionInput;
  'refer-to-ombudsman': ReferToOmbudsmanInput;
  'record-ombudsman-request': RecordOmbudsmanRequestInput;
  'send-ombudsman-information': SendOmbudsmanInformationInput;
  'record-determination': RecordDeterminationInput;
  'comply-with-order': ComplyWithOrderInput;
  'review-adjustments': ReviewAdjustmentsInput;
  'split-complaint': SplitComplaintInput;
}

export type CaseCommandName = keyof CommandInputs;
export type InputOf<N extends CaseCommandName> = CommandInputs[N];

/**
 * The actions staff take on a case, by name. Each card action at the bot's edge names one of
 * these; the bot's registry is typed by this list, so a command without a card action (or a
 * card action without a command) does not compile. Logging a complaint and the bot's own
 * notes are commands too, but not case-card actions (log-complaint.ts, system-note.ts).
 */
export const CASE_COMMANDS: { [N in CaseCommandName]: CaseCommand<CommandInputs[N]> } = {
  acknowledge,
  'issue-draft': issueDraft,
  'record-comments': recordComments,
  'record-response': recordResponse,
  'request-extension': requestExtension,
  'decide-extension': decideExtension,
  'record-resident-told': recordResidentTold,
  reassign,
  escalate,
  'propose-escalation-refusal': proposeEscalationRefusal,
  'decide-escalation-refusal': decideEscalationRefusal,
  pause,
  resume,
  close,
  'add-note': addNote,
  'propose-behaviour': proposeBehaviour,
  'decide-behaviour': decideBehaviour,
  withdraw,
  'complete-action': completeAction,
  'redate-action': redateAction,
  'refer-to-ombudsman': referToOmbudsman,
  'record-ombudsman-request': recordOmbudsmanRequest,
  'send-ombudsman-information': sendOmbudsmanInformation,
  'record-determination': recordDetermination,
  'comply-with-order': complyWithOrder,
  'review-adjustments': reviewAdjustments,
  'split-complaint': splitComplaint,
};
