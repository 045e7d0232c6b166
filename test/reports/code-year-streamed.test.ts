import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { annualReportCommand } from '../../src/cli/annual-report-command';
import { selfAssessmentCommand } from '../../src/cli/self-assessment-command';
import { tsmCommand } from '../../src/cli/tsm-command';
import { loadConfig } from '../../src/config';
import type { Policy } from '../../src/domain/policy';
import { checkPolicy } from '../../src/domain/policy-checker';
import { renderDocumentDocx } from '../../src/documents/docx/document-docx';
import { findPreset } from '../../src/policies/preset-registry';
import { annualReportDocument, type AnnualReportInput } from '../../src/reports/annual-report/annual-report-document';
import { caseFacts, type CaseFacts, type ReportContext } from '../../src/reports/case-facts';
import { renderDocumentHtml } from '../../src/reports/document-html';
import { ombudsmanFigures, remedyFigures } from '../../src/reports/follow-up-figures';
import { frontDoorFigures } from '../../src/reports/front-door';
import { addToYear, newYearTally, type YearTally } from '../../src/reports/code-year-tally';
import { parsePeriod, type Period } from '../../src/reports/periods';
import { reportContext, reportFromFacts, reportOfTally, reportStoreRange } from '../../src/reports/report';
import { codeYearFiguresOf } from '../../src/reports/self-assessment/code-year-figures';
import { buildSelfAssessment, type SelfAssessment } from '../../src/reports/self-assessment/self-assessment';
import { selfAssessmentDocument } from '../../src/reports/self-assessment/self-assessment-document';
import { tsmFigures, tsmFiguresOf, tsmLines } from '../../src/reports/tsm';
import { addTally } from '../../src/reports/tally';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { demoCases } from './demo-store';
import { codeYearFigures } from './whole-list-reference';

/**
 * `report --tsm`, `self-assessment` and `annual-report`, run as a landlord runs them over a SQLite
 * store of demo cases (each case counted as it is read, into the year's tally: code-year-tally.ts),
 * against the documents made the plain way: every case received up to the
 * year's end read in full and replayed, and each figure counted over the list of every case's
 * facts (tsmFigures, codeYearFigures, remedyFigures, ombudsmanFigures, reportFromFacts). The
 * JSON, the HTML and the Word document's text and markup must be the same, under England's
 * Code and City of London's three stages with an informal one, for two reporting years (one
 * whose remedies and referrals run on from cases of the year before). And the year's tally is
 * plain data that adds up: tallies of runs of cases, added in order, give the same figures.
 */
const TODAY = '2026-11-29';
const HOMES = { lcra: 4_000, lcho: 250 };
const LANDLORD = { name: 'Eastholme Homes', addressLines: ['1 Example Street'], homes: HOMES };

/** What Word shows: the document's own markup (the zip's timestamps differ from one run to the next). */
const wordXml = (bytes: Uint8Array | undefined): string => strFromU8(unzipSync(bytes ?? new Uint8Array())['word/document.xml'] ?? new Uint8Array());

/** The three commands' content, made from the list of every case's facts. */
function listBased(facts: readonly CaseFacts[], ctx: ReportContext, period: Period, frontDoor: AnnualReportInput['frontDoor']) {
  const { policy, calendar } = ctx;
  const year = { from: period.from, to: period.to, label: period.label };
  const tsm = tsmFigures(facts, { ...year, homes: HOMES, calendar });
  const codeFigures = codeYearFigures(facts, period, calendar, TODAY);
  const built = buildSelfAssessment({
    landlordName: LANDLORD.name, policy: { id: policy.id, name: policy.name }, year, generatedOn: TODAY,
    departures: checkPolicy(policy).map((d) => ({ code: d.code, where: d.where, policy: d.policy, rule: d.codeRule })),
    figures: codeFigures, remedies: remedyFigures(facts, period.from, period.to), ombudsman: ombudsmanFigures(facts, period.from, period.to), evidence: {},
  });
  assert.ok(built.ok);
  const assessment: SelfAssessment = built.assessment;
  const annual: AnnualReportInput = {
    landlordName: LANDLORD.name, policy: { id: policy.id, name: policy.name }, year, generatedOn: TODAY,
    report: reportFromFacts(facts, ctx, { from: period.from, to: period.to, homes: HOMES.lcra + HOMES.lcho }),
    tsm, codeFigures, assessment, frontDoor,
  };
  return { tsm, assessment, annual };
}

