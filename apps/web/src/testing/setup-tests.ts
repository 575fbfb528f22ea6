import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";

// Lazy routes and the mock's delays take longer on a loaded two-core CI machine than the default 1 s.
configure({ asyncUtilTimeout: 5000 });
