import { SECURE_CODE } from "@lk/domain";
import type { TestApp } from "./test-app.ts";

const formPost = (app: TestApp["app"], url: string, fields: Record<string, string>) =>
  app.inject({
    method: "POST",
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

/**
 * The customer on the simulated acquirer's page, through its HTTP forms: the card, then the 3-D
 * Secure code. Answers the page's last answer (303 back to the portal when it is done).
 */
export async function payOnAcquirerPage(
  app: TestApp["app"],
  confirmationUrl: string,
  number: string,
  code: string = SECURE_CODE,
) {
  const card = await formPost(app, `${confirmationUrl}/card`, { number, expiry: "12/30", cvc: "123" });
  if (card.statusCode !== 303) return card;
  return formPost(app, `${confirmationUrl}/code`, { code });
}

export const postAcquirerForm = formPost;
