import { DEMO_CUSTOMER } from "@lk/demo-data";
import { formatMilli, monthOf, monthStart } from "@lk/domain";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../testing/mocks/handlers/index.ts";
import { mockClock } from "../testing/mocks/mock-clock.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { mockWorld } from "../testing/mocks/mock-world.ts";
import { seedMockDb } from "../testing/mocks/seed.ts";
import { App } from "./App.tsx";

const server = setupServer(...handlers);
const realNow = mockClock.now;
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  mockClock.now = realNow;
});
afterAll(() => server.close());

// The generated world has readings up to last month; the journeys happen in this month, Moscow time.
const thisMonth = monthOf(new Date());
const MSK = (day: number, time = "12:00") => new Date(`${thisMonth}-${String(day).padStart(2, "0")}T${time}:00+03:00`);
const ru = (isoDate: string) => isoDate.split("-").reverse().join(".");

/** The demo customer's primary account (single-zone), its meter and the meter's last reading. */
function primary() {
  const bundle = mockWorld().bundles[0];
  const meter = bundle?.meters[0];
  if (!bundle || !meter) throw new Error("no primary account in the mock world");
  const last = bundle.readings.filter((r) => r.meterId === meter.id).sort((a, b) => +b.takenAt - +a.takenAt)[0];
  const previous = last?.values.T1 ?? 0;
  /** The last reading plus `kwh`, typed as a customer types it (decimal comma). */
  const typed = (kwh: number) => formatMilli(previous + kwh * 1000, meter.decimalPlaces).replace(".", ",");
  return { bundle, meter, typed };
}

