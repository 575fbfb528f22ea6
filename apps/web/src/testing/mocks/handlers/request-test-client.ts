import { AuthSession, buildPath, ErrorBody, routes } from "@lk/contract";
import { DEMO_CUSTOMER, DEMO_OPERATOR } from "@lk/demo-data";
import { mockDb } from "../mock-db.ts";
import { mockWorld } from "../mock-world.ts";

// What the request handlers' tests share: signing in, filing a request as multipart, the files.

const url = (path: string) => new URL(path, window.location.origin);

export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
/** Text that only calls itself a PDF. */
export const DISGUISED = new TextEncoder().encode("Это не документ, а просто текст.\n");

export interface Upload {
  slot: string;
  name: string;
  bytes: Uint8Array;
}

export const pdf = (slot = "register", name = "vypiska.pdf"): Upload => ({ slot, name, bytes: PDF });

export async function signIn(login: string, password: string): Promise<string> {
  const res = await fetch(url(routes.auth.signIn.path), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  return AuthSession.parse(await res.json()).accessToken;
}

export const signInOperator = () => signIn(DEMO_OPERATOR.email, DEMO_OPERATOR.password);

export const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;

/** Someone calling the API with a token: JSON in, JSON out, or a multipart body with files. */
export function client(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (path: string) => fetch(url(path), { headers }),
    post: (path: string, body?: unknown) =>
      fetch(url(path), {
        method: "POST",
        headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    upload: (path: string, json: unknown, files: Upload[]) => {
      const form = new FormData();
      form.append("request", typeof json === "string" ? json : JSON.stringify(json));
      for (const file of files) form.append(file.slot, new File([file.bytes as BlobPart], file.name));
      return fetch(url(path), { method: "POST", headers, body: form });
    },
  };
}

/** The demo customer, signed in, on the world's first account (their primary one). */
export async function demoCustomer() {
  const bundle = mockWorld().bundles[0];
  if (!bundle) throw new Error("no primary account in the mock world");
  const accountId = bundle.account.id;
  const api = client(await signIn(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password));
  const path = (route: { path: string }, extra: Record<string, string> = {}) =>
    buildPath(route.path, { accountId, ...extra });
  return {
    ...api,
    bundle,
    accountId,
    path,
    file: (json: unknown, files: Upload[] = [pdf()]) => api.upload(path(routes.requests.create), json, files),
    fileResidents: (residents: number, files: Upload[] = [pdf()]) =>
      api.upload(path(routes.requests.create), { change: { kind: "RESIDENTS", residents } }, files),
  };
}

/** A second customer who linked the same account (a family member): another user, same account. */
export async function familyMember(accountId: string) {
  const res = await fetch(url(routes.auth.register.path), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "family@example.ru", fullName: "Петров Пётр", password: "abcd1234" }),
  });
  const session = AuthSession.parse(await res.json());
  mockDb.state.accountLinks.push({
    userId: session.user.id,
    accountId,
    isPrimary: true,
    linkedAt: new Date().toISOString(),
  });
  return client(session.accessToken);
}
