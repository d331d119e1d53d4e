/** Progress goes to stderr, so that stdout holds the report alone. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
