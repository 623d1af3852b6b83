// The reader-facing sections the rendered reference adds to the contract: a replay example,
// the table of every error code, rate-limit headers, the sandbox's test numbers and the
// changelog. Everything is derived from the bundle (or the packages' release notes) at build
// time, so the page can never disagree with the spec it documents.

/** A JSON value of the bundled OpenAPI document. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One release-notes file (a package's CHANGELOG.md written by changesets). */
export interface ChangelogSource {
  /** Package name, e.g. `@calldesk/client`. */
  name: string;
  /** The Markdown as changesets wrote it (starts with `# <name>`). */
  markdown: string;
}

export interface DocsContent {
  /** The sandbox's table of special numbers (`testNumbers` from `@calldesk/sandbox`). */
  testNumbers: unknown;
  /** Release notes of the workspace packages; an empty list renders the "no release yet" state. */
  changelogs: ChangelogSource[];
  /** The sandbox's default address, shown to readers and used by the console. */
  sandboxUrl: string;
}

/** One row of the generated error table. */
export interface ErrorCodeRow {
  code: string;
  statuses: number[];
  /** `problem`: the top-level `code` of a problem; `field`: an `errors[].code`. */
  kinds: ("problem" | "field")[];
  /** JSON pointers of the request fields whose schema names this code (`x-error-code(s)`). */
  fields: string[];
  /**
   * What it means: the ErrorCode's `x-enumDescriptions` entry when the spec has one, else the
   * summary of the problem example with this code, else a field error's `detail`, else the
   * description of the schema that names it.
   */
  meaning: string;
  /** What to do, taken from the description of the response(s) that carry the code. */
  action: string;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fail(message: string): never {
  throw new Error(`@calldesk/docs: ${message}`);
}

/** Follows a local `$ref` (`#/components/...`) of the bundle; the bundle has no other kind. */
export function deref(doc: JsonObject, node: Json | undefined): Json | undefined {
  let current = node;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) {
      fail(`circular $ref ${ref}`);
    }
    seen.add(ref);
    if (!ref.startsWith("#/")) {
      fail(`only local $refs are expected in the bundle, got ${ref}`);
    }
    let target: Json | undefined = doc;
    for (const raw of ref.slice(2).split("/")) {
      const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) {
      fail(`unresolved $ref ${ref}`);
    }
    current = target;
  }
  return current;
}

function objectAt(doc: JsonObject, node: Json | undefined, where: string): JsonObject {
  const value = deref(doc, node);
  if (!isObject(value)) {
    fail(`${where} is missing from the bundle`);
  }
  return value;
}

function operations(doc: JsonObject): { where: string; operation: JsonObject }[] {
  const result: { where: string; operation: JsonObject }[] = [];
  const paths = objectAt(doc, doc.paths, "paths");
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = objectAt(doc, item, `paths.${path}`);
    for (const method of ["get", "put", "post", "patch", "delete"]) {
      const operation = deref(doc, pathItem[method]);
      if (isObject(operation)) {
        result.push({ where: `${method.toUpperCase()} ${path}`, operation });
      }
    }
  }
  return result;
}

const LIMIT_KEYWORDS = [
  "type",
  "enum",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "minProperties",
  "maxProperties",
  "minItems",
  "maxItems",
];

/** The schema's limits as text: "`maxLength: 40`, `pattern: ^[a-z]+$`". */
function limits(schema: JsonObject): string {
  return LIMIT_KEYWORDS.filter((keyword) => schema[keyword] !== undefined)
    .map(
      (keyword) =>
        `\`${keyword}: ${typeof schema[keyword] === "string" ? schema[keyword] : JSON.stringify(schema[keyword])}\``,
    )
    .join(", ");
}

