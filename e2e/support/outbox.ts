import type { BrowserContext, Page } from "@playwright/test";
import { expect, expectNoA11yViolations } from "./test.ts";

/**
 * /dev/outbox in a second tab of the same browser, showing only the messages to `to` (as a
 * customer would open their mail or SMS beside the cabinet). The mock API shares its state between
 * tabs through localStorage, so this works in the mock project too.
 */
export async function openOutbox(context: BrowserContext, to: string): Promise<Page> {
  const outbox = await context.newPage();
  await outbox.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
  await expect(outbox.getByRole("heading", { level: 1, name: "Исходящие письма и SMS" })).toBeVisible();
  // Loaded: «Для …: 1 сообщение, новые сверху.» or «Для … сообщений нет.»
  await expect(outbox.getByRole("status").filter({ hasText: /сообщени/ })).toBeVisible();
  await expectNoA11yViolations(outbox);
  return outbox;
}

/** The newest message to `to` in the outbox tab. */
export function newestMessage(outbox: Page) {
  return outbox.getByRole("article").first();
}

/** The six-digit code of the newest message to `to`, read as the customer reads it. */
export async function codeSentTo(context: BrowserContext, to: string): Promise<string> {
  const outbox = await openOutbox(context, to);
  const message = newestMessage(outbox);
  await expect(message).toContainText(/\b\d{6}\b/);
  const code = /\b(\d{6})\b/.exec((await message.textContent()) ?? "")?.[1] ?? "";
  await outbox.close();
  return code;
}
