export { type BuildOptions, type BuildResult, buildDocs, freezeCurrent, readChangelogs } from "./build.js";
export {
  type ChangelogSource,
  changelogMarkdown,
  type DocsContent,
  docsContract,
  type ErrorCodeRow,
  errorCodeRows,
  errorTableMarkdown,
  testNumbersMarkdown,
} from "./content.js";
export { type DocsServer, type ServeOptions, serveDocs } from "./serve.js";
export { compareVersions, isVersion, versionIndexHtml } from "./versions.js";
