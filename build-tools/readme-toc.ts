/**
 * The README's table of contents, between `<!-- toc -->` and `<!-- /toc -->`: its `##` and `###` headings, linked
 * with the anchors GitHub gives them. `ts-node build-tools/readme-toc.ts` rewrites it; `test/readme.test.ts` checks it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const README = path.join(__dirname, '..', 'README.md');
const TOC_BLOCK = /<!-- toc -->\n[\s\S]*?<!-- \/toc -->/;

/** GitHub's anchor of a heading: lowercased, punctuation removed, spaces as hyphens, `-1`, `-2` for repeats. */
function anchor(heading: string, seen: Map<string, number>): string {
  const base = heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

function headings(markdown: string): { level: number; text: string }[] {
  let inCode = false;
  const found: { level: number; text: string }[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inCode = !inCode;
    }
    const match = inCode ? null : /^(#{2,3}) (.+)$/.exec(line);
    if (match) {
      found.push({ level: match[1].length, text: match[2] });
    }
  }
  return found;
}

/** The table of contents block `markdown` should have. */
export function tableOfContents(markdown: string): string {
  const seen = new Map<string, number>();
  const entries = headings(markdown).map(({ level, text }) =>
    `${level === 3 ? '  ' : ''}- [${text.replace(/`/g, '')}](#${anchor(text, seen)})`);
  return `<!-- toc -->\n${entries.join('\n')}\n<!-- /toc -->`;
}

/** `markdown` with its table of contents rewritten. */
export function withTableOfContents(markdown: string): string {
  if (!TOC_BLOCK.test(markdown)) {
    throw new Error('README.md has no <!-- toc --> ... <!-- /toc --> block');
  }
  return markdown.replace(TOC_BLOCK, () => tableOfContents(markdown));
}

if (require.main === module) {
  fs.writeFileSync(README, withTableOfContents(fs.readFileSync(README, 'utf8')));
}
