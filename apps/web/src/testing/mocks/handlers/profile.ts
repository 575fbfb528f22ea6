import { type BillDelivery, passwordChangedMessage, routes } from "@lk/contract";
import { DomainError } from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { recordContactChange } from "../mock-contact-undo.ts";
import { mockDb } from "../mock-db.ts";
import { sendMessage } from "../mock-outbox.ts";
import { confirmContact, requireUser, sendContactCode, toProfile } from "../mock-profile.ts";
import { endSessions, openSession } from "../mock-sessions.ts";
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
    ({ input: { body }, userId }) => sendContactCode(requireUser(userId), body),
    opts,
  ),
  mockRoute(
    routes.profile.confirmContact,
    ({ input: { body }, userId, request }) => {
      const user = requireUser(userId);
      const change = confirmContact(user, body.kind, body.code);
      if (change) recordContactChange(user, change, new URL(request.url).origin);
      return toProfile(user);
    },
    opts,
  ),
  mockRoute(
    routes.profile.changePassword,
    ({ input: { body }, userId, request }) => {
      const user = requireUser(userId);
      if (user.password !== body.currentPassword) {
        throw new DomainError("WRONG_PASSWORD", undefined, {
          location: "body",
          fields: [{ path: "currentPassword", message: "Текущий пароль введён неверно." }],
        });
      }
      user.password = body.newPassword;
      // Links sent before the change no longer work.
      const now = mockClock.now().toISOString();
      for (const reset of mockDb.state.passwordResets) {
        if (reset.email === user.email && !reset.usedAt) reset.usedAt = now;
      }
      // Every session ends, this one too (its access token stops working); this browser goes on
      // with a new one, as after a sign-in.
      endSessions(user.id);
      sendMessage(passwordChangedMessage(user.email, `${new URL(request.url).origin}/forgot-password`));
      return openSession(user);
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
        if (!user.emailConfirmed) throw new DomainError("EMAIL_NOT_CONFIRMED");
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
