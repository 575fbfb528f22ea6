import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/**
 * `React.lazy` for a named export, with `preload()` to start fetching its code early (when the
 * pointer comes near the button that opens it, say), so the first use does not wait for it. A
 * preload that fails is forgotten: the real use fetches again and its boundary shows the error.
 */
export function lazyWithPreload<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): LazyExoticComponent<ComponentType<P>> & { preload: () => void } {
  let loading: Promise<M> | null = null;
  const start = () => {
    loading ??= load().catch((error: unknown) => {
      loading = null; // a dropped connection: the next try fetches again
      throw error;
    });
    return loading;
  };
  const preload = () => {
    start().catch(() => undefined);
  };
  return Object.assign(
    lazy(() => start().then((module) => ({ default: pick(module) }))),
    { preload },
  );
}
