import { formatDate, type CalendarDate } from '../../domain/calendar-date';
import type { CaseRecord } from '../../domain/case-record';
import type { CaseView } from '../../domain/case-state';
import { findPerson } from '../../domain/directory';
import { stageOf } from '../../domain/policy';
import { notAvailable, type ComposedLetter, type LetterRefusal } from './letter';
import type { LetterContext } from './letter-context';
import { contactLine, frame, roleWords, signingRole, stageWords } from './letter-parts';

/** ", Area Housing Manager," after the officer's name. */
function letterRole(roles: string[], ctx: LetterContext, stage: number): string {
  const role = signingRole(roles, stageOf(ctx.policy, stage)?.handlerRole);
  return role ? `, ${roleWords(role)},` : '';
}

/** When the response is due: the stage's running date, or (counted from acknowledgement, not yet started) from the acknowledgement or today. */
function responseDue(view: CaseView, stage: number, ctx: LetterContext): CalendarDate | null {
  const running = view.deadlines.find((d) => d.stage === stage && (d.kind === 'respond' || d.kind === 'final-decision'));
  if (running) return running.due;
  const window = stageOf(ctx.policy, stage)?.respond;
  if (window?.from !== 'acknowledgement') return null;
  return ctx.calendar.addWorkingDays(view.acknowledgedOn[stage] ?? ctx.today, window.workingDays);
}

/**
 * The acknowledgement (Code 5.6): the stage, who is dealing with it, the complaint as we
 * understand it and the outcome sought, and when to expect the response.
 */
export function acknowledgementLetter(record: CaseRecord, view: CaseView, ctx: LetterContext): ComposedLetter | LetterRefusal {
  const stage = view.stage;
  if (stage < 1) return notAvailable(`${record.reference} is at the informal stage: there is no formal complaint to acknowledge yet.`);
  const received = view.receivedOn[stage];
  const complaint = record.details.complaint;
  const due = responseDue(view, stage, ctx);
  const officer = findPerson(ctx.directory, view.assignedTo);
  const letter = frame(record, ctx, 'acknowledgement', view.assignedTo, `Your complaint: we have received it (${stageWords(stage)})`, [
    {
      paragraphs: [
        `Thank you for your complaint${received ? `, which we received on ${formatDate(received)}` : ''}. We are dealing with it at ${stageWords(stage)} of our complaints procedure.`,
        officer ? `${officer.name}${letterRole(officer.roles, ctx, stage)} is dealing with your complaint.` : '',
      ].filter(Boolean),
    },
    {
      heading: 'What your complaint is about',
      paragraphs: [complaint.complaintDefinition.trim(), complaint.outcomeSought.trim() ? 'You told us you would like:' : ''].filter(Boolean),
      list: complaint.outcomeSought.trim() ? [complaint.outcomeSought.trim()] : [],
    },
    { paragraphs: ['If we have got this wrong, or you would like something else, please tell us as soon as you can.'] },
    {
      heading: 'When you will hear from us',
      paragraphs: [
        due ? `We will send you our response by ${formatDate(due)}.` : '',
        'If we need more time, we will tell you why and when you can expect it.',
      ].filter(Boolean),
    },
  ]);
  letter.sections.push({ paragraphs: [contactLine(letter)] });
  return {
    letter,
    requirements: [
      { name: 'Stage', text: stageWords(stage) },
      { name: 'Who is dealing with it', text: officer?.name ?? '' },
      { name: 'Complaint definition', text: complaint.complaintDefinition },
      { name: 'Outcome sought', text: complaint.outcomeSought },
      { name: 'Response date', text: due ? formatDate(due) : '' },
    ],
  };
}
