import { routes } from "@lk/contract";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionUser } from "../testing/session-user.ts";
import {
  ApiError,
  apiCall,
  apiFile,
  apiUpload,
  mayHaveSession,
  refreshSession,
  setAccessToken,
  setSessionEndedHandler,
} from "./api-client.ts";

const user = sessionUser;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  setAccessToken(null);
});
afterAll(() => server.close());

describe("session hint", () => {
  it("tells whether the server's readable session cookie is there, among others", () => {
    expect(mayHaveSession()).toBe(false);
    // biome-ignore lint/suspicious/noDocumentCookie: the server's cookies, as the page sees them
    document.cookie = "other=1; path=/";
    // biome-ignore lint/suspicious/noDocumentCookie: the server's cookies, as the page sees them
    document.cookie = "lk_session=1; path=/";
    expect(mayHaveSession()).toBe(true);
    // biome-ignore lint/suspicious/noDocumentCookie: the server's cookies, as the page sees them
    document.cookie = "lk_session=; path=/; max-age=0";
    expect(mayHaveSession()).toBe(false);
  });
});

describe("api client", () => {
  it("shares one refresh between concurrent callers (the server rotates the cookie each time)", async () => {
    let calls = 0;
    server.use(
      http.post(routes.auth.refresh.path, () => {
        calls += 1;
        return HttpResponse.json({ accessToken: "t1", expiresIn: 900, user });
      }),
    );
    const [a, b, c] = await Promise.all([refreshSession(), refreshSession(), refreshSession()]);
    expect(calls).toBe(1);
    expect(a?.user.email).toBe("a@b.ru");
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("on 401 refreshes once and retries with the new token", async () => {
    setAccessToken("expired");
    const seen: (string | null)[] = [];
    server.use(
      http.get(routes.auth.me.path, ({ request }) => {
        seen.push(request.headers.get("authorization"));
        return request.headers.get("authorization") === "Bearer fresh"
          ? HttpResponse.json(user)
          : HttpResponse.json({ error: { code: "UNAUTHORIZED", message: "Войдите" } }, { status: 401 });
      }),
      http.post(routes.auth.refresh.path, () => HttpResponse.json({ accessToken: "fresh", expiresIn: 900, user })),
    );
    await expect(apiCall(routes.auth.me)).resolves.toMatchObject({ email: "a@b.ru" });
    expect(seen).toEqual(["Bearer expired", "Bearer fresh"]);
  });

  it("when the refresh is refused, reports the end of the session", async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    server.use(
      http.get(routes.auth.me.path, () =>
        HttpResponse.json({ error: { code: "UNAUTHORIZED", message: "Войдите" } }, { status: 401 }),
      ),
      http.post(routes.auth.refresh.path, () =>
        HttpResponse.json({ error: { code: "SESSION_EXPIRED", message: "Сеанс завершён." } }, { status: 401 }),
      ),
    );
    await expect(apiCall(routes.auth.me)).rejects.toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    expect(ended).toHaveBeenCalledOnce();
  });

  it("a refusal about the old session does not end one signed in meanwhile: the request goes again with it", async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    let releaseRefresh: (value?: unknown) => void = () => undefined;
    const refreshed = new Promise((resolve) => {
      releaseRefresh = resolve;
    });
    const seen: (string | null)[] = [];
    server.use(
      http.get(routes.auth.me.path, ({ request }) => {
        seen.push(request.headers.get("authorization"));
        return request.headers.get("authorization") === "Bearer new-session"
          ? HttpResponse.json(user)
          : HttpResponse.json({ error: { code: "UNAUTHORIZED", message: "Войдите" } }, { status: 401 });
      }),
      http.post(routes.auth.refresh.path, async () => {
        await refreshed;
        return HttpResponse.json({ error: { code: "SESSION_EXPIRED", message: "Сеанс завершён." } }, { status: 401 });
      }),
    );
    const call = apiCall(routes.auth.me);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    setAccessToken("new-session"); // the customer signs in while the refresh is still out
    releaseRefresh();
    await expect(call).resolves.toMatchObject({ email: "a@b.ru" });
    expect(seen).toEqual([null, "Bearer new-session"]);
    expect(ended).not.toHaveBeenCalled();
  });

  it("turns the error body into an ApiError with field errors", async () => {
    server.use(
      http.post(routes.auth.register.path, () =>
        HttpResponse.json(
          {
            error: {
              code: "EMAIL_TAKEN",
              message: "Этот адрес уже зарегистрирован.",
              details: { fields: [{ path: "email", message: "Занят" }] },
            },
          },
          { status: 409 },
        ),
      ),
    );
    const error = await apiCall(routes.auth.register, {
      body: { email: "a@b.ru", fullName: "Анна", password: "abcd1234" },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "EMAIL_TAKEN", fields: [{ path: "email", message: "Занят" }] });
  });

  it("keeps the linking details of an error: answers left and the end of a lock", async () => {
    server.use(
      http.post(routes.accounts.confirmLink.path, () =>
        HttpResponse.json(
          {
            error: {
              code: "LINK_LOCKED",
              message: "Превышено число попыток.",
              details: { attemptsLeft: 0, lockedUntil: "2026-11-26T07:15:00.000Z" },
            },
          },
          { status: 429 },
        ),
      ),
    );
    const error = await apiCall(routes.accounts.confirmLink, {
      body: { supplierId: "mosenergosbyt", accountNumber: "7700000001", question: "BILL_TOTAL", answer: "1" },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "LINK_LOCKED", attemptsLeft: 0, lockedUntil: "2026-11-26T07:15:00.000Z" });
  });

  it("keeps the warnings of a reading to confirm, apart from errors", async () => {
    const path =
      "/api/accounts/00000000-0000-4000-8000-00000000000a/meters/00000000-0000-4000-8000-00000000000b/readings";
    const warnings = [{ code: "LARGE_JUMP", message: "Расход втрое выше обычного." }];
    server.use(
      http.post(path, () =>
        HttpResponse.json(
          { error: { code: "NEEDS_CONFIRMATION", message: "Проверьте показания.", details: { warnings } } },
          { status: 409 },
        ),
      ),
    );
    const error = await apiCall(routes.readings.submit, {
      params: { accountId: "00000000-0000-4000-8000-00000000000a", meterId: "00000000-0000-4000-8000-00000000000b" },
      body: { idempotencyKey: "00000000-0000-4000-8000-00000000000c", values: { T1: "1" } },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "NEEDS_CONFIRMATION", warnings, fields: [] });
  });

  it("a dropped connection becomes a Russian network error", async () => {
    server.use(http.get(routes.system.health.path, () => HttpResponse.error()));
    await expect(apiCall(routes.system.health)).rejects.toMatchObject({
      code: "NETWORK_ERROR",
      message: expect.stringContaining("Нет связи с сервером"),
    });
  });
});

