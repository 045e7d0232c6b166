import { strict as assert } from 'node:assert';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { CaseEvent } from '../../src/domain/case-events';
import { findPerson } from '../../src/domain/directory';
import { OTHER_REFUSALS } from '../../src/reports/report-files';
import { readReportFiles, type ReportFilesContext } from '../../src/reports/report-files-read';
import type { StoreFixture } from '../support/store-fixtures';
import { HOS, HOS_CALENDAR, makeCase } from './fixtures';
import { storedCases } from './stored-cases';

// The full report offered in Teams to someone who may see only some cases, made as the bot makes
// it (readReportFiles, over a SQLite store): the figures count every case, but the words typed on
// cases they may not see (a refusal's reason may name the resident) are not in it.
describe('the full report made for someone who may see only some cases', () => {
  const ctx: ReportFilesContext = { policy: HOS, calendar: HOS_CALENDAR, directory: DEMO_DIRECTORY, today: '2026-06-01' };
  const period = { from: '2026-03-01', to: '2026-03-31' };
  const refused = (reference: string, why: string) => makeCase(reference, [{ type: 'refused', on: '2026-03-03', why } as CaseEvent], { category: 'repairs' });
  // Logged by Taylor Reed (an AHM), who may therefore see it; the other case is nothing of Taylor's.
  const logged = refused('HC-2026-00001', 'Outside the policy: the matter is over a year old');
  const mine = { ...logged, details: { ...logged.details, loggedBy: 'taylor.reed' } };
  const other = refused('HC-2026-00002', 'Imogen Threlkeld of 4 Larkspur Court is suing us');
  let store: StoreFixture & { references: string[] };
  before(async () => { store = await storedCases([mine, other]); });
  after(async () => { await store?.cleanup(); });

  const reportHtml = async (personId: string): Promise<string> => {
    const { files: [file] } = await readReportFiles(store.stores.cases, findPerson(DEMO_DIRECTORY, personId)!, ctx, period, { figures: false, files: ['report-html'] });
    return file!.body.toString();
  };

  it('gives the refusal reasons of their own cases, counts the others, and never shows the others\' words', async () => {
    const html = await reportHtml('taylor.reed');
    assert.match(html, /Outside the policy: the matter is over a year old<\/td><td class="num">1</);
    assert.match(html, new RegExp(`${OTHER_REFUSALS.replace(/[()]/g, '\\$&')}</td><td class="num">1<`));
    assert.doesNotMatch(html, new RegExp(`Imogen|Threlkeld|Larkspur|${store.references[1]!}`));
  });

  it('gives every reason to someone who may see every case', async () => {
    const html = await reportHtml('morgan.lee');
    assert.match(html, /Imogen Threlkeld of 4 Larkspur Court is suing us/);
    assert.doesNotMatch(html, new RegExp(OTHER_REFUSALS.replace(/[()]/g, '\\$&')));
  });
});
