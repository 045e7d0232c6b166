import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../src/domain/case-events';
import { OTHER_REFUSALS, renderReportFile } from '../../src/reports/report-files';
import { HOS, HOS_CALENDAR, makeCase } from './fixtures';

// The full report offered in Teams to someone who may see only some cases: the figures count
// every case, but the words typed on cases they may not see (a refusal's reason may name the
// resident) are not in it.
describe('the full report made for someone who may see only some cases', () => {
  const ctx = { policy: HOS, calendar: HOS_CALENDAR, today: '2026-06-01' };
  const period = { from: '2026-03-01', to: '2026-03-31' };
  const refused = (reference: string, why: string) => makeCase(reference, [{ type: 'refused', on: '2026-03-03', why } as CaseEvent], { category: 'repairs' });
  const mine = refused('HC-2026-00001', 'Outside the policy: the matter is over a year old');
  const other = refused('HC-2026-00002', 'Imogen Threlkeld of 4 Larkspur Court is suing us');

  it('gives the refusal reasons of their own cases, counts the others, and never shows the others\' words', () => {
    const html = renderReportFile('report-html', [mine, other], ctx, period, [mine]).body.toString();
    assert.match(html, /Outside the policy: the matter is over a year old<\/td><td class="num">1</);
    assert.match(html, new RegExp(`${OTHER_REFUSALS.replace(/[()]/g, '\\$&')}</td><td class="num">1<`));
    assert.doesNotMatch(html, /Imogen|Threlkeld|Larkspur|HC-2026-00002/);
  });

  it('gives every reason to someone who may see every case', () => {
    const html = renderReportFile('report-html', [mine, other], ctx, period).body.toString();
    assert.match(html, /Imogen Threlkeld of 4 Larkspur Court is suing us/);
    assert.doesNotMatch(html, new RegExp(OTHER_REFUSALS.replace(/[()]/g, '\\$&')));
  });
});
