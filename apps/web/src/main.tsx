// The app's entry (Vite's convention keeps it here); the rest of a page load is in boot/, step by
// step in docs/page-load.md.
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { App, createAppQueryClient } from "./app/App.tsx";
import { mayHaveSession } from "./lib/api-client.ts";
import "./styles/global.css";

async function start() {
  // `vite --mode mock`: the MSW mock API answers every /api call in the browser. The import is
  // dead code in a normal build, so none of the mock ships to customers.
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  if (import.meta.env.MODE === "mock") {
    const { startMockApi, mockAcquirerPage } = await import("./testing/mocks/browser.ts");
    await startMockApi();
    // The simulated acquirer's page, which the API serves itself (apart from the app) in the real one.
    const acquirer = mockAcquirerPage(window.location.pathname);
    if (acquirer) return createRoot(root).render(<StrictMode>{acquirer}</StrictMode>);
  }
  const queryClient = createAppQueryClient();
  // A visit with a session: the first screen's data before the first paint (on demand, so that
  // the sign-in page does not carry the account pages' code). Should that code not arrive, the
  // app starts all the same and its router says what went wrong.
  if (mayHaveSession()) {
    await import("./boot/first-screen.ts")
      .then(({ loadFirstScreen }) => loadFirstScreen(queryClient, window.location.pathname))
      .catch(() => undefined);
  }
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    );
  // A transition: React renders the first screen in slices and lets the browser breathe between
  // them, instead of one long task that freezes a slow phone while the page appears.
  startTransition(render);
}

void start();
