import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { docxText, flat } from '../documents/read-back';
import { createStores } from '../../src/store/create-stores';
import { runCli } from '../support/run-cli';
import { runCliBytes } from '../support/run-cli-bytes';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

/** `complaints annual-report` over invented cases (City of London), in child processes, read back as a reader would. */
describe('the annual complaints performance and service improvement report', function () {
  this.timeout(180_000);
  const dir = makeTempDir('annual-report');
  const landlord = path.join(dir, 'landlord.json');
  const year = String(new Date().getUTCMonth() >= 3 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1);
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: dir, COMPLAINT_POLICY: 'city-of-london', COSMOS_ENDPOINT: '', LANDLORD_FILE: landlord, ...extra });
  before(async () => {
    writeFileSync(landlord, JSON.stringify({ name: 'Eastholme Homes', addressLines: ['1 Example Street'], homes: { lcra: 4000, lcho: 250 } }));
    const demo = runCli(['demo', '--cases', '250', '--seed', '11'], '', env());
    assert.equal(demo.code, 0, demo.stderr);
    // Two contacts the residents did not want to make complaints of, as "Log dissatisfaction" keeps them.
    const stores = await createStores({ kind: 'sqlite', dataDir: dir });
    try {
      for (const [id, reason] of [['d1', 'resolved-first-contact'], ['d2', 'other']] as const) {
        await stores.dissatisfaction.record({
          id, receivedOn: `${year}-06-0${id === 'd1' ? 1 : 2}`, channel: 'phone', summary: 'Bins not emptied', kind: 'service-request',
          reason, reasonNote: reason === 'other' ? 'Passed to the waste contractor' : '', recordedBy: 'alex.morgan', recordedAt: `${year}-06-01T10:00:00.000Z`,
        });
      }
    } finally {
      await stores.close();
    }
  });
  after(() => removeTempDir(dir));

  it('Word: one document with every part in order, the TSMs as report --tsm counts them, and a place for the governing body', () => {
    const out = runCliBytes(['annual-report', '--year', year, '--format', 'docx'], env());
    assert.equal(out.code, 0, out.stderr);
    new Docxtemplater(new PizZip(out.stdout), { paragraphLoop: true, linebreaks: true }); // parses every part: throws if the XML is broken
    const text = flat(docxText(out.stdout));
    const parts = ['Annual complaints performance and service improvement report', 'Eastholme Homes', 'The year\'s complaints', 'Complaints not accepted, and why',
      'Tenant Satisfaction Measures', 'Timeliness', 'Outcomes', 'Service improvements and lessons learned', 'Remedies',
      'The Housing Ombudsman: determinations, orders and compliance', 'Self-assessment against the Complaint Handling Code', 'The governing body\'s response'];
    let at = -1;
    for (const part of parts) {
      const next = text.indexOf(part, at + 1);
      assert.ok(next > at, `"${part}" after the part before it`);
      at = next;
    }
    assert.match(text, /invented demonstration cases: this is not a report to publish/);

    const tsm = JSON.parse(runCli(['report', '--tsm', '--year', year], '', env()).stdout) as { measures: Array<{ id: string; group: string; numerator: number; denominator: number; value: number | null; unit: string }> };
    for (const m of tsm.measures) {
      const result = m.value === null ? 'n/a' : m.unit === '%' ? `${m.value.toFixed(1)}%` : m.value.toFixed(2);
      const counted = m.unit === '%' ? `${m.numerator.toLocaleString('en-GB')} of ${m.denominator.toLocaleString('en-GB')} responses` : `${m.numerator.toLocaleString('en-GB')} complaints, ${m.denominator.toLocaleString('en-GB')} homes`;
      assert.ok(text.includes(`${m.id} `) && text.includes(`${m.group} ${result} ${counted}`), `${m.id} ${m.group}: ${result} ${counted}`);
    }
    // The self-assessment inside it marks City of London's stages as a departure.
    assert.match(text, /5\.3 Two stages only.* No Departure from the Code: The policy has an informal stage/);
  });

  it('HTML: self-contained, and the Ombudsman\'s figures match the period report\'s', () => {
    const out = runCli(['annual-report', '--year', year, '--format', 'html'], '', env());
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^<!doctype html>/);
    assert.doesNotMatch(out.stdout, /<script|<link |src="http/);
    const from = `${year}-04-01`;
    const to = `${Number(year) + 1}-03-31`;
    const report = JSON.parse(runCli(['report', '--from', from, '--to', to, '--format', 'json'], '', env()).stdout) as { figures: { ombudsman: { referred: number }; refused: { count: number } } };
    const referred = report.figures.ombudsman.referred;
    assert.match(out.stdout, new RegExp(`<p>${referred} complaints? (was|were) referred to the Housing Ombudsman in the year`));
    assert.match(out.stdout, /<h3>Response<\/h3><div class="fill"/);
    // The front door: the two contacts logged as dissatisfaction, not complaints, and why.
    assert.match(out.stdout, /Dissatisfaction not taken as a complaint/);
    assert.match(out.stdout, /2 did not become complaints: 2 service requests and 0 expressions of dissatisfaction/);
    assert.match(out.stdout, /<td[^>]*>Resolved on first contact<\/td><td[^>]*>1<\/td>/);
    assert.match(out.stdout, /<td[^>]*>Other: Passed to the waste contractor<\/td><td[^>]*>1<\/td>/);
  });

  it('without homes in the landlord file: the report is made, says the TSMs need them, and warns on stderr', () => {
    const bare = path.join(dir, 'bare.json');
    writeFileSync(bare, JSON.stringify({ name: 'Eastholme Homes', addressLines: ['1 Example Street'] }));
    const out = runCli(['annual-report', '--year', year, '--format', 'html'], '', env({ LANDLORD_FILE: bare }));
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stderr, /no "homes": the report leaves out the Tenant Satisfaction Measures/);
    assert.match(out.stdout, /The Tenant Satisfaction Measures need the number of homes: add &quot;homes&quot;/);
  });
});