describe("api client: files", () => {
  const accountId = "00000000-0000-4000-8000-00000000000a";
  const requestId = "00000000-0000-4000-8000-00000000000b";
  const documentId = "00000000-0000-4000-8000-00000000000c";

  it("sends a multipart request: the JSON field first, then each file in its slot, refreshing on 401", async () => {
    setAccessToken("expired");
    const seen: { authorization: string | null; fields: [string, string][] }[] = [];
    server.use(
      http.post("/api/accounts/:accountId/requests", async ({ request }) => {
        const form = await request.formData();
        seen.push({
          authorization: request.headers.get("authorization"),
          fields: [...form.entries()].map(([key, value]) => [key, typeof value === "string" ? value : value.name]),
        });
        if (request.headers.get("authorization") !== "Bearer fresh") {
          return HttpResponse.json({ error: { code: "UNAUTHORIZED", message: "Войдите" } }, { status: 401 });
        }
        return HttpResponse.json(
          {
            error: {
              code: "DOCUMENT_REJECTED",
              message: "Файл «b.pdf» пустой.",
              details: { fields: [{ path: "other", message: "Файл «b.pdf» пустой." }] },
            },
          },
          { status: 422 },
        );
      }),
      http.post(routes.auth.refresh.path, () => HttpResponse.json({ accessToken: "fresh", expiresIn: 900, user })),
    );
    const error = await apiUpload(routes.requests.create, {
      params: { accountId },
      body: { change: { kind: "RESIDENTS", residents: 4 } },
      files: [
        { slot: "register", file: new File(["%PDF-"], "a.pdf") },
        { slot: "other", file: new File([], "b.pdf") },
      ],
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "DOCUMENT_REJECTED", fields: [{ path: "other" }] });
    const fields: [string, string][] = [
      ["request", '{"change":{"kind":"RESIDENTS","residents":4}}'],
      ["register", "a.pdf"],
      ["other", "b.pdf"],
    ];
    expect(seen).toEqual([
      { authorization: "Bearer expired", fields },
      { authorization: "Bearer fresh", fields },
    ]);
  });

  it("fetches a file route's bytes with the token, and an error answer as an ApiError", async () => {
    setAccessToken("t1");
    const path = `/api/accounts/${accountId}/requests/${requestId}/documents/${documentId}`;
    server.use(
      http.get(path, ({ request }) =>
        request.headers.get("authorization") === "Bearer t1"
          ? new HttpResponse(new Uint8Array([37, 80, 68, 70]), { headers: { "content-type": "application/pdf" } })
          : HttpResponse.json({ error: { code: "NOT_FOUND", message: "Документ не найден." } }, { status: 404 }),
      ),
    );
    const params = { accountId, requestId, documentId };
    const blob = await apiFile(routes.requests.document, { params });
    expect(blob.type).toBe("application/pdf");
    expect(blob.size).toBe(4);
    setAccessToken("other");
    await expect(apiFile(routes.requests.document, { params })).rejects.toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      message: "Документ не найден.",
    });
  });
});