/** Walks a schema and records which request fields name which error codes. */
function collectFieldCodes(
  doc: JsonObject,
  node: Json | undefined,
  pointer: string,
  into: Map<string, Set<string>>,
  described: Map<string, string>,
  seen: Set<Json>,
): void {
  const schema = deref(doc, node);
  if (!isObject(schema) || seen.has(schema)) {
    return;
  }
  seen.add(schema);
  const add = (code: Json | undefined, at: string, rule: string) => {
    if (typeof code === "string") {
      if (rule && !described.has(code)) {
        described.set(code, `\`${at || "/"}\` ${rule}`);
      }
      const fields = into.get(code) ?? new Set<string>();
      fields.add(at || "/");
      into.set(code, fields);
    }
  };
  // The code names a violation of the schema's limits: say which, in the schema's own terms.
  add(schema["x-error-code"], pointer, `breaks ${limits(schema)}`);
  const codes = deref(doc, schema["x-error-codes"]);
  if (isObject(codes)) {
    for (const [keyword, code] of Object.entries(codes)) {
      add(code, pointer, `breaks ${limits({ [keyword]: schema[keyword] ?? null })}`);
    }
  }
  const names = deref(doc, schema.propertyNames);
  if (isObject(names)) {
    add(names["x-error-code"], `${pointer}/{key}`, `(a key) breaks ${limits(names)}`);
  }
  const extra = deref(doc, schema.additionalProperties);
  if (isObject(extra)) {
    add(extra["x-error-code"], `${pointer}/{key}`, `(a value) breaks ${limits(extra)}`);
  }
  const properties = deref(doc, schema.properties);
  if (isObject(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      collectFieldCodes(doc, property, `${pointer}/${name}`, into, described, new Set(seen));
    }
  }
}

/**
 * Every value of the `ErrorCode` enum with the status(es) that carry it and what to do,
 * derived from the problem examples of each response and the `x-error-code(s)` extensions.
 * A code that no response example and no field schema mentions is carried as a field error
 * of the responses whose examples list `errors[]` (validation problems). Throws when a code
 * cannot be placed at all, so a new code without an example fails the build.
 */
