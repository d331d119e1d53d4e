import * as fs from 'node:fs';
import * as path from 'node:path';
import { optionValue, parseArgs, UsageError } from './args';
import { runIntegApp } from '../integ/integ-app';
import { DEFAULT_APP_COMMAND, integSources, integTestFiles, synthesizeIntegTest } from '../integ/integ-sources';
import { IntegTestReport, junitXml } from '../integ/junit-report';
import { applyKnownGaps, readKnownGaps } from '../integ/known-gaps';
import { formatReport, summaryLine } from '../integ/text-report';

export const INTEG_USAGE = `usage: gatewaykit integ [FILES...] [--app "COMMAND {filePath}"] [--junit FILE] [--known-gaps FILE]
                       [--snapshots] [--region R] [--account ID] [--verbose]
  Runs the assertions of CDK integ tests (@aws-cdk/integ-tests-alpha) against the local runtime: serves each test's
  app and creates its assertion custom resources with integ-tests-alpha's own handler, in a local Lambda sandbox.
  FILES are integ test files (synthesized as integ-runner does) or synthesized folders (integ.*.ts.snapshot,
  cdk.out); default: integ-tests/integ.*.ts. Prints PASS, FAIL (with the mismatch) or SKIP (with why) per assertion
  and 'integ: N passed, M failed, K skipped'; exits 1 when one fails.
  --app         the command that synthesizes a test file (default '${DEFAULT_APP_COMMAND}')
  --snapshots   run each test file's committed snapshot (integ.x.ts.snapshot) instead of synthesizing it
  --junit       also write the results as JUnit XML to FILE
  --known-gaps  a JSON file { "integ.x.ts": { "<assertion logical id>": "why" } }: those failing are skipped
  --verbose     print what the handlers print`;

const INTEG_OPTIONS = {
  valued: ['app', 'junit', 'known-gaps', 'region', 'account'],
  switches: ['verbose', 'snapshots'],
} as const;

/** `gatewaykit integ`: resolves to the process's exit code, 1 when an assertion failed or a test could not run. */
export async function integCommand(argv: readonly string[], write: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const files = argv.filter((arg) => !arg.startsWith('--') && !isOptionValue(argv, arg));
  const parsed = parseArgs(argv.filter((arg) => !files.includes(arg)), INTEG_OPTIONS.valued, INTEG_OPTIONS.switches, INTEG_USAGE);
  const paths = files.length > 0 ? files : integTestFiles(path.resolve('integ-tests'));
  if (paths.length === 0) {
    throw new UsageError(`no integ tests: name test files or snapshot folders, or run in a folder with integ-tests/integ.*.ts\n${INTEG_USAGE}`);
  }
  const knownGapsFile = optionValue(parsed, 'known-gaps');
  const knownGaps = knownGapsFile === undefined ? new Map() : readKnownGaps(knownGapsFile);
  const verbose = parsed.flags.has('verbose');
  const reports: IntegTestReport[] = [];
  for (const source of integSources(paths, parsed.flags.has('snapshots'))) {
    let report: IntegTestReport;
    let synthesized: string | undefined;
    try {
      synthesized = source.assemblyDir === undefined ? synthesizeIntegTest(source.file!, optionValue(parsed, 'app')) : undefined;
      const results = await runIntegApp(source.assemblyDir ?? synthesized!, {
        region: optionValue(parsed, 'region'),
        accountId: optionValue(parsed, 'account'),
        onHandlerOutput: verbose ? (fn, line) => process.stderr.write(`[${fn}] ${line}\n`) : undefined,
      });
      report = { name: source.name, results: applyKnownGaps(source.name, results, knownGaps) };
    } catch (error) {
      report = { name: source.name, results: [], error: error instanceof Error ? error.message : String(error) };
    } finally {
      if (synthesized !== undefined) fs.rmSync(synthesized, { recursive: true, force: true });
    }
    reports.push(report);
    write(formatReport(report));
  }
  write(`${summaryLine(reports)}\n`);
  const junit = optionValue(parsed, 'junit');
  if (junit !== undefined) {
    fs.mkdirSync(path.dirname(path.resolve(junit)), { recursive: true });
    fs.writeFileSync(junit, junitXml(reports));
  }
  return reports.some((r) => r.error !== undefined || r.results.some((x) => x.status === 'fail')) ? 1 : 0;
}

/** Whether `arg` is the value of a valued option (`--junit out.xml`), not a file. */
function isOptionValue(argv: readonly string[], arg: string): boolean {
  const index = argv.indexOf(arg);
  const previous = index > 0 ? argv[index - 1] : undefined;
  return previous !== undefined && previous.startsWith('--') && !previous.includes('=')
    && (INTEG_OPTIONS.valued as readonly string[]).includes(previous.slice(2));
}
