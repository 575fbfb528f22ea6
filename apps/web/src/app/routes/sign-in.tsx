import { RedirectIfSignedIn } from "../../features/auth/components/RequireSession.tsx";
import { SignInPage } from "../../features/auth/components/SignInPage.tsx";

/**
 * Loaded on demand like every page, so the cabinet does not carry the sign-in form; the server
 * preloads it with the page for visitors without a session (see build/route-preload.ts).
 */
export function Component() {
  return (
    <RedirectIfSignedIn>
      <SignInPage />
    </RedirectIfSignedIn>
  );
}
