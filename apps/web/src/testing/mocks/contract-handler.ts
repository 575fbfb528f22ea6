import {
  controlCharacterRefusal,
  errorBody,
  errorStatus,
  type Route,
  type RouteParsed,
  type RouteResponse,
  toFieldErrors,
} from "@lk/contract";
import type { IncomingDocument } from "@lk/domain";
import { DomainError } from "@lk/domain";
import { delay, HttpResponse, http } from "msw";
import type { z } from "zod";
import { mockDb } from "./mock-db.ts";

export interface MockContext<R extends Route> {
  input: RouteParsed<R>;
  request: Request;
  /** The user id behind the Bearer token, or null. */
  userId: string | null;
  /** A `multipart` route's files, in the order sent: the field's name is the slot. */
  files: IncomingDocument[];
}

/** What the resolver of a `file` route returns: the bytes are answered as they are. */
export interface MockFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** A multipart body as the API reads it: the JSON field, then every file with its field's name. */
async function readMultipart(
  request: Request,
  jsonField: string,
): Promise<{ body: unknown; files: IncomingDocument[] }> {
  const form = await request.formData().catch(() => {
    throw new DomainError("VALIDATION_FAILED", "Запрос должен быть в формате multipart/form-data.", {
      location: "body",
    });
  });
  const json = form.get(jsonField);
  let body: unknown;
  try {
    body = JSON.parse(typeof json === "string" ? json : "");
  } catch {
    throw new DomainError("VALIDATION_FAILED", `Поле «${jsonField}» не является корректным JSON.`, {
      location: "body",
    });
  }
  const files: IncomingDocument[] = [];
  for (const [slot, value] of form.entries()) {
    if (slot === jsonField || typeof value === "string") continue;
    files.push({ slot, fileName: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { body, files };
}

function parse(schema: z.ZodType | undefined, value: unknown, location: "body" | "query" | "params") {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError("VALIDATION_FAILED", undefined, { location, fields: toFieldErrors(result.error.issues) });
}

/**
 * Answers one contract route in the browser: validates the request with the route's schemas,
 * runs the resolver, and checks the answer against the response schema, so the mock cannot
 * drift from the contract.
 */
export function mockRoute<R extends Route>(
  route: R,
  resolve: (ctx: MockContext<R>) => RouteResponse<R> | undefined | Promise<RouteResponse<R> | undefined>,
  options: {
    authenticate: (request: Request) => string | null;
    /** Answer the (contract-checked) string as it is, not as JSON: a file such as CSV. */
    text?: { contentType: string; headers?: (ctx: MockContext<R>) => Record<string, string> };
  },
) {
  const method = route.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
  return http[method](route.path, async ({ request, params }) => {
    await delay(import.meta.env.MODE === "test" ? 0 : 150);
    try {
      mockDb.sync();
      const userId = options.authenticate(request);
      if (route.auth && !userId) throw new DomainError("UNAUTHORIZED");
      const url = new URL(request.url);
      let body: unknown;
      let files: IncomingDocument[] = [];
      if (route.multipart) {
        ({ body, files } = await readMultipart(request, route.multipart.jsonField));
      } else if (route.body) {
        body = await request.json().catch(() => {
          throw new DomainError("VALIDATION_FAILED", "Тело запроса не является корректным JSON.", { location: "body" });
        });
      }
      const query = Object.fromEntries(url.searchParams);
      // As the API's hook, before any route's schema: no control character anywhere in the input.
      const refusal = controlCharacterRefusal({ params, query, body });
      if (refusal) throw new DomainError("VALIDATION_FAILED", undefined, refusal);
      const input = {
        params: parse(route.params, params, "params"),
        query: parse(route.query, query, "query"),
        body: parse(route.body, body, "body"),
      } as RouteParsed<R>;
      const ctx = { input, request, userId, files };
      const result = await resolve(ctx);
      if (route.status === 204) return new HttpResponse(null, { status: 204 });
      if (route.file) {
        const file = result as MockFile;
        return new HttpResponse(file.bytes, {
          status: route.status,
          headers: {
            "content-type": file.contentType,
            "content-disposition": `attachment; filename="${file.fileName.replace(/[^\w.\- ()]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          },
        });
      }
      const answer = route.response.parse(result);
      if (options.text) {
        const headers = { "content-type": options.text.contentType, ...options.text.headers?.(ctx) };
        return new HttpResponse(String(answer), { status: route.status, headers });
      }
      return HttpResponse.json(answer as object, { status: route.status });
    } catch (error) {
      if (error instanceof DomainError) {
        return HttpResponse.json(errorBody(error.code, error.customMessage, error.details), {
          status: errorStatus[error.code],
        });
      }
      console.error("mock API failure", error);
      return HttpResponse.json(errorBody("INTERNAL_ERROR"), { status: 500 });
    }
  });
}
