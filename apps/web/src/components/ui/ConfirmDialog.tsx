import type { ReactNode } from "react";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import { Dialog } from "./Dialog.tsx";

interface Props {
  open: boolean;
  title: string;
  /** What will happen, in the customer's words (and any field the step needs). */
  children: ReactNode;
  /** The request the confirmation sends: its error is shown here, its pending state on the button. */
  action: { error: Error | null; isPending: boolean };
  confirmLabel: string;
  /** `danger` for a step that removes or stops something. */
  variant?: "primary" | "danger";
  onConfirm: () => void;
  onClose: () => void;
  /** «Отмена» takes the focus when the dialog opens (the default is the first field or the confirm button). */
  focusCancel?: boolean;
}

/** A destructive or hard-to-undo step asks first: what happens, the server's refusal if any, and «Отмена». */
export function ConfirmDialog({
  open,
  title,
  children,
  action,
  confirmLabel,
  variant = "danger",
  onConfirm,
  onClose,
  focusCancel = false,
}: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {children}
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      <div className="dialog__actions">
        <Button variant={variant} pending={action.isPending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose} data-autofocus={focusCancel || undefined}>
          Отмена
        </Button>
      </div>
    </Dialog>
  );
}
