// The portal's CSV files («Скачать CSV» under the consumption chart and on each «История» tab),
// written one way, for a spreadsheet in Russian settings: `;` between columns, a decimal comma,
// CRLF line ends and a UTF-8 BOM (so Excel reads the Cyrillic), empty cells where there is nothing.

export const CSV_TYPE = "text/csv;charset=utf-8";

/** A cell holding `;`, a quote or a line break is quoted, its quotes doubled. */
const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The file's text: the header, then a line a row. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}

/** A decimal number written with a point (`12345.6`) as the spreadsheet wants it: `12345,6`. */
export const csvDecimal = (value: string): string => value.replace(".", ",");

/** Kopecks as rubles: `123456` → `1234,56`, `-500` → `-5,00` (no spaces: it stays a number). */
export function csvRubles(kopecks: number): string {
  const sign = kopecks < 0 ? "-" : "";
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/** What a «История» tab's file holds. */
export type HistoryFileKind = "pokazaniya" | "oplaty" | "scheta";

/** «oplaty-7700000001-2026-01-01-2026-11-30.csv»: the tab, the account and the period shown. */
export const historyFileName = (kind: HistoryFileKind, accountNumber: string, period: { from: string; to: string }) =>
  `${kind}-${accountNumber}-${period.from}-${period.to}.csv`;