/** Signed in as the demo customer, at `now` (Moscow), on the page of the world's account `index` (linked directly). */
async function openAccount(now: Date, index = 0) {
  mockDb.reset();
  seedMockDb();
  mockClock.now = () => now;
  const account = mockWorld().bundles[index]?.account;
  if (!account) throw new Error(`no account ${index} in the mock world`);
  if (index !== 0) {
    const userId = mockDb.state.users[0]?.id ?? "";
    mockDb.state.accountLinks.push({ userId, accountId: account.id, isPrimary: false, linkedAt: now.toISOString() });
  }
  await fetch(new URL("/api/auth/sign-in", window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  window.history.replaceState(null, "", `/accounts/${account.id}`);
  render(<App />);
  await screen.findByRole("heading", { level: 1, name: /^Лицевой счёт №/ });
  const card = screen.getByRole("region", { name: "Передать показания" });
  const meterBlock = await within(card).findByRole("region", { name: /^Счётчик .+, № \d+$/ });
  // The form's code comes after the page's first screen.
  await waitFor(() => expect(within(meterBlock).queryByText("Загружаем форму показаний…")).toBeNull());
  return { card, meterBlock, field: within(meterBlock).queryByLabelText("Т1, кВт·ч") as HTMLInputElement };
}

// Several journeys with a generated world, on a machine running other test files at the same time.
const journey = { timeout: 20_000 };
const plain = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("«Передать показания» (mock API)", journey, () => {
  it("inside the window: shows the estimate while typing, sends, confirms and empties the field", async () => {
    const user = userEvent.setup();
    const { typed } = primary();
    const { card, meterBlock, field } = await openAccount(MSK(20));
    expect(
      within(card).getByText(`Приём показаний открыт до ${ru(`${thisMonth}-26`)} (осталось дней: 7)`),
    ).toBeVisible();
    expect(within(meterBlock).getByText(/^Предыдущее: [\d\s]+(,\d+)? от \d{2}\.\d{2}\.\d{4}$/)).toBeInTheDocument();
    expect(field).toHaveAttribute("inputmode", "decimal");

    await user.type(field, typed(150));
    expect(within(meterBlock).getByText("Расход: 150 кВт·ч")).toBeInTheDocument();
    expect(plain(within(meterBlock).getByText(/^Примерная стоимость:/).textContent)).toMatch(
      /^Примерная стоимость: \d[\d ]*,\d\d ₽$/,
    );

    await user.click(within(meterBlock).getByRole("button", { name: "Передать" }));
    const status = await within(meterBlock).findByText(/^Показания переданы:/);
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(plain(status.textContent)).toMatch(
      /^Показания переданы: Т1: [\d ,]+\. Расход 150 кВт·ч, примерно [\d ]+,\d\d ₽\.$/,
    );
    expect(field).toHaveValue("");
    expect(await within(meterBlock).findByText(/^В этом месяце вы уже передали: Т1: /)).toHaveTextContent(
      "Новые показания заменят прежние.",
    );

    const history = await screen.findByRole("region", { name: "История" });
    const table = await within(history).findByRole("table", { name: "Показания за период" });
    const firstRow = within(table).getAllByRole("row")[1];
    expect(firstRow).toHaveTextContent("Переданы вами");
    expect(firstRow).toHaveTextContent("Учтены");
  });

  it("names a value below the last one on the field, keeping what was typed", async () => {
    const user = userEvent.setup();
    const { typed } = primary();
    const { meterBlock, field } = await openAccount(MSK(20));
    await user.type(field, typed(-10));
    await user.click(within(meterBlock).getByRole("button", { name: "Передать" }));
    expect(
      await within(meterBlock).findByText(/^Показание меньше предыдущего \(.+\)\. Проверьте цифры\.$/),
    ).toBeVisible();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveValue(typed(-10));
    expect(mockDb.state.readings).toEqual([]);
  });

  it("asks to confirm a big jump: «Исправить» goes back to the field, «Подтвердить и передать» sends it once", async () => {
    const user = userEvent.setup();
    const { typed } = primary();
    const { meterBlock, field } = await openAccount(MSK(20));
    await user.type(field, typed(5000));
    await user.click(within(meterBlock).getByRole("button", { name: "Передать" }));

    const dialog = await screen.findByRole("dialog", { name: "Подтвердите показания" });
    expect(within(dialog).getByText(/более чем втрое выше обычного/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Исправить" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveValue(typed(5000));

    await user.click(within(meterBlock).getByRole("button", { name: "Передать" }));
    const again = await screen.findByRole("dialog", { name: "Подтвердите показания" });
    await user.click(within(again).getByRole("button", { name: "Подтвердить и передать" }));
    expect(await within(meterBlock).findByText(/^Показания переданы:.+Расход 5[\s\u00a0]?000 кВт·ч/)).toBeVisible();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(mockDb.state.readings).toHaveLength(1);
    // Far above last year's same month: «Необычный расход», said here once, and a letter.
    expect(
      within(meterBlock).getByText(/^Необычный расход: за .+ — 5[\s\u00a0]?000 кВт·ч, в [\d,]+ раза больше/),
    ).toBeVisible();
    expect(mockDb.state.outbox.filter((m) => m.kind === "UNUSUAL_USE")).toHaveLength(1);
  });

  it("outside the window: the dates of the next one, and a read-only form", async () => {
    const { card, meterBlock, field } = await openAccount(MSK(27, "00:00"));
    const next = monthOf(monthStart(thisMonth, undefined, 1));
    expect(
      within(card).getByText(
        `Показания принимаются с 15 по 26 число. Следующий период: ${ru(`${next}-15`)} – ${ru(`${next}-26`)}`,
      ),
    ).toBeVisible();
    expect(field).toHaveAttribute("readonly");
    expect(within(meterBlock).getByRole("button", { name: "Передать" })).toBeDisabled();
  });
});

describe("meters that take no readings (mock API)", journey, () => {
  it.each([
    [3, "info", "status", /АСКУЭ: показания передаются автоматически/],
    [4, "error", "alert", /Прибор учёта неисправен.+Обратитесь к поставщику/],
  ])("account %i: an %s notice instead of the form", async (index, _tone, role, message) => {
    const { meterBlock, field } = await openAccount(MSK(20), index);
    expect(within(meterBlock).getByRole(role)).toHaveTextContent(message);
    expect(field).toBeNull();
    expect(within(meterBlock).queryByRole("button", { name: "Передать" })).not.toBeInTheDocument();
  });
});

describe("«История» → «Показания» (mock API)", journey, () => {
  it("lists a year of readings with their sources, and names a period that ends before it starts", async () => {
    const user = userEvent.setup();
    await openAccount(MSK(20));
    const history = await screen.findByRole("region", { name: "История" });
    const tabs = within(history).getByRole("tablist", { name: "История" });
    expect(
      within(tabs)
        .getAllByRole("tab")
        .map((t) => t.textContent),
    ).toEqual(["Показания", "Оплаты", "Счета"]);
    expect(within(tabs).getByRole("tab", { name: "Показания" })).toHaveAttribute("aria-selected", "true");

    const table = await within(history).findByRole("table", { name: "Показания за период" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Дата", "Счётчик", "Показания", "Источник", "Статус"]);
    expect(within(table).getAllByRole("row").length).toBeGreaterThan(12);
    expect(within(history).getByLabelText("С")).toHaveValue(`${monthOf(monthStart(thisMonth, undefined, -12))}-01`);
    expect(within(history).getByLabelText("По")).toHaveValue(`${thisMonth}-20`);
    expect(within(history).getByRole("button", { name: "Год" })).toHaveAttribute("aria-pressed", "true");

    await user.click(within(history).getByRole("button", { name: "Этот месяц" }));
    expect(await within(history).findByText("За выбранный период показаний нет.")).toBeVisible();

    fireEvent.change(within(history).getByLabelText("С"), { target: { value: `${thisMonth}-10` } });
    fireEvent.change(within(history).getByLabelText("По"), { target: { value: `${thisMonth}-01` } });
    await user.click(within(history).getByRole("button", { name: "Показать" }));
    expect(await within(history).findByText("Дата «по» раньше даты «с».")).toBeVisible();
    expect(within(history).getByLabelText("По")).toHaveAttribute("aria-invalid", "true");

    await user.click(within(tabs).getByRole("tab", { name: "Оплаты" }));
    const payments = within(history).getByRole("tabpanel", { name: "Оплаты" });
    expect(await within(payments).findByRole("table", { name: "Оплаты за период" })).toBeVisible();
  });
});
