import { strict as assert } from 'node:assert';
import { checkPeople, defaultPeople, partOf, peopleFromArgs } from '../../src/dev/dev-people';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPerson } from '../../src/domain/directory';
import { findPreset } from '../../src/policies/preset-registry';

/** Whose chats `npm run dev` opens, and how each is named beside its address. */
describe('dev: the people with a chat open', () => {
  const policy = findPreset('hos-2024');
  if (!policy) throw new Error('no hos-2024 preset');

  it('by default: the officer, their line manager (who is also the AD in the demo directory) and the PIM, each once', () => {
    assert.deepEqual(defaultPeople(DEMO_DIRECTORY, policy), ['alex.morgan', 'priya.shah', 'morgan.lee']);
  });

  it('says what each person is in the story', () => {
    const part = (id: string) => partOf(findPerson(DEMO_DIRECTORY, id) ?? assert.fail(id), DEMO_DIRECTORY, policy);
    assert.equal(part('alex.morgan'), 'the officer (AHM): handles stage 1');
    assert.equal(part('priya.shah'), 'Alex Morgan\'s line manager: decides extensions; the AD: handles stage 2');
    assert.equal(part('morgan.lee'), 'the PIM: keeps the complaints log');
    assert.equal(part('sam.okafor'), 'EM');
  });

  it('--people chooses several, --as one, neither the defaults; both, or a flag without ids, is refused with what to type', () => {
    assert.deepEqual(peopleFromArgs(['--people', 'alex.morgan, sam.okafor,alex.morgan']), { ok: true, ids: ['alex.morgan', 'sam.okafor'] });
    assert.deepEqual(peopleFromArgs(['--as', 'priya.shah']), { ok: true, ids: ['priya.shah'] });
    assert.deepEqual(peopleFromArgs([]), { ok: true, ids: null });
    assert.equal(peopleFromArgs(['--as', 'a', '--people', 'b']).ok, false);
    const noIds = peopleFromArgs(['--people', '--as']);
    assert.equal(noIds.ok, false);
    assert.match(noIds.ok ? '' : noIds.message, /not both/);
    const empty = peopleFromArgs(['--people']);
    assert.match(empty.ok ? '' : empty.message, /--people needs person ids separated by commas/);
  });

  it('an id not in the directory is refused, naming the people there are', () => {
    const checked = checkPeople(['alex.morgan', 'nobody'], DEMO_DIRECTORY);
    assert.equal(checked.ok, false);
    assert.match(checked.ok ? '' : checked.message, /^No person "nobody" in the directory\. People: alex\.morgan, sam\.okafor, priya\.shah/);
    const fine = checkPeople(['priya.shah'], DEMO_DIRECTORY);
    assert.deepEqual(fine.ok ? fine.people.map((p) => p.name) : [], ['Priya Shah']);
  });
});
