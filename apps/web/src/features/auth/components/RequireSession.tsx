import type { ReactNode } from "react";
import { Navigate, useLocation, useSearchParams } from "react-router";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { useSession, wasSignedOutOnPurpose } from "../api/session.ts";

/** Shows its children to a signed-in customer; everyone else goes to sign-in and comes back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (!session.data) {
    const next = wasSignedOutOnPurpose() ? "/" : location.pathname + location.search;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** Only same-site paths: `?next=` must not send the customer to another site after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/**
 * The sign-in and registration pages: a signed-in customer goes on to the cabinet, or back to
 * the page that sent them to sign in (`?next=`).
 */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const [params] = useSearchParams();
  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={safeNext(params.get("next"))} replace />;
  return children;
}
