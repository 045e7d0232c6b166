import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

/** `complaints report --tsm` in a child process, over invented cases in a temporary SQLite store. */
describe('cli: report --tsm', function () {
  this.timeout(120_000);
  const dir = makeTempDir('tsm');
  const year = String(new Date().getUTCMonth() >= 3 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1);
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: dir, COMPLAINT_POLICY: 'hos-2024', COSMOS_ENDPOINT: '', LANDLORD_FILE: '', ...extra });
  before(() => {
    const demo = runCli(['demo', '--cases', '120', '--seed', '4'], '', env());
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(() => removeTempDir(dir));

  it('prints the eight measures with numerators and denominators, the homes from the landlord file', () => {
    const landlord = path.join(dir, 'landlord.json');
    writeFileSync(landlord, JSON.stringify({ name: 'Example Homes', addressLines: ['1 Street'], homes: { lcra: 900, lcho: 100 } }));
    const text = runCli(['report', '--tsm', '--year', year, '--format', 'text'], '', env({ LANDLORD_FILE: landlord }));
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /homes: LCRA 900, LCHO 100/);
    for (const id of ['CH01(1)', 'CH01(2)', 'CH02(1)', 'CH02(2)']) {
      assert.match(text.stdout, new RegExp(`^${id.replace(/[()]/g, '\\$&')} LCRA: .*\\(\\d+ (complaints / 900 homes x 1,000|of \\d+ responses)\\)`, 'm'));
      assert.match(text.stdout, new RegExp(`^${id.replace(/[()]/g, '\\$&')} LCHO: `, 'm'));
    }
    const json = runCli(['report', '--tsm', '--year', year], '', env({ LANDLORD_FILE: landlord }));
    const figures = JSON.parse(json.stdout) as { measures: Array<{ id: string; group: string; numerator: number; denominator: number }> };
    const lcra = figures.measures.find((m) => m.id === 'CH01(1)' && m.group === 'LCRA');
    assert.ok(lcra && lcra.numerator > 0 && lcra.denominator === 900, JSON.stringify(lcra));
  });

  it('refuses without homes in the landlord file, naming the field to add (exit 2)', () => {
    const landlord = path.join(dir, 'no-homes.json');
    writeFileSync(landlord, JSON.stringify({ name: 'Example Homes', addressLines: ['1 Street'] }));
    const out = runCli(['report', '--tsm', '--year', year], '', env({ LANDLORD_FILE: landlord }));
    assert.equal(out.code, 2);
    assert.match(out.stderr, /no-homes\.json \(LANDLORD_FILE\) has no "homes".*"homes": \{"lcra"/);
  });

  it('needs --year as four digits', () => {
    const out = runCli(['report', '--tsm', '--year', '26'], '', env());
    assert.equal(out.code, 2);
    assert.match(out.stderr, /needs --year YYYY/);
  });
});
