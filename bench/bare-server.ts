// The yardstick: a bare Fastify answering a small JSON object, in its own process like the app.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/hello", async () => ({ hello: "world" }));
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
process.on("SIGTERM", async () => {
  await app.close();
  process.exit(0);
});
