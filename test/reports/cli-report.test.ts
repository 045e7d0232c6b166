import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';

/** The admin CLI's demo and report commands, in child processes over a temporary SQLite store. */
describe('cli: demo and report', function () {
  this.timeout(120_000);
  const today = `${new Date().getUTCFullYear() + 1}-12-31`;
  const from = `${Number(today.slice(0, 4)) - 2}-01-01`;
  const dirA = mkdtempSync(path.join(tmpdir(), 'complaints-demo-a-'));
  const dirB = mkdtempSync(path.join(tmpdir(), 'complaints-demo-b-'));
  const env = (dir: string) => ({ DATA_DIR: dir, COMPLAINT_POLICY: 'city-of-london', COSMOS_ENDPOINT: '' });

  before(() => {
    for (const dir of [dirA, dirB]) {
      const demo = runCli(['demo', '--cases', '300', '--seed', '9'], '', env(dir));
      assert.equal(demo.code, 0, demo.stderr);
      const out = JSON.parse(demo.stdout) as { created: number; states: Record<string, number> };
      assert.equal(out.created, 300);
      assert.ok(Object.keys(out.states).length >= 5, `several states: ${JSON.stringify(out.states)}`);
    }
  });

  it('the same seed gives the same cases (the report JSON is identical)', () => {
    const a = runCli(['report', '--from', from, '--to', today, '--format', 'json'], '', env(dirA));
    const b = runCli(['report', '--from', from, '--to', today, '--format', 'json'], '', env(dirB));
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    const report = JSON.parse(a.stdout) as { figures: { casesReceived: number; stages: Array<{ received: number; outcomes: Record<string, number> }> }; stage3: unknown[] | null };
    assert.equal(report.figures.casesReceived, 300);
    assert.equal(report.figures.stages.length, 3);
    assert.ok(report.figures.stages.every((s) => s.received > 0), 'every stage is reached');
    assert.ok(Array.isArray(report.stage3) && report.stage3.length > 0, 'a stage 3 briefing for City of London');
  });

  it('csv is the complaints log: a header and one row per case', () => {
    const csv = runCli(['report', '--from', from, '--to', today, '--format', 'csv'], '', env(dirA));
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('Reference,State,'));
    assert.equal(csv.stdout.match(/\r\nHC-\d{4}-\d{5},/g)?.length, 300);
    assert.ok(csv.stdout.includes('Stage 3 response due'));
  });

  it('html is one self-contained page with --homes figures', () => {
    const html = runCli(['report', '--from', from, '--to', today, '--format', 'html', '--homes', '5000'], '', env(dirA));
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!doctype html>/);
    assert.match(html.stdout, /per 1,000 homes/);
    assert.match(html.stdout, /Stage 3 briefing/);
    assert.doesNotMatch(html.stdout, /<script|<link|src=|https?:\/\//);
  });

  it('refuses bad options with the usage', () => {
    const bad = runCli(['report', '--from', '2026-13-01', '--to', today], '', env(dirA));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--from YYYY-MM-DD/);
    assert.equal(runCli(['report', '--from', from, '--to', today, '--format', 'pdf'], '', env(dirA)).code, 2);
    assert.equal(runCli(['report', '--from', from, '--to', today, '--homes', 'many'], '', env(dirA)).code, 2);
    assert.equal(runCli(['demo'], '', env(dirA)).code, 2);
  });
});
