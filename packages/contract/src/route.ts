import type { z } from "zod";
import type { ErrorCode } from "./errors.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API route, declared once. The API registers it (validation, serialization, OpenAPI), the
 * web client calls it, the mock answers it.
 */
export interface Route<
  TParams extends z.ZodType | undefined = z.ZodType | undefined,
  TQuery extends z.ZodType | undefined = z.ZodType | undefined,
  TBody extends z.ZodType | undefined = z.ZodType | undefined,
  TResponse extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Fastify-style path: `/api/accounts/:accountId`. */
  path: string;
  summary: string;
  tag: string;
  /** Whether the route needs `Authorization: Bearer <access token>`. */
  auth: boolean;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  /** The success status and its body; 204 has `z.null()`. */
  status: 200 | 201 | 204;
  response: TResponse;
  /** Error codes this route may answer with (besides the generic ones). */
  errors: readonly ErrorCode[];
  /**
   * The request is `multipart/form-data`: `body` is the JSON in the field `jsonField`, files come
   * in other fields (see the route's own rules for which).
   */
  multipart?: { jsonField: string };
  /** The answer is a file (bytes with their own content type), not JSON. */
  file?: true;
}

export function defineRoute<
  TParams extends z.ZodType | undefined = undefined,
  TQuery extends z.ZodType | undefined = undefined,
  TBody extends z.ZodType | undefined = undefined,
  TResponse extends z.ZodType = z.ZodType,
>(route: Route<TParams, TQuery, TBody, TResponse>): Route<TParams, TQuery, TBody, TResponse> {
  return route;
}

type InputOf<T> = T extends z.ZodType ? z.input<T> : undefined;
type OutputOf<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a client sends: the schemas' input types. */
export type RouteInput<R extends Route> =
  R extends Route<infer P, infer Q, infer B, infer _Response>
    ? { params: InputOf<P>; query: InputOf<Q>; body: InputOf<B> }
    : never;

/** What a server handler receives after validation. */
export type RouteParsed<R extends Route> =
  R extends Route<infer P, infer Q, infer B, infer _Response>
    ? { params: OutputOf<P>; query: OutputOf<Q>; body: OutputOf<B> }
    : never;
export type RouteResponse<R extends Route> = z.output<R["response"]>;

/** Fills `:name` segments of a path. */
export function buildPath(path: string, params?: Record<string, string | number>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
