import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { caseFilesCard, documentsCard } from '../../cards/document-cards';
import { notYoursCard } from '../../cards/general-cards';
import { actionFormCard } from '../../cards/workflow-cards';
import { FORM_DEFAULTS } from '../../cards/workflow-forms';
import { commandContext } from '../../cases/case-context';
import { LETTER_WORDS, letterTitle, renderLetterFile } from '../../documents/letter-file';
import { composeLetter } from '../../documents/letters/compose-letter';
import { LETTER_KINDS, isLetterKind } from '../../documents/letters/letter';
import { formatDate, londonDateOf } from '../../domain/calendar-date';
import { actsOnCase, mayHaveEvidencePack } from '../../domain/case-access';
import { makeEvidencePack, packContextAt } from '../../documents/evidence/make-evidence-pack';
import { personWords } from '../../documents/evidence/pack-words';
import { recordEvidencePack } from '../../domain/commands/record-evidence-pack';
import { runCaseCommand } from '../../cases/run-case-command';
import type { CaseRecord } from '../../domain/case-record';
import { viewOf } from '../../domain/case-view';
import { attachCorrespondence } from '../../domain/commands/attach-correspondence';
import type { DirectoryPerson } from '../../domain/directory';
import { parseStep } from '../../intake/intake-fields';
import { scopeFor } from '../actions/run-case-action';
import { pastDate, valuesOf } from '../actions/form-fields';
import type { BotDependencies } from '../bot-dependencies';
import type { FileDelivery } from '../files/file-offers';
import type { OfferSubject } from '../files/offered-file';
import { copyToMailbox } from '../handlers/mailbox-copy';
import { attachFile } from './attach-file';
import { correspondenceFacts, DIRECTION_CHOICES } from './correspondence-facts';
import type { DocumentVerb } from './document-buttons';

/**
 * The case's documents from the case card: "Add a file" (the facts on a form, then a page to
 * choose the file), "Files" (each attached file, to download), "Draft letter" (each letter
 * the procedures require, as Word or PDF) and "Record as sent" (the letter's PDF kept on the
 * case as correspondence to the resident, and copied to the complaints mailbox). Only those
 * who act on the case see or use any of it (the case access rule).
 */
/** What a document action answers: the card to show in place of the pressed one, and any file consent cards to send after it. */
export interface DocumentReply { card: AdaptiveCardJson; files: Attachment[] }


const ADD_FILE_FORM = {
  ...FORM_DEFAULTS,
  title: 'Add a file',
  intro: 'Say what the file is. The next step gives you a page to choose it from this computer (or drop the file into this chat in Teams).',
  submitVerb: 'case.file.link',
  submitTitle: 'Next: choose the file',
  dateLabel: 'Date on the correspondence',
  channel: { label: 'Which way it went', choices: DIRECTION_CHOICES },
  textLabel: 'What it is, in a line (e.g. "Photo of damp in the back bedroom")',
};

export async function runDocumentAction(person: DirectoryPerson, verb: DocumentVerb, data: Record<string, unknown>, caseId: string | null, delivery: FileDelivery, deps: BotDependencies): Promise<DocumentReply> {
  const record = caseId ? await deps.stores.cases.getCase(caseId) : undefined;
  const scope = scopeFor(person, deps);
  const only = (card: AdaptiveCardJson): DocumentReply => ({ card, files: [] });
  // One answer whether the case does not exist or is not theirs to see: nothing about it leaks.
  // The complaints team may have the evidence pack of any case; the rest is for those who act on it.
  const file = record ? { record, view: viewOf(record, deps.ctx) } : null;
  const allowed = file && (verb === 'case.pack' ? mayHaveEvidencePack(file, person, deps.ctx.directory) : actsOnCase(file, person, deps.ctx.directory));
  if (!record || !allowed) return only(documentsNotYours());
  switch (verb) {
    case 'case.file.add': return only(addFileForm(record, scope.cards, {}, {}, ''));
    case 'case.file.link': return only(await uploadLink(person, record, data, deps, scope.cards));
    case 'case.files': return only(caseFilesCard(record, scope.cards));
    case 'case.file.get': return deliverFile(person, record, data, delivery, deps);
    case 'case.letters': return only(lettersCard(record, deps));
    case 'case.letter.draft': return draftLetter(person, record, data, delivery, deps);
    case 'case.letter.sent': return only(await recordSent(person, record, data, deps));
    case 'case.pack': return evidencePack(person, record, delivery, deps);
  }
}

function documentsNotYours(): AdaptiveCardJson {
  return notYoursCard();
}


function addFileForm(record: CaseRecord, cards: ReturnType<typeof scopeFor>['cards'], values: Record<string, string>, errors: Record<string, string>, banner: string): AdaptiveCardJson {
  return actionFormCard(ADD_FILE_FORM, record, cards, { values, errors, banner });
}


