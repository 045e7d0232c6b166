import type { CalendarDate } from '../../domain/calendar-date';
import type { Block, ReportDocument } from '../document-model';
import type { FrontDoorFigures } from '../front-door';
import type { ComplaintsReport } from '../report';
import type { CodeYearFigures } from '../self-assessment/code-year-figures';
import type { SelfAssessment } from '../self-assessment/self-assessment';
import { selfAssessmentBlocks } from '../self-assessment/self-assessment-document';
import type { TsmFigures } from '../tsm';
import { learningBlocks, ombudsmanBlocks, remedyBlocks } from './follow-up-blocks';
import { outcomeBlocks, timelinessBlocks, tsmBlocks, volumeBlocks } from './performance-blocks';

/**
 * The annual complaints performance and service improvement report the Code (8.1, 8.2) asks
 * for, as one document: the year's performance with the TSMs, the lessons learned, remedies,
 * the Ombudsman's determinations and orders, the self-assessment, and a place for the
 * governing body's response, which is published with it. Pure. It is England's document: under
 * another nation's model `annual-report` refuses before building it (annual-report-command.ts),
 * as the self-assessment and the TSMs in it are the Code's and the Regulator of Social Housing's.
 */
export interface AnnualReportInput {
  landlordName: string;
  policy: { id: string; name: string };
  year: { from: CalendarDate; to: CalendarDate; label: string };
  generatedOn: CalendarDate;
  report: ComplaintsReport;
  tsm: TsmFigures | null;
  codeFigures: CodeYearFigures;
  assessment: SelfAssessment;
  /** Dissatisfaction not taken as a complaint in the year (front-door.ts), when the store was read for it. */
  frontDoor?: FrontDoorFigures;
}

export function annualReportDocument(input: AnnualReportInput): ReportDocument {
  const f = input.report.figures;
  const intro: Block[] = [
    { kind: 'heading', level: 2, text: 'About this report' },
    { kind: 'paragraph', text: `Each year the Housing Ombudsman's Complaint Handling Code asks us to report on how we handled complaints and what we learned from them, with our self-assessment against the Code, and to put the report to our governing body, whose response is published with it. This report covers complaints received from ${input.year.from} to ${input.year.to}.` },
    ...(f.demoCases > 0 ? [{ kind: 'paragraph', style: 'warning', text: `${f.demoCases.toLocaleString('en-GB')} of the ${f.casesReceived.toLocaleString('en-GB')} complaints in this report are invented demonstration cases: this is not a report to publish.` } as Block] : []),
  ];
  const response: Block[] = [
    { kind: 'heading', level: 2, text: 'The governing body\'s response', newPage: true },
    { kind: 'paragraph', text: 'The governing body\'s response to this report, published alongside it (Code 8.2).' },
    { kind: 'fill-in', label: 'Response', lines: 12 },
    { kind: 'fill-in', label: 'Date of the meeting, and signed for the governing body by the Member Responsible for Complaints', lines: 2 },
  ];
  return {
    title: 'Annual complaints performance and service improvement report',
    subtitle: [input.landlordName, `${capitalise(input.year.label)} (${input.year.from} to ${input.year.to})`, `Policy: ${input.policy.name}`, `Prepared ${input.generatedOn}`],
    blocks: [
      ...intro,
      ...volumeBlocks(f, input.frontDoor),
      ...tsmBlocks(input.tsm),
      ...timelinessBlocks(f, input.codeFigures),
      ...outcomeBlocks(f),
      ...learningBlocks(input.report.learning),
      ...remedyBlocks(f.remedies),
      ...ombudsmanBlocks(f.ombudsman, input.report.ombudsmanCases, f.policy.ombudsman),
      ...selfAssessmentBlocks(input.assessment, { newPage: true }),
      ...response,
    ],
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
