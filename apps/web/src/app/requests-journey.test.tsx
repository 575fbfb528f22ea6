import { buildPath, routes } from "@lk/contract";
import { DEMO_CUSTOMER, DEMO_OPERATOR } from "@lk/demo-data";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpMockApiServer } from "../testing/mocks/handlers/mock-api-server.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { mockWorld } from "../testing/mocks/mock-world.ts";
import { App } from "./App.tsx";

// Stored settings (the mock's date) go first; then the mock API with a freshly seeded state.
beforeEach(() => window.localStorage.clear());
setUpMockApiServer();
afterEach(() => cleanup());

const account = () => {
  const bundle = mockWorld().bundles[0];
  if (!bundle) throw new Error("no primary account in the mock world");
  return bundle.account;
};
const pdf = (name = "vypiska.pdf") =>
  new File(["%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"], name, {
    type: "application/pdf",
  });

/** Signs in (the mock keeps the refresh "cookie") and opens the app at `path`. */
async function openAs(login: string, password: string, path: string) {
  const res = await fetch(new URL(routes.auth.signIn.path, window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  window.history.replaceState(null, "", path);
  render(<App />);
  return (await res.json()) as { accessToken: string };
}

/** «Реквизиты ЛС» → «Изменить» → «Изменение количества проживающих», one more resident typed. */
async function startResidentsRequest() {
  const user = userEvent.setup();
  await openAs(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password, `/accounts/${account().id}`);
  const requisites = await screen.findByRole("region", { name: "Реквизиты ЛС" });
  expect(within(requisites).getByText("Общая информация")).toBeVisible();
  expect(await within(requisites).findByText("Заявок пока нет.")).toBeVisible();
  await user.click(within(requisites).getByRole("link", { name: "Изменить" }));
  await screen.findByRole("heading", { level: 1, name: "Заявка на изменение сведений" });
  await user.click(screen.getByRole("radio", { name: /Изменение количества проживающих/ }));
  const residents = screen.getByLabelText("Количество проживающих");
  expect(residents).toHaveAccessibleDescription(`Сейчас: ${account().residents}`);
  await user.type(residents, String(account().residents + 1));
  const register = screen.getByLabelText(/^Выписка из домовой книги или единый жилищный документ \(обязательно\)/);
  expect(register).toHaveAttribute("accept", ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png");
  return { user, residents, register };
}

const journey = { timeout: 30_000 };

describe("«Изменить» and the operator (mock API)", journey, () => {
  it("files a residents request with a PDF, sees it «подана», and finds it in «Мои заявки»", async () => {
    const { user, register } = await startResidentsRequest();
    await user.upload(register, pdf());
    expect(screen.getByText(/^vypiska\.pdf · /)).toBeVisible();
    await user.type(screen.getByLabelText("Комментарий"), "Родился сын.");
    await user.click(screen.getByRole("button", { name: "Отправить заявку" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Заявка З-000001" })).toBeVisible();
    expect(screen.getByText(/^Заявка З-000001 подана\./).closest('[role="status"]')).not.toBeNull();
    const change = screen.getByRole("table", { name: "Изменение количества проживающих" });
    const row = within(change).getByRole("row", { name: /Количество проживающих/ });
    expect(row).toHaveTextContent(`Количество проживающих${account().residents}${account().residents + 1}`);
    expect(screen.getByRole("button", { name: "Скачать vypiska.pdf" })).toBeVisible();
    expect(screen.getByText("Родился сын.")).toBeVisible();

    await user.click(screen.getByRole("link", { name: "← К лицевому счёту" }));
    const requisites = await screen.findByRole("region", { name: "Реквизиты ЛС" });
    const mine = await within(requisites).findByRole("list", { name: "Мои заявки" });
    expect(within(mine).getByRole("link", { name: "Заявка З-000001" })).toBeVisible();
    expect(mine).toHaveTextContent(/Изменение количества проживающихподана/);
    // Only a decision changes the account.
    expect(within(requisites).getByText(`${account().residents} чел.`)).toBeVisible();
  });

  it("refuses a text file named .pdf on its field; the typed number and the files stay, the right file goes", async () => {
    const { user, residents, register } = await startResidentsRequest();
    await user.upload(register, new File(["Просто текст, а не документ."], "spravka.pdf", { type: "application/pdf" }));
    await user.click(screen.getByRole("button", { name: "Отправить заявку" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Заявка не отправлена. Исправьте отмеченное ниже.");
    await waitFor(() =>
      expect(register).toHaveAccessibleDescription(
        /^Файл «spravka\.pdf» не является документом PDF или изображением JPEG или PNG/,
      ),
    );
    expect(register).toHaveFocus();
    expect(residents).toHaveValue(String(account().residents + 1));
    expect(mockDb.state.serviceRequests).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Убрать файл spravka.pdf" }));
    await user.upload(register, pdf());
    await user.click(screen.getByRole("button", { name: "Отправить заявку" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Заявка З-000001" })).toBeVisible();
  });

  it("checks before sending: the required document, an empty file, the same number as now", async () => {
    const { user, residents, register } = await startResidentsRequest();
    await user.upload(register, new File([], "pusto.pdf", { type: "application/pdf" }));
    expect(register).toHaveAccessibleDescription(/^Файл «pusto\.pdf» пустой\./);
    await user.clear(residents);
    await user.type(residents, String(account().residents));
    await user.click(screen.getByRole("button", { name: "Отправить заявку" }));
    expect(residents).toHaveAccessibleDescription(/^Совпадает с текущим значением: менять нечего\./);
    expect(register).toHaveAccessibleDescription(/^Приложите этот документ\./);
    expect(residents).toHaveFocus();
  });

  it("the operator lands on the queue, takes the request, approves it, and the account changes", async () => {
    const bundle = mockWorld().bundles[0];
    if (!bundle) throw new Error("no account");
    const before = bundle.account.residents;
    const customer = await openAs(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password, "/sign-in");
    const form = new FormData();
    form.append("request", JSON.stringify({ change: { kind: "RESIDENTS", residents: before + 1 } }));
    form.append("register", pdf());
    const filed = await fetch(
      new URL(buildPath(routes.requests.create.path, { accountId: bundle.account.id }), window.location.origin),
      { method: "POST", headers: { authorization: `Bearer ${customer.accessToken}` }, body: form },
    );
    expect(filed.status).toBe(201);
    cleanup();

    const user = userEvent.setup();
    await openAs(DEMO_OPERATOR.email, DEMO_OPERATOR.password, "/");
    await screen.findByRole("heading", { level: 1, name: "Заявки клиентов" });
    expect(window.location.pathname).toBe("/operator");
    expect(screen.getByRole("complementary", { name: "Разделы оператора" })).toBeVisible();
    const queue = await screen.findByRole("table", { name: /Открытые/ });
    const row = within(queue).getByRole("row", { name: /З-000001/ });
    expect(row).toHaveTextContent(DEMO_CUSTOMER.fullName);
    await user.click(within(row).getByRole("link", { name: "З-000001" }));

    await screen.findByRole("heading", { level: 1, name: "Заявка З-000001" });
    expect(screen.getByText(new RegExp(DEMO_CUSTOMER.email))).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Взять на рассмотрение" }));
    expect(await screen.findByText("Заявка взята на рассмотрение.")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Взять на рассмотрение" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Выполнить" }));
    const dialog = await screen.findByRole("dialog", { name: "Выполнить заявку З-000001?" });
    expect(dialog).toHaveTextContent(`На лицевом счёте № ${bundle.account.number} изменится:`);
    expect(dialog).toHaveTextContent(`Количество проживающих: ${before} → ${before + 1}`);
    await user.click(within(dialog).getByRole("button", { name: "Выполнить" }));

    expect(await screen.findByText(/Заявка З-000001 выполнена: сведения лицевого счёта изменены\./)).toBeVisible();
    expect(screen.getAllByText("выполнена").length).toBeGreaterThan(0);
    expect(mockDb.state.accountChanges[bundle.account.id]).toEqual({ residents: before + 1 });

    await user.click(screen.getByRole("link", { name: "← К очереди заявок" }));
    expect(await screen.findByText("Заявок нет: все рассмотрены.")).toBeVisible();
  });

  it("rejects with a comment, required, in a dialog", async () => {
    const customer = await openAs(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password, "/sign-in");
    const form = new FormData();
    form.append("request", JSON.stringify({ change: { kind: "ROOMS", rooms: account().rooms + 1 } }));
    form.append("plan", pdf("plan.pdf"));
    const filed = await fetch(
      new URL(buildPath(routes.requests.create.path, { accountId: account().id }), window.location.origin),
      { method: "POST", headers: { authorization: `Bearer ${customer.accessToken}` }, body: form },
    );
    const { id } = (await filed.json()) as { id: string };
    cleanup();

    const user = userEvent.setup();
    await openAs(DEMO_OPERATOR.email, DEMO_OPERATOR.password, `/operator/requests/${id}`);
    await user.click(await screen.findByRole("button", { name: "Отклонить" }));
    const dialog = await screen.findByRole("dialog", { name: "Отклонить заявку З-000001" });
    await user.click(within(dialog).getByRole("button", { name: "Отклонить заявку" }));
    const comment = within(dialog).getByLabelText("Комментарий для клиента");
    expect(comment).toHaveAccessibleDescription(/^Напишите клиенту, почему заявка отклонена\./);
    await user.type(comment, "План нечитаем, приложите новый.");
    await user.click(within(dialog).getByRole("button", { name: "Отклонить заявку" }));
    expect(await screen.findByText(/Заявка З-000001 отклонена/)).toBeVisible();
    expect(screen.getByText("Комментарий оператора: План нечитаем, приложите новый.")).toBeVisible();
  });

  it("tells a customer who opens /operator that it is for operators only", async () => {
    await openAs(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password, "/operator");
    expect(await screen.findByRole("heading", { name: "Раздел доступен только операторам" })).toBeVisible();
  });
});
