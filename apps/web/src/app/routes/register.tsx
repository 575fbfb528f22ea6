import { RegisterPage } from "../../features/auth/components/RegisterPage.tsx";
import { RedirectIfSignedIn } from "../../features/auth/components/RequireSession.tsx";

export function Component() {
  return (
    <RedirectIfSignedIn>
      <RegisterPage />
    </RedirectIfSignedIn>
  );
}
