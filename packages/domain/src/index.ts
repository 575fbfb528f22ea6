// The billing rules, pure and table-tested, shared by the API, the web app, the seed and the mock.
export * from "./account-number.ts";
export * from "./autopayment.ts";
export * from "./consumption.ts";
export * from "./control-questions.ts";
export * from "./documents.ts";
export * from "./idempotency.ts";
export * from "./link-attempts.ts";
export * from "./meter-values.ts";
export * from "./money.ts";
export * from "./payments.ts";
export * from "./reading-check.ts";
export * from "./reading-view.ts";
export * from "./reading-window.ts";
export * from "./sign-in-throttle.ts";
export * from "./supplier-time.ts";
