import { describe, expect, it } from "vitest";
import { formatArea } from "./meters.ts";

describe("formatArea", () => {
  it.each(["54.30", "54.3", "38.00", "0.50", "1234.56", "12345.6", "7", "100.05"])(
    "%s reads as ru-RU's toLocaleString writes it",
    (area) => {
      expect(formatArea(area)).toBe(Number(area).toLocaleString("ru-RU", { maximumFractionDigits: 2 }));
    },
  );
});
