import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { parseEvidence } from '../../src/reports/self-assessment/evidence-file';
import { docxText, flat } from '../documents/read-back';
import { runCli } from '../support/run-cli';
import { runCliBytes } from '../support/run-cli-bytes';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

/** `complaints self-assessment`, in child processes over an empty SQLite store, as a landlord runs it. */
describe('the Complaint Handling Code self-assessment', function () {
  this.timeout(120_000);
  const dir = makeTempDir('self-assessment');
  const env = (policy: string) => ({ DATA_DIR: dir, COMPLAINT_POLICY: policy, COSMOS_ENDPOINT: '', LANDLORD_FILE: '' });
  const evidenceFile = (name: string, provisions: unknown): string => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify({ provisions }));
    return file;
  };
  after(() => removeTempDir(dir));

  it('City of London: the three stages and the informal stage are departures, with the reason, in a Word file that opens', () => {
    const out = runCliBytes(['self-assessment', '--year', '2026', '--format', 'docx'], env('city-of-london'));
    assert.equal(out.code, 0, out.stderr);
    // Docxtemplater parses every part's XML: a malformed document would throw here.
    const opened = new Docxtemplater(new PizZip(out.stdout), { paragraphLoop: true, linebreaks: true });
    assert.match(opened.getFullText(), /Complaint Handling Code: self-assessment/);
    const text = flat(docxText(out.stdout));
    assert.match(text, /Section 5: The complaint handling process/);
    // The row for 5.3: the requirement, "No", and both reasons.
    const row53 = text.slice(text.indexOf('5.3 Two stages only'), text.indexOf('5.4 '));
    assert.match(row53, /^5\.3 Two stages only, with no informal or extra stage.* No Departure from the Code: The policy has an informal stage \("Informal stage \(local estate staff\)", handled by EM\) before stage 1\./);
    assert.match(row53, /Departure from the Code: The policy has 3 formal stages \(1: Stage 1 \(Area Housing Manager\); 2: Stage 2 \(Assistant Director\); 3: Stage 3 \(Chief Officer nominated by the Town Clerk\)\)\. The Code: Two stages only/);
    assert.match(text, /The policy \(City of London Housing Services Complaints Procedure\) departs from the Code at 2\.4, 5\.3, 6\.2/);
  });

  it('HTML: one self-contained page; 5.3 complies under the Code\'s own preset; the year\'s figures are quoted', () => {
    const out = runCli(['self-assessment', '--year', '2026', '--format', 'html'], '', env('hos-2024'));
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^<!doctype html>/);
    assert.doesNotMatch(out.stdout, /<script|<link |src="http/);
    assert.match(out.stdout, /<td class="b" data-label="Provision">5\.3<\/td><td data-label="Code requirement">Two stages only[^<]*<\/td><td class="yes" data-label="Complies">Yes<\/td>/);
    assert.match(out.stdout, /Figures: No stage 1 complaint fell to be acknowledged in financial year 2026\/27\./);
    assert.match(out.stdout, /<td class="muted" data-label="Complies">Not assessed<\/td>/);
  });

  it('takes the landlord\'s own evidence from its file, and says which provision when the file is wrong', () => {
    const good = evidenceFile('good.json', { '3.5': { complies: 'yes', evidence: 'Policy published at example.invalid/complaints, reviewed March 2026.' } });
    const ok = runCli(['self-assessment', '--year', '2026', '--format', 'html', '--evidence', good], '', env('hos-2024'));
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /<td class="b" data-label="Provision">3\.5<\/td><td data-label="Code requirement">[^<]*<\/td><td class="yes" data-label="Complies">Yes<\/td><td data-label="Evidence, commentary and explanations">Policy published at example\.invalid\/complaints, reviewed March 2026\.<\/td>/);

    const unknown = runCli(['self-assessment', '--year', '2026', '--evidence', evidenceFile('unknown.json', { '3.12': { complies: 'yes', evidence: 'x' } })], '', env('hos-2024'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /provision 3\.12: no such provision in the Code's self-assessment/);

    const contradicts = runCli(['self-assessment', '--year', '2026', '--evidence', evidenceFile('contradicts.json', { '5.3': { complies: 'yes', evidence: 'We think so' } })], '', env('city-of-london'));
    assert.equal(contradicts.code, 2);
    assert.match(contradicts.stderr, /provision 5\.3: the policy \(City of London Housing Services Complaints Procedure\) departs from the Code here, so it cannot be marked as complied with/);
  });

  it('names the provision and the field for a malformed entry', () => {
    const bad = parseEvidence(JSON.stringify({ provisions: { '4.2': { complies: 'mostly', evidence: '' } } }));
    assert.deepEqual(bad, { ok: false, errors: ['provision 4.2 (complies): complies must be "yes", "no" or "partly"', 'provision 4.2 (evidence): give the evidence, as text'] });
    const notJson = parseEvidence('{');
    assert.ok(!notJson.ok && /^not JSON: /.test(notJson.errors[0] ?? ''));
  });
});

