// A tiny deterministic pseudo-random generator for the demo data: the same seed gives the same
// numbers on every machine, so the demo data is reproducible byte for byte. Not for security.

/** The fixed seed of the demo data (403: Resolution 403/NQ-CP, 2026: the demo year). */
export const DEMO_SEED = 4032026;

/** 32-bit FNV-1a hash of a string: turns a label such as "31:10804:growth" into a seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a 32-bit state generator, uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  range(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A shuffled copy of items (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor((i + 1) * next());
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/**
 * A generator of its own for one label (e.g. a commune code and a purpose), derived from DEMO_SEED.
 * Giving every commune its own stream keeps its figures independent of the order of the list.
 */
export function rngFor(...label: (string | number)[]): Rng {
  return createRng(hashString(`${DEMO_SEED}:${label.join(":")}`));
}
