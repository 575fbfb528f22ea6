import { createBrowserRouter } from "react-router";
import { PageLoader } from "../components/ui/PageLoader.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { RouteError } from "./RouteError.tsx";

/** An account's main page, under the cabinet ("/"); boot/first-screen.ts fetches its data early. */
export const ACCOUNT_PAGE_PATH = "accounts/:accountId";

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      // While the first page's code arrives (every page loads on demand).
      hydrateFallbackElement: <PageLoader />,
      children: [
        // Pages load on demand, so each first screen carries only its own code.
        { path: "/sign-in", lazy: () => import("./routes/sign-in.tsx") },
        { path: "/register", lazy: () => import("./routes/register.tsx") },
        { path: "/forgot-password", lazy: () => import("./routes/forgot-password.tsx") },
        { path: "/reset-password", lazy: () => import("./routes/reset-password.tsx") },
        // «Это был не я»: opened from the notice to the previous address, signed in or not.
        { path: "/undo-contact-change", lazy: () => import("./routes/undo-contact-change.tsx") },
        // Public on purpose: the codes and links sent to a customer who cannot sign in yet.
        { path: "/dev/outbox", lazy: () => import("./routes/dev-outbox.tsx") },
        {
          path: "/",
          lazy: () => import("./routes/cabinet.tsx"),
          children: [
            { index: true, lazy: () => import("./routes/cabinet.tsx").then((m) => ({ Component: m.Home })) },
            { path: ACCOUNT_PAGE_PATH, lazy: () => import("./routes/account.tsx") },
            { path: "accounts/:accountId/bills/:billId", lazy: () => import("./routes/bill.tsx") },
            { path: "profile", lazy: () => import("./routes/profile.tsx") },
            { path: "accounts/:accountId/requests/new", lazy: () => import("./routes/new-request.tsx") },
            { path: "accounts/:accountId/requests/:requestId", lazy: () => import("./routes/request.tsx") },
            { path: "operator", lazy: () => import("./routes/operator.tsx") },
            { path: "operator/requests/:requestId", lazy: () => import("./routes/operator-request.tsx") },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
