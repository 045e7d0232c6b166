import { DIRECTION_WORDS, formatInstant, formatSize, STATE_LABELS } from '../../cards/card-text';
import { formatDate, isCalendarDate } from '../../domain/calendar-date';
import { CATEGORIES, CHANNELS, CONTACT_METHODS, ON_BEHALF_ROLES, SERVICE_AREAS, STAFF_ROLES, TENURE_OPTIONS } from '../../intake/intake-options';
import { cell, type Block, type ReportDocument } from '../../reports/document-model';
import type { ExportedCase, SubjectAccessExport } from './subject-access-export';

/**
 * The subject access export as a document, for the PDF sent to the resident: the matches and
 * why, then each case in full (what was recorded about them, the whole history, notes, files,
 * what was sent to them, and who has seen the file). Made from the JSON export, field by field.
 */
const FIELD_WORDS: Record<string, string> = {
  complainantName: 'Name', contactEmail: 'Email', contactPhone: 'Phone', preferredContact: 'Preferred contact', address: 'Address', estate: 'Estate',
  hasRepresentative: 'Has a representative', representativeName: 'Representative', representativeConsent: 'Consent to the representative',
  vulnerabilities: 'Vulnerabilities', adjustments: 'Reasonable adjustments', tenure: 'Tenure', onBehalfRole: 'Contacted for the resident by',
  onBehalfName: 'Their name', onBehalfConsent: 'Consent to them',
  channel: 'How it was received', receivedOn: 'Received', issueOccurredOn: 'Issue occurred', category: 'Category', serviceArea: 'Service area',
  aboutStaff: 'About a member of staff', staffRole: 'Their role', staffName: 'Their name', description: 'In the resident\'s words',
  complaintDefinition: 'Complaint definition', outcomeSought: 'Outcome sought', lateAcceptanceReason: 'Accepted late because', refuseReason: 'Refused because',
};

const ACCESS_WORDS: Record<string, string> = {
  'case-card': 'the case card with the resident\'s details', history: 'the whole history', file: 'an attached file', letter: 'a letter', 'evidence-pack': 'the evidence pack',
};

/** The words for a choice intake offered, as the form showed it ("Shared ownership", not "shared-ownership"). */
const CHOICE_WORDS: Record<string, Readonly<Record<string, string>>> = {
  preferredContact: CONTACT_METHODS, tenure: TENURE_OPTIONS, channel: CHANNELS, category: CATEGORIES, serviceArea: SERVICE_AREAS, staffRole: STAFF_ROLES, onBehalfRole: ON_BEHALF_ROLES,
};

function valueWords(value: unknown, field = ''): string {
  if (typeof value === 'string' && value in (CHOICE_WORDS[field] ?? {})) return CHOICE_WORDS[field]?.[value] ?? value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === '') return 'not recorded';
  if (typeof value === 'string') return isCalendarDate(value) ? formatDate(value) : value;
  if (value === undefined || value === null) return 'not recorded';
  return JSON.stringify(value);
}

const h2 = (text: string, newPage = false): Block => ({ kind: 'heading', level: 2, text, ...(newPage ? { newPage } : {}) });
const h3 = (text: string): Block => ({ kind: 'heading', level: 3, text });
const para = (text: string, style?: 'note' | 'small' | 'warning'): Block => ({ kind: 'paragraph', text, ...(style ? { style } : {}) });
const facts = (entries: Record<string, unknown>): Block => ({
  kind: 'table', head: ['Item', 'As recorded'], widths: [1.2, 3],
  rows: Object.entries(entries).map(([k, v]) => [cell(FIELD_WORDS[k] ?? k, undefined, true), cell(valueWords(v, k).split('\n'))]),
});

export function subjectAccessDocument(data: SubjectAccessExport): ReportDocument {
  return {
    title: `Personal data held: the complainant of ${data.askedAbout}`,
    subtitle: [
      `${data.landlord}: a subject access export from the complaints system`,
      `Made ${formatInstant(data.madeAt)} by ${data.madeBy}. It holds personal data: send it only to the person it is about, once their identity is checked.`,
    ],
    blocks: [
      h2('The cases in this export'),
      para(`Cases are matched to the resident by the same email address, the same phone number, or the same name at the same address as on ${data.askedAbout}. Check each is theirs before sending.`, 'note'),
      { kind: 'table', head: ['Case', 'Why it is included'], widths: [1, 3], rows: data.matches.map((m) => [cell(m.reference, undefined, true), cell(m.reasons)]) },
      ...(data.excluded.length ? [para(`Left out after checking they are someone else's: ${data.excluded.join(', ')}.`)] : []),
      ...data.cases.flatMap(caseBlocks),
    ],
  };
}

function caseBlocks(c: ExportedCase): Block[] {
  return [
    h2(`Case ${c.reference}`, true),
    para(`${STATE_LABELS[c.state].replace(/^./, (s) => s.toUpperCase())}, stage ${c.stage}; received ${c.receivedOn ? formatDate(c.receivedOn) : 'not recorded'}${c.closedOn ? `, finished ${formatDate(c.closedOn)}` : ''}. Logged by ${c.loggedBy.name}.`),
    h3('About the resident'),
    facts(c.complainant),
    h3('The complaint'),
    facts(c.complaint),
    h3(`History: ${c.events.length} events`),
    para('Every event on the case, oldest first: the day it happened, when it was recorded (London time), who recorded it, what and why.', 'note'),
    {
      kind: 'table', head: ['Date', 'Recorded', 'Who', 'What', 'Why or comment'], widths: [1.1, 1.4, 1.5, 3.2, 2.8],
      rows: c.events.map((e) => [cell(formatDate(e.on)), cell(formatInstant(e.at)), cell(e.by.name), cell(e.what), cell(e.why)]),
    },
    h3('Notes'),
    c.notes.length
      ? { kind: 'table', head: ['Date', 'Who', 'Note'], widths: [1.1, 1.6, 5], rows: c.notes.map((n) => [cell(formatDate(n.on)), cell(n.by.name), cell(n.text.split('\n'))]) }
      : para('No notes.'),
    h3('Files'),
    c.files.length
      ? {
        kind: 'table', head: ['File', 'Dated', 'Which way', 'Size', 'SHA-256'], widths: [2.4, 1.1, 1.3, 0.9, 3.2],
        rows: c.files.map((f) => [cell([f.fileName, f.description]), cell(formatDate(f.dated)), cell(DIRECTION_WORDS[f.direction]), cell(formatSize(f.size)), cell([f.sha256, f.held ? 'held' : 'no longer held'])]),
      }
      : para('No files are attached to the case.'),
    h3('Sent to the resident'),
    c.sentToResident.length
      ? { kind: 'table', head: ['Date', 'What', 'By'], widths: [1.1, 5, 1.6], rows: c.sentToResident.map((s) => [cell(formatDate(s.on)), cell([s.what, ...(s.fileName ? [s.fileName] : [])]), cell(s.by.name)]) }
      : para('Nothing sent to the resident is recorded.'),
    h3('Who has seen the file'),
    c.accessLog.length
      ? { kind: 'table', head: ['When', 'Who', 'What they saw'], widths: [1.6, 2, 3], rows: c.accessLog.map((a) => [cell(formatInstant(a.at)), cell(a.by.name), cell(ACCESS_WORDS[a.what] ?? a.what)]) }
      : para('Nobody\'s viewing of this case is recorded.'),
  ];
}
