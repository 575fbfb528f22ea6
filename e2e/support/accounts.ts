import { DEFAULT_SEED, generateAccount, linkHintsOf } from "@lk/demo-data";
import { formatAmount } from "@lk/domain";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { isMock } from "./customers.ts";
import { OPEN_DAY } from "./dates.ts";

const SUPPLIER_NAMES: Record<string, string> = {
  mosenergosbyt: "АО «Мосэнергосбыт»",
  "tns-yaroslavl": "ПАО «ТНС энерго Ярославль»",
  petroelektrosbyt: "АО «Петроэлектросбыт»",
};

/**
 * What the customer finds on their papers for the N-th demo account: both the real app's seed and
 * the mock build the same world from the same generator, seed and month.
 */
export function papersOf(index: number) {
  const now = new Date(OPEN_DAY);
  const hints = linkHintsOf(generateAccount(index, { seed: DEFAULT_SEED, now }), now);
  return {
    ...hints,
    supplierName: SUPPLIER_NAMES[hints.supplierId] ?? hints.supplierId,
    billTotalText: hints.billTotal === null ? "" : formatAmount(Math.abs(hints.billTotal)),
  };
}

export async function openLinkDialog(page: Page, supplierName: string, accountNumber: string) {
  await page.getByRole("button", { name: "Добавить лицевой счёт" }).click();
  const dialog = page.getByRole("dialog", { name: "Добавить лицевой счёт" });
  await dialog.getByLabel("Поставщик").selectOption({ label: supplierName });
  await dialog.getByLabel("Номер лицевого счёта").fill(accountNumber);
  await dialog.getByRole("button", { name: "Подключить" }).click();
  const question = page.getByRole("dialog", { name: "Ответьте на контрольный вопрос" });
  await expect(question).toBeVisible();
  return question;
}

/** Links an account through the dialog with the bill-total answer. */
export async function linkAccount(page: Page, index: number) {
  const papers = papersOf(index);
  const dialog = await openLinkDialog(page, papers.supplierName, papers.accountNumber);
  await dialog.getByLabel("Контрольный вопрос").selectOption("BILL_TOTAL");
  await dialog.getByLabel("Ответ").fill(papers.billTotalText);
  await dialog.getByRole("button", { name: "Подтвердить" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Лицевой счёт № ${papers.accountNumber} успешно подключён` }),
  ).toBeVisible();
  return papers;
}

export const sidebar = (page: Page) => page.getByRole("complementary", { name: "Лицевые счета" });

export type { TestInfo };
export { isMock };
