import { mockDb } from "./mock-db.ts";

/** The user behind `Authorization: Bearer …`, as the real API's authenticate hook finds it. */
export function authenticate(request: Request): string | null {
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "");
  return (token && mockDb.state.accessTokens[token]) || null;
}
