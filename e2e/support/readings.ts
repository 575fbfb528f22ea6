import { expect, type Locator, type Page } from "@playwright/test";

export const readingsCard = (page: Page) => page.getByRole("region", { name: "Передать показания" });

/** The form of the account's first meter inside «Передать показания». */
export function meterForm(page: Page): Locator {
  return readingsCard(page)
    .getByRole("region", { name: /^Счётчик / })
    .first();
}

/** «Предыдущее: 33 538,5 от 24.10.2026» → 33538.5; remembers the meter's decimals for `typed`. */
export async function previousValue(form: Locator): Promise<number> {
  const hint = form.getByText(/^Предыдущее: /).first();
  await expect(hint).toBeVisible();
  const text = (await hint.textContent()) ?? "";
  const number = /Предыдущее:\s*([\d\s\u00a0\u202f]+(?:,\d+)?)/.exec(text)?.[1] ?? "";
  decimals = number.split(",")[1]?.length ?? 0;
  return Number(number.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
}

// The decimals of the last meter read by previousValue: typed values keep them.
let decimals = 1;

/** A value typed the Russian way, with the meter's decimals kept. */
export function typed(value: number): string {
  return value.toFixed(decimals).replace(".", ",");
}
