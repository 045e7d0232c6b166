import { formatDate } from '../../domain/calendar-date';
import type { ResponseOutcome } from '../../domain/case-events';
import type { CaseRecord } from '../../domain/case-record';
import type { CaseView } from '../../domain/case-state';
import { findPerson } from '../../domain/directory';
import { ombudsmanLines } from '../../domain/ombudsman';
import type { ResponseContent } from '../../domain/policy';
import { requiredContents, RESPONSE_CONTENT_NAMES } from '../../domain/response-contents';
import { notAvailable, type ComposedLetter, type LetterRefusal, type LetterSection } from './letter';
import type { LetterContext } from './letter-context';
import { contactLine, frame, itemLine, latest, stageWords } from './letter-parts';

const OUTCOME_SENTENCES: Record<ResponseOutcome, string> = {
  upheld: 'We have upheld your complaint.',
  'partly-upheld': 'We have upheld part of your complaint.',
  'not-upheld': 'We have not upheld your complaint.',
};

/** The heading each response item goes under, in the resident's words. */
const HEADINGS: Record<ResponseContent, string> = {
  stage: 'Your complaint',
  summary: 'Summary',
  'complaint-definition': 'What your complaint is about',
  background: 'Background',
  investigation: 'What we looked into',
  decision: 'Our decision',
  reasons: 'Why we reached this decision',
  'fault-acknowledged': 'Whether we got things wrong',
  apology: 'Our apology',
  remedy: 'What we will do to put things right',
  'outstanding-actions': 'What is still to be done',
  'action-timescales': 'When we will do it',
  'responsible-officer': 'Who will make sure it happens',
  'lessons-learned': 'What we have learned',
  'how-to-escalate': 'If you are not happy with this response',
  // Named from the policy: the Housing Ombudsman, the SPSO, the PSOW (see responseLetter).
  'ombudsman-details': 'The Ombudsman',
};

/** The order items appear in: the story first (what, what we found, what we decided, what we will do), then where to go next. */
const ORDER: ResponseContent[] = [
  'summary', 'complaint-definition', 'background', 'investigation', 'decision', 'reasons', 'fault-acknowledged', 'apology',
  'remedy', 'outstanding-actions', 'action-timescales', 'responsible-officer', 'lessons-learned', 'how-to-escalate', 'ombudsman-details',
];

