import formbody from "@fastify/formbody";
import type { AcquirerCallback } from "@lk/contract";
import { CardInput } from "@lk/contract/payments";
import { type AcquirerPayment, callbackKind, pageDone } from "@lk/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { bankAppPage, cardPage, codePage, donePage, notFoundPage } from "./page-html.ts";
import { signCallback } from "./signature.ts";
import type { SimulatedAcquirer } from "./simulated-acquirer.ts";

export interface HostedPageOptions {
  acquirer: SimulatedAcquirer;
  /** What the callbacks are signed with: the secret the portal checks them with. */
  secret: string;
  /** Sends a signed callback to the portal; answers whether it was accepted. */
  deliver: (callback: AcquirerCallback) => Promise<boolean>;
}

const Params = z.object({ ref: z.string().min(1).max(100) });
const Form = z.record(z.string(), z.string().max(100));

/**
 * The simulated acquirer's hosted page, at /acquirer/pay/<ref>, apart from the portal's API: the
 * card, then 3-D Secure, then back to the portal (Post/Redirect/Get throughout). When the page is
 * done it reports the result to the portal by a signed callback before sending the customer back,
 * as a real acquirer does; the portal also asks for the status, should the callback be lost.
 */
export async function hostedPage(app: FastifyInstance, { acquirer, secret, deliver }: HostedPageOptions) {
  await app.register(formbody, { bodyLimit: 4096 });

  const html = (reply: FastifyReply, body: string, status = 200) =>
    reply
      .status(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(body);

  const show = (reply: FastifyReply, entry: AcquirerPayment, error?: string, status?: number) => {
    if (entry.status === "CREATED") return html(reply, cardPage(entry, error), status);
    if (entry.status === "AWAITING_3DS") return html(reply, codePage(entry, error), status);
    return html(reply, donePage(entry));
  };

  /** The portal is told (signed) what became of the entry. */
  const report = async (entry: AcquirerPayment) => {
    const fields = {
      gatewayRef: entry.gatewayRef,
      orderId: entry.orderId,
      kind: callbackKind(entry.kind),
      status: entry.status === "SUCCEEDED" || entry.status === "DECLINED" ? entry.status : ("PENDING" as const),
      reason: entry.reason,
    };
    const accepted = await deliver({ ...fields, signature: signCallback(secret, fields) }).catch(() => false);
    if (!accepted) {
      app.log.warn({ gatewayRef: entry.gatewayRef }, "acquirer callback not accepted; the portal will ask");
    }
  };

  /** The page is done: the portal is told, and the customer goes back to it. */
  const finish = async (reply: FastifyReply, entry: AcquirerPayment) => {
    await report(entry);
    return reply.redirect(entry.returnUrl, 303);
  };

  const refOf = (params: unknown) => Params.safeParse(params).data?.ref ?? "";
  const formOf = (body: unknown) => Form.safeParse(body).data ?? {};

  app.get("/acquirer/pay/:ref", async (request, reply) => {
    const entry = await acquirer.entry(refOf(request.params));
    if (entry?.kind === "SBP") return reply.redirect(`/acquirer/sbp/${encodeURIComponent(entry.gatewayRef)}`, 303);
    return entry ? show(reply, entry) : html(reply, notFoundPage(), 404);
  });

  // СБП: the payment link opens the customer's bank app, simulated here as a page of its own. The
  // customer stays there (the portal's tab sees the result by asking), so nothing redirects.
  app.get("/acquirer/sbp/:ref", async (request, reply) => {
    const entry = await acquirer.entry(refOf(request.params));
    return entry?.kind === "SBP" ? html(reply, bankAppPage(entry)) : html(reply, notFoundPage(), 404);
  });
  for (const [action, pay] of [
    ["pay", true],
    ["decline", false],
  ] as const) {
    app.post(`/acquirer/sbp/:ref/${action}`, async (request, reply) => {
      const entry = (await acquirer.answerInBankApp(refOf(request.params), pay))?.entry;
      if (entry?.kind !== "SBP") return html(reply, notFoundPage(), 404);
      await report(entry);
      return reply.redirect(`/acquirer/sbp/${encodeURIComponent(entry.gatewayRef)}`, 303);
    });
  }

  app.post("/acquirer/pay/:ref/card", async (request, reply) => {
    const ref = refOf(request.params);
    const form = formOf(request.body);
    const card = CardInput.safeParse({ number: form.number ?? "", expiry: form.expiry ?? "", cvc: form.cvc ?? "" });
    const entry = await acquirer.entry(ref);
    if (!entry) return html(reply, notFoundPage(), 404);
    if (!card.success) {
      const message = card.error.issues.map((issue) => issue.message).join(" ");
      return entry.status === "CREATED"
        ? html(reply, cardPage(entry, message, { expiry: form.expiry }), 422)
        : show(reply, entry);
    }
    const step = await acquirer.enterCard(ref, card.data);
    if (!step) return html(reply, notFoundPage(), 404);
    if (step.error) return html(reply, cardPage(step.entry, step.error, { expiry: form.expiry }), 422);
    return reply.redirect(`/acquirer/pay/${encodeURIComponent(ref)}`, 303);
  });

  app.post("/acquirer/pay/:ref/code", async (request, reply) => {
    const ref = refOf(request.params);
    const step = await acquirer.confirmCode(ref, formOf(request.body).code ?? "");
    if (!step) return html(reply, notFoundPage(), 404);
    if (pageDone(step.entry)) return finish(reply, step.entry);
    return show(reply, step.entry, step.error, step.error ? 422 : 200);
  });

  app.post("/acquirer/pay/:ref/cancel", async (request, reply) => {
    const step = await acquirer.cancel(refOf(request.params));
    if (!step) return html(reply, notFoundPage(), 404);
    return finish(reply, step.entry);
  });
}
