// Money is integer kopecks everywhere; these are the only conversions to and from text.

/** The no-break space Russian typography (and Intl's ru-RU) puts between digit groups and before «₽». */
export const NBSP = "\u00a0";

/** «1234567» → «1 234 567»: digit groups of three, as ru-RU writes them (four digits are grouped too). */
export const groupDigits = (whole: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

/**
 * 123456 → «1 234,56 ₽» (Russian grouping and decimal comma), exactly as
 * `Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB" })` writes it (a test holds the
 * two together). Written out rather than asked of Intl: the page's first currency format made the
 * browser load ICU's Russian locale and currency data, 100–260 ms on a mid-range phone before the
 * account page could be drawn (docs/performance.md), for what is integer arithmetic on kopecks.
 */
export function formatKopecks(kopecks: number): string {
  const abs = Math.abs(Math.round(kopecks));
  const rubles = groupDigits(String(Math.floor(abs / 100)));
  return `${kopecks < 0 && abs > 0 ? "-" : ""}${rubles},${String(abs % 100).padStart(2, "0")}${NBSP}₽`;
}

/** 123456 → «1 234,56» without the currency sign, e.g. for a form field. */
export function formatAmount(kopecks: number): string {
  return formatKopecks(kopecks).replace(/\s*₽$/, "");
}

/**
 * Reads an amount typed by a customer: «1234,56», «1 234,56», «1234.56», «1234» (whole rubles),
 * with or without «₽»/«руб.». Returns kopecks, or null when it is not an amount.
 */
export function parseRubles(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/(₽|руб\.?|р\.)$/i, "")
    .replace(/[\s\u00a0\u202f]/g, "");
  const match = /^(-?)(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const kopecks = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign ? -kopecks : kopecks;
}
