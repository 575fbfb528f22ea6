import { AuthSession, authRoutes, SESSION_HINT_COOKIE } from "@lk/contract/auth";
import { ErrorBody, type ErrorCode, errorMessages, type FieldError } from "@lk/contract/errors";
import { buildPath, type Route, type RouteInput, type RouteResponse } from "@lk/contract/route";
import { takeEarlyRead, takeEarlyRefresh } from "../boot/early-answers.ts";

/** What an error answer tells besides its message: when to retry, how many answers are left. */
export interface ApiErrorExtras {
  retryAfterSeconds?: number;
  /** WRONG_ANSWER (linking): answers left before the lock. */
  attemptsLeft?: number;
  /** LINK_LOCKED and LINK_PAUSED: when linking may be tried again (ISO 8601). */
  lockedUntil?: string;
  /** NEEDS_CONFIRMATION (readings): what the customer may confirm and send again. */
  warnings?: ApiWarning[];
}

/** A warning the customer may override (a rollover, a large jump), unlike an error. */
export type ApiWarning = NonNullable<NonNullable<ErrorBody["error"]["details"]>["warnings"]>[number];

/** An error answer of the API (or the network), with the contract's code and Russian message. */
export class ApiError extends Error {
  readonly retryAfterSeconds?: number;
  readonly attemptsLeft?: number;
  readonly lockedUntil?: string;
  readonly warnings: ApiWarning[];
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK_ERROR",
    message: string,
    readonly fields: FieldError[] = [],
    extras: ApiErrorExtras = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.retryAfterSeconds = extras.retryAfterSeconds;
    this.attemptsLeft = extras.attemptsLeft;
    this.lockedUntil = extras.lockedUntil;
    this.warnings = extras.warnings ?? [];
  }
}

// The access token lives in memory only; the refresh token is an httpOnly cookie the page never sees.
let accessToken: string | null = null;
/**
 * Counts the sessions this page has held (every new or dropped token), so that the answer to a
 * request sent under an older one cannot end a newer one: a sign-in while a refresh was failing.
 */
let generation = 0;
let onSessionEnded: () => void = () => undefined;

export function setAccessToken(token: string | null): void {
  accessToken = token;
  generation += 1;
}

/** Called when the server ends the session (refresh refused): the app returns to sign-in. */
export function setSessionEndedHandler(handler: () => void): void {
  onSessionEnded = handler;
}

let refreshing: Promise<AuthSession | null> | null = null;

/**
 * Whether a refresh cookie may be there: the server sets a readable hint beside the httpOnly
 * cookie and clears both together. Without it, nobody is signed in and there is nothing to ask.
 */
export function mayHaveSession(): boolean {
  return document.cookie.split(";").some((pair) => pair.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
 * because the server rotates the cookie on every use.
 */
export function refreshSession(): Promise<AuthSession | null> {
  refreshing ??= (async () => {
    const started = generation;
    try {
      const response = (await takeEarlyRefresh()) ?? (await send("POST", authRoutes.refresh.path, undefined, false));
      if (!response.ok) {
        // A sign-in while this was under way has a session of its own: it stays.
        if (generation === started) setAccessToken(null);
        return null;
      }
      const session = AuthSession.parse(await response.json());
      setAccessToken(session.accessToken);
      return session;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function send(
  method: string,
  url: string,
  body: unknown,
  withToken: boolean,
  accept = "application/json",
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  // FormData sets its own content type, with the boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers["content-type"] = "application/json";
  if (withToken && accessToken) headers.authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(new URL(url, window.location.origin), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "Нет связи с сервером. Проверьте подключение к интернету и повторите.");
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  if (!parsed.success && response.status === 413) {
    // A proxy in front of the API may refuse a big upload with a page of its own.
    return new ApiError(413, "PAYLOAD_TOO_LARGE", errorMessages.PAYLOAD_TOO_LARGE);
  }
  if (!parsed.success) {
    return new ApiError(response.status, "INTERNAL_ERROR", "Сервер ответил ошибкой. Повторите попытку позже.");
  }
  const { code, message, details } = parsed.data.error;
  return new ApiError(response.status, code, message, details?.fields ?? [], {
    retryAfterSeconds: details?.retryAfterSeconds,
    attemptsLeft: details?.attemptsLeft,
    lockedUntil: details?.lockedUntil,
    warnings: details?.warnings,
  });
}

type Defined<T> = { [K in keyof T as T[K] extends undefined ? never : K]: T[K] };
type CallArgs<R extends Route> = keyof Defined<RouteInput<R>> extends never ? [] : [Defined<RouteInput<R>>];

function urlOf(route: Route, params?: Record<string, string>, query?: object): string {
  let url = buildPath(route.path, params);
  if (query) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null) search.set(key, String(value));
    if (search.size) url += `?${search}`;
  }
  return url;
}

/** Sends a request of the route; an error answer becomes an ApiError. */
async function request(route: Route, url: string, body: unknown, accept?: string): Promise<Response> {
  const started = generation;
  let response =
    (route.method === "GET" && accept === undefined ? await takeEarlyRead(url, () => accessToken) : null) ??
    (await send(route.method, url, body, route.auth, accept));
  if (response.status === 401 && route.auth) {
    // The access token expired (or the page was reloaded): refresh once. If a new session began
    // while this was on its way (a sign-in), it is tried as it is.
    if (generation === started) await refreshSession();
    if (accessToken === null) {
      onSessionEnded();
      throw await toApiError(response);
    }
    response = await send(route.method, url, body, true, accept);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

type Inputs = { params?: Record<string, string>; query?: object; body?: unknown };

/** Calls a route of the contract; the answer is checked against the contract's schema. */
export async function apiCall<R extends Route>(route: R, ...[input]: CallArgs<R>): Promise<RouteResponse<R>> {
  const { params, query, body } = (input ?? {}) as Inputs;
  const response = await request(route, urlOf(route, params, query), body);
  if (response.status === 204) return null as RouteResponse<R>;
  return route.response.parse(await response.json()) as RouteResponse<R>;
}

/** A file sent to a multipart route, in the field named by its slot. */
export interface UploadFile {
  slot: string;
  file: File;
}

type UploadArgs<R extends Route> = Defined<Pick<RouteInput<R>, "params">> & {
  body: RouteInput<R>["body"];
  files: readonly UploadFile[];
};

/**
 * Calls a `multipart` route: the JSON body in the route's JSON field, first (the server reads it
 * before the files and can refuse early), then each file in its slot's field.
 */
export async function apiUpload<R extends Route>(route: R, input: UploadArgs<R>): Promise<RouteResponse<R>> {
  if (!route.multipart) throw new Error(`${route.path} is not a multipart route`);
  const { params } = input as Inputs;
  const form = new FormData();
  form.append(route.multipart.jsonField, JSON.stringify(input.body));
  for (const { slot, file } of input.files) form.append(slot, file, file.name);
  const response = await request(route, urlOf(route, params), form);
  return route.response.parse(await response.json()) as RouteResponse<R>;
}

/** Fetches the bytes of a `file` route (a document) with the session's token. */
export async function apiFile<R extends Route>(route: R, ...[input]: CallArgs<R>): Promise<Blob> {
  if (!route.file) throw new Error(`${route.path} does not answer a file`);
  const { params, query } = (input ?? {}) as Inputs;
  const response = await request(route, urlOf(route, params, query), undefined, "*/*");
  return response.blob();
}