export function errorCodeRows(doc: JsonObject): ErrorCodeRow[] {
  const schemas = objectAt(doc, objectAt(doc, doc.components, "components").schemas, "components.schemas");
  const errorCode = objectAt(doc, schemas.ErrorCode, "components.schemas.ErrorCode");
  const codes = errorCode.enum;
  if (!Array.isArray(codes) || codes.length === 0) {
    fail("components.schemas.ErrorCode.enum is empty");
  }

  const enumDescriptions = deref(doc, errorCode["x-enumDescriptions"]);
  const meanings = new Map<string, string>();
  const mean = (code: Json | undefined, text: Json | undefined) => {
    if (typeof code === "string" && typeof text === "string" && !meanings.has(code)) {
      meanings.set(code, text.trim());
    }
  };
  const problemStatus = new Map<string, Set<number>>();
  const fieldStatus = new Map<string, Set<number>>();
  const actions = new Map<number, string>();
  const validationStatuses = new Set<number>();
  const fieldCodes = new Map<string, Set<string>>();
  const schemaMeanings = new Map<string, string>();
  const note = (map: Map<string, Set<number>>, code: Json | undefined, status: number) => {
    if (typeof code === "string") {
      map.set(code, (map.get(code) ?? new Set<number>()).add(status));
    }
  };

  for (const { where, operation } of operations(doc)) {
    const body = deref(doc, operation.requestBody);
    if (isObject(body)) {
      for (const media of Object.values(objectAt(doc, body.content, `${where} requestBody.content`))) {
        collectFieldCodes(doc, objectAt(doc, media, where).schema, "", fieldCodes, schemaMeanings, new Set());
      }
    }
    const responses = objectAt(doc, operation.responses, `${where} responses`);
    for (const [statusText, ref] of Object.entries(responses)) {
      const status = Number(statusText);
      if (!Number.isInteger(status) || status < 400) {
        continue;
      }
      const response = objectAt(doc, ref, `${where} ${statusText}`);
      if (typeof response.description === "string") {
        actions.set(status, response.description.trim());
      }
      const content = deref(doc, response.content);
      for (const media of Object.values(isObject(content) ? content : {})) {
        const examples = deref(doc, objectAt(doc, media, where).examples);
        for (const ref of Object.values(isObject(examples) ? examples : {})) {
          const example = objectAt(doc, ref, where);
          const value = deref(doc, example.value);
          if (!isObject(value)) {
            continue;
          }
          note(problemStatus, value.code, status);
          mean(value.code, example.summary);
          if (Array.isArray(value.errors) && value.errors.length > 0) {
            validationStatuses.add(status);
            for (const fieldError of value.errors) {
              if (isObject(fieldError)) {
                note(fieldStatus, fieldError.code, status);
                mean(fieldError.code, `\`${String(fieldError.pointer)}\` ${String(fieldError.detail)}`);
              }
            }
          }
        }
      }
    }
  }

  const unplaced: string[] = [];
  const rows = codes.map((code) => {
    if (typeof code !== "string") {
      fail(`ErrorCode.enum holds a non-string value ${JSON.stringify(code)}`);
    }
    const asProblem = problemStatus.get(code);
    const kinds: ErrorCodeRow["kinds"] = [];
    const statuses = new Set<number>(asProblem);
    if (asProblem) {
      kinds.push("problem");
    }
    if (fieldStatus.has(code) || fieldCodes.has(code) || !asProblem) {
      kinds.push("field");
      for (const status of fieldStatus.get(code) ?? validationStatuses) {
        statuses.add(status);
      }
    }
    if (statuses.size === 0) {
      unplaced.push(code);
    }
    const sorted = [...statuses].sort((a, b) => a - b);
    return {
      code,
      statuses: sorted,
      kinds,
      fields: [...(fieldCodes.get(code) ?? [])].sort(),
      meaning: String(
        (isObject(enumDescriptions) ? enumDescriptions[code] : undefined) ??
          meanings.get(code) ??
          schemaMeanings.get(code) ??
          "",
      ),
      action: sorted.map((status) => actions.get(status) ?? "").join(" "),
    };
  });
  if (unplaced.length > 0) {
    fail(
      `error codes ${unplaced.join(", ")} appear in no response example, and no response lists field errors: add an example`,
    );
  }
  return rows;
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll(/\s*\n\s*/g, " ");

/**
 * The error table as Markdown: one block per status (what to do, once) listing its codes with
 * what each means. Every `ErrorCode` appears; a code carried by several statuses in each.
 */
export function errorTableMarkdown(doc: JsonObject): string {
  const rows = errorCodeRows(doc);
  const statuses = [...new Set(rows.flatMap((row) => row.statuses))].sort((a, b) => a - b);
  const blocks = statuses.map((status) => {
    const codes = rows.filter((row) => row.statuses.includes(status));
    const actions = [...new Set(codes.map((row) => row.action))].join(" ");
    const lines = codes.map((row) => {
      // A field code names the fields whose schema declares it, unless the meaning already does.
      const fields = row.fields.map((field) => `\`${field}\``).join(", ");
      const meaning =
        !fields || row.meaning.includes(row.fields[0] ?? "") ? row.meaning : `${fields}: ${row.meaning}`;
      const kind = row.kinds.includes("problem") ? "" : " *(field)*";
      return `| \`${row.code}\`${kind} | ${cell(meaning)} |`;
    });
    return [`**${status}**: ${cell(actions)}`, "", "| Code | Meaning |", "|---|---|", ...lines].join("\n");
  });
  return [
    "Every value of `code`, generated from the contract's `ErrorCode` enum and the problem examples",
    "of each response, grouped by HTTP status. Codes marked *(field)* appear in `errors[].code`, one",
    "per invalid field; when a single field is invalid its code is also the problem's own `code`.",
    "",
    blocks.join("\n\n"),
  ].join("\n");
}

/** One problem `type` of the contract, with what the examples and responses say about it. */
export interface ProblemType {
  /** The `type` URI, e.g. `https://docs.247calldesk.com/errors/validation-failed`. */
  uri: string;
  /** Its last path segment, which names its anchor in the reference and `/errors/<slug>`. */
  slug: string;
  /** The problem examples' `title`. */
  title: string;
  statuses: number[];
  /** The top-level `code`s the examples give this type. */
  codes: string[];
}

/**
 * Every problem `type` URI the contract uses: the `type` of each problem example of every
 * response, and the Problem schema's own `type` examples. Sorted by slug; a slug that two
 * different URIs share fails (the anchors would collide).
 */
export function problemTypes(doc: JsonObject): ProblemType[] {
  const found = new Map<string, ProblemType>();
  const add = (uri: Json | undefined, value: JsonObject, status: number | undefined) => {
    if (typeof uri !== "string") {
      return;
    }
    const slug =
      new URL(uri).pathname.split("/").filter(Boolean).at(-1) ?? fail(`problem type ${uri} has no path`);
    const entry = found.get(slug) ?? { uri, slug, title: "", statuses: [], codes: [] };
    if (entry.uri !== uri) {
      fail(`problem types ${entry.uri} and ${uri} share the slug ${slug}`);
    }
    if (!entry.title && typeof value.title === "string") {
      entry.title = value.title;
    }
    if (status !== undefined && !entry.statuses.includes(status)) {
      entry.statuses.push(status);
    }
    if (typeof value.code === "string" && !entry.codes.includes(value.code)) {
      entry.codes.push(value.code);
    }
    found.set(slug, entry);
  };
  for (const { where, operation } of operations(doc)) {
    for (const [statusText, ref] of Object.entries(
      objectAt(doc, operation.responses, `${where} responses`),
    )) {
      const content = deref(doc, objectAt(doc, ref, `${where} ${statusText}`).content);
      for (const media of Object.values(isObject(content) ? content : {})) {
        const examples = deref(doc, objectAt(doc, media, where).examples);
        for (const example of Object.values(isObject(examples) ? examples : {})) {
          const value = deref(doc, objectAt(doc, example, where).value);
          if (isObject(value)) {
            add(value.type, value, Number(statusText));
          }
        }
      }
    }
  }
  const schemas = objectAt(doc, objectAt(doc, doc.components, "components").schemas, "components.schemas");
  const typeSchema = deref(
    doc,
    objectAt(doc, objectAt(doc, schemas.Problem, "Problem").properties, "Problem").type,
  );
  const typeExamples = isObject(typeSchema) ? typeSchema.examples : undefined;
  for (const uri of Array.isArray(typeExamples) ? typeExamples : []) {
    add(uri, {}, undefined);
  }
  if (found.size === 0) {
    fail("no problem example has a type");
  }
  for (const entry of found.values()) {
    entry.statuses.sort((a, b) => a - b);
    if (entry.statuses.length === 0) {
      fail(`problem type ${entry.uri} appears in no response example`);
    }
  }
  return [...found.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * One heading per problem type, named by its slug so that its anchor is predictable: the docs
 * server redirects `/errors/<slug>` (where each `type` URI points) to it.
 */
export function problemTypesMarkdown(doc: JsonObject): string {
  const rows = errorCodeRows(doc);
  const blocks = problemTypes(doc).map((type) => {
    const codes = type.codes.map((code) => {
      const row = rows.find((entry) => entry.code === code);
      return `- \`${code}\`${row?.meaning ? `: ${cell(row.meaning)}` : ""}`;
    });
    return [
      `### ${type.slug}`,
      "",
      `**${type.title}**: \`${type.uri}\`, status ${type.statuses.join(", ")}.`,
      "",
      ...codes,
    ].join("\n");
  });
  return [
    "The `type` of every problem (see Errors) is one of these URIs, and each leads here.",
    "",
    blocks.join("\n\n"),
  ].join("\n");
}

function headerExample(doc: JsonObject, headers: JsonObject, name: string): string {
  const header = objectAt(doc, headers[name], `header ${name}`);
  const schema = objectAt(doc, header.schema, `header ${name} schema`);
  const example = Array.isArray(schema.examples) ? schema.examples[0] : (header.example ?? schema.example);
  if (example === undefined) {
    fail(`header ${name} has no example`);
  }
  return String(example);
}

function exampleValue(doc: JsonObject, media: JsonObject, where: string): Json {
  const examples = objectAt(doc, media.examples, `${where} examples`);
  const first = Object.values(examples)[0];
  return objectAt(doc, first, `${where} first example`).value ?? fail(`${where} first example has no value`);
}

function firstOperation(doc: JsonObject): { where: string; operation: JsonObject; path: string } {
  const found = operations(doc).find(({ operation }) => isObject(operation.requestBody));
  if (!found) {
    fail("no operation with a request body");
  }
  return { ...found, path: found.where.split(" ")[1] ?? "" };
}

/** A request and its replay, built from the operation's first request and 201 examples. */
export function replayExampleMarkdown(doc: JsonObject): string {
  const { where, operation, path } = firstOperation(doc);
  const body = objectAt(doc, operation.requestBody, `${where} requestBody`);
  const request = exampleValue(
    doc,
    objectAt(doc, objectAt(doc, body.content, where)["application/json"], where),
    where,
  );
  const created = objectAt(doc, objectAt(doc, operation.responses, where)["201"], `${where} 201`);
  const headers = objectAt(doc, created.headers, `${where} 201 headers`);
  const answer = exampleValue(
    doc,
    objectAt(doc, objectAt(doc, created.content, where)["application/json"], where),
    where,
  );
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  const keyParameter = parameters
    .map((parameter) => objectAt(doc, parameter, `${where} parameter`))
    .find((parameter) => parameter.name === "Idempotency-Key");
  const key = keyParameter?.example ?? fail(`${where} has no Idempotency-Key example`);
  const names = Object.keys(headers).filter((name) => name !== "Idempotent-Replayed");
  const json = (value: Json) => JSON.stringify(value, null, 2);
  return [
    "The first request places the call; sending it again with the same key and the same body",
    "(for example after a timeout) returns the stored answer. Only `Idempotent-Replayed` differs:",
    "",
    "```http",
    `POST ${path} HTTP/1.1`,
    "Authorization: Bearer calldesk_...",
    "Content-Type: application/json",
    `Idempotency-Key: ${String(key)}`,
    "",
    json(request),
    "```",
    "",
    "```http",
    "HTTP/1.1 201 Created",
    "Content-Type: application/json",
    ...names.map((name) => `${name}: ${headerExample(doc, headers, name)}`),
    "Idempotent-Replayed: true",
    "",
    json(answer),
    "```",
  ].join("\n");
}

/** The rate-limit headers of a successful answer and of a `429`, from the header examples. */
export function rateLimitMarkdown(doc: JsonObject): string {
  const { where, operation } = firstOperation(doc);
  const responses = objectAt(doc, operation.responses, where);
  const created = objectAt(
    doc,
    objectAt(doc, responses["201"], `${where} 201`).headers,
    `${where} 201 headers`,
  );
  const limited = objectAt(
    doc,
    objectAt(doc, responses["429"], `${where} 429`).headers,
    `${where} 429 headers`,
  );
  // The 429's RateLimit headers share the 201's examples (a quota not yet spent), so only the
  // header that tells the client what to do is shown for it.
  const pick = (headers: JsonObject, pattern: RegExp) =>
    Object.keys(headers)
      .filter((name) => pattern.test(name))
      .map((name) => `${name}: ${headerExample(doc, headers, name)}`);
  return [
    "A successful answer:",
    "",
    "```http",
    "HTTP/1.1 201 Created",
    ...pick(created, /^RateLimit/),
    "```",
    "",
    "An exhausted quota:",
    "",
    "```http",
    "HTTP/1.1 429 Too Many Requests",
    ...pick(limited, /^Retry-After$/),
    "```",
  ].join("\n");
}

/**
 * The sandbox's special numbers as a table. The shape is read, not assumed: a list of records
 * or a record of records (or of plain values) becomes one row each, columns in first-seen order.
 */
export function testNumbersMarkdown(testNumbers: unknown): string {
  let rows: Record<string, unknown>[];
  if (Array.isArray(testNumbers)) {
    rows = testNumbers.map((row) => (isObject(row) ? row : { number: row }));
  } else if (isObject(testNumbers)) {
    rows = Object.entries(testNumbers).map(([name, value]) =>
      isObject(value) ? { name, ...value } : { name, number: value },
    );
  } else {
    fail("testNumbers must be a list or a record");
  }
  if (rows.length === 0) {
    fail("testNumbers is empty");
  }
  const show = (value: unknown) =>
    value === undefined ? "" : cell(typeof value === "string" ? value : JSON.stringify(value));
  // The sandbox's records say what happens in `description` (status and code included): the
  // narrow page column only has room for that, the number and where to send it.
  const known = ["number", "field", "description"];
  if (rows.every((row) => known.every((key) => typeof row[key] === "string"))) {
    return [
      "| Number | Send it as | What happens |",
      "|---|---|---|",
      ...rows.map((row) => `| \`${show(row.number)}\` | \`${show(row.field)}\` | ${show(row.description)} |`),
    ].join("\n");
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [
    `| ${columns.join(" | ")} |`,
    `|${columns.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${columns.map((column) => show(row[column])).join(" | ")} |`),
  ].join("\n");
}

/** The release notes, newest first as changesets writes them; headings are nested one level. */
export function changelogMarkdown(changelogs: ChangelogSource[]): string {
  const withNotes = changelogs.filter((source) => source.markdown.trim() !== "");
  if (withNotes.length === 0) {
    return [
      "No release has been published yet. Release notes are written by changesets into each",
      "package's `CHANGELOG.md` when a version is released, and appear here.",
    ].join("\n");
  }
  return [...withNotes]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((source) => {
      const body = source.markdown
        .trim()
        .split("\n")
        // Drop changesets' own `# <package>` title: the section below names the package.
        .filter((line, index) => !(index === 0 && line.startsWith("# ")))
        .map((line) => (/^#{1,4} /.test(line) ? `##${line}` : line))
        .join("\n")
        .trim();
      return `### ${source.name}\n\n${body}`;
    })
    .join("\n\n");
}

/** What a reader sees next to a rule the product documentation does not state. */
export const ASSUMED = "**Assumed** (not in the product documentation):";

/**
 * Every node marked `x-assumed` in the contract (a schema, parameter, header, response or
 * security scheme) shows the mark and its reason at the end of its own description, where the
 * reference renders it next to the rule.
 */
function markAssumptions(doc: JsonObject): void {
  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        visit(item);
      }
      return;
    }
    if (node === null || typeof node !== "object") {
      return;
    }
    const object = node as JsonObject;
    const why = object["x-assumed"];
    if (typeof why === "string") {
      // A reference with its own mark (a default beside a $ref) keeps the target's words: its
      // description replaces the target's in the page.
      const target = typeof object.$ref === "string" ? deref(doc, object) : undefined;
      const own = object.description ?? (isObject(target) ? target.description : undefined);
      const description = typeof own === "string" ? `${own.trimEnd()}\n\n` : "";
      object.description = `${description}${ASSUMED} ${why}`;
    }
    for (const [key, value] of Object.entries(object)) {
      if (key !== "examples" && key !== "example" && key !== "description") {
        visit(value);
      }
    }
  };
  visit(doc);
}

/** Splits Markdown into `## ` sections (the text before the first is kept as a preamble). */
function sections(markdown: string): { heading: string; body: string[] }[] {
  const result: { heading: string; body: string[] }[] = [{ heading: "", body: [] }];
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) {
      result.push({ heading: line.slice(3).trim(), body: [] });
    } else {
      result.at(-1)?.body.push(line);
    }
  }
  return result;
}

