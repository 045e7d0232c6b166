import { strict as assert } from 'node:assert';
import { routeComplaint } from '../../src/domain/responsibility';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';

const hos = findPreset('hos-2024')!;
const col = findPreset('city-of-london')!;

function route(policy = hos, input: Partial<Parameters<typeof routeComplaint>[2]> = {}) {
  const result = routeComplaint(policy, DEMO_DIRECTORY, { estate: 'Riverside', serviceArea: 'housing-management', aboutStaff: null, ...input });
  if (!result.ok) throw new Error(result.message);
  return [result.assignment.stage, result.assignment.officer.id, result.assignment.reason];
}

describe('routing of responsibility', () => {
  it('gives a stage 1 complaint to the estate\'s AHM', () => {
    assert.deepEqual(route(), [1, 'alex.morgan', 'AHM for Riverside handles stage 1']);
    assert.deepEqual(route(hos, { estate: 'Hillside' })[1], 'taylor.reed');
  });

  it('a complaint about the Estate Manager goes to the AHM as usual', () => {
    assert.deepEqual(route(col, { aboutStaff: { role: 'EM', personId: 'sam.okafor' } }).slice(0, 2), [1, 'alex.morgan']);
  });

  it('City of London: a complaint about the AHM skips stage 1 and goes to the AD', () => {
    assert.deepEqual(route(col, { aboutStaff: { role: 'AHM', personId: null } }), [2, 'priya.shah', 'the complaint is about the AHM, so it starts at stage 2 with the AD-HN']);
  });

  it('the Code: a complaint about the AHM goes to their line manager at stage 1', () => {
    assert.deepEqual(route(hos, { aboutStaff: { role: 'AHM', personId: null } }), [1, 'priya.shah', 'the complaint is about the AHM, so their manager handles stage 1']);
  });

  it('City of London: property matters go to the substitute managers the policy names', () => {
    assert.deepEqual(route(col, { serviceArea: 'property' }).slice(0, 2), [1, 'chris.doyle']);
  });

  it('says clearly when the directory has nobody for the role and estate', () => {
    const result = routeComplaint(hos, { ...DEMO_DIRECTORY, people: DEMO_DIRECTORY.people.filter((p) => !p.roles.includes('AHM')) },
      { estate: 'Riverside', serviceArea: 'housing-management', aboutStaff: null });
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /The directory has no AHM for Riverside/);
  });
});
