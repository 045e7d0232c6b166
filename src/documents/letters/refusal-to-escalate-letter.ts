import type { CaseRecord } from '../../domain/case-record';
import type { CaseView } from '../../domain/case-state';
import { notAvailable, type ComposedLetter, type LetterRefusal } from './letter';
import type { LetterContext } from './letter-context';
import { contactLine, frame, latest, stageWords } from './letter-parts';
import { ombudsmanRequirement, ombudsmanSection } from './ombudsman-section';

/** A refused escalation: the reason, and that the resident may go to the Ombudsman now, with its details. */
export function refusalToEscalateLetter(record: CaseRecord, view: CaseView, ctx: LetterContext): ComposedLetter | LetterRefusal {
  const refused = latest(record, 'escalation-refused');
  if (!refused) return notAvailable(`${record.reference} has no approved refusal to escalate to write about.`);
  const proposed = latest(record, 'escalation-refusal-proposed', refused.stage);
  const reason = proposed?.event.why?.trim() ?? '';
  const next = refused.stage + 1;
  const letter = frame(record, ctx, 'refusal-to-escalate', view.assignedTo, `Your complaint: we cannot take it to ${stageWords(next)}`, [
    { paragraphs: [`You asked us to take your complaint to ${stageWords(next)} of our complaints procedure. We have decided not to do this.`] },
    { heading: 'Why', paragraphs: [reason] },
    ombudsmanSection('What you can do now', ctx.policy.ombudsman.told.escalationRefused, ctx.policy.ombudsman),
  ]);
  letter.sections.push({ paragraphs: [contactLine(letter)] });
  return { letter, requirements: [{ name: 'The reason for refusing', text: reason }, ombudsmanRequirement(ctx.policy.ombudsman)] };
}
