import type { UseQueryResult } from "@tanstack/react-query";
import { useDeferredValue } from "react";

/**
 * A block's query as the block renders it, for the blocks that fill in after the first paint.
 * When an answer arrives, react-query updates its components at once (useSyncExternalStore), so
 * a block's whole new tree (the meters' forms, a table, the chart's panel) was built and committed
 * in one task: 80–130 ms on a mid-range phone, the page frozen meanwhile. Deferred, the block first
 * renders again as it was (cheap: nothing changed), and the new tree is built in the background,
 * in slices React interrupts for whatever the customer does (docs/performance.md).
 */
export function useDeferredQuery<T extends UseQueryResult<unknown, unknown>>(query: T): T {
  return useDeferredValue(query);
}
