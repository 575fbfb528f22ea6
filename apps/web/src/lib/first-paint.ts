import { startTransition, useEffect, useState } from "react";

let painted = false;

/**
 * False until the page has been painted for the first time, then true for good. What waits for
 * it (the account page's blocks below the fold, which load their own code and data) does not
 * hold up the first screen: their requests start only once the customer sees the page.
 */
export function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(painted);
  useEffect(() => {
    if (done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs just before the paint; a task it posts, just after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        painted = true;
        // Interruptible, in slices: the blocks it mounts must not freeze the page just shown.
        startTransition(() => setDone(true));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [done]);
  return done;
}
