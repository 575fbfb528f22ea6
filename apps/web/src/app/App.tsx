import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router";
import { endSessionData } from "../features/auth/api/session.ts";
import { setSessionEndedHandler } from "../lib/api-client.ts";
import { createQueryClient } from "../lib/query-client.ts";
import { createRouter } from "./router.tsx";

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // The server ended the session (signed out elsewhere, expired): back to sign-in, data gone.
    setSessionEndedHandler(() => endSessionData(client));
    return client;
  });
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
