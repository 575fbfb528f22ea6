import type { User } from "@lk/contract";

/** The mock API's state. In the browser it survives a reload (localStorage), like a real server. */
export interface MockState {
  users: (User & { password: string })[];
  /** Access token → user id. */
  accessTokens: Record<string, string>;
  /** The refresh "cookie" of this browser: token → user id. */
  refreshTokens: Record<string, string>;
  currentRefreshToken: string | null;
}

const STORAGE_KEY = "lk-mock-api";

function empty(): MockState {
  return { users: [], accessTokens: {}, refreshTokens: {}, currentRefreshToken: null };
}

function load(): MockState {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? { ...empty(), ...JSON.parse(raw) } : empty();
  } catch {
    return empty();
  }
}

export const mockDb = {
  state: load(),
  save() {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(this.state));
    } catch {
      // Private mode or full storage: the mock still works until the next reload.
    }
  },
  reset(next: MockState = empty()) {
    this.state = next;
    this.save();
  },
};

export function randomToken(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
