import type {
  AutoPayment,
  BillDeliveryMethod,
  ContactKind,
  OutboxMessage,
  Payment,
  ReadingHistoryItem,
  User,
} from "@lk/contract";
import type { AccountFacts, AcquirerPayment, Zone } from "@lk/domain";
import type { MockServiceRequest } from "./mock-service-requests.ts";

/** A user's link to a personal account of the generated world (the account itself is not stored). */
export interface MockAccountLink {
  userId: string;
  accountId: string;
  isPrimary: boolean;
  linkedAt: string;
  /** The customer's own name for the account («Дача»); absent or null: none. */
  nickname?: string | null;
}

/** One answer to a control question: failures count towards the 24-hour lock. */
export interface MockLinkAttempt {
  userId: string;
  supplierId: string;
  accountNumber: string;
  at: string;
  success: boolean;
}

/** A reading stored by the mock: what customers sent («Передать»); the generated world's are the base. */
export interface MockReading {
  id: string;
  meterId: string;
  takenAt: string;
  createdAt: string;
  source: ReadingHistoryItem["source"];
  /** Per zone, in thousandths of a kWh (as the world's readings). */
  values: Partial<Record<Zone, number>>;
  status: ReadingHistoryItem["status"];
  submittedById: string | null;
  /** Unique per user: a retry with the same key returns the same reading. */
  idempotencyKey: string | null;
  /** What the key was sent with (@lk/domain's readingFingerprint): the key with other values is refused. */
  fingerprint?: string;
  contactPhone: string | null;
}

/** A payment a customer made through the mock («Оплатить»); the generated world's are the base. */
export interface MockPayment {
  id: string;
  accountId: string;
  userId: string;
  /** Unique per user: a retry with the same key returns this payment, and takes no money again. */
  idempotencyKey: string;
  /** What the key was sent with (@lk/domain's paymentFingerprint): the key with another request is refused. */
  fingerprint: string;
  paidAt: string;
  amountKopecks: number;
  status: Payment["status"];
  channel: Payment["channel"];
  declineReason: string | null;
  /** The simulated acquirer's reference (its page is `/acquirer/pay/<ref>`). */
  gatewayRef: string | null;
}

/** The simulated acquirer's record of a payment page (@lk/domain's AcquirerPayment, dates as ISO text). */
export interface MockAcquirerPayment extends Omit<AcquirerPayment, "createdAt" | "pendingSince"> {
  createdAt: string;
  pendingSince: string | null;
}

/** An autopayment application of an account, whatever became of it (the latest live one is current). */
export interface MockAutoPayment extends AutoPayment {
  accountId: string;
  /** The mock acquirer's reference of the latest card binding (its page). */
  bindingRef?: string | null;
  appliedById: string;
  /** Why «Отключить» was pressed (the API records it; the answer does not show it). */
  stopReason: string | null;
}

/** A user as the mock stores them: the password in clear (it is a mock), the profile's flags. */
export interface MockUser extends User {
  password: string;
  /** Proved with a code («Подтвердить»); the demo customer's is, a new customer's is not. */
  emailConfirmed?: boolean;
  /** Proved with a code; a phone typed at registration is not. */
  phoneConfirmed?: boolean;
  newsletter?: boolean;
}

/** A code sent to a new (or unconfirmed) e-mail or phone: 10 minutes, 5 tries, the latest of its kind counts. */
export interface MockContactCode {
  userId: string;
  kind: ContactKind;
  value: string;
  code: string;
  attempts: number;
  createdAt: string;
  expiresAt: string;
  /** Used, worn out by wrong tries, or replaced by a newer code. */
  closedAt: string | null;
}

/**
 * «Забыли пароль?»: a single-use link for an hour, for an address (as the API: it works for whoever
 * has that address when it is used; one asked for an address nobody has opens nothing).
 */
