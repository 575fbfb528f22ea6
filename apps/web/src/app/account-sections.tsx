import { useQueryClient } from "@tanstack/react-query";
import { accountKeys } from "../features/accounts/api/keys.ts";
import { HistoryCard } from "../features/readings/components/HistoryCard.tsx";
import { ReadingsCard } from "../features/readings/components/ReadingsCard.tsx";

// The account page's blocks that other features own. The app composes them, so that features
// never import one another.

/** «Передать показания»; a saved reading is also the meter's last one on the account page. */
export function AccountReadings({ accountId }: { accountId: string }) {
  const queryClient = useQueryClient();
  return (
    <ReadingsCard
      accountId={accountId}
      onSubmitted={() => queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId) })}
    />
  );
}

export const accountSections = {
  readings: (accountId: string) => <AccountReadings accountId={accountId} />,
  history: (accountId: string) => <HistoryCard accountId={accountId} />,
};
