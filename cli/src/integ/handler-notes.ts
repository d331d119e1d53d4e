/** The handler's message when the service's client package cannot be loaded (`@aws-sdk/client-x`). */
export const MISSING_CLIENT = /Service \S+ client package with name '[^']+' does not exist\.?/;

/**
 * What the assertion handler printed during one assertion that its response does not carry: the last mismatch of the
 * waiter's isComplete (`Assertion Failed: …`, its response only says that it timed out), and a client package it
 * could not load (isComplete logs the error and retries).
 */
export class HandlerNotes {
  private mismatch?: string;
  private missingClient?: string;

  /** Reads one line a handler printed. */
  public observe(line: string): void {
    this.mismatch = mismatchOf(line) ?? this.mismatch;
    this.missingClient = MISSING_CLIENT.exec(line)?.[0] ?? this.missingClient;
  }

  /** What was noted since the last call, then forgets it. */
  public drain(): { readonly mismatch?: string; readonly missingClient?: string } {
    const notes = { mismatch: this.mismatch, missingClient: this.missingClient };
    this.mismatch = undefined;
    this.missingClient = undefined;
    return notes;
  }
}

/** The mismatch in a line the waiter's isComplete prints: `Assertion Failed: {"failed":true,"assertion":"{…}"}`. */
function mismatchOf(line: string): string | undefined {
  const prefix = 'Assertion Failed: ';
  const at = line.indexOf(prefix);
  if (at < 0) return undefined;
  try {
    const result = JSON.parse(line.slice(at + prefix.length)) as { assertion?: string };
    return (JSON.parse(result.assertion ?? '{}') as { message?: string }).message;
  } catch {
    return undefined;
  }
}