export interface MockPasswordReset {
  /** The address asked for: the limit of three letters an hour is per address. */
  email: string;
  token: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** «Это был не я»: the link sent to the previous address when a login changed; 7 days, once. */
export interface MockContactUndo {
  userId: string;
  kind: ContactKind;
  /** What it was before (null: there was no phone). */
  previous: string | null;
  previousConfirmed: boolean;
  /** What it was changed to: the undo applies only while it still is. */
  current: string;
  token: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/**
 * The mock API's state. In the browser it survives a reload (localStorage), like a real server.
 * Only what customers change lives here; the accounts come from the generated world.
 */
export interface MockState {
  users: MockUser[];
  /** Access token → user id. */
  accessTokens: Record<string, string>;
  /** The refresh "cookie" of this browser: token → user id. */
  refreshTokens: Record<string, string>;
  currentRefreshToken: string | null;
  accountLinks: MockAccountLink[];
  linkAttempts: MockLinkAttempt[];
  readings: MockReading[];
  /** Generated readings that a customer's later submission in the same window replaced. */
  replacedReadingIds: string[];
  payments: MockPayment[];
  /** The simulated acquirer's side: its payment pages (a real acquirer keeps these, not the portal). */
  acquirer: MockAcquirerPayment[];
  autoPayments: MockAutoPayment[];
  /** Per account: what accepted payments made through the mock took off the generated balance (negative). */
  balanceAdjustments: Record<string, number>;
  /** Every e-mail and SMS the mock "sent", oldest first (/dev/outbox lists them newest first). */
  outbox: OutboxMessage[];
  contactCodes: MockContactCode[];
  passwordResets: MockPasswordReset[];
  contactUndos: MockContactUndo[];
  /** «Получение счёта по e-mail», per account (every user linked to it sees it); absent = paper. */
  billDelivery: Record<string, { method: BillDeliveryMethod; email: string | null }>;
  /** «Изменить»: customers' requests, with their documents' metadata and history. */
  serviceRequests: MockServiceRequest[];
  /** Per account: the facts approved requests changed (the generated account is the base). */
  accountChanges: Record<string, Partial<AccountFacts>>;
  /** The dedupe keys of notices sent once (a receipt, «Необычный расход»), as the API's outbox keeps them. */
  sentNoticeKeys?: string[];
  /** Small documents' bytes (base64), so they survive a reload; big ones stay in memory. */
  documentFiles: Record<string, string>;
}

// Bump when the stored shape or the generated world changes: an older saved state is dropped
// instead of pointing at ids that no longer exist.
export const MOCK_STORAGE_KEY = "lk-mock-api-v5";

function empty(): MockState {
  return {
    users: [],
    accessTokens: {},
    refreshTokens: {},
    currentRefreshToken: null,
    accountLinks: [],
    linkAttempts: [],
    readings: [],
    replacedReadingIds: [],
    payments: [],
    acquirer: [],
    autoPayments: [],
    balanceAdjustments: {},
    outbox: [],
    contactCodes: [],
    passwordResets: [],
    contactUndos: [],
    billDelivery: {},
    serviceRequests: [],
    accountChanges: {},
    documentFiles: {},
  };
}

// What this tab last read from or wrote to localStorage: another tab has written when it differs.
let known: string | null = null;

/** The saved state's text; undefined where there is no storage (Node, blocked storage). */
function stored(): string | null | undefined {
  try {
    return globalThis.localStorage?.getItem(MOCK_STORAGE_KEY);
  } catch {
    return undefined;
  }
}

function load(): MockState {
  known = stored() ?? null;
  try {
    return known ? { ...empty(), ...JSON.parse(known) } : empty();
  } catch {
    return empty();
  }
}

export const mockDb = {
  state: load(),
  save() {
    try {
      const text = JSON.stringify(this.state);
      globalThis.localStorage?.setItem(MOCK_STORAGE_KEY, text);
      known = text;
    } catch {
      // Private mode or full storage: the mock still works until the next reload.
    }
  },
  /**
   * Before each request: take what another tab of the mock wrote since (e.g. /dev/outbox beside the
   * cabinet, which refreshed the session), so the tabs act like one server. Keeping this tab's copy
   * until a `storage` event arrived let a request in between write the old copy over the other
   * tab's change.
   */
  sync() {
    const text = stored();
    if (text !== undefined && text !== known) this.state = load();
  },
  reset(next: MockState = empty()) {
    this.state = next;
    this.save();
  },
};

export function randomToken(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
