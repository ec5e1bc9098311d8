// The peer of bench/peer/run.sh: PostGraphile 5 over the PostgreSQL copy of the data, configured the way its
// documentation suggests (Amber preset, simplified inflection, connection-filter), in production mode, on
// 127.0.0.1 only. Two changes so that it can answer the same questions: ordering by any column (v5 offers
// only indexed columns unless PgIndexBehaviorsPlugin is off), and filters through relations (withinRegion).
//   node server.mjs   (DATABASE_URL, PORT from the environment)
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const port = Number(process.env.PORT ?? 5832);
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"] })],
  schema: { connectionFilterRelations: true },
  grafserv: { port, host: "127.0.0.1", graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => { console.error(e); process.exit(1); });
await serv.addTo(server);
server.listen(port, "127.0.0.1", () => console.log(`PostGraphile on http://127.0.0.1:${port}/graphql`));
const stop = () => { server.close(); pgl.release().finally(() => process.exit(0)); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
