import { controlCharacterRefusal } from "@lk/contract";
import { DomainError } from "@lk/domain";
import type { FastifyInstance } from "fastify";

/**
 * Before any route's schema: a NUL (PostgreSQL refuses it in text and the request would end in a
 * 500) or another control character anywhere in the input is a 400 naming the field. One hook, so
 * no route can forget it; the mock API asks the same contract function.
 */
export function refuseControlCharacters(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, and a promise per hook costs.
  app.addHook("preValidation", (request, _reply, done) => {
    const refusal = controlCharacterRefusal(request);
    done(refusal ? new DomainError("VALIDATION_FAILED", undefined, refusal) : undefined);
  });
}
