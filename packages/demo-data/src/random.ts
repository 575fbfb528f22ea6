/**
 * A small seeded generator (mulberry32): the same seed gives the same world on the server and
 * in the mock, on every machine. Not for anything secret.
 */
export class Random {
  private state: number;
  private ids = 0;
  /**
   * `idKey` names the stream's owner (e.g. world seed + account index): ids are a hash of it and a
   * counter, not draws from the 32-bit state, whose streams overlap across thousands of accounts.
   */
  constructor(
    seed: number,
    private readonly idKey = String(seed),
  ) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A version-4-shaped UUID, the same in the database and the mock. */
  uuid(): string {
    this.ids += 1;
    const s = cyrb128(`${this.idKey}:${this.ids}`)
      .map((n) => n.toString(16).padStart(8, "0"))
      .join("")
      .split("");
    s[12] = "4";
    s[16] = ((Number.parseInt(s[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    const h = s.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** cyrb128: a fast 128-bit string hash (not cryptographic), four 32-bit words. */
function cyrb128(input: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A per-item seed, so item N is the same whether or not items before it were generated. */
export function seedFor(worldSeed: number, index: number): number {
  let h = (worldSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}
