import type { Locator, Page } from "@playwright/test";
import { linkAccount } from "../support/accounts.ts";
import { isMock, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { expect, expectNoA11yViolations, test } from "../support/test.ts";

// Accounts no other journey links: a two-zone one (its plan is asked to change here) and a
// single-zone one.
const TWO_ZONE = 14;
const SINGLE_ZONE = 28;

/** «1 234,56 ₽» (maybe «≈ …») → kopecks. */
const kopecks = (text: string) => Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);

async function comparison(page: Page): Promise<Locator> {
  const card = page.getByRole("region", { name: "Потребление электроэнергии" });
  await card.scrollIntoViewIfNeeded();
  const block = card.getByRole("region", { name: "Какой тариф выгоднее" });
  await expect(block.getByRole("table")).toBeVisible();
  return block;
}

/** The table's rows: plan, cost and what it says against the current plan. */
async function rowsOf(block: Locator) {
  const rows = await block.getByRole("table").getByRole("row").all();
  const out: { plan: string; cost: number; estimate: boolean; versus: string }[] = [];
  for (const row of rows.slice(1)) {
    const plan = (await row.getByRole("rowheader").textContent()) ?? "";
    const cells = await row.getByRole("cell").allTextContents();
    out.push({
      plan,
      cost: kopecks(cells[1] ?? ""),
      estimate: (cells[1] ?? "").startsWith("≈"),
      versus: cells[2] ?? "",
    });
  }
  return out;
}

test("«Какой тариф выгоднее»: each plan's cost for the year, the estimate said as such, and «Сменить тариф» files a request", async ({
  page,
}, info) => {
  const customer = await signUp(page, info);
  await linkAccount(page, TWO_ZONE);
  const block = await comparison(page);
  await expect(block).toContainText(/12 месяцев \(\p{L}+ \d{4} – \p{L}+ \d{4}\)/u);
  const rows = await rowsOf(block);
  expect(rows.map((r) => r.plan.replace(/ оценка| нужна замена счётчика/g, "")).sort()).toEqual([
    "двухзонный (день/ночь)",
    "одноставочный",
    "трёхзонный (пик/полупик/ночь)",
  ]);
  // Cheapest first; the two-zone meter measures the single and two-zone plans exactly, the
  // three-zone one only by an assumption, which the block states.
  expect(rows.map((r) => r.cost)).toEqual([...rows.map((r) => r.cost)].sort((a, b) => a - b));
  const current = rows.find((r) => r.versus === "ваш тариф");
  expect(current?.plan).toBe("двухзонный (день/ночь)");
  const three = rows.find((r) => r.plan.startsWith("трёхзонный"));
  expect(three).toMatchObject({ estimate: true });
  expect(three?.plan).toContain("нужна замена счётчика");
  expect(rows.find((r) => r.plan === "одноставочный")?.estimate).toBe(false);
  for (const row of rows.filter((r) => r !== current)) {
    // «дешевле на X» / «дороже на X» is the difference of the two costs.
    const gap = kopecks(row.versus);
    expect(row.versus.startsWith("дешевле") ? -gap : gap).toBe(row.cost - (current?.cost ?? 0));
  }
  await expect(block).toContainText("ночью (23:00–7:00) расходуется 25 %");
  await expectNoA11yViolations(page);

  // «Сменить тариф»: the request form with the service and the plan already chosen.
  const target = rows[0]?.plan.startsWith("двухзонный") ? "трёхзонный" : (rows[0]?.plan.split(" ")[0] ?? "");
  const link = block.getByRole("link", { name: "Сменить тариф" });
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Заявка на изменение сведений" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Смена тарифа/ })).toBeChecked();
  const chosen = page.getByRole("radio", { name: new RegExp(`^${target}`, "i") });
  if (!(await chosen.isChecked())) await chosen.check();
  await expect(page.getByRole("radio", { name: /Двухзонный.*сейчас/ })).not.toBeChecked();
  if (target === "трёхзонный")
    await expect(page.getByRole("status").filter({ hasText: "понадобится замена" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Отправить заявку" }).click();
  const title = page.getByRole("heading", { level: 1, name: /^Заявка З-\d{6}$/ });
  await expect(title).toBeVisible();
  await expect(page.getByText("Смена тарифа").first()).toBeVisible();

  if (!isMock(info)) {
    const number = Number(((await title.textContent()) ?? "").replace(/\D/g, ""));
    const saved = await queryAppDatabase<{ kind: string; change: { tariffPlan: string }; previous: object }>(
      `SELECT r.kind, r.change, r.previous FROM "ServiceRequest" r JOIN "User" u ON u.id = r."userId"
        WHERE r.number = $1 AND u.email = $2`,
      [number, customer.email],
    );
    expect(saved).toEqual([
      {
        kind: "TARIFF",
        change: { kind: "TARIFF", tariffPlan: target === "трёхзонный" ? "THREE_ZONE" : "SINGLE" },
        previous: { tariffPlan: "TWO_ZONE" },
      },
    ]);
  }
});

test("a single-zone meter: the zoned plans are estimates with their assumption, and need a new meter", async ({
  page,
}, info) => {
  await signUp(page, info);
  await linkAccount(page, SINGLE_ZONE);
  const block = await comparison(page);
  const rows = await rowsOf(block);
  expect(rows.find((r) => r.versus === "ваш тариф")?.plan).toBe("одноставочный");
  for (const row of rows.filter((r) => r.plan !== "одноставочный")) {
    expect(row.estimate).toBe(true);
    expect(row.plan).toContain("нужна замена счётчика");
  }
  await expect(block).toContainText("ваш счётчик не разделяет расход по зонам суток");
});
