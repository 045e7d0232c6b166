import { formatDate } from '../../domain/calendar-date';
import type { CaseRecord } from '../../domain/case-record';
import type { CaseView } from '../../domain/case-state';
import { notAvailable, type ComposedLetter, type LetterRefusal } from './letter';
import type { LetterContext } from './letter-context';
import { contactLine, frame, latest, stageWords } from './letter-parts';
import { ombudsmanRequirement, ombudsmanSection } from './ombudsman-section';

/** An approved extension: the reason, the new date, and the Ombudsman's details (the Code). */
export function extensionLetter(record: CaseRecord, view: CaseView, ctx: LetterContext): ComposedLetter | LetterRefusal {
  const found = latest(record, 'extended');
  if (!found) return notAvailable(`${record.reference} has no approved extension to write about.`);
  const { event, stage } = found;
  const deadline = view.deadlines.find((d) => d.stage === stage && d.kind === 'respond')
    ?? view.deadlines.find((d) => d.stage === stage && d.kind === 'final-decision');
  const reason = event.reason.trim();
  const letter = frame(record, ctx, 'extension', view.assignedTo, 'Your complaint: we need more time to respond', [
    {
      paragraphs: [`We are sorry, but we need more time to respond to your complaint at ${stageWords(stage)} of our complaints procedure.`],
    },
    { heading: 'Why we need more time', paragraphs: [reason] },
    {
      heading: 'When you will hear from us',
      paragraphs: [deadline ? `We will now send you our response by ${formatDate(deadline.due)}.` : ''].filter(Boolean),
    },
    ombudsmanSection('If you are not happy with this', ctx.policy.ombudsman.told.extension, ctx.policy.ombudsman),
  ]);
  letter.sections.push({ paragraphs: [contactLine(letter)] });
  return {
    letter,
    requirements: [
      { name: 'The reason for the extension', text: reason },
      { name: 'The new response date', text: deadline ? formatDate(deadline.due) : '' },
      ombudsmanRequirement(ctx.policy.ombudsman),
    ],
  };
}
