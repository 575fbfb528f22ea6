import { describe, expect, it } from "vitest";
import {
  type AccountFacts,
  factsBefore,
  isOpenRequest,
  type RequestMove,
  requestedFacts,
  requestMove,
  requestNumber,
  requireSomeChange,
} from "./service-requests.ts";
import { refusal } from "./testing/refusal.ts";

const facts: AccountFacts = {
  ownerName: "Иванов И. И.",
  residents: 2,
  rooms: 3,
  totalArea: "54.30",
  livingArea: "38.00",
  tariffPlan: "SINGLE",
};

describe("requestedFacts and factsBefore", () => {
  it.each([
    [{ kind: "OWNER", ownerName: "Петров П. П." }, { ownerName: "Петров П. П." }, { ownerName: "Иванов И. И." }],
    [{ kind: "RESIDENTS", residents: 4 }, { residents: 4 }, { residents: 2 }],
    [{ kind: "ROOMS", rooms: 2 }, { rooms: 2 }, { rooms: 3 }],
    [
      { kind: "AREA", totalArea: "60.5", livingArea: "40" },
      { totalArea: "60.50", livingArea: "40.00" },
      { totalArea: "54.30", livingArea: "38.00" },
    ],
    [{ kind: "TARIFF", tariffPlan: "TWO_ZONE" }, { tariffPlan: "TWO_ZONE" }, { tariffPlan: "SINGLE" }],
  ] as const)("%j sets %j, was %j", (change, wanted, before) => {
    expect(requestedFacts(change)).toEqual(wanted);
    expect(factsBefore(change, facts)).toEqual(before);
  });
});

describe("requireSomeChange", () => {
  it.each([
    [{ kind: "RESIDENTS", residents: 2 }, ["change.residents"]],
    [{ kind: "AREA", totalArea: "54.3", livingArea: "38" }, ["change.totalArea", "change.livingArea"]],
    [{ kind: "OWNER", ownerName: "Иванов И. И." }, ["change.ownerName"]],
    [{ kind: "TARIFF", tariffPlan: "SINGLE" }, ["change.tariffPlan"]],
  ] as const)("refuses %j, which changes nothing", (change, paths) => {
    expect(refusal(() => requireSomeChange(change, facts)).details?.fields?.map((f) => f.path)).toEqual(paths);
  });
  it.each([
    { kind: "AREA", totalArea: "54.3", livingArea: "37.9" },
    { kind: "OWNER", ownerName: "иванов и. и." },
    { kind: "TARIFF", tariffPlan: "THREE_ZONE" },
  ] as const)("lets %j through: one field is enough", (change) => {
    expect(() => requireSomeChange(change, facts)).not.toThrow();
  });
});

describe("requestMove", () => {
  it.each<[string, RequestMove, string | null]>([
    ["SUBMITTED", "REVIEW", "IN_REVIEW"],
    ["SUBMITTED", "APPROVE", "DONE"],
    ["SUBMITTED", "REJECT", "REJECTED"],
    ["IN_REVIEW", "APPROVE", "DONE"],
    ["IN_REVIEW", "REJECT", "REJECTED"],
    ["IN_REVIEW", "REVIEW", null],
    ["DONE", "REVIEW", null],
    ["DONE", "REJECT", null],
    ["REJECTED", "APPROVE", null],
  ])("%s, %s → %s", (from, move, to) => {
    const status = from as Parameters<typeof requestMove>[0];
    if (to) expect(requestMove(status, move)).toBe(to);
    else expect(() => requestMove(status, move)).toThrow(expect.objectContaining({ code: "REQUEST_STATE" }));
  });
  it("open means waiting for the operator", () => {
    expect(["SUBMITTED", "IN_REVIEW", "DONE", "REJECTED"].map((s) => isOpenRequest(s as "DONE"))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

it("a request's number is shown with six digits", () => {
  expect(requestNumber(42)).toBe("З-000042");
});
