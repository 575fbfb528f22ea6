import { allRoutes, buildPath, ErrorBody, type Route, type RouteResponse } from "@lk/contract";
import { CookieJar } from "./cookie-jar.ts";

/** What a runner got back: the status and the parsed JSON body (null when there is none). */
export interface RawAnswer {
  status: number;
  body: unknown;
}

/** One request of a scenario, as a runner sends it. */
export interface Outgoing {
  method: string;
  url: string;
  /** JSON; a multipart route's JSON travels inside `form` instead. */
  body?: unknown;
  /** A multipart route's body: its JSON field, then the files in their documents' fields. */
  form?: FormData;
  token?: string;
  /** The scenario's browser: the cookies earlier answers set (the refresh cookie among them). */
  cookies: CookieJar;
}

/** How a runner sends one request: the API through `app.inject`, the mock through `fetch`. */
export type Send = (request: Outgoing) => Promise<RawAnswer>;

/**
 * The customer on the acquirer's page (not a route of the portal's contract): the card and the
 * 3-D Secure code. The API's runner posts the page's forms; the mock's takes the mock page's steps.
 */
export type PayOnAcquirerPage = (confirmationUrl: string, cardNumber: string) => Promise<void>;

/** A file a scenario uploads, in the multipart field named after its document's slot. */
export interface Upload {
  slot: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * What one step of a scenario saw: the status, the error's code, and what the scenario noted of
 * the state after it. `shape` appears only when the body does not match the contract (the route's
 * response, or the error shape), so an expected list never has it and a mismatch always fails.
 */
export interface Observation {
  step: string;
  status: number;
  code?: string;
  shape?: string;
  seen?: unknown;
}

interface Input {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** For a multipart route: the files sent beside the JSON body. */
  files?: Upload[];
}

/** A client of the contract's routes that writes down what each call saw, for both runners alike. */
export class ParityApi {
  readonly observations: Observation[] = [];
  /** Every route a scenario called and compared (setup calls do not count), for the coverage check. */
  static readonly used = new Set<Route>();
  /** One browser per scenario: what one call's answer sets, the next call sends. */
  private readonly cookies = new CookieJar();
  private quiet = 0;

  constructor(
    private readonly send: Send,
    private readonly acquirer?: PayOnAcquirerPage,
  ) {}

  /** The customer pays on the acquirer's page; what it changed is seen through the portal's routes. */
  async payOnAcquirerPage(confirmationUrl: string, cardNumber: string): Promise<void> {
    if (!this.acquirer) throw new Error("parity: this runner has no acquirer page");
    await this.acquirer(confirmationUrl, cardNumber);
  }

  /** Calls a route; the answer's body when it is the route's success, else null. */
  async call<R extends Route>(step: string, route: R, input: Input = {}, token?: string): Promise<RouteResponse<R>> {
    if (this.quiet === 0) ParityApi.used.add(route);
    let url = buildPath(route.path, input.params);
    const query = Object.entries(input.query ?? {}).filter(([, v]) => v !== undefined);
    if (query.length) url += `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)]))}`;
    const answer = await this.send({
      method: route.method,
      url,
      ...(route.multipart ? { form: formOf(route.multipart.jsonField, input) } : { body: input.body }),
      token,
      cookies: this.cookies,
    });
    const succeeded = answer.status === route.status;
    const parsed =
      succeeded && (route.status === 204 || route.file)
        ? { success: true as const }
        : (succeeded ? route.response : ErrorBody).safeParse(answer.body);
    const code = succeeded ? undefined : (answer.body as { error?: { code?: string } } | null)?.error?.code;
    const seen: Observation = {
      step,
      status: answer.status,
      ...(code ? { code } : {}),
      ...(parsed.success ? {} : { shape: JSON.stringify(parsed.error.issues.slice(0, 3)) }),
    };
    if (this.quiet > 0) {
      if (!succeeded || seen.shape) throw new Error(`parity: a setup step failed: ${JSON.stringify(seen)}`);
    } else {
      this.observations.push(seen);
    }
    return (succeeded ? answer.body : null) as RouteResponse<R>;
  }

  /** Notes what the state is after the last step (a count, a status), to be compared too. */
  see(value: unknown): void {
    const last = this.observations.at(-1);
    if (!last) throw new Error("parity: nothing to note against yet");
    last.seen = last.seen === undefined ? value : [last.seen, value].flat();
  }

  /** Setup: the calls must succeed and are not compared (they are what the scenario stands on). */
  async setup<T>(work: () => Promise<T>): Promise<T> {
    this.quiet += 1;
    try {
      return await work();
    } finally {
      this.quiet -= 1;
    }
  }
}

/** A multipart body as the web app sends it: the JSON first, then each file in its slot's field. */
function formOf(jsonField: string, input: Input): FormData {
  const form = new FormData();
  form.append(jsonField, JSON.stringify(input.body));
  for (const file of input.files ?? []) form.append(file.slot, new File([file.bytes as BlobPart], file.fileName));
  return form;
}

/** Routes no scenario calls yet; the list may only shrink (parity.test.ts on the API's side checks it). */
export function uncoveredRoutes(pending: readonly string[]): { missing: string[]; stale: string[] } {
  const key = (r: Route) => `${r.method} ${r.path}`;
  const used = new Set([...ParityApi.used].map(key));
  const missing = allRoutes.map(key).filter((k) => !used.has(k) && !pending.includes(k));
  const stale = pending.filter((k) => used.has(k));
  return { missing, stale };
}
