import { describe, expect, it } from "vitest";
import { DomainError } from "./domain-error.ts";
import {
  allowPasswordReset,
  contactRestored,
  RESET_TTL_MS,
  RESETS_PER_HOUR,
  requireUsableLink,
  rollbackFrom,
  spentWithRollback,
  undoLinkExpiry,
} from "./single-use-links.ts";

const now = new Date("2026-11-20T09:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("allowPasswordReset", () => {
  it.each([0, 1, RESETS_PER_HOUR - 1])("after %i letters this hour another goes out, for an hour", (sent) => {
    expect(allowPasswordReset(sent, now)).toEqual({ expiresAt: at(RESET_TTL_MS) });
  });
  it.each([RESETS_PER_HOUR, RESETS_PER_HOUR + 5])("after %i nothing is sent", (sent) => {
    expect(allowPasswordReset(sent, now)).toBeNull();
  });
});

describe("requireUsableLink", () => {
  it.each([
    ["unknown", undefined],
    ["spent", { usedAt: at(-1000), expiresAt: at(1000) }],
    ["expired this instant", { usedAt: null, expiresAt: now }],
    ["expired (as stored text)", { usedAt: null, expiresAt: at(-1).toISOString() }],
  ])("refuses a link that is %s", (_, link) => {
    expect(() => requireUsableLink(link, now, "UNDO_LINK_INVALID")).toThrow(DomainError);
  });
  it("returns a link still good", () => {
    const link = { usedAt: null, expiresAt: at(1) };
    expect(requireUsableLink(link, now, "RESET_TOKEN_INVALID")).toBe(link);
  });
});

it("an undo link works for seven days", () => {
  expect(undoLinkExpiry(now)).toEqual(at(7 * 86_400_000));
});

describe("contactRestored", () => {
  it.each([
    ["an e-mail comes back proved (the link came to it)", "EMAIL", "old@lk.test", false, "old@lk.test", true],
    ["a proved phone comes back proved", "PHONE", "+79990000000", true, "+79990000000", true],
    ["an unproved phone comes back unproved", "PHONE", "+79990000000", false, "+79990000000", false],
    ["no phone before: the phone is removed", "PHONE", null, false, null, false],
  ] as const)("%s", (_, kind, previous, previousConfirmed, value, confirmed) => {
    expect(contactRestored({ kind, previous, previousConfirmed })).toEqual({ value, confirmed });
  });
});

describe("rollbackFrom and spentWithRollback: «Это был не я» undoes its change and every later one", () => {
  // The owner's phone +7…01 and e-mail owner@; a thief moves the phone, then the e-mail twice.
  const phone = { kind: "PHONE", previous: "+79990000001", previousConfirmed: true, createdAt: at(0) } as const;
  const email1 = { kind: "EMAIL", previous: "owner@lk.test", previousConfirmed: true, createdAt: at(60_000) } as const;
  const email2 = { kind: "EMAIL", previous: "thief@lk.test", previousConfirmed: true, createdAt: at(120_000) } as const;
  const all = [email2, phone, email1];

  it("the owner's link of the first change puts back both logins as they were before it", () => {
    expect(rollbackFrom(phone, all)).toEqual({
      PHONE: { value: "+79990000001", confirmed: true },
      EMAIL: { value: "owner@lk.test", confirmed: true },
    });
    expect(all.map((c) => spentWithRollback(phone, c))).toEqual([true, true, true]);
  });

  it("the thief's link of a later change undoes only from there, and leaves the owner's earlier links working", () => {
    expect(rollbackFrom(email2, all)).toEqual({ EMAIL: { value: "thief@lk.test", confirmed: true } });
    expect(all.map((c) => spentWithRollback(email2, c))).toEqual([true, false, false]);
  });

  it("the login of the link's own kind is put back as contactRestored says; others as they were", () => {
    const phoneAdded = { kind: "PHONE", previous: null, previousConfirmed: false, createdAt: at(180_000) } as const;
    const unprovedEmail = { ...email1, previousConfirmed: false };
    expect(rollbackFrom(unprovedEmail, [unprovedEmail, phoneAdded])).toEqual({
      EMAIL: { value: "owner@lk.test", confirmed: true },
      PHONE: { value: null, confirmed: false },
    });
  });
});
