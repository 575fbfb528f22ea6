import { describe, expect, it } from "vitest";
import { submissionFor, withConfirmed } from "./submission-key.ts";

let n = 0;
const newKey = () => `key-${++n}`;

describe("the idempotency key of «Передать»", () => {
  it("is reused when the same values are sent again (a confirmation, a network retry)", () => {
    const first = submissionFor(null, { T1: "12345,6" }, newKey);
    expect(submissionFor(first, { T1: " 12345,6 " }, newKey)).toBe(first);
  });

  it("is new for other values, and after a success (no current submission)", () => {
    const first = submissionFor(null, { T1: "12345,6" }, newKey);
    expect(submissionFor(first, { T1: "12345,7" }, newKey).key).not.toBe(first.key);
    expect(submissionFor(null, { T1: "12345,6" }, newKey).key).not.toBe(first.key);
  });

  it("keeps what the customer confirmed for these values, and forgets it for others", () => {
    const first = withConfirmed(submissionFor(null, { T1: "30" }, newKey), ["ROLLOVER"]);
    expect(first).toMatchObject({ confirmRollover: true, confirmLargeJump: false });
    expect(withConfirmed(first, ["LARGE_JUMP"])).toMatchObject({ confirmRollover: true, confirmLargeJump: true });
    expect(submissionFor(first, { T1: "31" }, newKey)).toMatchObject({ confirmRollover: false });
  });
});
