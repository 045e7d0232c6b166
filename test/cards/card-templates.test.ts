import { strict as assert } from 'node:assert';
import { checkCard } from '../support/card-check';
import { readdirSync } from 'node:fs';
import { CARDS_DIR, type AdaptiveCardJson } from '../../src/cards/card-template';
import { myCasesCard } from '../../src/cards/case-cards';
import { ALEX, PRIYA, cardSamples, caseForms, cases, ctx, scopeOf, withFiles } from './card-samples';

const check = checkCard;

const forms = caseForms();
const samples = cardSamples();

describe('card templates', () => {
  it('every template in cards/ has at least one sample here', () => {
    const files = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json')).sort();
    assert.deepEqual(files, [
      'case-action-form.json', 'case-assigned.json', 'case-confirmation.json', 'case-decision.json', 'case-detail.json', 'case-determination.json', 'case-documents.json', 'case-history.json', 'case-respond.json', 'complaints-log.json', 'dissatisfaction.json', 'file-arrived.json', 'find-results.json', 'intake-complainant.json', 'intake-complaint.json',
      'intake-review.json', 'my-approvals.json', 'my-cases.json', 'notice.json', 'overdue.json', 'reminder.json', 'report-file.json', 'report-summary.json', 'welcome.json',
    ]);
  });

  it('every case action with a form has a sample, and the handler\'s card offers its actions', () => {
    assert.deepEqual(forms.map(([name]) => name), [
      'form: acknowledge', 'form: record-response', 'form: request-extension', 'form: decide-extension', 'form: record-resident-told', 'form: reassign', 'form: escalate', 'form: propose-escalation-refusal',
      'form: decide-escalation-refusal', 'form: pause', 'form: add-note', 'form: propose-behaviour', 'form: decide-behaviour', 'form: withdraw',
      'form: complete-action', 'form: redate-action', 'form: refer-to-ombudsman', 'form: record-ombudsman-request', 'form: send-ombudsman-information',
      'form: record-determination', 'form: comply-with-order', 'form: review-adjustments', 'form: split-complaint',
    ]);
    const titles = (card: AdaptiveCardJson) => (card.actions as Array<{ title: string }>).map((a) => a.title);
    // Alex handles the pending case: an extension and a behaviour report wait, so neither can be asked for
    // again; this policy has a draft-response step and no pauses.
    assert.deepEqual(titles(scopeOf(ALEX).caseCard(cases.pending, ALEX)), ['Draft response sent', 'Record response', 'Add note', 'Withdraw', 'Refresh']);
    // Priya is Alex's manager: she decides the extension and may reassign; as AD she decides the behaviour report.
    assert.deepEqual(titles(scopeOf(PRIYA).caseCard(cases.pending, PRIYA)), ['Decide extension', 'Reassign', 'Add note', 'Decide on behaviour', 'Refresh']);
    // The files and letters are a row of their own, for those who act on the case.
    const row = (card: AdaptiveCardJson) => JSON.stringify(card).match(/"Files and letters".*?"actions":(\[.*?\])\}\]/)?.[1] ?? '';
    assert.deepEqual((JSON.parse(row(scopeOf(ALEX).caseCard(withFiles, ALEX)) || '[]') as Array<{ title: string }>).map((a) => a.title), ['Add a file', 'Files (1)', 'Draft letter', 'Evidence pack']);
  });

  for (const [name, card] of samples) {
    it(`${name}: parses and validates as Adaptive Card 1.5 with every binding filled`, () => check(name, card));
  }

  it('the check itself catches a broken card', () => {
    assert.throws(() => check('broken', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'a', isRequired: true }] }), /validation errors/);
    assert.throws(() => check('unbound', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${nope}' }] }), /unexpanded/);
  });

  it('my cases puts overdue cases first and says by how much', () => {
    const text = JSON.stringify(myCasesCard([cases.drafted, cases.new], { ...ctx, today: '2026-12-02' }));
    // new: acknowledgement due 30 Nov, 2 working days overdue on 2 Dec; drafted: comments due 7 Dec.
    assert.ok(text.indexOf('2 working days overdue') < text.indexOf('3 working days left'), text);
  });
});
