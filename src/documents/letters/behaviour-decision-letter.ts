import { formatDate } from '../../domain/calendar-date';
import type { CaseRecord } from '../../domain/case-record';
import type { CaseView } from '../../domain/case-state';
import { notAvailable, type ComposedLetter, type LetterRefusal, type LetterRequirement } from './letter';
import type { LetterContext } from './letter-context';
import { contactLine, frame, latest } from './letter-parts';

/** The decision on unacceptable behaviour: restrictions (what, why, when reviewed) or none. The complaint goes on either way. */
export function behaviourDecisionLetter(record: CaseRecord, _view: CaseView, ctx: LetterContext): ComposedLetter | LetterRefusal {
  const found = latest(record, 'behaviour-decided');
  if (!found) return notAvailable(`${record.reference} has no decision on unacceptable behaviour to write about.`);
  const { event } = found;
  const reasons = event.why?.trim() ?? '';
  const restrict = event.decision === 'restrict';
  const restrictions = event.restrictions?.trim() ?? '';
  const decision = restrict ? 'We have decided to limit how you contact us, for now.' : 'We have decided not to limit how you contact us.';
  const letter = frame(record, ctx, 'behaviour-decision', event.by, restrict ? 'How you contact us: our decision' : 'How you contact us: no change', [
    { heading: 'Our decision', paragraphs: [decision] },
    ...(restrict ? [{ heading: 'What this means', paragraphs: [restrictions] }] : []),
    { heading: 'Why', paragraphs: [reasons] },
    ...(restrict && event.reviewOn ? [{ heading: 'When we will look at this again', paragraphs: [`We will review this decision on ${formatDate(event.reviewOn)} and write to you then.`] }] : []),
    {
      heading: 'Your complaint',
      paragraphs: [
        'This does not change how we deal with your complaint. We will keep dealing with it in the usual way.',
        'If you think this decision is wrong, please write to us and tell us why.',
      ],
    },
  ]);
  letter.sections.push({ paragraphs: [contactLine(letter)] });
  const requirements: LetterRequirement[] = [{ name: 'The decision', text: decision }, { name: 'The reasons', text: reasons }];
  if (restrict) requirements.push({ name: 'The restrictions', text: restrictions });
  return { letter, requirements };
}
