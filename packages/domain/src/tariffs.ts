import type { AccountDetails } from "@lk/contract/accounts";
import type { Zone } from "./reading-check.ts";
import { calendarDate, MOSCOW, supplierCalendar } from "./supplier-time.ts";

// The supplier's tariff plans and their rates: which rate is in force on a day is decided here
// once, for the readings page, «Этот месяц», the bill run, the tariff comparison, the demo world
// and the mock.

export type TariffPlan = AccountDetails["tariffPlan"];
export const TARIFF_PLANS = ["SINGLE", "TWO_ZONE", "THREE_ZONE"] as const satisfies readonly TariffPlan[];

/** The zones each plan bills: T1 the day (peak on three zones), T2 the night, T3 the half-peak. */
export const PLAN_ZONES: Record<TariffPlan, Zone[]> = {
  SINGLE: ["T1"],
  TWO_ZONE: ["T1", "T2"],
  THREE_ZONE: ["T1", "T2", "T3"],
};

export const TARIFF_PLAN_NAMES: Record<TariffPlan, string> = {
  SINGLE: "одноставочный",
  TWO_ZONE: "двухзонный (день/ночь)",
  THREE_ZONE: "трёхзонный (пик/полупик/ночь)",
};

export interface TariffRate {
  plan: TariffPlan;
  zone: Zone;
  rateKopecks: number;
  /** `YYYY-MM-DD`, inclusive. */
  validFrom: string;
  validTo: string | null;
}

/** Whether a tariff is in force on a calendar day (`YYYY-MM-DD`): from `validFrom` to `validTo`, both inclusive. */
export const inForceOn = (rate: { validFrom: string; validTo: string | null }, day: string): boolean =>
  rate.validFrom <= day && (rate.validTo === null || day <= rate.validTo);

/** The rate of a plan's zone in force on the first day of a month (`YYYY-MM`), or null when the supplier had none. */
export function rateOfMonth(rates: readonly TariffRate[], plan: TariffPlan, zone: Zone, month: string): number | null {
  const day = `${month}-01`;
  return rates.find((r) => r.plan === plan && r.zone === zone && inForceOn(r, day))?.rateKopecks ?? null;
}

/**
 * The calendar day tariffs are looked up by at an instant (`YYYY-MM-DD`): the supplier's, so a
 * rate dated 1 July is in force from midnight in Moscow, not from 03:00 when the UTC day turns.
 */
export function tariffDay(instant: Date, timeZone = MOSCOW): string {
  const { year, month, day } = supplierCalendar(instant, timeZone);
  return calendarDate(year, month, day);
}

/** The rate of each zone of a plan in force on a day (`YYYY-MM-DD`), by zone; a zone without one is left out. */
export function ratesOn(
  tariffs: readonly TariffRate[],
  plan: TariffPlan,
  day: string,
): { zone: Zone; rateKopecks: number }[] {
  return tariffs
    .filter((t) => t.plan === plan && inForceOn(t, day))
    .sort((a, b) => (a.zone < b.zone ? -1 : 1))
    .map(({ zone, rateKopecks }) => ({ zone, rateKopecks }));
}
