import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, generateWorld } from "./world.ts";

describe("the generated world", () => {
  const now = new Date("2026-11-20T09:00:00Z");

  it("is the same every time for the same seed and month", () => {
    const a = [...generateWorld(5, { seed: DEFAULT_SEED, now })];
    const b = [...generateWorld(5, { seed: DEFAULT_SEED, now })];
    expect(b).toEqual(a);
  });

  it("never repeats an id, across thousands of accounts", () => {
    const ids = new Set<string>();
    let count = 0;
    for (const bundle of generateWorld(1500, { seed: DEFAULT_SEED, now })) {
      for (const row of [bundle.account, ...bundle.meters, ...bundle.readings, ...bundle.bills, ...bundle.payments]) {
        ids.add(row.id);
        count += 1;
      }
    }
    expect(ids.size).toBe(count);
  });

  it("keeps the books: each bill is the balance carried plus kWh × rate, payments reduce it", () => {
    for (const { account, bills, payments } of generateWorld(30, { seed: DEFAULT_SEED, now })) {
      let balance = 0;
      for (const bill of bills) {
        expect(bill.openingKopecks).toBe(balance);
        const charges = bill.lines.reduce((s, l) => s + l.amountKopecks, 0);
        for (const line of bill.lines)
          expect(line.amountKopecks).toBe(Math.round((line.kwhMilli * line.rateKopecks) / 1000));
        expect(bill.chargesKopecks).toBe(charges);
        expect(bill.totalKopecks).toBe(balance + charges);
        balance = bill.totalKopecks;
        const next = bills[bills.indexOf(bill) + 1];
        for (const p of payments) {
          if (p.status === "ACCEPTED" && p.paidAt > bill.issuedAt && (!next || p.paidAt < next.issuedAt))
            balance -= p.amountKopecks;
        }
      }
      expect(account.balanceKopecks).toBe(balance);
    }
  });
});
