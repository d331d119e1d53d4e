import * as fs from 'node:fs';
import * as path from 'node:path';
import { junitXml } from '../../src/integ/junit-report';
import { applyKnownGaps, readKnownGaps } from '../../src/integ/known-gaps';
import { formatReport, summaryLine } from '../../src/integ/text-report';
import { tempDir } from '../support/temp-dirs';

const report = {
  name: 'integ.iam.ts',
  results: [
    { name: 'httpApiCall GET /prod/items [HttpApiCallA]', status: 'pass' as const, durationMs: 1200 },
    { name: 'invokeFunction Caller [LambdaInvokeB]', status: 'fail' as const, message: 'Expected 200\nbut received <403>', durationMs: 30 },
    { name: 'awsApiCall WAFV2.getWebACL [AwsApiCallC]', status: 'skip' as const, message: 'wafv2 GetWebACL: not available locally', durationMs: 5 },
  ],
};

describe('the integ report', () => {
  test('prints a line per assertion, with the further lines of a message indented', () => {
    expect(formatReport(report)).toBe([
      'integ.iam.ts',
      '  PASS  httpApiCall GET /prod/items [HttpApiCallA]',
      '  FAIL  invokeFunction Caller [LambdaInvokeB]: Expected 200',
      '        but received <403>',
      '  SKIP  awsApiCall WAFV2.getWebACL [AwsApiCallC]: wafv2 GetWebACL: not available locally',
      '',
    ].join('\n'));
  });

  test('sums the assertions of every test in one line, and counts the tests that could not run', () => {
    expect(summaryLine([report, { name: 'integ.broken.ts', results: [], error: 'synthesizing failed' }]))
      .toBe('integ: 1 passed, 1 failed, 1 skipped, 1 could not run');
  });

  test('writes JUnit XML with a failure and a skipped element, escaped', () => {
    const xml = junitXml([report]);

    expect(xml).toContain('<testsuites name="gatewaykit integ" tests="3" failures="1" errors="0" skipped="1">');
    expect(xml).toContain('<failure message="Expected 200">Expected 200\nbut received &lt;403&gt;</failure>');
    expect(xml).toContain('<skipped message="wafv2 GetWebACL: not available locally">');
  });
});

describe('known gaps', () => {
  const file = path.join(tempDir('gatewaykit-gaps-'), 'gaps.json');

  test('skip a listed assertion that fails, with the reason and what happened locally', () => {
    fs.writeFileSync(file, JSON.stringify({ 'integ.iam.ts': { LambdaInvokeB: 'no role credentials locally' } }));

    const [, failed] = applyKnownGaps('integ.iam.ts', report.results, readKnownGaps(file));

    expect(failed).toEqual({ ...report.results[1], status: 'skip', message: 'known gap: no role credentials locally\nlocally: Expected 200\nbut received <403>' });
  });

  test('leave a listed assertion that passes passed, with a note to remove it', () => {
    fs.writeFileSync(file, JSON.stringify({ 'integ.iam.ts': { HttpApiCallA: 'stale' } }));

    const [passed] = applyKnownGaps('integ.iam.ts', report.results, readKnownGaps(file));

    expect(passed).toEqual({ ...report.results[0], message: 'listed as a known gap but passes: remove it from the known gaps file' });
  });

  test('a file listing something else than reasons by logical id is refused', () => {
    fs.writeFileSync(file, JSON.stringify({ 'integ.iam.ts': ['LambdaInvokeB'] }));

    expect(() => readKnownGaps(file)).toThrow(`the known gaps file ${file} lists integ.iam.ts as ["LambdaInvokeB"]; expected { "<assertion logical id>": "<why>" }`);
  });
});
