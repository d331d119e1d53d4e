const restores: (() => void)[] = [];

function apply(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
}

/**
 * Sets environment variables for one test; `undefined` removes one. The values they had before are put back by
 * `restoreEnvironments()`, also when the test changed them again itself.
 */
export function withEnvironment(values: Record<string, string | undefined>): void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  restores.push(() => apply(saved));
  apply(values);
}

/** Undoes every `withEnvironment` since the last call, newest first. For `afterEach`. */
export function restoreEnvironments(): void {
  while (restores.length > 0) {
    restores.pop()!();
  }
}
