/**
 * A module loaded on its first use instead of when the CLI starts. `gatewaykit serve` loads only what the app it
 * serves uses: most apps need no DynamoDB SDK client and dynalite, no control plane exporters, no SigV4 signer, and
 * requiring them all took about half of the startup budget. A package name resolves as from anywhere in the CLI; a
 * relative id resolves from this folder (`./cli/integ-command`).
 *
 * `require`, not `import()`: jest runs the sources without ECMAScript module support, where `import()` throws.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded ??= require(id) as T;
    return loaded;
  };
}
