import { DEMO_CUSTOMER } from "@lk/demo-data";
import { monthOf } from "@lk/domain";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
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
  server.resetHandlers();
  vi.restoreAllMocks();
  mockClock.now = realNow;
});
afterAll(() => server.close());

// The generated world has readings up to last month; the journeys happen on the 20th of this month, Moscow time.
const thisMonth = monthOf(new Date());
const thisYear = Number(thisMonth.slice(0, 4));
const monthIndex = Number(thisMonth.slice(5)) - 1;
const plain = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ").trim();

/** Signed in as the demo customer, on the page of their primary (single-zone) account. */
async function openConsumption() {
  mockDb.reset();
  seedMockDb();
  const now = new Date(`${thisMonth}-20T12:00:00+03:00`);
  mockClock.now = () => now;
  const account = mockWorld().bundles[0]?.account;
  if (!account) throw new Error("no primary account in the mock world");
  await fetch(new URL("/api/auth/sign-in", window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  window.history.replaceState(null, "", `/accounts/${account.id}`);
  render(<App />);
  const card = await screen.findByRole("region", { name: "Потребление электроэнергии" });
  return { card, account };
}

/** Each body row as its cells' text: the month, then the numbers. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => plain(cell.textContent)));

const headersOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("columnheader")
    .map((h) => h.textContent);

/** jsdom's Blob has no text(); FileReader reads it as a browser would. */
const textOf = (blob: Blob | undefined) =>
  new Promise<string>((resolve, reject) => {
    if (!blob) return reject(new Error("no file was made"));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const journey = { timeout: 30_000 };

describe("«Потребление электроэнергии» (mock API)", journey, () => {
  it("shows this year as a chart with a text summary, and as a table of 12 months", async () => {
    const user = userEvent.setup();
    const { card } = await openConsumption();
    expect(await within(card).findByLabelText("Год")).toHaveValue(String(thisYear));
    expect(
      within(card)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([thisYear - 3, thisYear - 2, thisYear - 1, thisYear].map(String));
    const chart = await within(card).findByRole("img", { name: new RegExp(`^Потребление за ${thisYear} год: `) });
    expect(plain(chart.getAttribute("aria-label"))).toMatch(
      /кВт·ч за \d+ месяц(а|ев)? с показаниями; больше всего в \S+ — [\d ,]+ кВт·ч\. Нет данных за \d+ месяц/,
    );
    expect(within(card).getByRole("checkbox", { name: `Сравнить с ${thisYear - 1} годом` })).toBeChecked();

    const view = within(card).getByRole("group", { name: "Вид" });
    expect(within(view).getByRole("button", { name: "График" })).toHaveAttribute("aria-pressed", "true");
    await user.click(within(view).getByRole("button", { name: "Таблица" }));
    expect(within(view).getByRole("button", { name: "Таблица" })).toHaveAttribute("aria-pressed", "true");

    const table = within(card).getByRole("table", { name: "Потребление по месяцам, кВт·ч" });
    expect(headersOf(table)).toEqual(["Месяц", "Т1", "Всего", String(thisYear - 1)]);
    const rows = rowsOf(table);
    expect(rows).toHaveLength(12);
    expect(rows[0]?.[0]).toBe("Январь");
    expect(rows[monthIndex]?.slice(1, 3)).toEqual(["нет данных", "нет данных"]);
    for (const row of rows.slice(monthIndex + 1)) expect(row.slice(1, 3)).toEqual(["—", "—"]);
    for (const row of rows.slice(0, monthIndex)) expect(row[2]).toMatch(/^\d[\d ]*(,\d+)?$/);
    expect(table.closest("section")).toHaveAttribute("tabindex", "0");

    await user.click(within(card).getByRole("checkbox", { name: `Сравнить с ${thisYear - 1} годом` }));
    expect(headersOf(table)).toEqual(["Месяц", "Т1", "Всего"]);
  });

  it("changes the year only on «Показать», and downloads the CSV of the numbers on screen", async () => {
    const user = userEvent.setup();
    const { card, account } = await openConsumption();
    await user.click(await within(card).findByRole("button", { name: "Таблица" }));
    const table = within(card).getByRole("table", { name: "Потребление по месяцам, кВт·ч" });
    const before = rowsOf(table);

    await user.selectOptions(within(card).getByLabelText("Год"), String(thisYear - 1));
    expect(headersOf(table).at(-1)).toBe(String(thisYear - 1));
    await user.click(within(card).getByRole("button", { name: "Показать" }));
    await waitFor(() => expect(headersOf(table).at(-1)).toBe(String(thisYear - 2)));
    const after = rowsOf(table);
    expect(after).toHaveLength(12);
    expect(after).not.toEqual(before);
    // Last year's totals were the comparison column; now they are the year's own.
    expect(after.map((r) => r[2])).toEqual(before.map((r) => r[3]));
    expect(within(card).getByRole("checkbox", { name: `Сравнить с ${thisYear - 2} годом` })).toBeChecked();

    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:consumption";
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await user.click(within(card).getByRole("button", { name: "Скачать CSV" }));
    expect(names).toEqual([`potreblenie-${account.number}-${thisYear - 1}.csv`]);
    expect(blobs[0]?.type).toBe("text/csv;charset=utf-8");
    const lines =
      (await textOf(blobs[0]))
        ?.replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n") ?? [];
    expect(lines[0]).toBe(`Месяц;Т1, кВт·ч;Всего, кВт·ч;Всего за ${thisYear - 2}, кВт·ч`);
    // The file's rows are the table's, without the grouping spaces and with empty cells for no data.
    const asCsv = after.map(([name, ...cells]) =>
      [
        `${name} ${thisYear - 1}`,
        ...cells.map((c) => (c === "нет данных" || c === "—" ? "" : c.replace(/ /g, ""))),
      ].join(";"),
    );
    expect(lines.slice(1)).toEqual(asCsv);
  });

  it("counts a reading sent on the page in this month at once", async () => {
    const user = userEvent.setup();
    const { card } = await openConsumption();
    await user.click(await within(card).findByRole("button", { name: "Таблица" }));
    const table = within(card).getByRole("table", { name: "Потребление по месяцам, кВт·ч" });
    expect(rowsOf(table)[monthIndex]?.[2]).toBe("нет данных");

    const readings = screen.getByRole("region", { name: "Передать показания" });
    const meter = await within(readings).findByRole("region", { name: /^Счётчик .+, № \d+$/ });
    const last = plain(within(meter).getByText(/^Предыдущее: /).textContent).match(/^Предыдущее: ([\d ,]+) от/)?.[1];
    const previous = (last ?? "").replace(/ /g, "").replace(",", ".");
    const typed = (Number(previous) + 150).toFixed(previous.split(".")[1]?.length ?? 0).replace(".", ",");
    await user.type(within(meter).getByLabelText("Т1, кВт·ч"), typed);
    await user.click(within(meter).getByRole("button", { name: "Передать" }));
    await waitFor(() => expect(rowsOf(table)[monthIndex]?.slice(1, 3)).toEqual(["150", "150"]));
  });

  it("says when there are no readings yet, instead of an empty chart", async () => {
    server.use(
      http.get("/api/accounts/:accountId/consumption", ({ request }) => {
        const year = Number(new URL(request.url).searchParams.get("year"));
        const months = (y: number) =>
          Array.from({ length: 12 }, (_, i) => ({
            month: `${y}-${String(i + 1).padStart(2, "0")}`,
            status: "MISSING",
            zones: [],
            totalKwh: null,
          }));
        return HttpResponse.json({ year, zones: ["T1"], months: months(year), previousYear: months(year - 1) });
      }),
    );
    const { card } = await openConsumption();
    expect(
      await within(card).findByText("Показаний пока нет: график появится после первых переданных показаний."),
    ).toBeVisible();
    expect(within(card).queryByRole("button", { name: "Скачать CSV" })).not.toBeInTheDocument();
    expect(within(card).getByLabelText("Год")).toBeInTheDocument();
  });

  it("offers «Повторить» when the numbers cannot be loaded", async () => {
    let failures = 1;
    server.use(
      http.get("/api/accounts/:accountId/consumption", () => {
        if (failures-- > 0)
          return HttpResponse.json({ error: { code: "NOT_FOUND", message: "Нет." } }, { status: 404 });
      }),
    );
    const user = userEvent.setup();
    const { card } = await openConsumption();
    expect(await within(card).findByRole("alert")).toHaveTextContent(/^Не удалось загрузить данные о потреблении\./);
    await user.click(within(card).getByRole("button", { name: "Повторить" }));
    expect(await within(card).findByRole("img", { name: /^Потребление за \d{4} год: / })).toBeInTheDocument();
  });
});
