import { setupWorker } from "msw/browser";
import { handlers } from "./handlers/index.ts";
import { seedMockDb } from "./seed.ts";

export async function startMockApi(): Promise<void> {
  seedMockDb();
  await setupWorker(...handlers).start({ onUnhandledRequest: "bypass", quiet: true });
  console.info("Личный кабинет: mock API (MSW). Демо-вход: demo@lk.test / Demo-2026");
}
