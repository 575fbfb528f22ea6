import { type BillDelivery, routes } from "@lk/contract";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { MockError } from "../mock-error.ts";
import { sendMessage } from "../mock-outbox.ts";
import { confirmContact, endSessions, requireUser, sendContactCode, toProfile } from "../mock-profile.ts";
import { findAccount } from "../mock-world.ts";

const opts = { authenticate };

function deliveryOf(accountId: string): BillDelivery | null {
  const bundle = findAccount(accountId);
  if (!bundle) return null;
  const stored = mockDb.state.billDelivery[accountId];
  return {
    accountId,
    number: bundle.account.number,
    shortAddress: bundle.account.shortAddress,
    method: stored?.method ?? "PAPER",
    email: stored?.method === "EMAIL" ? stored.email : null,
  };
}

/** The user's accounts in the sidebar's order: the primary first, then by when they were linked. */
function linkedAccountIds(userId: string): string[] {
  return mockDb.state.accountLinks
    .filter((l) => l.userId === userId)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.linkedAt.localeCompare(b.linkedAt))
    .map((l) => l.accountId);
}

export const profileHandlers = [
  mockRoute(routes.profile.get, ({ userId }) => toProfile(requireUser(userId)), opts),
  mockRoute(
    routes.profile.update,
    ({ input: { body }, userId }) => {
      const user = requireUser(userId);
      if (body.fullName !== undefined) user.fullName = body.fullName;
      if (body.newsletter !== undefined) user.newsletter = body.newsletter;
      mockDb.save();
      return toProfile(user);
    },
    opts,
  ),
  mockRoute(
    routes.profile.sendContactCode,
    ({ input: { body }, userId }) => sendContactCode(requireUser(userId), body.kind, body.value),
    opts,
  ),
  mockRoute(
    routes.profile.confirmContact,
    ({ input: { body }, userId }) => confirmContact(requireUser(userId), body.kind, body.code),
    opts,
  ),
  mockRoute(
    routes.profile.changePassword,
    ({ input: { body }, userId, request }) => {
      const user = requireUser(userId);
      if (user.password !== body.currentPassword) {
        throw new MockError("WRONG_PASSWORD", undefined, {
          location: "body",
          fields: [{ path: "currentPassword", message: "Текущий пароль введён неверно." }],
        });
      }
      user.password = body.newPassword;
      // Links sent before the change no longer work.
      const now = mockClock.now().toISOString();
      for (const reset of mockDb.state.passwordResets) {
        if (reset.userId === user.id && !reset.usedAt) reset.usedAt = now;
      }
      // This browser stays signed in; every other session ends.
      endSessions(user.id, {
        accessToken: request.headers.get("authorization")?.replace(/^Bearer /, ""),
        refreshToken: mockDb.state.currentRefreshToken ?? undefined,
      });
      sendMessage({
        channel: "EMAIL",
        kind: "PASSWORD_CHANGED",
        to: user.email,
        subject: "Пароль изменён",
        text: "Пароль для входа в личный кабинет изменён, все другие сеансы завершены.\nЕсли это были не вы, восстановите пароль по ссылке «Забыли пароль?» на странице входа.",
      });
      return undefined;
    },
    opts,
  ),
  mockRoute(
    routes.profile.billDelivery,
    ({ userId }) => ({
      accounts: linkedAccountIds(requireUser(userId).id).flatMap((id) => deliveryOf(id) ?? []),
    }),
    opts,
  ),
  mockRoute(
    routes.profile.setBillDelivery,
    ({ input: { params, body }, userId }) => {
      const user = requireUser(userId);
      requireLink(user.id, params.accountId);
      if (body.method === "EMAIL") {
        if (!user.emailConfirmed) throw new MockError("EMAIL_NOT_CONFIRMED");
        // The address of the moment: a later change of e-mail does not move the bills by itself.
        mockDb.state.billDelivery[params.accountId] = { method: "EMAIL", email: user.email };
      } else {
        mockDb.state.billDelivery[params.accountId] = { method: "PAPER", email: null };
      }
      mockDb.save();
      return deliveryOf(params.accountId) ?? undefined;
    },
    opts,
  ),
];
