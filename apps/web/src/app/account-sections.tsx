import type { AccountDetails } from "@lk/contract/accounts";
import { useQueryClient } from "@tanstack/react-query";
import { AfterFirstPaint, useFirstPaintDone } from "../boot/first-paint.tsx";
import { accountKeys } from "../features/accounts/api/keys.ts";
import { useSession } from "../features/auth/api/session.ts";
import { consumptionKeys } from "../features/consumption/api/keys.ts";
import { moscowYear } from "../features/consumption/consumption-years.ts";
import { PayButton } from "../features/payments/components/PayButton.tsx";
import { useReadingsState } from "../features/readings/api/get-readings-state.ts";
import { ReadingsCard } from "../features/readings/components/ReadingsCard.tsx";
import { RequestsSection } from "../features/requests/components/RequestsSection.tsx";
import { lazyWithPreload } from "../lib/lazy-with-preload.ts";

// Below the fold, and half the page's code: loaded after the first screen has been painted
// (issue #8: the budget, and the first paint not waiting for them; docs/page-load.md).
const AutopayCard = lazyWithPreload(
  () => import("../features/payments/components/AutopayCard.tsx"),
  (m) => m.AutopayCard,
);
const HistoryCard = lazyWithPreload(
  () => import("./HistoryCard.tsx"),
  (m) => m.HistoryCard,
);
const ConsumptionCard = lazyWithPreload(
  () => import("../features/consumption/components/ConsumptionCard.tsx"),
  (m) => m.ConsumptionCard,
);

// The account page's blocks that other features own. The app composes them, so that features
// never import one another; those below the fold on a phone wait for the first paint.

/** «Передать показания»; a saved reading is also the meter's last one, and this month's use, on the account page. */
export function AccountReadings({ accountId }: { accountId: string }) {
  const queryClient = useQueryClient();
  // Below the fold on a phone: its data (and then the form's code) after the first paint.
  const painted = useFirstPaintDone();
  return (
    <ReadingsCard
      accountId={accountId}
      enabled={painted}
      onSubmitted={() =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId) }),
          queryClient.invalidateQueries({ queryKey: consumptionKeys.account(accountId) }),
        ])
      }
    />
  );
}

/** «Оплатить» beside the balance; an accepted payment lowers the balance on the page and in the sidebar. */
export function AccountPay({ account }: { account: AccountDetails }) {
  const queryClient = useQueryClient();
  return (
    <PayButton
      accountId={account.id}
      balanceKopecks={account.balanceKopecks}
      onAccepted={() =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: accountKeys.detail(account.id) }),
          queryClient.invalidateQueries({ queryKey: accountKeys.list() }),
        ])
      }
    />
  );
}

/** «Автоплатеж»: receipts go to the customer's own e-mail unless they choose another. */
export function AccountAutopay({ accountId }: { accountId: string }) {
  const { data: user } = useSession();
  return (
    <AfterFirstPaint title="Автоплатеж">
      <AutopayCard accountId={accountId} defaultEmail={user?.email ?? ""} />
    </AfterFirstPaint>
  );
}

/**
 * «Потребление»: the current year is the server's (the mock's date in mock mode), which the
 * readings' state already tells; the device's clock only if the server cannot say.
 */
export function AccountConsumption({ accountId, accountNumber }: { accountId: string; accountNumber: string }) {
  const state = useReadingsState(accountId, { enabled: useFirstPaintDone() });
  const currentYear = state.isPending ? null : moscowYear(state.data ? new Date(state.data.now) : new Date());
  return (
    <AfterFirstPaint title="Потребление электроэнергии">
      <ConsumptionCard accountId={accountId} accountNumber={accountNumber} currentYear={currentYear} />
    </AfterFirstPaint>
  );
}

/** «Мои заявки» in «Общая информация»: the list after the first paint, the link to a new request at once. */
export function AccountRequests({ accountId }: { accountId: string }) {
  return <RequestsSection accountId={accountId} enabled={useFirstPaintDone()} />;
}

export const accountSections = {
  balanceActions: (account: AccountDetails) => <AccountPay account={account} />,
  readings: (accountId: string) => <AccountReadings accountId={accountId} />,
  autopay: (accountId: string) => <AccountAutopay accountId={accountId} />,
  consumption: (accountId: string, accountNumber: string) => (
    <AccountConsumption accountId={accountId} accountNumber={accountNumber} />
  ),
  history: (accountId: string, accountNumber: string) => (
    <AfterFirstPaint title="История">
      <HistoryCard accountId={accountId} accountNumber={accountNumber} />
    </AfterFirstPaint>
  ),
  requests: (accountId: string) => <AccountRequests accountId={accountId} />,
};
