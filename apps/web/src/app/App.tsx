import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router";
import { endSessionData } from "../features/auth/api/session.ts";
import { setSessionEndedHandler } from "../lib/api-client.ts";
import { createQueryClient } from "../lib/query-client.ts";
import { createRouter } from "./router.tsx";

/** The app's cache of server data. */
export function createAppQueryClient(): QueryClient {
  const client = createQueryClient();
  // The server ended the session (signed out elsewhere, expired): back to sign-in, data gone.
  setSessionEndedHandler(() => endSessionData(client));
  return client;
}

/** The whole app; `queryClient` when the start has filled it already (main.tsx). */
export function App({ queryClient: started }: { queryClient?: QueryClient }) {
  const [queryClient] = useState(() => started ?? createAppQueryClient());
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
