import { useState } from "react";
import { Button } from "../../../components/ui/Button.tsx";
import { MountWhenOpened } from "../../../components/ui/MountWhenOpened.tsx";
import { lazyWithPreload } from "../../../lib/lazy-with-preload.ts";

// The card form is not part of the first screen: its code comes when the customer reaches for «Оплатить».
const PayDialog = lazyWithPreload(
  () => import("./PayDialog.tsx"),
  (m) => m.PayDialog,
);

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
      <Button onClick={() => setOpen(true)} onPointerEnter={PayDialog.preload} onFocus={PayDialog.preload}>
        Оплатить
      </Button>
      <MountWhenOpened open={open}>
        <PayDialog
          open={open}
          accountId={accountId}
          balanceKopecks={balanceKopecks}
          onAccepted={onAccepted}
          onClose={() => setOpen(false)}
        />
      </MountWhenOpened>
    </>
  );
}
