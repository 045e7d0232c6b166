import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { assignedCard, caseDetailCard, confirmationCard, myApprovalsCard, myCasesCard, type CaseCardContext } from '../../src/cards/case-cards';
import { noticeCard, welcomeCard } from '../../src/cards/general-cards';
import { dissatisfactionCard, intakeStepCard } from '../../src/cards/intake-cards';
import { extensionDecisionCard, respondFormCard } from '../../src/cards/workflow-cards';
import { caseFilesCard, documentsCard, fileArrivedCard } from '../../src/cards/document-cards';
import { caseHistoryCard } from '../../src/cards/history-cards';
import { findResultsCard } from '../../src/cards/find-cards';
import type { ActionScope } from '../../src/bot/actions/case-card-action';
import { CASE_ACTION_NAMES, CASE_CARD_ACTIONS } from '../../src/bot/actions/registry';
import { buttonsFor } from '../../src/bot/actions/run-case-action';
import type { BotDependencies } from '../../src/bot/bot-dependencies';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { deriveCase } from '../../src/domain/case-timeline';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { IntakeDraft } from '../../src/intake/intake-draft';
import { projectView } from '../../src/domain/case-projection';
import { findPreset } from '../../src/policies/preset-registry';
import type { CaseRecord, StoredEvent } from '../../src/domain/case-record';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';

/**
 * The cards of every builder with realistic data, shared by the card tests: card-templates checks
 * each validates, compiled-template binds each again with adaptivecards-templating to compare.
 */
export const policy = findPreset('council-draft-response')!;
export const calendar = calendarForPolicy(policy);
export const ctx: CaseCardContext = { policy, directory: DEMO_DIRECTORY, calendar, today: '2026-12-02' };

function sampleCase(events: StoredEvent[], state?: string): CaseRecord {
  const derived = deriveCase(events, { policy, calendar });
  if (!derived.ok) throw new Error(derived.message);
  return {
    id: 'case-1', reference: 'HC-2026-00042', policyId: policy.id, version: '"etag-1"',
    details: { intakeId: 'i', complainant: { ...COMPLAINANT, hasRepresentative: false, representativeConsent: false }, complaint: { ...COMPLAINT, aboutStaff: false }, loggedBy: 'alex.morgan' },
    events, estate: 'Riverside', category: 'repairs', serviceArea: 'housing-management',
    ...projectView(derived.view), responsibleOfficerId: 'alex.morgan', ...(state ? { state: state as CaseRecord['state'] } : {}),
  };
}
const ev = (e: object, i: number): StoredEvent => ({ id: `e${i}`, at: '2026-11-23T10:00:00Z', by: 'alex.morgan', ...e }) as StoredEvent;
export const cases = {
  new: sampleCase([ev({ type: 'received', on: '2026-11-23' }, 1)]),
  drafted: sampleCase([ev({ type: 'received', on: '2026-11-23' }, 1), ev({ type: 'acknowledged', on: '2026-11-24' }, 2), ev({ type: 'draft-issued', on: '2026-11-30', why: 'Sent by email' }, 3)]),
  refused: sampleCase([ev({ type: 'refused', on: '2026-11-23', why: 'Legal proceedings started' }, 1)]),
  pending: sampleCase([
    ev({ type: 'received', on: '2026-11-23' }, 1), ev({ type: 'assigned', on: '2026-11-23', officerId: 'alex.morgan' }, 2), ev({ type: 'acknowledged', on: '2026-11-24' }, 3),
    ev({ type: 'extension-requested', on: '2026-11-25', workingDays: 5, reason: 'Surveyor' }, 4), ev({ type: 'behaviour-proposed', on: '2026-11-25', why: 'Abusive calls' }, 5),
  ]),
};
// Adjustments recorded at intake, then reviewed and changed (seed 003: kept under review).
export const reviewed = sampleCase([
  ev({ type: 'received', on: '2026-11-23' }, 1), ev({ type: 'assigned', on: '2026-11-23', officerId: 'alex.morgan' }, 2),
  ev({ type: 'adjustments-recorded', on: '2026-11-23', reviewOn: '2026-12-07' }, 3), ev({ type: 'acknowledged', on: '2026-11-24' }, 4),
  ev({ type: 'adjustments-reviewed', on: '2026-11-30', outcome: 'changed', adjustments: 'Write rather than phone; large print', nextReviewOn: '2026-12-14', why: 'Robin asked for large print on the phone' }, 5),
]);
export const ALEX = DEMO_DIRECTORY.people[0]!;
export const PRIYA = DEMO_DIRECTORY.people.find((p) => p.id === 'priya.shah')!;
const blank = { values: {}, errors: {}, banner: '' };
// What an action module's form needs: the cards' and the commands' contexts (forms use no app parts).
export const scopeOf = (person: typeof ALEX): ActionScope => {
  const scope: ActionScope = {
    person, deps: {} as BotDependencies, cards: ctx, commands: { ...ctx },
    caseCard: (record, viewer, banner = '') => caseDetailCard(record, ctx, buttonsFor(record, viewer, scope), banner),
  };
  return scope;
};
const draft = (step: IntakeDraft['step'], extra: Partial<IntakeDraft> = {}): IntakeDraft => ({
  intakeId: 'intake-1', status: 'open', step, complainant: COMPLAINANT, complaint: COMPLAINT, startedBy: 'alex.morgan', startedAt: '2026-11-23T10:00:00Z', ...extra,
});