for (const presetId of ['hos-2024', 'city-of-london']) {
  describe(`the Code year's commands, counting each case as the store is read, make the documents counted over every case's facts (${presetId} demo data)`, function () {
    this.timeout(120_000);
    const policy = findPreset(presetId) as Policy;
    const ctx: ReportContext = { policy, calendar: calendarForPolicy(policy), today: TODAY };
    let dataDir: string;
    let stores: Stores;

    before(async () => {
      dataDir = makeTempDir('code-year-streamed');
      writeFileSync(path.join(dataDir, 'landlord.json'), JSON.stringify(LANDLORD));
      stores = await createStores({ kind: 'sqlite', dataDir });
      await stores.cases.createCases(demoCases(policy, 500, 5, TODAY));
      // Cases logged under an earlier policy: their stored view is not this policy's, so they are replayed.
      await stores.cases.createCases(demoCases(findPreset('herefordshire-2021') as Policy, 40, 11, TODAY));
    });
    after(async () => {
      await stores.close();
      removeTempDir(dataDir);
    });

    for (const yearArg of ['2025', '2026']) {
      it(`financial year ${yearArg}: report --tsm, self-assessment and annual-report in every format`, async () => {
        const period = parsePeriod(`FY${yearArg}`) as Period;
        const range = reportStoreRange(period);
        const facts = (await stores.cases.casesReceivedBetween(range.from, range.to)).map((r) => caseFacts(r, ctx, { replay: true }));
        const frontDoor = frontDoorFigures(await stores.dissatisfaction.receivedBetween(period.from, period.to), period);
        const want = listBased(facts, ctx, period, frontDoor);
        const f = want.annual.report.figures;
        assert.ok(f.casesReceived > 100 && f.remedies.promised > 0 && want.annual.report.learning.length > 0, 'the year has complaints, remedies and lessons to count');
        assert.ok(want.tsm.measures.some((m) => m.id === 'CH02(2)' && m.denominator > 0), 'the year has stage 2 responses');
        assert.ok(want.annual.report.ombudsmanCases.length > 0 && want.assessment.summary.no + want.assessment.summary.yes > 0, 'cases at the Ombudsman to list, provisions assessed');

        const config = loadConfig({ DATA_DIR: dataDir, COMPLAINT_POLICY: presetId, LANDLORD_FILE: path.join(dataDir, 'landlord.json') });
        const tsmJson = await tsmCommand(config, { year: yearArg, format: 'json' }, TODAY);
        assert.equal(JSON.stringify(tsmJson.stdout), JSON.stringify(want.tsm));
        const tsmText = await tsmCommand(config, { year: yearArg, format: 'text' }, TODAY);
        assert.ok(tsmText.text?.includes(tsmLines(want.tsm).join('\n')), 'report --tsm --format text prints the same measures');

        const args = { year: yearArg, evidence: undefined };
        const saFooter = `${LANDLORD.name} · Complaint Handling Code self-assessment, ${period.label}`;
        assert.equal(JSON.stringify((await selfAssessmentCommand(config, { ...args, format: 'json' }, TODAY)).stdout), JSON.stringify(want.assessment));
        const saDoc = selfAssessmentDocument(want.assessment);
        assert.equal((await selfAssessmentCommand(config, { ...args, format: 'html' }, TODAY)).text, renderDocumentHtml(saDoc, saFooter));
        assert.equal(wordXml((await selfAssessmentCommand(config, { ...args, format: 'docx' }, TODAY)).bytes), wordXml(renderDocumentDocx(saDoc, saFooter)));

        const arFooter = `${LANDLORD.name} · Annual complaints performance and service improvement report, ${period.label}`;
        const arJson = await annualReportCommand(config, { ...args, format: 'json' }, TODAY);
        assert.equal(JSON.stringify(arJson.stdout), JSON.stringify({ ...want.annual, report: { ...want.annual.report, stage3: undefined } }));
        const arDoc = annualReportDocument(want.annual);
        assert.equal((await annualReportCommand(config, { ...args, format: 'html' }, TODAY)).text, renderDocumentHtml(arDoc, arFooter));
        assert.equal(wordXml((await annualReportCommand(config, { ...args, format: 'docx' }, TODAY)).bytes), wordXml(renderDocumentDocx(arDoc, arFooter)));
      });
    }

    it('tallies of runs of cases, added in order, give the year\'s figures', async () => {
      const period = parsePeriod('FY2025') as Period;
      const range = reportStoreRange(period);
      const facts = (await stores.cases.casesReceivedBetween(range.from, range.to)).map((r) => caseFacts(r, ctx));
      // Runs of uneven sizes, one of a single case, each through a structured clone (as between threads).
      const runs: CaseFacts[][] = [];
      for (let at = 0, size = 1; at < facts.length; at += size, size = (size * 7) % 90 + 1) runs.push(facts.slice(at, at + size));
      assert.ok(runs.length > 5);
      const rctx = reportContext(ctx);
      const [first, ...rest] = runs.map((run): YearTally => {
        const t = newYearTally(rctx);
        for (const f of run) addToYear(t, f, rctx, period);
        return structuredClone(t);
      }) as [YearTally, ...YearTally[]];
      for (const t of rest) addTally(first, t);
      const year = { from: period.from, to: period.to, label: period.label };
      assert.equal(JSON.stringify(tsmFiguresOf(first.tsm, { ...year, homes: HOMES })), JSON.stringify(tsmFigures(facts, { ...year, homes: HOMES, calendar: ctx.calendar })));
      assert.equal(JSON.stringify(codeYearFiguresOf(first.code)), JSON.stringify(codeYearFigures(facts, period, ctx.calendar, TODAY)));
      const options = { from: period.from, to: period.to, homes: 4_250 };
      assert.equal(JSON.stringify(reportOfTally(first.report, ctx, options)), JSON.stringify(reportFromFacts(facts, ctx, options)));
    });
  });
}
