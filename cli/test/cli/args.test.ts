import { integerOption, parseArgs, UsageError } from '../../src/cli/args';

const USAGE = 'usage: test';

describe('parseArgs', () => {
  test('reads --name value, --name=value and switches', () => {
    const parsed = parseArgs(['--port', '4000', '--app=cdk.out', '--quiet'], ['port', 'app'], ['quiet'], USAGE);
    expect(parsed.options.get('port')).toEqual(['4000']);
    expect(parsed.options.get('app')).toEqual(['cdk.out']);
    expect(parsed.flags.has('quiet')).toBe(true);
  });

  test('keeps every value of a repeated option', () => {
    expect(parseArgs(['--credentials', 'a:b', '--credentials', 'c:d'], ['credentials'], [], USAGE).options.get('credentials')).toEqual(['a:b', 'c:d']);
  });

  test('an option without its value is an error naming it', () => {
    expect(() => parseArgs(['--port'], ['port'], [], USAGE)).toThrow(/--port needs a value/);
    expect(() => parseArgs(['--port', '--quiet'], ['port'], ['quiet'], USAGE)).toThrow(/--port needs a value/);
  });

  test('a positional argument is refused', () => {
    expect(() => parseArgs(['cdk.out'], ['app'], [], USAGE)).toThrow(UsageError);
  });

  test('integerOption refuses a value out of range, saying the range and the value', () => {
    const parsed = parseArgs(['--port', '70000'], ['port'], [], USAGE);
    expect(() => integerOption(parsed, 'port', 0, 65535, USAGE)).toThrow(/--port expects a whole number from 0 to 65535, got '70000'/);
  });
});
