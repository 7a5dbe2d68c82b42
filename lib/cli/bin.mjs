#!/usr/bin/env node
// `nianbao` / `npm run -s cli --` / `npm start`: runs the compiled CLI under plain node (compiled on first use
// and whenever the sources change; `npm install` compiles it ahead).
import { pathToFileURL } from "node:url";

import { ensureCliBuild } from "./build-cli.mjs";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const entry = await ensureCliBuild();
await import(pathToFileURL(entry).href);
