import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVE_OPTIONS } from '../../src/cli/serve-command';
import { TOKEN_OPTIONS } from '../../src/cli/token-command';

const CLI_DIR = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(CLI_DIR, 'README.md'), 'utf8');

/** The rows of the flag table under a `## heading` of the README. */
function flagTable(heading: string): string {
  const section = readme.slice(readme.indexOf(`## ${heading}\n`));
  return section.slice(0, section.indexOf('\n## ', 1));
}

test('the start() example of the README is start-example.test.ts, importing the published packages', () => {
  const example = fs.readFileSync(path.join(__dirname, 'start-example.test.ts'), 'utf8')
    .replace("from '../../../src'", "from 'cdk-gatewaykit'")
    .replace("from '../../src'", "from 'gatewaykit'");
  expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
});

test.each([
  ['`gatewaykit serve`', SERVE_OPTIONS],
  ['`gatewaykit token`', TOKEN_OPTIONS],
])('the README documents every flag of %s', (heading, options) => {
  const table = flagTable(heading);
  const undocumented = [...options.valued, ...options.switches, 'help'].filter((name) => !table.includes(`| \`--${name}`) && !table.includes(`, \`--${name}`));
  expect(undocumented).toEqual([]);
});