export const withFiles = sampleCase([
  ...cases.drafted.events,
  ev({ type: 'correspondence-attached', on: '2026-12-01', fileId: '6f1c2c9e-5b1a-4c8e-9d3f-1a2b3c4d5e6f', fileName: 'damp-bedroom.jpg', contentType: 'image/jpeg', size: 183_000, sha256: 'a'.repeat(64), direction: 'from-resident', dated: '2026-11-30', description: 'Photo of damp' }, 4),
]);

/** A sample of each case action's form, named "form: <action>", rendered afresh on each call. */
export function caseForms(): Array<[string, AdaptiveCardJson]> {
  return CASE_ACTION_NAMES.flatMap((name): Array<[string, AdaptiveCardJson]> => {
    const form = CASE_CARD_ACTIONS[name].form;
    return form ? [[`form: ${name}`, form(cases.pending, scopeOf(ALEX), blank)]] : [];
  });
}

/**
 * Every card builder with realistic data: [what the sample is, the rendered card]. Rendered
 * afresh on each call, so that a test watching renderCard (observeRenders) sees every card.
 */
export function cardSamples(): Array<[string, AdaptiveCardJson]> {
  return [
    ['welcome (known person)', welcomeCard({ title: 'Hello Alex', policyName: policy.name, note: 'You are AHM.' })],
    ['welcome (no note)', welcomeCard({ title: 'What I can do', policyName: policy.name })],
    ['notice', noticeCard({ title: 'Complaint cancelled', text: 'Nothing was saved.', tone: 'info' })],
    ['intake step 1, blank', intakeStepCard({ draft: draft('complainant', { complainant: {} }), errors: {}, formError: '', lateNotice: '', policy, directory: DEMO_DIRECTORY, today: '2026-11-23' })],
    ['intake step 1, with errors', intakeStepCard({ draft: draft('complainant'), errors: { complainantName: 'Name is required' }, formError: 'Some answers need attention', lateNotice: '', policy, directory: DEMO_DIRECTORY, today: '2026-11-23' })],
    ['intake step 2, blank', intakeStepCard({ draft: draft('complaint', { complaint: {} }), errors: {}, formError: '', lateNotice: '', policy, directory: DEMO_DIRECTORY, today: '2026-11-23' })],
    ['intake step 2, late complaint', intakeStepCard({ draft: draft('complaint'), errors: { refuseReason: 'x' }, formError: '', lateNotice: 'The issue occurred long ago', policy, directory: DEMO_DIRECTORY, today: '2026-11-23' })],
    ['intake review', intakeStepCard({ draft: draft('review'), errors: {}, formError: '', lateNotice: '', policy, directory: DEMO_DIRECTORY, today: '2026-11-23' })],
    ['intake review, offering to join the resident\'s open stage 1 complaint (seen)', intakeStepCard({
      draft: draft('review'), errors: {}, formError: '', lateNotice: '', policy, directory: DEMO_DIRECTORY, today: '2026-11-23',
      joinOffer: { caseId: 'c1', reference: 'HC-2026-00001', version: 'v1', stage: 1, receivedOn: '2026-11-16', reasons: ['email', 'phone'], seen: { handlerName: 'Alex Morgan', about: 'Window repair not done' } },
    })],
    ['intake review, offering to join a case the person may not see', intakeStepCard({
      draft: draft('review'), errors: {}, formError: '', lateNotice: '', policy, directory: DEMO_DIRECTORY, today: '2026-11-23',
      joinOffer: { caseId: 'c1', reference: 'HC-2026-00001', version: 'v1', stage: 1, receivedOn: '2026-11-16', reasons: ['name-and-address'], seen: null },
    })],
    ['log dissatisfaction, blank', dissatisfactionCard({ values: { recordId: 'r-1', receivedOn: '2026-11-23' }, errors: {}, formError: '', answeredNo: false, today: '2026-11-23' })],
    ['log dissatisfaction, no, with errors', dissatisfactionCard({ values: { recordId: 'r-1', summary: 'Bins', receivedOn: '2026-11-23', channel: 'phone', reason: 'other' }, errors: { reasonNote: 'Say why it is not a complaint' }, formError: 'Some answers need attention', answeredNo: true, today: '2026-11-23' })],
    ['intake review, refusal', intakeStepCard({ draft: draft('review', { complaint: { ...COMPLAINT, refuseReason: 'Out of time' } }), errors: {}, formError: '', lateNotice: '', policy, directory: DEMO_DIRECTORY, today: '2026-11-23' })],
    ['confirmation', confirmationCard(cases.new, ctx, 'Alex has been sent the case.')],
    ['confirmation, refused', confirmationCard(cases.refused, ctx, '')],
    ['assigned', assignedCard(cases.new, ctx)],
    ['detail, new', caseDetailCard(cases.new, ctx, [])],
    ['detail, draft steps', caseDetailCard(cases.drafted, ctx, [])],
    ['detail, refused', caseDetailCard(cases.refused, ctx, [])],
    ['my cases, several', myCasesCard([cases.new, cases.drafted, cases.refused], ctx)],
    ['my cases, none', myCasesCard([], ctx)],
    ['my approvals', myApprovalsCard([{ record: cases.pending, waiting: 'Extension of 5 working days asked for by Alex Morgan', button: { title: 'Decide extension', verb: 'case.extension.form' } }], ctx)],
    ['my approvals, none', myApprovalsCard([], ctx)],
    ['welcome (a manager)', welcomeCard({ title: 'Hello Priya', policyName: policy.name, commands: ['new complaint', 'my approvals', 'log', 'help'], awaiting: 2 })],
    ['detail with personal details', caseDetailCard(cases.pending, ctx, [], '', true)],
    ['detail with the handler\'s actions and pending requests', scopeOf(ALEX).caseCard(cases.pending, ALEX, 'Extension requested.')],
    ['detail as the manager', scopeOf(PRIYA).caseCard(cases.pending, PRIYA)],
    ['detail with adjustments under review, as the handler', caseDetailCard(reviewed, ctx, buttonsFor(reviewed, ALEX, scopeOf(ALEX)).filter((b) => b.personal), '', true)],
    ...caseForms(),
    ['form with errors', CASE_CARD_ACTIONS['request-extension'].form!(cases.pending, scopeOf(ALEX), { values: { workingDays: '99' }, errors: { workingDays: 'At most 60 working days' }, banner: 'Some answers need attention.' })],
    ['respond form (draft-response policy, upheld extras)', respondFormCard(cases.drafted, ctx, blank)],
    ['respond form with errors', respondFormCard(cases.drafted, ctx, { values: { outcome: 'upheld' }, errors: { 'item-apology': 'Required' }, banner: 'x' })],
    ['extension decision, open', extensionDecisionCard(cases.pending, ctx, '')],
    ['extension decision, decided', extensionDecisionCard(cases.new, ctx, 'Already approved by Priya Shah.')],
    ['a file sent in the chat: which case?', fileArrivedCard({
      fileName: 'scan.pdf', fileToken: 't', caseChoices: [{ title: 'HC-2026-00042 · Robin Example', value: 'case-1' }], values: { reference: 'HC-2026-00042' }, errors: { text: 'What it is is required' },
      banner: 'Some answers need attention.', today: '2026-12-02', directions: [{ title: 'From the resident', value: 'from-resident' }],
    })],
    ['the whole history, one page', caseHistoryCard(cases.pending, ctx, 1, true)],
    ['my cases, page 2 of 2', myCasesCard(Array.from({ length: 20 }, () => cases.new), ctx, 2)],
    ['find, results with and without the address', findResultsCard([{ record: cases.new, actsOnCase: true }, { record: cases.drafted, actsOnCase: false }], 'Robin', ctx)],
    ['find, page 2 of 3', findResultsCard(Array.from({ length: 25 }, () => ({ record: cases.new, actsOnCase: true })), 'Invented Row', ctx, 2)],
    ['find, nothing', findResultsCard([], 'Nobody', ctx)],
    ['files on the case, none', caseFilesCard(cases.new, ctx)],
    ['files on the case', caseFilesCard(withFiles, ctx, { text: 'Attached.', tone: 'good' })],
    ['letters to draft', documentsCard(cases.new, {
      title: 'Draft a letter', text: 'Each letter is drafted from the case.', note: 'The letterhead is an invented example.',
      letters: [{ kind: 'acknowledgement', name: 'Acknowledgement', available: true, why: '' }, { kind: 'stage-1-response', name: 'Stage 1 response', available: false, why: 'There is no stage 1 response yet.' }],
    })],
    ['a drafted letter, with its link and Record as sent', documentsCard(cases.new, {
      title: 'Draft: the acknowledgement', banner: { text: 'Every item is in it.', tone: 'good' }, links: [{ title: 'Download', url: 'http://localhost:3978/api/files/abc' }],
      recordSent: { letterKind: 'acknowledgement', on: '2026-12-02', max: '2026-12-02' },
    })],
  ];
}