async function uploadLink(person: DirectoryPerson, record: CaseRecord, data: Record<string, unknown>, deps: BotDependencies, cards: ReturnType<typeof scopeFor>['cards']): Promise<AdaptiveCardJson> {
  if (attachCorrespondence.allowed({ record, view: viewOf(record, deps.ctx) }, person, commandContext(deps.ctx)) !== null) {
    return scopeFor(person, deps).caseCard(record, person, 'Files cannot be added to this case now. Nothing was changed.');
  }
  const values = valuesOf(data);
  const parsed = parseStep(correspondenceFacts(cards.today), values);
  if (!parsed.ok) return addFileForm(record, cards, values, parsed.errors, 'Some answers need attention.');
  const facts = { dated: parsed.value.on, direction: parsed.value.channel, description: parsed.value.text };
  const link = await deps.uploads.offer(person, record, facts);
  return documentsCard(record, {
    title: 'Now choose the file',
    text: `Open the page, choose the file and press Attach. It is checked (type and size, at most 25 MB) before anything is kept, and the case's history then shows it with its size and SHA-256 fingerprint.`,
    note: `The page is for you and works for ${link.minutes} minutes; do not forward it.`,
    links: [{ title: 'Choose the file…', url: link.url }],
  });
}

async function deliver(person: DirectoryPerson, record: CaseRecord, subject: OfferSubject, delivery: FileDelivery, deps: BotDependencies, card: (links: Array<{ title: string; url: string }>, note: string) => AdaptiveCardJson): Promise<DocumentReply> {
  if (delivery === 'link') {
    const link = await deps.fileOffers.offerLink(person, subject);
    return { card: card([{ title: `Download: ${link.title}`, url: link.url }], `The link is yours and works for ${link.minutes} minutes; do not forward it.`), files: [] };
  }
  const file = await deps.fileOffers.render(subject);
  if (!file) return { card: scopeFor(person, deps).caseCard(record, person, 'That file cannot be made or read just now. Nothing was sent.'), files: [] };
  return { card: card([], 'Choose Allow on the card below to save it to your OneDrive.'), files: [await deps.fileOffers.consentCard(person, subject, file)] };
}

function deliverFile(person: DirectoryPerson, record: CaseRecord, data: Record<string, unknown>, delivery: FileDelivery, deps: BotDependencies): Promise<DocumentReply> {
  const fileId = typeof data.fileId === 'string' ? data.fileId : '';
  const attached = viewOf(record, deps.ctx).correspondence.find((c) => c.fileId === fileId);
  const cards = scopeFor(person, deps).cards;
  if (!attached) return Promise.resolve({ card: caseFilesCard(record, cards, 'That file is not attached to this case.'), files: [] });
  return deliver(person, record, { source: 'case-file', caseId: record.id, fileId }, delivery, deps, (links, note) => documentsCard(record, {
    title: attached.fileName, text: `${attached.description}\n\nSHA-256 ${attached.sha256}: the file is checked against it before it is handed out.`, links, note,
  }));
}

/** Each letter kind: available now, or why not (nothing to write it from yet, or the required items missing, named). */
function lettersCard(record: CaseRecord, deps: BotDependencies, banner = ''): AdaptiveCardJson {
  const ctx = { ...deps.ctx, landlord: deps.letters.landlord, today: londonDateOf(deps.ctx.now()) };
  const letters = LETTER_KINDS.map((kind) => {
    const composed = composeLetter(record, kind, ctx);
    return { kind, name: letterTitle(kind), available: composed.ok, why: composed.ok ? '' : composed.message };
  });
  return documentsCard(record, {
    title: 'Draft a letter', banner,
    text: 'Each letter is drafted from what the case records and checked against what the policy says it must contain. Get it in Word to edit, or as a PDF.',
    note: deps.letters.exampleLandlord ? 'The letterhead is an invented example: ask your administrator to set LANDLORD_FILE to your organisation\'s details.' : '',
    letters,
  });
}

const draftData = z.object({ letterKind: z.string().refine(isLetterKind), format: z.enum(['docx', 'pdf']) });

