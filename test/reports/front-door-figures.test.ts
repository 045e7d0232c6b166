import { strict as assert } from 'node:assert';
import type { DissatisfactionRecord } from '../../src/domain/dissatisfaction';
import { volumeBlocks } from '../../src/reports/annual-report/performance-blocks';
import { frontDoorFigures, frontDoorSentence } from '../../src/reports/front-door';
import { performanceFigures } from '../../src/reports/performance';
import { HOS, HOS_CALENDAR } from './fixtures';

const said = (id: string, receivedOn: string, kind: DissatisfactionRecord['kind'], reason: DissatisfactionRecord['reason'], reasonNote = ''): DissatisfactionRecord => ({
  id, receivedOn, channel: 'phone', summary: 'invented', kind, reason, reasonNote, recordedBy: 'alex.morgan', recordedAt: `${receivedOn}T09:00:00.000Z`,
});

const YEAR = { from: '2026-04-01', to: '2027-03-31' };
const RECORDS = [
  said('a', '2026-03-31', 'service-request', 'service-request-raised'), // the year before
  said('b', '2026-05-02', 'service-request', 'service-request-raised'),
  said('c', '2026-06-10', 'service-request', 'resolved-first-contact'),
  said('d', '2026-07-01', 'expression-of-dissatisfaction', 'resident-declined'),
  said('e', '2026-08-01', 'expression-of-dissatisfaction', 'other', 'Wanted only to be heard'),
  said('f', '2027-01-05', 'service-request', 'service-request-raised'),
];

describe('dissatisfaction not taken as a complaint, in the figures and the annual report', () => {
  it('counts the year\'s records by kind and reason, most first, and not the year before\'s', () => {
    const f = frontDoorFigures(RECORDS, YEAR);
    assert.equal(f.notComplaints, 5);
    assert.equal(f.serviceRequests, 3);
    assert.equal(f.expressionsOfDissatisfaction, 2);
    assert.deepEqual(f.reasons, [
      { reason: 'Service request raised', count: 2 },
      { reason: 'Other: Wanted only to be heard', count: 1 },
      { reason: 'Resolved on first contact', count: 1 },
      { reason: 'The resident did not want to complain', count: 1 },
    ]);
    assert.equal(frontDoorSentence(f), '5 (3 service requests, 2 expressions of dissatisfaction)');
    assert.equal(frontDoorSentence(frontDoorFigures([], YEAR)), 'none');
  });

  it('the annual report says how many and why, beside the complaints refused and why', () => {
    const figures = performanceFigures([], { policy: HOS, calendar: HOS_CALENDAR, today: '2027-04-01' }, { ...YEAR, homes: null });
    const blocks = volumeBlocks(figures, frontDoorFigures(RECORDS, YEAR));
    const text = JSON.stringify(blocks);
    assert.match(text, /Complaints not accepted, and why[\s\S]*Dissatisfaction not taken as a complaint/);
    assert.match(text, /5 did not become complaints: 3 service requests and 2 expressions of dissatisfaction/);
    const table = blocks.at(-1);
    assert.equal(table?.kind, 'table');
    assert.deepEqual(table?.kind === 'table' ? table.rows.map((r) => r.map((c) => c.lines.join())) : [], [
      ['Service request raised', '2'], ['Other: Wanted only to be heard', '1'], ['Resolved on first contact', '1'], ['The resident did not want to complain', '1'],
    ]);
    assert.doesNotMatch(JSON.stringify(volumeBlocks(figures)), /Dissatisfaction not taken/, 'left out when the store was not read for it');
  });
});
