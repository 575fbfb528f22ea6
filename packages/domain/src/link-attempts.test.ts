import { describe, expect, it } from "vitest";
import { decideLinkAnswer, LINK_ATTEMPT_POLICY, type LinkAttempt, linkStanding } from "./link-attempts.ts";

const now = new Date("2026-11-20T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const wrong = (userId: string, m: number): LinkAttempt => ({ userId, at: minutesAgo(m), success: false });
const DAY_MIN = 24 * 60;

describe("linkStanding", () => {
  it("is open with 5 answers for a fresh number", () => {
    expect(linkStanding([], "me", now, [])).toEqual({ status: "open", attemptsLeft: 5 });
  });

  it("counts this customer's wrong answers in the last 24 hours only", () => {
    const attempts = [wrong("me", 10), wrong("me", 20), wrong("me", DAY_MIN + 1)];
    expect(linkStanding(attempts, "me", now, [])).toEqual({ status: "open", attemptsLeft: 3 });
  });

  it("locks the customer after 5 wrong answers until the oldest of them is 24 hours old", () => {
    const attempts = [1, 2, 3, 4, 50].map((m) => wrong("me", m));
    expect(linkStanding(attempts, "me", now, [])).toEqual({
      status: "locked",
      until: new Date(minutesAgo(50).getTime() + LINK_ATTEMPT_POLICY.windowMs),
    });
  });

  it("shows the account's remaining answers when they are fewer than the customer's own", () => {
    const others = ["a", "b", "c"].flatMap((u) => [wrong(u, 1), wrong(u, 2)]);
    expect(linkStanding(others, "me", now, [])).toEqual({ status: "open", attemptsLeft: 4 });
  });

  it("pauses the account for everyone after 10 wrong answers from several customers", () => {
    // Four customers with 4, 4, 1 and 1 wrong answers: nobody is locked, the account is.
    const attempts = [
      ...[1, 2, 3, 4].map((m) => wrong("a", m)),
      ...[5, 6, 7, 8].map((m) => wrong("b", m)),
      wrong("c", 9),
      wrong("d", 30),
    ];
    expect(linkStanding(attempts, "fresh", now, [])).toEqual({
      status: "paused",
      until: new Date(minutesAgo(30).getTime() + LINK_ATTEMPT_POLICY.windowMs),
    });
  });

  it("does not count right answers against anyone", () => {
    const attempts = Array.from({ length: 12 }, (_, i) => ({ userId: `u${i}`, at: minutesAgo(i), success: true }));
    expect(linkStanding(attempts, "me", now, [])).toEqual({ status: "open", attemptsLeft: 5 });
  });
});

describe("decideLinkAnswer", () => {
  it("links on a right answer and records it as a success", () => {
    expect(decideLinkAnswer([], "me", now, true, [])).toEqual({
      kind: "answered",
      record: { success: true },
      outcome: { status: "linked" },
      pausedUntil: null,
    });
  });

  it("records a wrong answer and says how many are left", () => {
    expect(decideLinkAnswer([wrong("me", 1)], "me", now, false, [])).toMatchObject({
      kind: "answered",
      record: { success: false },
      outcome: { status: "open", attemptsLeft: 3 },
      pausedUntil: null,
    });
  });

  it("refuses without checking even the right answer while the account is paused", () => {
    const attempts = Array.from({ length: 10 }, (_, i) => wrong(`u${i}`, i + 1));
    const decision = decideLinkAnswer(attempts, "owner", now, true, []);
    expect(decision).toMatchObject({ kind: "refused", standing: { status: "paused" } });
  });

  it("says the pause began on the answer that used up the account's budget, and only then", () => {
    const nine = Array.from({ length: 9 }, (_, i) => wrong(`u${i % 3}`, i + 1));
    expect(decideLinkAnswer(nine, "x", now, false, [])).toMatchObject({
      outcome: { status: "paused" },
      pausedUntil: new Date(minutesAgo(9).getTime() + LINK_ATTEMPT_POLICY.windowMs),
    });
    expect(decideLinkAnswer(nine.slice(1), "x", now, false, [])).toMatchObject({ pausedUntil: null });
  });

  it("gives the pause's end even when the same answer locks the customer (their lock ends later)", () => {
    const attempts = [
      ...[100, 200, 300, 400, 500].map((m) => wrong(`o${m}`, m)),
      ...[1, 2, 3, 4].map((m) => wrong("me", m)),
    ];
    const decision = decideLinkAnswer(attempts, "me", now, false, []);
    expect(decision).toMatchObject({
      outcome: { status: "locked", until: new Date(minutesAgo(4).getTime() + LINK_ATTEMPT_POLICY.windowMs) },
      pausedUntil: new Date(minutesAgo(500).getTime() + LINK_ATTEMPT_POLICY.windowMs),
    });
  });

  it("the customer's fifth wrong answer locks them", () => {
    const four = [1, 2, 3, 4].map((m) => wrong("me", m));
    expect(decideLinkAnswer(four, "me", now, false, [])).toMatchObject({ outcome: { status: "locked" } });
  });
});

describe("the budget over every number (LINK_ATTEMPT_POLICY.wrongAnswersPerCustomerOverall)", () => {
  const overall = LINK_ATTEMPT_POLICY.wrongAnswersPerCustomerOverall;
  // One wrong answer on each of many numbers: neither the number's budgets nor the customer's fill.
  const spread = (n: number) => Array.from({ length: n }, (_, i) => minutesAgo(n - i));

  it("counts wrong answers for other numbers towards the answers left", () => {
    expect(linkStanding([], "me", now, spread(overall - 2))).toEqual({ status: "open", attemptsLeft: 2 });
  });

  it("a full day's wrong answers over many numbers stop every new link until the first leaves the window", () => {
    const failures = spread(overall);
    expect(linkStanding([], "me", now, failures)).toEqual({
      status: "limited",
      until: new Date((failures[0] as Date).getTime() + LINK_ATTEMPT_POLICY.windowMs),
    });
    expect(decideLinkAnswer([], "me", now, true, failures)).toMatchObject({
      kind: "refused",
      standing: { status: "limited" },
    });
  });

  it("the answer that fills it is recorded, and says so", () => {
    expect(decideLinkAnswer([], "me", now, false, spread(overall - 1))).toMatchObject({
      kind: "answered",
      record: { success: false },
      outcome: { status: "limited" },
    });
  });

  it("answers older than the window do not count", () => {
    const old = Array.from({ length: overall }, (_, i) => minutesAgo(DAY_MIN + 1 + i));
    expect(linkStanding([], "me", now, old)).toEqual({ status: "open", attemptsLeft: 5 });
  });
});
