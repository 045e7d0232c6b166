#!/usr/bin/env node
import { readStdin, UsageError } from './cli/cli-io';
import type { CliResult } from './cli/report-command';
import { ConfigError, loadConfigFromEnvironment } from './config';

/**
 * The admin command line: `complaints <command>` (or `npm run -s complaints -- <command>`).
 * JSON on stdout; errors on stderr with a non-zero exit.
 */
const USAGE = `Usage: complaints <command>
  policy list                              the policy presets
  policy check <preset-id | file.json>     departures from the 2024 Code (exit 1 if any, 2 if invalid)
  deadlines --policy <preset-id | file>    derive deadlines from a case timeline on stdin
  purge --closed-before YYYY-MM-DD [--dry-run]
                                           remove whole finished cases closed before the date, and dissatisfaction
                                           not taken as a complaint received before it (retention)
  report --from YYYY-MM-DD --to YYYY-MM-DD --format csv|json|html [--homes N]
                                           cases received in the period: the complaints log (csv),
                                           figures and learning (json) or the full report (html)
  report --tsm --year YYYY [--format json|text]
                                           the Tenant Satisfaction Measures CH01 and CH02 (LCRA, LCHO) for the
                                           year from 1 April, with numerators and denominators; needs "homes"
                                           in the landlord file (LANDLORD_FILE)
  self-assessment --year YYYY --format html|docx|json [--evidence file.json]
                                           the Complaint Handling Code self-assessment for the year, filled in
                                           from the policy check and the year's figures, with the landlord's
                                           evidence (exit 2 naming the provision when the file is unusable)
  annual-report --year YYYY --format html|docx|json [--evidence file.json]
                                           the annual complaints performance and service improvement report:
                                           performance, TSMs, lessons, remedies, the Ombudsman, the
                                           self-assessment and a place for the governing body's response
  fill-search                              after an upgrade: write the search text of cases stored before it was
                                           kept, so that find reads only the cases that match (Cosmos DB; the
                                           embedded store does it when it opens); exit 1 naming unreadable ones
  demo --cases N [--seed S] [--into-live-store]
                                           fill the store with N invented cases (marked demo) over the last
                                           18 months; refuses a Cosmos DB account or a store holding real
                                           cases (exit 2) unless --into-live-store is given
  access-log <reference>                    who has seen the case's personal data (card, history, files, letters,
                                           evidence pack) and when, newest first
  evidence <reference> --format pdf|html [--out dir]
                                           the case's evidence pack for the Ombudsman to stdout (e.g. > pack.pdf),
                                           or its parts into dir when it is over 20 MB; recorded on the case
  subject-access --reference <reference> --format json|pdf [--out dir] [--exclude ref,ref]
                                           everything held about the case's complainant, over every case matched
                                           to them (same email, phone, or name and address; listed with why);
                                           to stdout, or into dir with copies of their files; recorded on each case
  erase --reference <reference> --request <request id> [--dry-run] [--also ref,ref] [--exclude ref,ref]
                                           erase the complainant's personal data in the case and in each matched
                                           case confirmed with --also (each other match must be left out with
                                           --exclude: while one is undecided nothing is erased, exit 2), keeping
                                           what the figures need; unfinished cases are listed and left alone
                                           (docs/data-protection.md)
  letter <reference> --kind <kind> --format docx|pdf [--template file.docx] [--landlord file.json] [--date YYYY-MM-DD]
                                           a letter drafted from the case (kinds: acknowledgement, extension,
                                           stage-1-response, stage-2-response, refusal-to-escalate,
                                           behaviour-decision) to stdout, e.g. > letter.docx; exit 2 when
                                           the case or kind is unknown or a required item is missing`;

/**
 * Each command's module, loaded only when that command runs: a report needs neither the PDF
 * and Word libraries of `letter` and `evidence` nor the demo generator (docs/performance.md,
 * "Loading only what is used"). The modules are cached by Node after the first load.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded when the command runs, see above */
