import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import "./styles/global.css";

async function start() {
  // `vite --mode mock`: the MSW mock API answers every /api call in the browser. The import is
  // dead code in a normal build, so none of the mock ships to customers.
  if (import.meta.env.MODE === "mock") {
    const { startMockApi } = await import("./testing/mocks/browser.ts");
    await startMockApi();
  }
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  // A transition: React renders the first screen in slices and lets the browser breathe between
  // them, instead of one long task that freezes a slow phone while the page appears.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

void start();
