import { type ControlQuestionKind, rateOfMonth } from "@lk/domain";

export type TariffPlan = "SINGLE" | "TWO_ZONE" | "THREE_ZONE";
export type MeterZone = "T1" | "T2" | "T3";

export interface SupplierSeed {
  id: string;
  name: string;
  shortName: string;
  accountNumberPattern: string;
  accountNumberExample: string;
  accountNumberHint: string;
  controlQuestions: ControlQuestionKind[];
  /** Rates relative to the base table. */
  rateFactor: number;
  city: string;
}

export const SUPPLIERS: SupplierSeed[] = [
  {
    id: "mosenergosbyt",
    name: "АО «Мосэнергосбыт»",
    shortName: "Мосэнергосбыт",
    accountNumberPattern: "\\d{10}",
    accountNumberExample: "7700000000",
    accountNumberHint: "10 цифр",
    controlQuestions: ["BILL_TOTAL", "METER_SERIAL", "LAST_PAYMENT"],
    rateFactor: 1,
    city: "г. Москва",
  },
  {
    id: "tns-yaroslavl",
    name: "ПАО «ТНС энерго Ярославль»",
    shortName: "ТНС энерго Ярославль",
    accountNumberPattern: "\\d{12}",
    accountNumberExample: "760000000000",
    accountNumberHint: "12 цифр",
    controlQuestions: ["BILL_TOTAL", "METER_SERIAL"],
    rateFactor: 0.82,
    city: "г. Ярославль",
  },
  {
    id: "petroelektrosbyt",
    name: "АО «Петроэлектросбыт»",
    shortName: "Петроэлектросбыт",
    accountNumberPattern: "\\d{3}-\\d{6}",
    accountNumberExample: "078-000000",
    accountNumberHint: "3 цифры, дефис и 6 цифр",
    controlQuestions: ["BILL_TOTAL", "LAST_PAYMENT"],
    rateFactor: 0.9,
    city: "г. Санкт-Петербург",
  },
];

/** The zones each plan bills, as @lk/domain decides them. */
export { PLAN_ZONES } from "@lk/domain";

/** Base rates (kopecks per kWh) from July 2023; each July they rise by about 10 %. */
const BASE_RATES: Record<TariffPlan, Partial<Record<MeterZone, number>>> = {
  SINGLE: { T1: 610 },
  TWO_ZONE: { T1: 700, T2: 250 },
  THREE_ZONE: { T1: 780, T2: 250, T3: 610 },
};

export interface TariffSeed {
  supplierId: string;
  plan: TariffPlan;
  zone: MeterZone;
  rateKopecks: number;
  /** `YYYY-MM-DD`, inclusive. */
  validFrom: string;
  validTo: string | null;
}

/** Tariffs from July `fromYear` to the July after `toYear` starts. */
export function tariffsFor(supplier: SupplierSeed, fromYear: number, toYear: number): TariffSeed[] {
  const rows: TariffSeed[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const factor = supplier.rateFactor * 1.1 ** (year - 2023);
    for (const plan of Object.keys(BASE_RATES) as TariffPlan[]) {
      for (const [zone, base] of Object.entries(BASE_RATES[plan]) as [MeterZone, number][]) {
        rows.push({
          supplierId: supplier.id,
          plan,
          zone,
          rateKopecks: Math.round(base * factor),
          validFrom: `${year}-07-01`,
          validTo: year === toYear ? null : `${year + 1}-06-30`,
        });
      }
    }
  }
  return rows;
}

/** The rate in force on the first day of a month (`YYYY-MM`), by @lk/domain's rule; the world has one for every month. */
export function rateFor(tariffs: TariffSeed[], plan: TariffPlan, zone: MeterZone, month: string): number {
  const rate = rateOfMonth(tariffs, plan, zone, month);
  if (rate === null) throw new Error(`No ${plan}/${zone} tariff for ${month}`);
  return rate;
}
