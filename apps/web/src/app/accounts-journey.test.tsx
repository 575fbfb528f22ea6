import { DEMO_CUSTOMER, DEMO_LINKABLE_ACCOUNTS, linkHintsOf } from "@lk/demo-data";
import { formatAmount, formatMoscowDateTime } from "@lk/domain";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../testing/mocks/handlers/index.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { mockWorld } from "../testing/mocks/mock-world.ts";
import { seedMockDb } from "../testing/mocks/seed.ts";
import { App } from "./App.tsx";

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(cleanup);
afterAll(() => server.close());

/**
 * Signed in as the demo customer (the refresh "cookie" set), on `path` (the main page by default);
 * `prepare` changes the seeded state first.
 */
async function openCabinet(path = "/", prepare: () => void = () => undefined) {
  mockDb.reset();
  seedMockDb();
  prepare();
  mockDb.save();
  await fetch(new URL("/api/auth/sign-in", window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  window.history.replaceState(null, "", path);
  render(<App />);
  return screen.findByRole("heading", { level: 1, name: /^Лицевой счёт/ });
}

const sidebar = () => screen.getByRole("complementary", { name: "Лицевые счета" });

function linkableHints() {
  const bundle = mockWorld().bundles[DEMO_LINKABLE_ACCOUNTS[0]];
  if (!bundle) throw new Error("no linkable account");
  return { bundle, hints: linkHintsOf(bundle, new Date()) };
}

/** «Добавить лицевой счёт» → the supplier and number of `hints` → «Подключить»; the dialog. */
async function startLinking(
  user: ReturnType<typeof userEvent.setup>,
  hints: { supplierId: string; accountNumber: string },
) {
  await user.click(screen.getByRole("button", { name: "Добавить лицевой счёт" }));
  const start = await screen.findByRole("dialog", { name: "Добавить лицевой счёт" });
  await user.selectOptions(await within(start).findByLabelText("Поставщик"), hints.supplierId);
  await user.type(within(start).getByLabelText("Номер лицевого счёта"), hints.accountNumber);
  await user.click(within(start).getByRole("button", { name: "Подключить" }));
  return start;
}

describe("personal accounts in the cabinet (mock API)", () => {
  beforeEach(() => window.localStorage.clear());

  it("opens the primary account's page, with its balance, bill and meters", async () => {
    const first = mockWorld().bundles[0]?.account;
    const heading = await openCabinet();
    expect(heading).toHaveTextContent(`Лицевой счёт № ${first?.number}`);
    expect(window.location.pathname).toBe(`/accounts/${first?.id}`);
    const link = within(sidebar()).getByRole("link", { name: new RegExp(`№ ${first?.number}`) });
    expect(link).toHaveAttribute("aria-current", "page");
    expect(link).toHaveTextContent("основной");
    expect(screen.getByRole("heading", { name: /^Последний счёт за/ })).toBeInTheDocument();
    const meters = screen.getByRole("region", { name: "Приборы учёта" });
    expect(within(meters).getByRole("heading", { name: /^Счётчик .+, № / })).toBeInTheDocument();
    expect(screen.getByText(/^Поверка до \d{2}\.\d{2}\.\d{4}/)).toBeInTheDocument();
  });

  it("links an account by the control question, after a wrong answer, and removes it again", async () => {
    const user = userEvent.setup();
    const bundle = mockWorld().bundles[DEMO_LINKABLE_ACCOUNTS[0]];
    if (!bundle) throw new Error("no linkable account");
    const hints = linkHintsOf(bundle, new Date());
    await openCabinet();

    await user.click(screen.getByRole("button", { name: "Добавить лицевой счёт" }));
    const start = await screen.findByRole("dialog", { name: "Добавить лицевой счёт" });
    const supplier = await within(start).findByLabelText("Поставщик");
    await waitFor(() => expect(supplier).toHaveFocus());
    await user.selectOptions(supplier, hints.supplierId);
    expect(within(start).getByText("10 цифр, например 7700000000")).toBeInTheDocument();
    await user.type(within(start).getByLabelText("Номер лицевого счёта"), "123");
    await user.click(within(start).getByRole("button", { name: "Подключить" }));
    expect(await within(start).findByText(/10 цифр, например 7700000000\./)).toBeInTheDocument();
    await user.clear(within(start).getByLabelText("Номер лицевого счёта"));
    await user.type(within(start).getByLabelText("Номер лицевого счёта"), hints.accountNumber);
    await user.click(within(start).getByRole("button", { name: "Подключить" }));

    const confirm = await screen.findByRole("dialog", { name: "Ответьте на контрольный вопрос" });
    expect(within(confirm).getByText("Осталось попыток: 5")).toBeInTheDocument();
    await user.type(within(confirm).getByLabelText("Ответ"), "1,00");
    await user.click(within(confirm).getByRole("button", { name: "Подтвердить" }));
    expect(await within(confirm).findByRole("alert")).toHaveTextContent("Ответ неверный. Осталось попыток: 4.");
    expect(within(confirm).getByLabelText("Ответ")).toHaveValue("1,00");

    await user.clear(within(confirm).getByLabelText("Ответ"));
    await user.type(within(confirm).getByLabelText("Ответ"), formatAmount(hints.billTotal ?? 0));
    await user.click(within(confirm).getByRole("button", { name: "Подтвердить" }));
    expect(
      await within(sidebar()).findByText(`Лицевой счёт № ${hints.accountNumber} успешно подключён`),
    ).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe(`/accounts/${bundle.account.id}`));
    // The router renders the new page in a transition: the old heading may still be there for a moment.
    expect(
      await screen.findByRole("heading", { level: 1, name: `Лицевой счёт № ${hints.accountNumber}` }),
    ).toBeInTheDocument();

    const actions = within(sidebar()).getByRole("button", { name: `Действия со счётом № ${hints.accountNumber}` });
    await user.click(actions);
    const menu = screen.getByRole("menu");
    expect(within(menu).getByRole("menuitem", { name: "Сделать основным" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Переименовать" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Удалить" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(actions).toHaveFocus();

    // «Переименовать»: the name leads the sidebar entry and the page's title; the number stays.
    await user.click(actions);
    await user.click(screen.getByRole("menuitem", { name: "Переименовать" }));
    const naming = await screen.findByRole("dialog", { name: "Название лицевого счёта" });
    await user.type(within(naming).getByLabelText("Название"), "Дача{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Дача" })).toBeInTheDocument();
    expect(within(sidebar()).getByRole("link", { name: new RegExp(`Дача.*№ ${hints.accountNumber}`) })).toBeVisible();
    expect(document.title).toBe("Дача — Личный кабинет");
    await user.click(actions);
    await user.click(screen.getByRole("menuitem", { name: "Удалить" }));
    const ask = await screen.findByRole("dialog", { name: "Удалить лицевой счёт?" });
    await user.click(within(ask).getByRole("button", { name: "Удалить" }));
    await waitFor(() =>
      expect(within(sidebar()).queryByRole("link", { name: new RegExp(hints.accountNumber) })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(window.location.pathname).toBe(`/accounts/${mockWorld().bundles[0]?.account.id}`));
  });

  it("asks to confirm a contact first, with the way to the profile", async () => {
    const user = userEvent.setup();
    const { hints } = linkableHints();
    await openCabinet("/", () => {
      const demo = mockDb.state.users[0];
      if (demo) Object.assign(demo, { emailConfirmed: false, phoneConfirmed: false });
    });
    const dialog = await startLinking(user, hints);
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent(
      "Чтобы подключать лицевые счета, подтвердите в профиле адрес электронной почты или номер телефона.",
    );
    const toProfile = within(alert).getByRole("link", { name: "Перейти в профиль" });
    expect(toProfile).toHaveAttribute("href", "/profile");
    // What was typed stays, should the customer come back without leaving.
    expect(within(dialog).getByLabelText("Номер лицевого счёта")).toHaveValue(hints.accountNumber);

    toProfile.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Профиль" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(mockDb.state.linkAttempts).toEqual([]);
  });

  it("says linking the account is paused for everyone after too many wrong answers, and until when", async () => {
    const user = userEvent.setup();
    const { hints } = linkableHints();
    const at = new Date(Date.now() - 60_000);
    await openCabinet("/", () => {
      // Nine wrong answers from other customers today: one is left for everyone.
      for (let i = 0; i < 9; i++) {
        mockDb.state.linkAttempts.push({
          userId: `00000000-0000-4000-8000-0000000001${i}0`,
          supplierId: hints.supplierId,
          accountNumber: hints.accountNumber,
          at: at.toISOString(),
          success: false,
        });
      }
    });
    await startLinking(user, hints);
    const confirm = await screen.findByRole("dialog", { name: "Ответьте на контрольный вопрос" });
    expect(within(confirm).getByText("Осталось попыток: 1")).toBeInTheDocument();
    await user.type(within(confirm).getByLabelText("Ответ"), "1,00");
    await user.click(within(confirm).getByRole("button", { name: "Подтвердить" }));
    expect(await within(confirm).findByRole("alert")).toHaveTextContent(
      `Подключение этого лицевого счёта временно приостановлено: по нему было слишком много неверных ответов на контрольный вопрос. Повторите после ${formatMoscowDateTime(new Date(at.getTime() + 24 * 3600_000))}.`,
    );
    expect(within(confirm).getByRole("button", { name: "Подтвердить" })).toBeDisabled();
    expect(within(confirm).getByText("Осталось попыток: 0")).toBeInTheDocument();
  });

  it("says an account that is not the customer's is not found, with a way back", async () => {
    const stranger = mockWorld().bundles[5]?.account.id;
    const heading = await openCabinet(`/accounts/${stranger}`);
    expect(heading).toHaveTextContent("Лицевой счёт не найден");
    expect(screen.getByRole("link", { name: "На главную" })).toHaveAttribute("href", "/");
  });
});
