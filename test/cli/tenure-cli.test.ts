import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLandlord, LetterFileError } from '../../src/documents/letter-files';
import { runCli } from '../support/run-cli';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

describe('tenure in the CLI and homes in the landlord file', () => {
  it('deadlines: the received event takes the resident\'s tenure and says which TSM group it counts in', () => {
    const timeline = { events: [{ type: 'received', on: '2026-12-01', tenure: 'shared-ownership' }, { type: 'acknowledged', on: '2026-12-02' }] };
    const { code, stdout, stderr } = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify(timeline));
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout);
    assert.equal(out.tenure, 'shared-ownership');
    assert.equal(out.tsmGroup, 'LCHO');
    assert.equal(out.state, 'investigating');
  });

  it('deadlines: an unknown tenure is refused with the choices', () => {
    const { code, stderr } = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify({ events: [{ type: 'received', on: '2026-12-01', tenure: 'freehold' }] }));
    assert.equal(code, 2);
    assert.match(stderr, /events\.0\.tenure/);
    assert.match(stderr, /social-or-affordable-rent/);
  });

  it('the landlord file may give homes per TSM group; letters do without; a bad count is named', () => {
    const dir = makeTempDir('landlord');

    const base = { name: 'Example Homes', addressLines: ['1 Street'] };
    const without = join(dir, 'a.json');
    writeFileSync(without, JSON.stringify(base));
    assert.equal(readLandlord(without).homes, undefined);
    const withHomes = join(dir, 'b.json');
    writeFileSync(withHomes, JSON.stringify({ ...base, homes: { lcra: 1200, lcho: 80 } }));
    assert.deepEqual(readLandlord(withHomes).homes, { lcra: 1200, lcho: 80 });
    const bad = join(dir, 'c.json');
    writeFileSync(bad, JSON.stringify({ ...base, homes: { lcra: 12.5, lcho: 80 } }));
    assert.throws(() => readLandlord(bad), (err: Error) => err instanceof LetterFileError && /homes\.lcra: must be a whole number of homes/.test(err.message));
    removeTempDir(dir);
  });
});
