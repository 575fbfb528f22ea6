import { DomainError } from "./domain-error.ts";

/**
 * The rules that keep a stranger from linking someone else's personal account by guessing the
 * answer to a control question. Decided here once; the API and the mock load the attempts, call
 * these and write what they say.
 */
export const LINK_ATTEMPT_POLICY = {
  /** SPEC §3: wrong answers one customer may give for one account number in the window. */
  wrongAnswersPerCustomer: 5,
  /**
   * Wrong answers for one account number from everyone in the window. Without it N registered
   * customers get 5 × N guesses; with it the whole world gets 10 a day, after which linking that
   * number pauses for everyone (the customers already linked keep their access and are told).
   */
  wrongAnswersPerAccount: 10,
  /**
   * Wrong answers one customer may give over every account number in the window. The two budgets
   * above hold one number; without this one a customer could try a few likely answers (round
   * payments) on each of thousands of numbers, never filling either.
   */
  wrongAnswersPerCustomerOverall: 20,
  windowMs: 24 * 60 * 60 * 1000,
} as const;

export type LinkAttemptPolicy = typeof LINK_ATTEMPT_POLICY;

/** One recorded answer for an account number (whether or not the account exists). */
export interface LinkAttempt {
  userId: string;
  at: Date;
  success: boolean;
}

export type LinkStanding =
  | { status: "open"; attemptsLeft: number }
  /** This customer used up their own answers: until the oldest counted one leaves the window. */
  | { status: "locked"; until: Date }
  /** Everyone together used up the account's answers: linking it pauses for all. */
  | { status: "paused"; until: Date }
  /** This customer used up their wrong answers over every number: no linking until the oldest leaves the window. */
  | { status: "limited"; until: Date };

/** When a limit of `limit` failures lifts: the failure that filled it leaves the window. */
function liftsAt(failures: readonly Date[], limit: number, windowMs: number): Date | null {
  if (failures.length < limit) return null;
  const filling = failures[failures.length - limit] as Date;
  return new Date(filling.getTime() + windowMs);
}

/** The wrong answers still in the window, oldest first. */
function failuresInWindow(attempts: readonly LinkAttempt[], now: Date, policy: LinkAttemptPolicy) {
  const since = now.getTime() - policy.windowMs;
  return attempts.filter((a) => !a.success && a.at.getTime() > since).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Until when linking the number pauses for everyone, or null while the account has answers left. */
function accountPausedUntil(attempts: readonly LinkAttempt[], now: Date, policy: LinkAttemptPolicy): Date | null {
  const all = failuresInWindow(attempts, now, policy).map((a) => a.at);
  return liftsAt(all, policy.wrongAnswersPerAccount, policy.windowMs);
}

/** This customer's wrong answers over every number still in the window, oldest first. */
function overallInWindow(customerFailures: readonly Date[], now: Date, policy: LinkAttemptPolicy): Date[] {
  const since = now.getTime() - policy.windowMs;
  return customerFailures.filter((at) => at.getTime() > since).sort((a, b) => a.getTime() - b.getTime());
}

/**
 * Where a customer stands with one account number: may they answer, and how many answers are
 * left (the smallest of their own for the number, the account's, and their own over every
 * number), or until when they must wait. The same for a number that does not exist, so the
 * answer reveals nothing about it. `customerFailures`: when this customer answered wrong, for any
 * number, in the window (the shell loads them).
 */
export function linkStanding(
  attempts: readonly LinkAttempt[],
  userId: string,
  now: Date,
  customerFailures: readonly Date[],
  policy: LinkAttemptPolicy = LINK_ATTEMPT_POLICY,
): LinkStanding {
  const failures = failuresInWindow(attempts, now, policy);
  const own = failures.filter((a) => a.userId === userId).map((a) => a.at);
  const all = failures.map((a) => a.at);
  const overall = overallInWindow(customerFailures, now, policy);
  const limitedUntil = liftsAt(overall, policy.wrongAnswersPerCustomerOverall, policy.windowMs);
  if (limitedUntil) return { status: "limited", until: limitedUntil };
  const lockedUntil = liftsAt(own, policy.wrongAnswersPerCustomer, policy.windowMs);
  if (lockedUntil) return { status: "locked", until: lockedUntil };
  const pausedUntil = accountPausedUntil(attempts, now, policy);
  if (pausedUntil) return { status: "paused", until: pausedUntil };
  return {
    status: "open",
    attemptsLeft: Math.min(
      policy.wrongAnswersPerCustomer - own.length,
      policy.wrongAnswersPerAccount - all.length,
      policy.wrongAnswersPerCustomerOverall - overall.length,
    ),
  };
}

export type LinkAnswerDecision =
  /** Not checked and not recorded: the customer or the account is waiting. */
  | { kind: "refused"; standing: Exclude<LinkStanding, { status: "open" }> }
  | {
      kind: "answered";
      /** The attempt to record. */
      record: { success: boolean };
      /** After this answer: linked, or where the customer stands now. */
      outcome: { status: "linked" } | LinkStanding;
      /**
       * When this wrong answer used up the account's budget: until when linking it pauses for
       * everyone (tell every customer already linked to it, once per pause); otherwise null.
       */
      pausedUntil: Date | null;
    };

/** «Подтвердить»: what an answer (right or wrong, as the shell found) does. */
export function decideLinkAnswer(
  attempts: readonly LinkAttempt[],
  userId: string,
  now: Date,
  correct: boolean,
  customerFailures: readonly Date[],
  policy: LinkAttemptPolicy = LINK_ATTEMPT_POLICY,
): LinkAnswerDecision {
  const before = linkStanding(attempts, userId, now, customerFailures, policy);
  if (before.status !== "open") return { kind: "refused", standing: before };
  if (correct) return { kind: "answered", record: { success: true }, outcome: { status: "linked" }, pausedUntil: null };
  const withThis = [...attempts, { userId, at: now, success: false }];
  const pause = accountPausedUntil(withThis, now, policy);
  return {
    kind: "answered",
    record: { success: false },
    outcome: linkStanding(withThis, userId, now, [...customerFailures, now], policy),
    pausedUntil: pause && !accountPausedUntil(attempts, now, policy) ? pause : null,
  };
}

const WAIT_CODES = { locked: "LINK_LOCKED", paused: "LINK_PAUSED", limited: "LINK_DAILY_LIMIT" } as const;

/**
 * A customer or an account that must wait, with when it lifts (locked: this customer for this
 * number; paused: everyone for this number; limited: this customer for every number).
 */
export function linkWaitRefusal(standing: Exclude<LinkStanding, { status: "open" }>): DomainError {
  return new DomainError(WAIT_CODES[standing.status], undefined, {
    attemptsLeft: 0,
    lockedUntil: standing.until.toISOString(),
  });
}

/** The refusal an answer that did not link ends with: how many tries are left, or how long to wait. */
export function linkAnswerRefusal(outcome: LinkStanding): DomainError {
  if (outcome.status !== "open") return linkWaitRefusal(outcome);
  return new DomainError("WRONG_ANSWER", `Ответ неверный. Осталось попыток: ${outcome.attemptsLeft}.`, {
    attemptsLeft: outcome.attemptsLeft,
  });
}

/**
 * Linking proves the customer holds an account's papers; the login doing it must have a proved
 * e-mail or phone (`proved`), so that throw-away registrations cannot each bring their own guesses.
 */
export function requireProvedContact(proved: boolean): void {
  if (!proved) throw new DomainError("CONTACT_NOT_CONFIRMED");
}
