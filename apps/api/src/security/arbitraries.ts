import fc from "fast-check";
import { z } from "zod";

/**
 * Malformed input derived from the contract's zod schemas: the schema's own field names with
 * values of the wrong type, wrong length, wrong format, hostile strings, missing and unknown
 * fields, plus arbitrary JSON. The route table gives the schemas, so a new route is fuzzed too.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

const hostile = fc.constantFrom(
  "",
  " ",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "' OR '1'='1' --",
  '\'; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "\u0000",
  // A control character inside an otherwise valid value: past the schemas, PostgreSQL refused the
  // NUL and the request ended in a 500 (issue 16).
  "demo\u0000@lk.test",
  "mosenergosbyt\u0000",
  "Иванов\u0000Иван",
  "7700000001\u0000",
  "Выписка\u001b[2J.pdf",
  "\uFFFF\uD800",
  "💥🔥",
  "NaN",
  "-1",
  "1e309",
  "00000000-0000-0000-0000-000000000000",
  "__proto__",
  "constructor",
  "%00",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "${7*7}",
);

/** Any JSON-ish value, including the awkward ones. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  hostile,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 2 ** 31, -(2 ** 31) - 1),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.string({ minLength: 300, maxLength: 3000 }),
);

function near(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((option) => near(option, depth)));
  if (schema.allOf?.length) return near({ ...schema, allOf: undefined, ...schema.allOf[0] }, depth);
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), fc.string({ maxLength: 12 }));
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), anyValue);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return depth > 3 ? anyValue : objectOf(schema, depth + 1);
    case "array":
      return fc.array(schema.items ? near(schema.items, depth + 1) : anyValue, { maxLength: 6 });
    case "string": {
      const max = schema.maxLength ?? 60;
      return fc.oneof(
        fc.string({ maxLength: Math.min(max, 60) }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.string({ minLength: max + 1, maxLength: max + 5 }),
        hostile,
        fc.stringMatching(/^[0-9 .,+()-]{0,14}$/),
        fc.uuid().map(String),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      );
    }
    case "integer":
    case "number":
      return fc.oneof(
        fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5),
        fc.integer().map(String),
      );
    case "boolean":
      return fc.oneof(fc.boolean(), fc.constantFrom("true", 0, 1, "yes"));
    default:
      return anyValue;
  }
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const fields = Object.fromEntries(
    Object.entries(props).map(([key, value]) => [
      key,
      fc.oneof({ weight: 3, arbitrary: near(value, depth) }, anyValue),
    ]),
  );
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.option(fc.tuple(fc.constantFrom("extra", "role", "isAdmin", "__proto__", "userId"), anyValue), {
        freq: 4,
      }),
    )
    .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
}

/** Bodies for a route's body schema (or garbage for a route without one). */
export function badBody(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  if (!schema) return anyValue;
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return fc.oneof({ weight: 5, arbitrary: near(json, 0) }, { weight: 1, arbitrary: anyValue });
}

/** Query strings for a route's query schema: its keys with bad values, unknown keys, repeats. */
export function badQuery(schema: z.ZodType | undefined): fc.Arbitrary<string> {
  const json = schema ? (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema) : {};
  const keys = Object.keys(json.properties ?? {});
  const key = keys.length
    ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }))
    : fc.string({ maxLength: 8 });
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    hostile,
    fc.integer().map(String),
    fc.constantFrom("2026-02-30", "2026-13-01", "9999", "-1"),
  );
  return fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString());
}

const encodable = (s: string) => {
  try {
    encodeURIComponent(s);
    return s.length > 0;
  } catch {
    return false; // a lone surrogate cannot be put in a URL at all
  }
};

/** A path parameter: random ids, almost-ids, hostile strings (URL-encoded by the caller). */
export const badParam: fc.Arbitrary<string> = fc
  .oneof(
    fc.uuid().map(String),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }),
    hostile,
    fc.integer().map(String),
    fc.uuid().map((u) => `${u}x`),
    fc.string({ minLength: 200, maxLength: 600 }),
  )
  .filter(encodable);
