// The published API: the built pages (in dist/) and a server for them. Building the pages needs
// the workspace (the spec, Redocly, the sandbox's test numbers) and is not part of it: see
// `src/build-cli.ts`, which the package's own `build` and `freeze` scripts run.
export { type DocsServer, type ServeOptions, serveDocs } from "./serve.js";
export { compareVersions, isVersion } from "./versions.js";
