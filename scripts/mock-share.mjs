// How much code the mock API has beside the API's features (issue #19): lines of code (not blank,
// not comments, not imports, not type declarations) in the mock's handlers and stores against
// the API's feature services. The mock's transport and wiring (the contract wrapper, MSW set-up,
// its clock, seed and test client) and the API's route files (its own transport) are left out
// of both sides. Prints each file and the share.
//   node scripts/mock-share.mjs
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const MOCK_WIRING =
  /contract-handler|browser\.ts|mock-api-server|handlers\/index\.ts|mock-clock|request-test-client|seed\.ts/;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Lines that do something: no blanks, comments, imports or type declarations. */
function codeLines(text) {
  let count = 0;
  let skipping = null; // "comment" | "import" | "type"
  let depth = 0;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (skipping === "comment") {
      if (line.includes("*/")) skipping = null;
      continue;
    }
    if (skipping === "import") {
      if (line.endsWith(";")) skipping = null;
      continue;
    }
    if (skipping === "type") {
      depth += (line.match(/[{(]/g) ?? []).length - (line.match(/[})]/g) ?? []).length;
      if (depth <= 0) skipping = null;
      continue;
    }
    if (!line || line.startsWith("//") || line.startsWith("*")) continue;
    if (line.startsWith("/*")) {
      if (!line.includes("*/")) skipping = "comment";
      continue;
    }
    if (line.startsWith("import ")) {
      if (!line.endsWith(";")) skipping = "import";
      continue;
    }
    if (/^(export\s+)?(interface|type)\s+\w/.test(line)) {
      depth = (line.match(/[{(]/g) ?? []).length - (line.match(/[})]/g) ?? []).length;
      if (depth > 0 || !line.endsWith(";")) skipping = depth > 0 ? "type" : line.endsWith("=") ? "type" : null;
      if (skipping === "type" && depth <= 0) depth = 1;
      continue;
    }
    count++;
  }
  return count;
}

function side(dir, keep) {
  const counted = files(join(root, dir))
    .map((path) => relative(root, path))
    .filter(keep)
    .map((path) => ({ path, lines: codeLines(readFileSync(join(root, path), "utf8")) }));
  return { counted, total: counted.reduce((sum, f) => sum + f.lines, 0) };
}

const mock = side("apps/web/src/testing/mocks", (path) => !MOCK_WIRING.test(path));
const api = side("apps/api/src/features", (path) => !path.endsWith("/routes.ts"));
for (const [name, s] of [
  ["mock", mock],
  ["api", api],
]) {
  console.log(`\n${name}:`);
  for (const f of s.counted.sort((a, b) => b.lines - a.lines))
    console.log(`  ${String(f.lines).padStart(4)}  ${f.path}`);
}
console.log(
  `\nmock ${mock.total} lines, API features ${api.total} lines: ${Math.round((100 * mock.total) / api.total)} %`,
);
