import { createBrowserRouter } from "react-router";
import { CabinetLayout } from "../components/layout/CabinetLayout.tsx";
import { AccountsSidebar } from "../features/accounts/components/AccountsSidebar.tsx";
import { HomePage } from "../features/accounts/components/HomePage.tsx";
import { RedirectIfSignedIn, RequireSession } from "../features/auth/components/RequireSession.tsx";
import { SignInPage } from "../features/auth/components/SignInPage.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { RouteError } from "./RouteError.tsx";

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          path: "/sign-in",
          element: (
            <RedirectIfSignedIn>
              <SignInPage />
            </RedirectIfSignedIn>
          ),
        },
        // Pages past the first screen load on demand, so sign-in stays small and fast.
        { path: "/register", lazy: () => import("./routes/register.tsx") },
        {
          path: "/",
          element: (
            <RequireSession>
              <CabinetLayout sidebar={<AccountsSidebar />} />
            </RequireSession>
          ),
          children: [
            { index: true, element: <HomePage /> },
            { path: "accounts/:accountId", lazy: () => import("./routes/account.tsx") },
            { path: "accounts/:accountId/bills/:billId", lazy: () => import("./routes/bill.tsx") },
            { path: "profile", lazy: () => import("./routes/profile.tsx") },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
