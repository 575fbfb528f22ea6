import { RequireSession } from "../../features/auth/components/RequireSession.tsx";
import { Cabinet, Home } from "../Cabinet.tsx";

/**
 * The cabinet's frame (header, accounts, the first page after sign-in), on demand like every
 * page: the sign-in screen does not carry it. The server preloads it for signed-in visitors.
 */
export function Component() {
  return (
    <RequireSession>
      <Cabinet />
    </RequireSession>
  );
}

export { Home };
