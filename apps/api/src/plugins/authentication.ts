import cookie from "@fastify/cookie";
import jwt from "@fastify/jwt";
import { DomainError } from "@lk/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.ts";

export interface AccessTokenPayload {
  /** User id. */
  sub: string;
  /** Session family: sign-out and reuse detection revoke it, and with it this token. */
  sid: string;
  role: "CUSTOMER" | "OPERATOR";
}

declare module "@fastify/jwt" {
  interface FastifyJWT {
    payload: AccessTokenPayload;
    user: AccessTokenPayload;
  }
}

declare module "fastify" {
  interface FastifyInstance {
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /**
     * The token only, for a route whose own query checks the session (`sessionCheckedInQuery` in
     * lib/contract-route.ts): the check costs no round trip of its own there.
     */
    verifyAccessToken(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

interface Options {
  config: Config;
  /** Whether a session family is still open (not signed out, not revoked). */
  isSessionActive(sessionFamilyId: string): Promise<boolean>;
}

/** Bearer access tokens (JWT) and the refresh cookie; `app.authenticate` guards routes. */
export const authentication = fp<Options>(async (app: FastifyInstance, { config, isSessionActive }) => {
  await app.register(cookie);
  await app.register(jwt, {
    secret: config.jwtSecret,
    sign: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
  });
  const verifyAccessToken = async (request: FastifyRequest) => {
    try {
      await request.jwtVerify();
    } catch {
      throw new DomainError("UNAUTHORIZED");
    }
  };
  app.decorate("verifyAccessToken", verifyAccessToken);
  app.decorate("authenticate", async (request: FastifyRequest) => {
    await verifyAccessToken(request);
    // Sign-out ends the session at once, not when the short-lived access token expires.
    if (!(await isSessionActive(request.user.sid))) throw new DomainError("UNAUTHORIZED");
  });
});
