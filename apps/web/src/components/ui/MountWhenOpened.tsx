import { type ReactNode, Suspense, useState } from "react";

/**
 * Mounts a dialog (or anything opened on demand) the first time `open` is true and keeps it
 * mounted afterwards, so its code can load lazily on first use while the native <dialog> still
 * closes, and returns focus, the usual way.
 */
export function MountWhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
