import type { MeterSummary } from "@lk/contract/accounts";
import { groupDigits } from "@lk/domain";

type Zone = MeterSummary["zones"][number];

/** Zone names as printed on bills: T1 is «день» on a two-zone meter and «пик» on a three-zone one. */
export function zoneName(zone: Zone, zoneCount: number): string {
  if (zone === "T1") return zoneCount === 1 ? "Т1" : zoneCount === 2 ? "Т1 день" : "Т1 пик";
  return zone === "T2" ? "Т2 ночь" : "Т3 полупик";
}

/**
 * `54.30` → «54,3», `1234.5` → «1 234,5»: areas as a person writes them (and as ru-RU's
 * `toLocaleString` would, without loading its locale data on the first screen). Areas come with
 * at most two decimals, so nothing is rounded: trailing zeros go.
 */
export const formatArea = (area: string | number): string => formatMeterValue(String(Number(area)));

/** `23602.5` → «23 602,5»: Russian grouping and decimal comma, the digits exactly as sent. */
export function formatMeterValue(value: string): string {
  const [whole = "", fraction] = value.split(".");
  return fraction ? `${groupDigits(whole)},${fraction}` : groupDigits(whole);
}
