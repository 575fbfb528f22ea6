import { useState } from "react";
import { Button } from "../../../components/ui/Button.tsx";
import { PayDialog } from "./PayDialog.tsx";

interface Props {
  accountId: string;
  /** Positive: owed (offered as the amount); otherwise the customer chooses. */
  balanceKopecks: number;
  /** An accepted payment lowers the balance, which another feature shows: the app says what to refresh. */
  onAccepted?: () => unknown;
}

/** «Оплатить» beside the balance. */
export function PayButton({ accountId, balanceKopecks, onAccepted }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Оплатить</Button>
      <PayDialog
        open={open}
        accountId={accountId}
        balanceKopecks={balanceKopecks}
        onAccepted={onAccepted}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
