// Money is integer kopecks everywhere; these are the only conversions to and from text.

const rubles = new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB", minimumFractionDigits: 2 });

/** 123456 → «1 234,56 ₽» (Russian grouping and decimal comma). */
export function formatKopecks(kopecks: number): string {
  return rubles.format(kopecks / 100);
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