/** Splits what an officer typed into short paragraphs (one per line or blank-line block). */
function paragraphsOf(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * The stage 1 or stage 2 response: every item the policy requires for that stage and outcome,
 * from what the recorded response said, with the remedies and actions quoted with their due
 * dates (as the case follows them now, after any new date).
 */
export function responseLetter(record: CaseRecord, view: CaseView, ctx: LetterContext, stage: 1 | 2): ComposedLetter | LetterRefusal {
  const found = latest(record, 'responded', stage);
  if (!found) return notAvailable(`${record.reference} has no stage ${stage} response recorded: record the response first, then draft its letter.`);
  const { event } = found;
  const content = event.content ?? {};
  const complaint = record.details.complaint;
  const officerId = findPerson(ctx.directory, event.by) ? event.by : (view.handlersByStage[stage]?.at(-1) ?? view.assignedTo);
  const items = Object.values(view.items).filter((i) => i.source === 'response' && i.stage === stage);
  const itemLines = items.map((i) => itemLine(i, ctx.directory, officerId));
  const isFinal = !ctx.policy.stages[stage];
  const windowCloses = view.lastResponse?.stage === stage && !isFinal ? view.escalationWindowCloses : null;

  /** What each item says in the letter: the recorded words, and what the case itself knows. */
  const body: Record<ResponseContent, LetterSection> = {
    stage: { paragraphs: [] },
    summary: { paragraphs: paragraphsOf(content.summary) },
    'complaint-definition': {
      paragraphs: paragraphsOf(content['complaint-definition'] ?? complaint.complaintDefinition),
    },
    background: { paragraphs: paragraphsOf(content.background) },
    investigation: { paragraphs: paragraphsOf(content.investigation) },
    decision: { paragraphs: [OUTCOME_SENTENCES[event.outcome], ...paragraphsOf(content.decision)] },
    reasons: { paragraphs: paragraphsOf(content.reasons) },
    'fault-acknowledged': { paragraphs: paragraphsOf(content['fault-acknowledged']) },
    apology: { paragraphs: paragraphsOf(content.apology) },
    remedy: { paragraphs: paragraphsOf(content.remedy), list: itemLines },
    'outstanding-actions': { paragraphs: paragraphsOf(content['outstanding-actions']) },
    'action-timescales': { paragraphs: paragraphsOf(content['action-timescales']) },
    'responsible-officer': { paragraphs: paragraphsOf(content['responsible-officer']) },
    'lessons-learned': { paragraphs: paragraphsOf(content['lessons-learned']) },
    'how-to-escalate': {
      paragraphs: [...paragraphsOf(content['how-to-escalate']), ...(windowCloses ? [`Please ask us by ${formatDate(windowCloses)}.`] : [])],
    },
    'ombudsman-details': {
      paragraphs: [...paragraphsOf(content['ombudsman-details']), ctx.policy.ombudsman.told.finalResponse],
      list: ombudsmanLines(ctx.policy.ombudsman),
    },
  };
  // The remedies are listed once: under the remedy when there is one, else under the timescales.
  if (!content.remedy?.trim() && items.length && requiredContents(ctx.policy, stage, event.outcome).includes('action-timescales')) {
    body.remedy.list = [];
    body['action-timescales'].list = itemLines;
  }
  const hasWords = (s: LetterSection): boolean => s.paragraphs.length > 0 || (s.list?.length ?? 0) > 0;
  const intro: LetterSection = {
    paragraphs: [
      stage === 1
        ? `Thank you for your complaint, which we received on ${formatDate(view.receivedOn[stage] ?? complaint.receivedOn)}.`
        : `On ${formatDate(view.receivedOn[stage] ?? event.on)} you asked us to look at your complaint again.`,
      `This letter is our ${stageWords(stage)} response${isFinal ? ', and our final response' : ''}.`,
    ],
  };
  const required = requiredContents(ctx.policy, stage, event.outcome);
  const sections = ORDER.filter((item) => hasWords(body[item]) && (item !== 'ombudsman-details' || isFinal || required.includes(item) || content[item]?.trim()))
    .map((item) => ({ heading: item === 'ombudsman-details' ? `The ${ctx.policy.ombudsman.name}` : HEADINGS[item], ...body[item] }));
  const letter = frame(record, ctx, stage === 1 ? 'stage-1-response' : 'stage-2-response', officerId, `Your complaint: our ${stageWords(stage)} response`, [intro, ...sections]);
  letter.sections.push({ paragraphs: [contactLine(letter)] });

  /** The words that make an item present: what the response recorded, or what the case itself says for it. */
  const evidence = (item: ResponseContent): string[] => {
    const recorded = paragraphsOf(content[item]);
    if (item === 'stage') return [stageWords(stage)];
    if (item === 'decision') return [OUTCOME_SENTENCES[event.outcome]];
    if (item === 'complaint-definition') return body[item].paragraphs;
    if (item === 'remedy' || item === 'action-timescales') return [...recorded, ...(body[item].list ?? [])];
    if (item === 'ombudsman-details') return [...recorded, ...ombudsmanLines(ctx.policy.ombudsman)];
    return recorded;
  };
  const requirements = required.map((item) => ({ name: RESPONSE_CONTENT_NAMES[item], text: evidence(item).join('\n') }));
  // The remedies promised are quoted with their dates, whatever the policy lists.
  for (const [i, line] of itemLines.entries()) requirements.push({ name: `Remedy ${items[i]?.id ?? ''}: ${items[i]?.description ?? ''}`, text: line });
  return { letter, requirements };
}
