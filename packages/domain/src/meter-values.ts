/** Meter values are handled in integer thousandths of a kWh: no float drift in the arithmetic. */

/** «12345,6» / «12345.6» / «12 345» → 12345600; null when not a non-negative number. */
export function parseMeterValue(input: string): { milli: number; decimals: number } | null {
  const cleaned = input
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  const match = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return { milli: Number(whole) * 1000 + Number(fraction.padEnd(3, "0")), decimals: fraction.length };
}

/** 12345600 with 1 decimal → «12345.6» (the API's decimal string). */
export function formatMilli(milli: number, decimals: number): string {
  return (milli / 1000).toFixed(decimals);
}

/** «12345.6» (the API's decimal string) → 12345600. */
export function milliOf(value: string): number {
  const parsed = parseMeterValue(value);
  if (!parsed) throw new Error(`Not a meter value: ${value}`);
  return parsed.milli;
}
