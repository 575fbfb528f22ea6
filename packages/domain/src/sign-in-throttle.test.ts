import { describe, expect, it } from "vitest";
import { SIGN_IN_POLICY, type SignInAttemptRow, signInDelayMs, signInWait } from "./sign-in-throttle.ts";

const now = new Date("2026-11-20T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const fail = (ip: string, s: number): SignInAttemptRow => ({ ip, success: false, at: secondsAgo(s) });
const ok = (ip: string, s: number): SignInAttemptRow => ({ ip, success: true, at: secondsAgo(s) });

describe("signInDelayMs", () => {
  it.each([
    [0, 30_000],
    [1, 60_000],
    [4, 480_000],
    [5, 900_000],
    [40, 900_000],
  ])("after %i failures beyond the free ones waits %i ms", (excess, ms) => {
    expect(signInDelayMs(excess)).toBe(ms);
  });
});

describe("signInWait", () => {
  it("lets the first 5 failures from an address through without a wait", () => {
    const four = [1, 2, 3, 4].map((s) => fail("1.1.1.1", s));
    expect(signInWait(four, "1.1.1.1", now)).toEqual({ allowed: true });
  });

  it("makes the address wait 30 s after its 5th failure, then longer", () => {
    const five = [1, 2, 3, 4, 5].map((s) => fail("1.1.1.1", s));
    expect(signInWait(five, "1.1.1.1", now)).toEqual({ allowed: false, retryAfterSeconds: 29 });
    const six = [...five, fail("1.1.1.1", 6)];
    expect(signInWait(six, "1.1.1.1", now)).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(signInWait(five, "1.1.1.1", new Date(now.getTime() + 29_000))).toEqual({ allowed: true });
  });

  it("does not hold another address up for one address's 5 failures", () => {
    const five = [1, 2, 3, 4, 5].map((s) => fail("1.1.1.1", s));
    expect(signInWait(five, "2.2.2.2", now)).toEqual({ allowed: true });
  });

  it("slows every unknown address once the login has 10 failures from anywhere", () => {
    const spread = Array.from({ length: 10 }, (_, i) => fail(`10.0.0.${i}`, i + 1));
    expect(signInWait(spread, "10.9.9.9", now)).toEqual({ allowed: false, retryAfterSeconds: 29 });
  });

  it("lets an address that signed in to this login before through despite the guessers", () => {
    const spread = Array.from({ length: 30 }, (_, i) => fail(`10.0.0.${i}`, i + 1));
    const attempts = [...spread, ok("192.168.1.5", 5 * 24 * 3600)];
    expect(signInWait(attempts, "192.168.1.5", now)).toEqual({ allowed: true });
  });

  it("a known address still waits for its own failures", () => {
    const attempts = [ok("192.168.1.5", 5000), ...[1, 2, 3, 4, 5].map((s) => fail("192.168.1.5", s))];
    expect(signInWait(attempts, "192.168.1.5", now)).toMatchObject({ allowed: false });
  });

  it("a success from the address starts its count afresh", () => {
    const attempts = [...[10, 11, 12, 13, 14].map((s) => fail("1.1.1.1", s)), ok("1.1.1.1", 5)];
    expect(signInWait(attempts, "1.1.1.1", now)).toEqual({ allowed: true });
  });

  it("forgets failures older than an hour", () => {
    const old = Array.from({ length: 20 }, (_, i) => fail(`10.0.0.${i}`, 3601 + i));
    expect(signInWait(old, "10.9.9.9", now)).toEqual({ allowed: true });
  });

  it("a password reset lifts every wait before it", () => {
    const spread = Array.from({ length: 20 }, (_, i) => fail(`10.0.0.${i}`, i + 10));
    expect(signInWait(spread, "10.9.9.9", now, secondsAgo(5))).toEqual({ allowed: true });
  });

  it("lets a guesser with any number of addresses check at most a few dozen passwords an hour (ASVS: ≤ 100)", () => {
    const attempts: SignInAttemptRow[] = [];
    let checked = 0;
    // A new address every second for an hour, each trying the moment it is allowed.
    for (let s = 0; s < 3600; s++) {
      const at = new Date(now.getTime() + s * 1000);
      const ip = `10.${Math.floor(s / 250)}.${s % 250}.1`;
      if (signInWait(attempts, ip, at).allowed) {
        attempts.push({ ip, success: false, at });
        checked += 1;
      }
    }
    expect(checked).toBeLessThanOrEqual(SIGN_IN_POLICY.freeFailuresPerLogin + 10);
  });
});
