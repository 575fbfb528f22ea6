import { MONTH_NAMES } from "@lk/domain";
import { linkAccount } from "../support/accounts.ts";
import { signUp } from "../support/customers.ts";
import { OPEN_DAY } from "../support/dates.ts";
import { meterForm, previousValue, typed } from "../support/readings.ts";
import { expect, expectNoA11yViolations, test } from "../support/test.ts";

const MONTHS = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
const year = Number(OPEN_DAY.slice(0, 4));
const month = Number(OPEN_DAY.slice(5, 7)); // the journeys' current month, 1–12
const kwh = (text: string | null) => Number((text ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));

test("the consumption chart shows 12 months; another year by «Показать»; the table has the same numbers", async ({
  page,
}, info) => {
  await signUp(page, info);
  await linkAccount(page, 2);
  const card = page.getByRole("region", { name: "Потребление электроэнергии" });
  const chart = card.getByRole("img", { name: new RegExp(`^Потребление за ${year} год`) });
  // The chart is drawn when the customer scrolls near it, not with the page.
  await expect(card.getByRole("status").filter({ hasText: "Загружаем график" })).toBeAttached();
  await expect(chart).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();
  for (const month of MONTHS) await expect(chart.getByText(month, { exact: true })).toBeVisible();

  // The chart's text alternative and the table agree.
  const label = (await chart.getAttribute("aria-label")) ?? "";
  const chartTotal = kwh(/всего ([\d\s\u00a0\u202f,]+) кВт·ч/.exec(label)?.[1] ?? "");
  await card.getByRole("button", { name: "Таблица" }).click();
  const table = card.getByRole("table", { name: "Потребление по месяцам, кВт·ч" });
  await expect(table.getByRole("row")).toHaveCount(13);
  await expectNoA11yViolations(page);
  const totals = async () => {
    const rows = await table.getByRole("row").all();
    const header = await rows[0]?.getByRole("columnheader").allTextContents();
    const column = header?.indexOf("Всего") ?? -1;
    const values = [];
    for (const row of rows.slice(1)) values.push((await row.getByRole("cell").allTextContents())[column - 1] ?? "");
    return values;
  };
  const thisYear = await totals();
  const sum = thisYear.filter((v) => /\d/.test(v)).reduce((s, v) => s + kwh(v), 0);
  expect(Math.abs(sum - chartTotal)).toBeLessThan(1);
  // The months still ahead have no figures yet (none in December).
  expect(thisYear.slice(month)).toEqual(MONTHS.slice(month).map(() => "—"));

  await card.getByLabel("Год", { exact: true }).selectOption(String(year - 1));
  // Nothing changes until «Показать», as on the supplier's portal.
  await expect(card.getByText(`Показан ${year} год`)).toBeVisible();
  await card.getByRole("button", { name: "Показать" }).click();
  await expect(card.getByText(`Показан ${year - 1} год`)).toBeVisible();
  await expect.poll(totals).not.toEqual(thisYear);
  const lastYear = await totals();
  expect(lastYear.every((v) => /\d/.test(v))).toBe(true); // a full year of readings
  await card.getByRole("button", { name: "График" }).click();
  await expect(card.getByRole("img", { name: new RegExp(`^Потребление за ${year - 1} год`) })).toBeVisible();
});

test("«Этот месяц»: the use since the last bill and the month's range, counted again when a reading is sent", async ({
  page,
}, info) => {
  await signUp(page, info);
  await linkAccount(page, 36);
  const monthName = MONTH_NAMES[month - 1] ?? "";
  const n = "[\\d\\s\\u00a0\\u202f]+";
  const rub = `${n},\\d\\d[\\s\\u00a0\\u202f]₽`;
  const thisMonth = page.getByRole("region", { name: "Этот месяц" });
  await thisMonth.scrollIntoViewIfNeeded();
  // The latest reading closed the last bill's month: nothing since, a forecast from last year.
  await expect(thisMonth).toContainText("После последнего счёта показаний ещё не было");
  await expect(thisMonth).toContainText(
    new RegExp(`Прогноз на ${monthName}: ${n} кВт·ч – ${n} кВт·ч, примерно ${rub} – ${rub}\\.`),
  );
  await expect(thisMonth).toContainText("По тому же месяцу прошлого года; точная сумма будет в счёте.");
  await expectNoA11yViolations(page);

  const form = meterForm(page);
  const previous = await previousValue(form);
  await form.getByLabel("Т1, кВт·ч").fill(typed(previous + 150));
  await form.getByRole("button", { name: "Передать" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Показания переданы" })).toBeVisible();
  // At once, without a reload: the reading counts from the bill's one, and the pace joins the forecast.
  await expect(thisMonth).toContainText(
    new RegExp(
      `С последнего счёта \\(показания с \\d\\d\\.\\d\\d\\.\\d{4} по 20\\.\\d\\d\\.\\d{4}\\): 150 кВт·ч, примерно ${rub}`,
    ),
  );
  await expect(thisMonth).toContainText(
    "По вашему среднему расходу с последнего счёта и тому же месяцу прошлого года; точная сумма будет в счёте.",
  );
});
