import { strict as assert } from 'node:assert';
import { casesVisibleTo, maySeeCase, maySeeCaseRead } from '../../src/domain/case-access';
import type { DirectoryPerson } from '../../src/domain/directory';
import { CaseReplayError, viewOf } from '../../src/domain/case-view';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { HOS, HOS_CALENDAR, makeCase, respond } from '../reports/fixtures';

const person = (id: string): DirectoryPerson => DEMO_DIRECTORY.people.find((p) => p.id === id)!;
const complaintsTeamOnly: DirectoryPerson = { id: 'kim.ayo', name: 'Kim Ayo', email: 'kim@example.org', aadObjectId: 'x', roles: ['COMPLAINTS-TEAM'], estates: ['*'], managerId: 'priya.shah' };

// Issue 18: who may see a case at all, as one rule: its handlers past and present, their line
// managers, the person who logged it, the owners of its remedies, and the complaints team.
describe('who may see a case', () => {
  // Logged by Jo; stage 1 with Taylor, who promised a repair owned by Sam; escalated to Priya at stage 2.
  const record = makeCase('HC-2026-00900', [
    { type: 'received', on: '2026-03-02' }, { type: 'assigned', on: '2026-03-02', officerId: 'taylor.reed' }, { type: 'acknowledged', on: '2026-03-03' },
    { ...respond('2026-03-16', 'upheld', 1), actions: [{ id: 'a1', kind: 'repair', description: 'Fix the gutter', due: '2026-04-10', ownerId: 'sam.okafor' }] } as never,
    { type: 'escalation-requested', on: '2026-03-20' }, { type: 'assigned', on: '2026-03-20', officerId: 'priya.shah' },
  ], { category: 'repairs', estate: 'Hillside' });
  record.details.loggedBy = 'jo.bennett';
  const file = { record, view: viewOf(record, { policy: HOS, calendar: HOS_CALENDAR }) };
  const sees = (p: DirectoryPerson) => maySeeCase(file, p, DEMO_DIRECTORY);

  it('the handlers, past and present, and the person who logged it', () => {
    for (const id of ['priya.shah', 'taylor.reed', 'jo.bennett']) assert.ok(sees(person(id)), id);
  });

  it('the line managers of everyone who handled it: Taylor\'s manager Priya, and Priya\'s manager Casey', () => {
    assert.ok(sees(person('casey.quinn')));
  });

  it('the owner of one of its remedies, the PIM, and the complaints team', () => {
    for (const p of [person('sam.okafor'), person('morgan.lee'), complaintsTeamOnly]) assert.ok(sees(p), p.id);
  });

  it('nobody else: another estate\'s officers and managers', () => {
    for (const id of ['alex.morgan', 'chris.doyle']) assert.ok(!sees(person(id)), id);
  });

  it('casesVisibleTo keeps, in order, the cases a person may see: all of them for the PIM, their team\'s for an AHM', () => {
    const hillside = makeCase('HC-2026-00901', [{ type: 'received', on: '2026-03-02' }, { type: 'assigned', on: '2026-03-02', officerId: 'taylor.reed' }], { category: 'repairs', estate: 'Hillside' });
    hillside.details.loggedBy = 'taylor.reed';
    const riverside = makeCase('HC-2026-00902', [{ type: 'received', on: '2026-03-03' }, { type: 'assigned', on: '2026-03-03', officerId: 'sam.okafor' }], { category: 'repairs' });
    riverside.details.loggedBy = 'sam.okafor';
    const ctx = { policy: HOS, calendar: HOS_CALENDAR, directory: DEMO_DIRECTORY };
    const refs = (p: DirectoryPerson) => casesVisibleTo([hillside, riverside, record], p, ctx).map((r) => r.reference);
    assert.deepEqual(refs(person('morgan.lee')), ['HC-2026-00901', 'HC-2026-00902', 'HC-2026-00900']);
    assert.deepEqual(refs(complaintsTeamOnly), ['HC-2026-00901', 'HC-2026-00902', 'HC-2026-00900']);
    assert.deepEqual(refs(person('alex.morgan')), ['HC-2026-00902'], 'Sam\'s manager sees Sam\'s case only');
    assert.deepEqual(refs(person('taylor.reed')), ['HC-2026-00901', 'HC-2026-00900']);
    assert.deepEqual(refs(person('chris.doyle')), []);
  });
});

// A case read as reports read it (maySeeCaseRead) is judged by the same rule, from the view its
// events give; a stored case whose events no longer replay is a configuration error, said the
// same way whichever path derives its view.
describe('who may see a case read as reports read it', () => {
  const ctx = { policy: HOS, calendar: HOS_CALENDAR, directory: DEMO_DIRECTORY };
  const record = makeCase('HC-2026-00910', [{ type: 'received', on: '2026-03-02' }, { type: 'assigned', on: '2026-03-02', officerId: 'taylor.reed' }], { category: 'repairs', estate: 'Hillside' });
  const read = { reference: record.reference, events: record.events, details: { loggedBy: 'jo.bennett' } };

  it('gives maySeeCase\'s answer: the handler and who logged it yes, another estate\'s AHM no', () => {
    for (const id of ['taylor.reed', 'jo.bennett']) assert.equal(maySeeCaseRead(read, person(id), ctx), true, id);
    assert.equal(maySeeCaseRead(read, person('alex.morgan'), ctx), false);
  });

  it('a case whose events do not replay: CaseReplayError naming the case and the policy, from maySeeCaseRead as from viewOf', () => {
    // Acknowledged before it was received: the timeline refuses it.
    const broken = { ...record, reference: 'HC-2026-00911', events: [{ ...record.events[0]!, type: 'acknowledged' as const }] };
    const isReplayError = (e: unknown): boolean => e instanceof CaseReplayError && e.reference === 'HC-2026-00911' && e.policyId === HOS.id;
    assert.throws(() => maySeeCaseRead({ ...broken, details: { loggedBy: 'jo.bennett' } }, person('alex.morgan'), ctx), isReplayError);
    assert.throws(() => viewOf(broken, ctx), isReplayError);
    // The complaints team sees every case: no view is derived, so nothing to fail.
    assert.equal(maySeeCaseRead({ ...broken, details: { loggedBy: 'jo.bennett' } }, complaintsTeamOnly, ctx), true);
  });
});
