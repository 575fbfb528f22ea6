/** What a customer types as an account number, as the supplier writes it: no spaces. */
export function normalizeAccountNumber(input: string): string {
  return input.replace(/[\s\u00a0]/g, "").toUpperCase();
}

/** Whether a number fits the supplier's format (a regular expression kept with the supplier). */
export function matchesAccountNumberFormat(number: string, pattern: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(normalizeAccountNumber(number));
}

/** «г. Москва, ул. Ленина, д. 1, кв. 2» → «ул. Ленина, д. 1, кв. 2»: what fits a sidebar. */
export function shortAddressOf(address: string): string {
  const comma = address.indexOf(", ");
  return /^(г\.|пос\.|с\.|д\.)\s/.test(address) && comma > 0 ? address.slice(comma + 2) : address;
}

/** What names an account to its customer: their own name for it, else its number. */
export function accountTitle(account: { nickname: string | null; number: string }): string {
  return account.nickname ?? `Лицевой счёт № ${account.number}`;
}
