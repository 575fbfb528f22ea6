import fastJson from "fast-json-stringify";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";

type SerializerCompiler = Parameters<import("fastify").FastifyInstance["setSerializerCompiler"]>[0];
type RouteSchema = Parameters<SerializerCompiler>[0];

/**
 * Responses written by a serializer compiled from the contract: each route's zod response schema
 * becomes a JSON Schema once, at start, and fast-json-stringify turns it into a function that
 * writes just those fields (zod's encoding walked every value on every response, ~0.1 ms of a
 * page). The contract stays the source: a schema JSON Schema cannot express (none today) falls
 * back to zod's serializer, and with `checkAgainstContract` (every environment but production,
 * so every test) each response is also checked by zod first, so a handler that strays from the
 * contract fails the tests as before.
 */
/** The compiled writer for a zod schema, or null when JSON Schema cannot express it. */
export function compileResponse(schema: ZodType): ((data: unknown) => string) | null {
  try {
    const json = z.toJSONSchema(schema, { io: "output", target: "draft-7", unrepresentable: "throw" });
    return fastJson(json as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch {
    return null;
  }
}

export function contractSerializerCompiler(options: { checkAgainstContract: boolean }): SerializerCompiler {
  const fallback = zodSerializerCompiler as unknown as SerializerCompiler;
  return (route: RouteSchema) => {
    const compiled = compileResponse(route.schema as ZodType);
    if (!compiled) return fallback(route);
    if (!options.checkAgainstContract) return compiled;
    const checked = fallback(route);
    return (data: unknown) => {
      checked(data); // throws, as zod's serializer does, when the data breaks the contract
      return compiled(data);
    };
  };
}
