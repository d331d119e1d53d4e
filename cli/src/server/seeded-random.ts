const MODULUS = 2 ** 32;

/**
 * A reproducible source of numbers in [0, 1), so that a test sees the same canary split on every run: a linear
 * congruential generator (Numerical Recipes' constants), plenty for choosing canary requests. Every product stays
 * below 2^53, so plain arithmetic is exact.
 */
export function seededRandom(seed: number): () => number {
  let state = Math.abs(Math.trunc(seed)) % MODULUS;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % MODULUS;
    return state / MODULUS;
  };
}
