import { readFileSync } from "node:fs";
import { linkAccount } from "../support/accounts.ts";
import { signUp } from "../support/customers.ts";
import { expect, test } from "../support/test.ts";

const digits = (text: string | null) => (text ?? "").replace(/[\s\u00a0\u202f₽]/g, "");

test("each «История» tab downloads what it shows as CSV, in the consumption file's format", async ({ page }, info) => {
  await signUp(page, info);
  const papers = await linkAccount(page, 2);
  const history = page.getByRole("region", { name: "История" });
  await history.scrollIntoViewIfNeeded();

  /** Opens a tab, saves its file: the name, the lines (without the BOM) and the table's rows. */
  const save = async (tab: string) => {
    await history.getByRole("tab", { name: tab }).click();
    const panel = history.getByRole("tabpanel", { name: tab });
    const table = panel.getByRole("table");
    await expect(table).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Скачать CSV" }).click(),
    ]);
    const text = readFileSync(await download.path(), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = await table.getByRole("row").all();
    const firstCells = await rows[1]?.getByRole("cell").allTextContents();
    return { name: download.suggestedFilename(), lines: text.slice(1).trimEnd().split("\r\n"), rows, firstCells };
  };
  const named = (kind: string) =>
    new RegExp(`^${kind}-${papers.accountNumber}-\\d{4}-\\d{2}-01-\\d{4}-\\d{2}-\\d{2}\\.csv$`);

  const readings = await save("Показания");
  expect(readings.name).toMatch(named("pokazaniya"));
  expect(readings.lines[0]).toMatch(/^Дата;Счётчик;Т1, кВт·ч(;Т2, кВт·ч)?(;Т3, кВт·ч)?;Источник;Статус$/);
  expect(readings.lines).toHaveLength(readings.rows.length);
  expect(readings.lines[1]?.split(";")[0]).toBe(readings.firstCells?.[0]);

  const payments = await save("Оплаты");
  expect(payments.name).toMatch(named("oplaty"));
  expect(payments.lines[0]).toBe("Дата;Сумма, ₽;Статус;Причина отказа;Способ");
  expect(payments.lines).toHaveLength(payments.rows.length);
  const [date, sum] = payments.lines[1]?.split(";") ?? [];
  expect([date, sum]).toEqual([payments.firstCells?.[0], digits(payments.firstCells?.[1] ?? null)]);

  const bills = await save("Счета");
  expect(bills.name).toMatch(named("scheta"));
  expect(bills.lines[0]).toBe("Период;Выставлен;Входящий остаток, ₽;Начислено, ₽;Итого по счёту, ₽;Оплатить до");
  expect(bills.lines).toHaveLength(bills.rows.length);
  expect(bills.lines[1]?.split(";")[0]).toBe(bills.firstCells?.[0]);
});
