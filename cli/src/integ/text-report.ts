import type { IntegTestReport } from './junit-report';

const LABELS = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/** The lines of one integ test: its name, then a line per assertion; a message's further lines are indented. */
export function formatReport(report: IntegTestReport): string {
  const lines = [report.name];
  if (report.error !== undefined) {
    lines.push(`  ERROR ${indent(report.error)}`);
  } else if (report.results.length === 0) {
    lines.push('  (no assertions)');
  }
  for (const result of report.results) {
    const message = result.message === undefined ? '' : `: ${indent(result.message)}`;
    lines.push(`  ${LABELS[result.status]}  ${result.name}${message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `integ: N passed, M failed, K skipped`, and the tests that could not run when some could not. */
export function summaryLine(reports: readonly IntegTestReport[]): string {
  const count = (status: 'pass' | 'fail' | 'skip') => reports.reduce((n, r) => n + r.results.filter((x) => x.status === status).length, 0);
  const errors = reports.filter((r) => r.error !== undefined).length;
  return `integ: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped${errors > 0 ? `, ${errors} could not run` : ''}`;
}

function indent(text: string): string {
  return text.split('\n').join('\n        ');
}
