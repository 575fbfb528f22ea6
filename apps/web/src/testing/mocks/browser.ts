import { setupWorker } from "msw/browser";
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
