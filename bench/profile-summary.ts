// Where a request's CPU goes: reads a V8 CPU profile (BENCH_PROFILE=<folder> makes the app write
// one when it stops) and prints self time by package, per request.
//   pnpm --filter @lk/bench exec tsx profile-summary.ts <file.cpuprofile> <requests>
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, requestsArg] = process.argv.slice(2).filter((arg) => arg !== "--");
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [requests]");
const requests = Number(requestsArg ?? 1);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;

/** A frame's owner: the npm package, the project's own folder, Node itself, or V8's pseudo-frames. */
function ownerOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/(?!\.pnpm)((?:@[^/]+\/)?[^/]+)/.exec(url.split("node_modules/.pnpm/").pop() ?? url);
  if (url.includes("node_modules") && pkg?.[1]) return pkg[1];
  if (url.startsWith("node:")) return "node (internals)";
  const own = /\/(apps\/[^/]+|packages\/[^/]+|prisma)\//.exec(url);
  return own?.[1] ? `project: ${own[1]}` : url;
}

// A built-in (JSON.parse, a regular expression, a hash) is charged to the code that called it.
const parents = new Map<number, ProfileNode>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
const owners = new Map<number, string>();
for (const node of profile.nodes) {
  let owner = ownerOf(node);
  for (let up = parents.get(node.id); owner === "(native)" && up; up = parents.get(up.id)) {
    const above = ownerOf(up);
    if (above !== "(native)" && !above.startsWith("(")) owner = above;
  }
  owners.set(node.id, owner);
}
const micros = new Map<string, number>();
for (const [i, sample] of profile.samples.entries()) {
  const owner = owners.get(sample) ?? "?";
  micros.set(owner, (micros.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const busy = [...micros].filter(([owner]) => owner !== "(idle)");
const total = busy.reduce((sum, [, us]) => sum + us, 0);
console.log(
  `busy CPU ${(total / 1000).toFixed(0)} ms over ${requests} requests: ${(total / 1000 / requests).toFixed(3)} ms each`,
);
for (const [owner, us] of busy.sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${owner.padEnd(40)} ${(us / 1000 / requests).toFixed(3)} ms  ${((us / total) * 100).toFixed(1)} %`);
}
