import { setupWorker } from "msw/browser";
import { createElement, type ReactElement } from "react";
import { AcquirerPage, BankAppPage } from "./acquirer/AcquirerPage.tsx";
import { handlers } from "./handlers/index.ts";
import { MOCK_DATE_PARAM, mockClock } from "./mock-clock.ts";
import { seedMockDb } from "./seed.ts";

export async function startMockApi(): Promise<void> {
  seedMockDb();
  await setupWorker(...handlers).start({ onUnhandledRequest: "bypass", quiet: true });
  console.info(
    "Личный кабинет: mock API (MSW). Демо-вход: demo@lk.test / Demo-2026, оператор: operator@lk.test / Operator-2026",
  );
  if (mockClock.moved) {
    console.info(`Дата мока: ${mockClock.now().toISOString()} (вернуть настоящую: ?${MOCK_DATE_PARAM}=now)`);
  }
}

/** At /acquirer/pay/<ref> (or /acquirer/sbp/<ref>, the bank app): the simulated acquirer instead of the app. */
export function mockAcquirerPage(pathname: string): ReactElement | null {
  const [, page, ref] = /^\/acquirer\/(pay|sbp)\/([^/]+)$/.exec(pathname) ?? [];
  if (!ref) return null;
  return createElement(page === "sbp" ? BankAppPage : AcquirerPage, { gatewayRef: decodeURIComponent(ref) });
}
