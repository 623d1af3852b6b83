// Workspace-only: `build` renders the pages into dist/, `freeze` keeps the current version's page
// under versions/ at release time. Not a published bin: it needs the workspace's dev dependencies.
import { buildDocs, freezeCurrent } from "./build.js";

async function main(command: string | undefined): Promise<void> {
  if (command === "build") {
    const result = await buildDocs();
    console.log(`@calldesk/docs: contract ${result.version}; versions ${result.versions.join(", ")}`);
    for (const file of result.files) {
      console.log(`  dist/${file}`);
    }
  } else if (command === "freeze") {
    console.log(`@calldesk/docs: kept versions/${await freezeCurrent()}/index.html`);
  } else {
    throw new Error("usage: node dist/lib/build-cli.js build | freeze");
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
