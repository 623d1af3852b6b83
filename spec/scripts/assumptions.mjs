// Collects every rule the contract marks `x-assumed` (what the product documentation does not
// state) and appends an "Assumptions" section to `info.description` of the bundles that
// `pnpm build` wrote, so the list is never written (or forgotten) by hand.
// Usage: node scripts/assumptions.mjs dist/openapi.json dist/openapi.yaml
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseDocument } from "yaml";

const HEADING = "## Assumptions";

/**
 * Every `x-assumed` of the document, in document order.
 * @param {any} doc a bundled OpenAPI document (all references local)
 * @returns {{ pointer: string, label: string, why: string }[]}
 */
export function assumptions(doc) {
  const found = [];
  const walk = (node, pointer) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        walk(child, `${pointer}/${i}`);
      });
      return;
    }
    if (node === null || typeof node !== "object") {
      return;
    }
    if (typeof node["x-assumed"] === "string") {
      found.push({ pointer, label: label(doc, pointer), why: node["x-assumed"] });
    }
    for (const [key, child] of Object.entries(node)) {
      // Examples are values, not contract: nothing in them is a rule.
      if (key !== "examples" && key !== "example") {
        walk(child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      }
    }
  };
  walk(doc, "#");
  return found;
}

/** What a reader calls the node at `pointer`: `CallStatus`, the `409` answer, the request body... */
function label(doc, pointer) {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const [root, group, name, ...rest] = parts;
  if (root === "components" && group === "schemas") {
    const path = rest.filter((p) => p !== "properties");
    if (path.length === 0) {
      return `\`${name}\``;
    }
    if (path.join("/") === "propertyNames") {
      return `the keys of \`${name}\``;
    }
    if (path.join("/") === "additionalProperties") {
      return `the values of \`${name}\``;
    }
    return `\`${name}.${path.join(".")}\``;
  }
  if (root === "components" && group === "parameters") {
    const parameter = doc.components.parameters[name];
    return `the \`${parameter.name}\` ${parameter.in} parameter`;
  }
  if (root === "components" && group === "headers") {
    return `the \`${headerName(doc, name)}\` response header`;
  }
  if (root === "components" && group === "responses") {
    const statuses = statusesOf(doc, `#/components/responses/${name}`);
    return `the ${statuses.map((s) => `\`${s}\``).join(", ")} answer${statuses.length === 1 ? "" : "s"}`;
  }
  if (root === "components" && group === "securitySchemes") {
    return `the \`${name}\` security scheme`;
  }
  if (root === "paths") {
    const at = parts.indexOf("responses");
    if (at >= 0) {
      return `the \`${parts[at + 1]}\` answer`;
    }
    if (parts.includes("requestBody")) {
      return "the request body";
    }
  }
  return `\`${pointer}\``;
}

/** Every operation response of the document, with its status (the operation's own, not a component's). */
function operationResponses(doc) {
  return Object.values(doc.paths ?? {}).flatMap((item) =>
    Object.values(item).flatMap((operation) => Object.entries(operation?.responses ?? {})),
  );
}

/** The name under which responses list a header component (`XRequestId` is `X-Request-Id`). */
function headerName(doc, component) {
  const responses = [
    ...Object.values(doc.components.responses ?? {}),
    ...operationResponses(doc).map(([, response]) => response),
  ];
  for (const response of responses) {
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.$ref === `#/components/headers/${component}`) {
        return name;
      }
    }
  }
  return component;
}

function statusesOf(doc, ref) {
  return operationResponses(doc)
    .filter(([, response]) => response.$ref === ref)
    .map(([status]) => status);
}

/**
 * The "Assumptions" section for `info.description`.
 * @param {{ label: string, why: string }[]} list
 */
export function section(list) {
  const items = list.map((a) => `- **${a.label}**: ${a.why}`);
  return [
    HEADING,
    "",
    "The product documentation states the fields, E.164 numbers, the `record` default, at most",
    "10 metadata keys, the voice changer options, the `Idempotency-Key` header and one request",
    "and answer. Everything else in this contract is our choice, marked `x-assumed` where it is",
    "stated, to be confirmed with the backend team:",
    "",
    ...items,
    "",
  ].join("\n");
}

/** `info.description` with the section appended (replacing one appended before). */
export function describe(description, list) {
  const before = description.split(`\n${HEADING}\n`)[0].replace(/\s+$/, "");
  return `${before}\n\n${section(list)}`;
}

function main(files) {
  const json = files.find((f) => f.endsWith(".json"));
  const doc = JSON.parse(readFileSync(json, "utf8"));
  const description = describe(doc.info.description ?? "", assumptions(doc));
  for (const file of files) {
    if (file.endsWith(".json")) {
      doc.info.description = description;
      writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    } else {
      const yaml = parseDocument(readFileSync(file, "utf8"));
      yaml.setIn(["info", "description"], description);
      writeFileSync(file, yaml.toString({ lineWidth: 0 }));
    }
  }
}

// As a URL, so that a checkout under a path with spaces or % still runs it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