async function draftLetter(person: DirectoryPerson, record: CaseRecord, data: Record<string, unknown>, delivery: FileDelivery, deps: BotDependencies): Promise<DocumentReply> {
  const parsed = draftData.safeParse(data);
  if (!parsed.success) return { card: lettersCard(record, deps, 'Choose a letter and a format.'), files: [] };
  const kind = parsed.data.letterKind;
  const today = londonDateOf(deps.ctx.now());
  const composed = composeLetter(record, kind, { ...deps.ctx, landlord: deps.letters.landlord, today });
  if (!composed.ok) return { card: lettersCard(record, deps, composed.message), files: [] };
  const words = LETTER_WORDS[kind];
  return deliver(person, record, { source: 'letter', caseId: record.id, letterKind: kind, format: parsed.data.format }, delivery, deps, (links, note) => documentsCard(record, {
    title: `Draft: ${words}`,
    banner: { text: `Every item ${words} must contain is in it.`, tone: 'good' },
    text: 'Check it, change what needs changing, and send it to the resident.',
    note: [note, deps.letters.exampleLandlord ? 'The letterhead is an invented example (LANDLORD_FILE is not set).' : ''].filter(Boolean).join(' '),
    links,
    recordSent: { letterKind: kind, on: today, max: today },
  }));
}

async function recordSent(person: DirectoryPerson, record: CaseRecord, data: Record<string, unknown>, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const scope = scopeFor(person, deps);
  const kind = data.letterKind;
  if (!isLetterKind(kind)) return lettersCard(record, deps, 'That letter is not one this bot drafts.');
  const on = pastDate(scope.cards.today).safeParse(typeof data.on === 'string' ? data.on : '');
  if (!on.success) return lettersCard(record, deps, `Record as sent needs the date it was sent, today or earlier: ${on.error.issues[0]?.message ?? 'enter a date'}.`);
  const composed = composeLetter(record, kind, { ...deps.ctx, landlord: deps.letters.landlord, today: on.data });
  if (!composed.ok) return lettersCard(record, deps, composed.message);
  const pdf = await renderLetterFile(composed.letter, 'pdf', deps.letters.template);
  const words = LETTER_WORDS[kind];
  const result = await attachFile({ cases: deps.stores.cases, files: deps.files, ctx: deps.ctx, logger: deps.logger }, person, record.id,
    { dated: on.data, direction: 'to-resident', description: `${letterTitle(kind)} letter, as sent` },
    { fileName: pdf.name, contentType: pdf.contentType, bytes: pdf.body });
  if (!result.ok) return scope.caseCard(record, person, result.message);
  await copyToMailbox('letter-sent', result.record, deps, { words, sentOn: on.data, attachment: { name: pdf.name, contentType: pdf.contentType, bytes: pdf.body } });
  return scope.caseCard(result.record, person, { text: `Recorded: ${words}, sent ${formatDate(on.data)}. Its PDF is on the case as correspondence to the resident (SHA-256 ${result.file.sha256.slice(0, 12)}…).`, tone: 'good' });
}

/**
 * The evidence pack: made now (to know its parts and sizes), recorded on the case (who, when:
 * it discloses personal data), then given as a link or a file consent card per part. Each is
 * made again when fetched, from the case as it is then.
 */
async function evidencePack(person: DirectoryPerson, record: CaseRecord, delivery: FileDelivery, deps: BotDependencies): Promise<DocumentReply> {
  const generatedAt = deps.ctx.now();
  const parts = await makeEvidencePack(record, packContextAt(deps.ctx, generatedAt, personWords(deps.ctx.directory, person.id), deps.letters.landlord.name), deps.files, 'pdf');
  const recorded = await runCaseCommand(deps.stores.cases, deps.ctx, record.id, { seenVersion: null, current: record }, person, recordEvidencePack, { format: 'pdf', parts: parts.length });
  if (!recorded.ok) return { card: scopeFor(person, deps).caseCard(record, person, `The pack was not made: ${recorded.message}`), files: [] };
  deps.logger.info({ reference: record.reference, parts: parts.length, bytes: parts.reduce((n, p) => n + p.body.length, 0) }, 'evidence pack made');
  const subjects = parts.map((_, i) => ({ source: 'evidence-pack' as const, caseId: record.id, part: i + 1, by: person.id }));
  const text = `${parts.length === 1 ? 'One PDF' : `${parts.length} PDFs, each under the Ombudsman portal's 20 MB`}: the case, the complaint, the timeline, the deadlines, vulnerabilities, the correspondence, the responses, remedies and the Ombudsman, and the attached files, each checked against its SHA-256. Making it is recorded on the case.`;
  if (delivery === 'link') {
    const links = await Promise.all(subjects.map((s) => deps.fileOffers.offerLink(person, s)));
    return {
      card: documentsCard(recorded.record, { title: 'Evidence pack', text, links: links.map((l) => ({ title: `Download: ${l.title}`, url: l.url })), note: `The links are yours and work for ${links[0]?.minutes ?? 15} minutes; do not forward them.` }),
      files: [],
    };
  }
  const files = await Promise.all(parts.map((part, i) => deps.fileOffers.consentCard(person, { source: 'evidence-pack', caseId: record.id, part: i + 1, by: person.id }, part)));
  return { card: documentsCard(recorded.record, { title: 'Evidence pack', text, note: 'Choose Allow on the cards below to save the pack to your OneDrive.' }), files };
}
