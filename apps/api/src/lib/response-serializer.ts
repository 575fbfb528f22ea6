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
type JsonSchema = { [key: string]: unknown };

/**
 * `anyOf: [X, {type: "null"}]` (zod's `.nullable()`) as `X` with `nullable: true`, which
 * fast-json-stringify writes directly; for an `anyOf` it must test each value against the branches
 * with a JSON Schema validator first.
 */
function nullableInPlace(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableInPlace);
  if (!node || typeof node !== "object") return node;
  const entries = Object.entries(node as JsonSchema).map(([key, value]) => [key, nullableInPlace(value)] as const);
  const schema = Object.fromEntries(entries) as JsonSchema;
  const branches = schema.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const [a, b] = branches as JsonSchema[];
    const isNull = (s: JsonSchema | undefined) => s?.type === "null" && Object.keys(s).length === 1;
    const other = isNull(b) ? a : isNull(a) ? b : undefined;
    if (other && typeof other.type === "string" && other.type !== "null") {
      const { anyOf: _, ...rest } = schema;
      return { ...rest, ...other, nullable: true };
    }
  }
  return schema;
}

/** The compiled writer for a zod schema, or null when JSON Schema cannot express it. */
export function compileResponse(schema: ZodType): ((data: unknown) => string) | null {
  try {
    const json = z.toJSONSchema(schema, { io: "output", target: "draft-7", unrepresentable: "throw" });
    return fastJson(nullableInPlace(json) as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
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
