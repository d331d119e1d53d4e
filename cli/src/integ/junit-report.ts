import type { AssertionResult } from './assertion-result';

/** The results of one integ test, or the error that kept it from running. */
export interface IntegTestReport {
  readonly name: string;
  readonly results: readonly AssertionResult[];
  readonly error?: string;
}

/** JUnit XML as CI systems read it: a suite per integ test, a case per assertion, `<failure>` and `<skipped>`. */
export function junitXml(reports: readonly IntegTestReport[]): string {
  const count = (status: AssertionResult['status']) => reports.reduce((n, r) => n + r.results.filter((x) => x.status === status).length, 0);
  const tests = reports.reduce((n, r) => n + r.results.length + (r.error ? 1 : 0), 0);
  const errors = reports.filter((r) => r.error).length;
  const suites = reports.map((report) => {
    const failures = report.results.filter((r) => r.status === 'fail').length;
    const skipped = report.results.filter((r) => r.status === 'skip').length;
    const time = seconds(report.results.reduce((ms, r) => ms + r.durationMs, 0));
    const cases = report.results.map((result) => {
      const open = `    <testcase classname="${escape(report.name)}" name="${escape(result.name)}" time="${seconds(result.durationMs)}"`;
      if (result.status === 'pass') return `${open}/>`;
      const element = result.status === 'fail' ? 'failure' : 'skipped';
      const message = result.message ?? '';
      return `${open}>\n      <${element} message="${escape(message.split('\n')[0])}">${escape(message)}</${element}>\n    </testcase>`;
    });
    if (report.error) {
      cases.push(`    <testcase classname="${escape(report.name)}" name="synthesize and serve" time="0">\n      <error message="${escape(report.error.split('\n')[0])}">${escape(report.error)}</error>\n    </testcase>`);
    }
    return [
      `  <testsuite name="${escape(report.name)}" tests="${report.results.length + (report.error ? 1 : 0)}" failures="${failures}" errors="${report.error ? 1 : 0}" skipped="${skipped}" time="${time}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="gatewaykit integ" tests="${tests}" failures="${count('fail')}" errors="${errors}" skipped="${count('skip')}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function escape(text: string): string {
  // XML 1.0 has no escape for most control characters: they are left out.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
