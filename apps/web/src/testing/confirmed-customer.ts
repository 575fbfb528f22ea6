import { AuthSession, routes } from "@lk/contract";
import { outboxMessages } from "./mocks/mock-outbox.ts";
import { codeIn } from "./outbox-text.ts";

const post = (path: string, body: unknown, token?: string) =>
  fetch(new URL(path, window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/**
 * Confirms the customer's current e-mail through the mock API, as they would: a code to the
 * address, read from the mock's outbox, sent back. Linking accounts needs a confirmed contact.
 */
export async function confirmEmail(accessToken: string, email: string): Promise<void> {
  const sent = await post(routes.profile.sendContactCode.path, { kind: "EMAIL", value: email }, accessToken);
  if (!sent.ok) throw new Error(`no code sent to ${email}: ${sent.status}`);
  const code = codeIn(outboxMessages(email)[0]?.text);
  const confirmed = await post(routes.profile.confirmContact.path, { kind: "EMAIL", code }, accessToken);
  if (!confirmed.ok) throw new Error(`${email} not confirmed: ${confirmed.status}`);
}

/** A customer registered through the mock API a moment ago, with the e-mail confirmed; signed in. */
export async function registerConfirmedCustomer(
  email: string,
  { password = "Pass-word-2026", fullName = "Смирнова Анна Сергеевна" } = {},
): Promise<AuthSession> {
  const res = await post(routes.auth.register.path, { email, fullName, password });
  if (!res.ok) throw new Error(`${email} not registered: ${res.status}`);
  const session = AuthSession.parse(await res.json());
  await confirmEmail(session.accessToken, session.user.email);
  return session;
}
