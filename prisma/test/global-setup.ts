import type { TestProject } from "vitest/node";
import { startTestCluster } from "../src/testing.ts";

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide("databaseAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