const commands = {
  policy: () => require('./cli/policy-commands') as typeof import('./cli/policy-commands'),
  deadlines: () => require('./cli/deadlines-command') as typeof import('./cli/deadlines-command'),
  purge: () => require('./cli/purge-command') as typeof import('./cli/purge-command'),
  report: () => require('./cli/report-command') as typeof import('./cli/report-command'),
  tsm: () => require('./cli/tsm-command') as typeof import('./cli/tsm-command'),
  annualReport: () => require('./cli/annual-report-command') as typeof import('./cli/annual-report-command'),
  selfAssessment: () => require('./cli/self-assessment-command') as typeof import('./cli/self-assessment-command'),
  demo: () => require('./cli/demo-command') as typeof import('./cli/demo-command'),
  fillSearch: () => require('./cli/fill-search-command') as typeof import('./cli/fill-search-command'),
  accessLog: () => require('./cli/access-log-command') as typeof import('./cli/access-log-command'),
  evidence: () => require('./cli/evidence-command') as typeof import('./cli/evidence-command'),
  subjectAccess: () => require('./cli/subject-access-command') as typeof import('./cli/subject-access-command'),
  erase: () => require('./cli/erase-command') as typeof import('./cli/erase-command'),
  letter: () => require('./cli/letter-command') as typeof import('./cli/letter-command'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runCli(args: readonly string[], stdin: NodeJS.ReadableStream): Promise<CliResult> {
  const [command, sub] = args;
  if (command === 'policy' && sub === 'list') return commands.policy().policyList();
  if (command === 'policy' && sub === 'check') {
    if (!args[2]) throw new UsageError('policy check needs a preset id or a policy JSON file.');
    return commands.policy().policyCheck(args[2]);
  }
  if (command === 'deadlines') {
    const policy = option(args, '--policy');
    if (!policy) throw new UsageError('deadlines needs --policy <preset-id | file.json>.');
    return commands.deadlines().deadlinesCommand(policy, await readStdin(stdin));
  }
  if (command === 'purge') return commands.purge().purgeCommand(loadConfigFromEnvironment(), option(args, '--closed-before'), args.includes('--dry-run'));
  if (command === 'report' && args.includes('--tsm')) return commands.tsm().tsmCommand(loadConfigFromEnvironment(), { year: option(args, '--year'), format: option(args, '--format') });
  if (command === 'annual-report') {
    return commands.annualReport().annualReportCommand(loadConfigFromEnvironment(), { year: option(args, '--year'), format: option(args, '--format'), evidence: option(args, '--evidence') });
  }
  if (command === 'self-assessment') {
    return commands.selfAssessment().selfAssessmentCommand(loadConfigFromEnvironment(), { year: option(args, '--year'), format: option(args, '--format'), evidence: option(args, '--evidence') });
  }
  if (command === 'report') {
    return commands.report().reportCommand(loadConfigFromEnvironment(), { from: option(args, '--from'), to: option(args, '--to'), format: option(args, '--format'), homes: option(args, '--homes') });
  }
  if (command === 'demo') {
    const { demoCommand, INTO_LIVE_STORE_FLAG } = commands.demo();
    return demoCommand(loadConfigFromEnvironment(), { cases: option(args, '--cases'), seed: option(args, '--seed'), intoLiveStore: args.includes(INTO_LIVE_STORE_FLAG) });
  }
  if (command === 'fill-search') return commands.fillSearch().fillSearchCommand(loadConfigFromEnvironment());
  if (command === 'access-log') return commands.accessLog().accessLogCommand(loadConfigFromEnvironment(), sub);
  if (command === 'evidence') {
    return commands.evidence().evidenceCommand(loadConfigFromEnvironment(), { reference: sub, format: option(args, '--format'), out: option(args, '--out') });
  }
  if (command === 'subject-access') {
    return commands.subjectAccess().subjectAccessCommand(loadConfigFromEnvironment(), {
      reference: option(args, '--reference') ?? sub, format: option(args, '--format'), out: option(args, '--out'), exclude: option(args, '--exclude'),
    });
  }
  if (command === 'erase') {
    return commands.erase().eraseCommand(loadConfigFromEnvironment(), {
      reference: option(args, '--reference') ?? sub, request: option(args, '--request'), dryRun: args.includes('--dry-run'), also: option(args, '--also'), exclude: option(args, '--exclude'),
    });
  }
  if (command === 'letter') {
    return commands.letter().letterCommand(loadConfigFromEnvironment(), {
      reference: sub, kind: option(args, '--kind'), format: option(args, '--format'), template: option(args, '--template'),
      landlord: option(args, '--landlord'), date: option(args, '--date'),
    });
  }
  if (command === undefined || command === 'help' || command === '--help') return { exitCode: 0, stderr: USAGE };
  throw new UsageError(`Unknown command: ${args.join(' ')}`);
}

async function main(): Promise<void> {
  try {
    const result = await runCli(process.argv.slice(2), process.stdin);
    if (result.bytes !== undefined && process.stdout.isTTY) {
      process.stderr.write('The output is a file: redirect it, e.g. complaints letter HC-2026-00042 --kind acknowledgement --format pdf > letter.pdf\n');
      process.exitCode = 2;
      return;
    }
    if (result.bytes !== undefined) process.stdout.write(result.bytes);
    else if (result.text !== undefined) process.stdout.write(result.text);
    else if (result.stdout !== undefined) process.stdout.write(`${JSON.stringify(result.stdout, null, 2)}\n`);
    if (result.stderr) process.stderr.write(`${result.stderr}\n`);
    process.exitCode = result.exitCode;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exitCode = 2;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

if (require.main === module) void main();
