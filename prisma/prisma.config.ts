import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI wants a native schema-engine binary, which it downloads; this network can't.
// `generate` works with any executable at this path. Machines with the real engine keep theirs.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "bin", "no-schema-engine");

export default defineConfig({
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
});