/**
 * A docs-only copy of the bundle: `info.description` gets the generated parts appended to the
 * matching `## ` section (or new sections when the heading is missing). The source stays the
 * spec; nothing here is written back.
 */
export function docsContract(bundle: JsonObject, content: DocsContent): JsonObject {
  const doc = structuredClone(bundle);
  markAssumptions(doc);
  const info = objectAt(doc, doc.info, "info");
  const description = typeof info.description === "string" ? info.description : "";
  const parts = sections(description.trimEnd());
  const extend = (heading: string, subheading: string, markdown: string) => {
    const section = parts.find((part) => part.heading.toLowerCase() === heading.toLowerCase());
    const block = [`### ${subheading}`, "", markdown, ""];
    if (section) {
      section.body.push("", ...block);
    } else {
      parts.push({ heading, body: ["", ...block] });
    }
  };
  extend("Idempotency", "What a replay looks like", replayExampleMarkdown(doc));
  extend("Errors", "Every error code", errorTableMarkdown(doc));
  extend("Rate limits", "Rate-limit headers", rateLimitMarkdown(doc));
  parts.push({ heading: "Problem types", body: ["", problemTypesMarkdown(doc), ""] });
  const { sandboxUrl } = content;
  parts.push({
    heading: "Sandbox",
    body: [
      "",
      "`@calldesk/sandbox` implements this contract locally, from the same bundle. Start it with",
      "`npx calldesk-sandbox` (or `pnpm start` in the repository) and send requests to",
      `\`${sandboxUrl}\` instead of the production host; any key of the form \`calldesk_...\` is`,
      "accepted. The numbers below trigger the special answers, so that retries and error",
      "handling can be tested without a real outage.",
      "",
      testNumbersMarkdown(content.testNumbers),
      "",
      "### Try it from this page",
      "",
      "Start the sandbox, open **Create a call**, pick a request example and press **Test Request**:",
      `the console sends it from your browser to \`${sandboxUrl}\` (choose \`{another-address}\` in`,
      "its server menu to type another) with the sandbox's example key, and shows the status, the",
      "response headers and the body. Nothing leaves your machine unless you type another address,",
      "and the key is kept only while the page is open.",
      "",
      "While the `Idempotency-Key` field holds the example key (or nothing), every send gets a fresh",
      "UUID, shown under **Request Headers** of the answer. To see a replay, type that key into the",
      "field and send again: the answer carries `Idempotent-Replayed: true`.",
      "",
    ],
  });
  parts.push({ heading: "Changelog", body: ["", changelogMarkdown(content.changelogs), ""] });
  info.description = `${parts
    .map((part) => (part.heading ? [`## ${part.heading}`, ...part.body] : part.body).join("\n"))
    .join("\n")
    .trim()}\n`;
  return doc;
}
