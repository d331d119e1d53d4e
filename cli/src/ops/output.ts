/** Where a command writes: its output text (a table, JSON or CSV), written whole. */
export interface CommandIo {
  /** The folder relative file names are resolved in. */
  readonly cwd: string;
  out(text: string): void;
}

/** The process's standard output, in the current folder. */
export const processIo: CommandIo = { out: (text) => process.stdout.write(text), cwd: process.cwd() };

/** Rows as an aligned text table with a header line; an empty list says `(none)` under the header. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), ...(rows.length > 0 ? rows.map(line) : ['(none)'])].join('\n') + '\n';
}

/** A value as the `--json` output: indented, with a final newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, undefined, 2)}\n`;
}

/** Rows as CSV (RFC 4180 quoting). */
export function csv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
