import { type ReactNode, useEffect, useId, useRef } from "react";

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Id of the element inside that says what the dialog is about (read out with the title). */
  describedBy?: string;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: focus moves in (to the element marked `data-autofocus`, if any)
 * and back, Escape closes, the page behind is inert.
 */
export function Dialog({ open, onClose, title, describedBy, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React's autoFocus ran while the dialog was still closed; the first field is a better start than «×».
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={open ? describedBy : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" aria-label="Закрыть" onClick={onClose}>
          ×
        </button>
      </div>
      {open ? <div className="dialog__body">{children}</div> : null}
    </dialog>
  );
}
