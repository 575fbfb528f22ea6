import { linkAccount } from "../support/accounts.ts";
import { signUp } from "../support/customers.ts";
import { CLOSED_DAY } from "../support/dates.ts";
import { readingsCard } from "../support/readings.ts";
import { expect, test } from "../support/test.ts";

// The real app of the `app-closed` project runs with its clock on the 27th; the mock is set to it.
test.use({ mockDate: CLOSED_DAY });

test("after the 26th the form is closed and says when the next window opens", async ({ page }, info) => {
  await signUp(page, info);
  await linkAccount(page, 0);
  const card = readingsCard(page);
  await expect(
    card
      .getByText(/Показания принимаются с 15 по 26 число\. Следующий период: 15\.\d\d\.\d{4} – 26\.\d\d\.\d{4}/)
      .first(),
  ).toBeVisible();
  await expect(card.getByRole("button", { name: "Передать" })).toBeDisabled();
});
