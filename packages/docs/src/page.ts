// The HTML of one reference page: Scalar's API reference (its standalone browser bundle, inlined)
// rendering the docs copy of the contract, plus a little glue that runs in the page: the version
// switcher and the console's Idempotency-Key rule. The page fetches nothing: no fonts, no CDN,
// no proxy, no telemetry.
import { deref, type Json } from "./content.js";

type JsonObject = { [key: string]: Json };

/** What the glue needs to know, written into the page as JSON. */
export interface PageSettings {
  /** `<API title> <version>`; `freezeCurrent` reads the version back from the `<title>`. */
  title: string;
  version: string;
  /** Scalar's configuration (the docs copy of the contract is its `content`). */
  scalar: Record<string, Json>;
  /** The console's idempotency header and the contract's example value for it. */
  idempotency: { header: string; example: string };
}

/**
 * The URL fragment of a `###` heading of the description (a problem type's `### <slug>`).
 * Scalar only navigates to headings it lists in its sidebar, which are `##` and `###`.
 */
export function problemAnchor(slug: string): string {
  return `description/${slug}`;
}

/** The in-page switcher reads this file next to the version folders (see `versionsScript`). */
export const VERSIONS_SCRIPT = "versions.js";

/**
 * Runs in the browser (serialised with `Function.prototype.toString`, so it must not use
 * anything from this module). Draws the version switcher from `../versions.js`, then starts
 * Scalar with the console hook that gives every send a fresh Idempotency-Key unless the reader
 * typed one.
 */
export function pageScript(settings: PageSettings): void {
  type Versions = { latest: string; versions: string[] };
  const manifest = (window as unknown as { calldeskDocsVersions?: Versions }).calldeskDocsVersions;
  const nav = document.getElementById("calldesk-versions");
  if (nav) {
    const versions = manifest?.versions ?? [settings.version];
    const summary = document.createElement("summary");
    summary.textContent = `Version ${settings.version}${manifest?.latest === settings.version ? " (latest)" : ""}`;
    const list = document.createElement("ul");
    for (const version of versions) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      // Relative, with index.html: the same link works from disk and from the docs server.
      link.href = `../${version}/index.html`;
      link.textContent = version;
      if (version === settings.version) {
        link.setAttribute("aria-current", "page");
      }
      item.append(link);
      if (version === manifest?.latest) {
        item.append(" (latest)");
      }
      list.append(item);
    }
    const details = document.createElement("details");
    details.append(summary, list);
    nav.append(details);
  }

  // Accessibility (axe, critical): Scalar's code copy buttons are icons without a name, and its
  // search combobox lacks aria-expanded. Both exist only client-side, so labelling them after
  // they appear cannot disturb Scalar's rendering.
  new MutationObserver(() => {
    for (const button of document.querySelectorAll("button.scalar-code-copy:not([aria-label])")) {
      button.setAttribute("aria-label", "Copy code");
    }
    for (const input of document.querySelectorAll('input[role="combobox"]:not([aria-expanded])')) {
      input.setAttribute("aria-expanded", String(input.hasAttribute("aria-controls")));
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  // crypto.randomUUID needs a secure context; a page served on a LAN address over http is not.
  const uuid = (): string => {
    if (typeof crypto.randomUUID === "function") {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  const { header, example } = settings.idempotency;
  const configuration = {
    ...settings.scalar,
    // Before the request is built (so the console's "Request Headers" show the key really sent):
    // the contract's example key, or none, becomes a fresh UUID; a key the reader typed is sent
    // as is, which is how a replay is asked for.
    onBeforeRequest({ requestBuilder }: { requestBuilder: { headers: Headers } }) {
      const key = requestBuilder.headers.get(header);
      if (key === null || key.trim() === "" || key === example) {
        requestBuilder.headers.set(header, uuid());
      }
    },
  };
  (
    window as unknown as { Scalar: { createApiReference(selector: string, configuration: unknown): unknown } }
  ).Scalar.createApiReference("#calldesk-reference", configuration);
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fail(message: string): never {
  throw new Error(`@calldesk/docs: ${message}`);
}

/**
 * The page settings for a contract: Scalar's options (everything that would reach outside the
 * machine switched off) and the console's defaults, all read from the contract: the example
 * API key of its security scheme (`x-api-key-example`) and the `Idempotency-Key` example.
 */
export function pageSettings(contract: JsonObject, sandboxUrl: string): PageSettings {
  const info = isObject(contract.info) ? contract.info : fail("the contract has no info");
  const version = String(info.version);
  const requirement = Array.isArray(contract.security) ? contract.security[0] : undefined;
  const scheme = isObject(requirement) ? Object.keys(requirement)[0] : undefined;
  const components = isObject(contract.components) ? contract.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const securityScheme = scheme === undefined ? undefined : deref(contract, schemes[scheme]);
  const apiKey = isObject(securityScheme) ? securityScheme["x-api-key-example"] : undefined;
  if (scheme === undefined || typeof apiKey !== "string") {
    fail("the contract's security scheme has no x-api-key-example for the console");
  }
  let idempotency: PageSettings["idempotency"] | undefined;
  for (const item of Object.values(isObject(contract.paths) ? contract.paths : {})) {
    const pathItem = deref(contract, item);
    for (const operation of Object.values(isObject(pathItem) ? pathItem : {})) {
      const parameters =
        isObject(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const node of parameters) {
        const parameter = deref(contract, node);
        if (
          isObject(parameter) &&
          parameter.name === "Idempotency-Key" &&
          typeof parameter.example === "string"
        ) {
          idempotency = { header: parameter.name, example: parameter.example };
        }
      }
    }
  }
  return {
    title: `${String(info.title)} ${version}`,
    version,
    scalar: {
      content: contract,
      // The console talks to the local sandbox; another address is only used when typed in.
      servers: [
        { url: sandboxUrl, description: "Local sandbox (@calldesk/sandbox)" },
        {
          url: "{another-address}",
          description: "Another address (type it)",
          variables: { "another-address": { default: sandboxUrl, description: "Where to send the request" } },
        },
      ],
      authentication: { preferredSecurityScheme: scheme, securitySchemes: { [scheme]: { token: apiKey } } },
      // Nothing may leave the machine by itself: no web fonts, no telemetry, no AI agent or MCP
      // (hosted services), no request proxy (Scalar's own default is none), no auth persisted.
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      persistAuth: false,
      showDeveloperTools: "never",
      documentDownloadType: "none",
      // Only the samples of the contract, which the tests run; no generated, untested ones.
      hiddenClients: true,
      // The light theme is the one whose contrast is checked (axe, and the colours above).
      forceDarkModeState: "light",
      hideDarkModeToggle: true,
    },
    idempotency: idempotency ?? fail("no operation has an Idempotency-Key parameter with an example"),
  };
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** JSON that cannot end the `<script>` it sits in. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

/**
 * A third-party script made safe to inline: without `<script` or `</script` in it, the HTML
 * parser can neither end the element early nor enter the "double escaped" state. `\x3C` means
 * `<` in the string, template and regular-expression literals where these sequences occur.
 */
export function inlineScript(source: string): string {
  return source.replaceAll(/<(\/?script)/gi, "\\x3C$1");
}

// Scalar's light theme gives secondary text too little contrast for WCAG AA (4.5:1) on its
// backgrounds; these darker shades pass it. The bar holds the title and the version switcher.
const STYLE = `
  body { margin: 0; }
  :root { --scalar-custom-header-height: 2.75rem; scroll-padding-top: 3.5rem; }
  .light-mode {
    --scalar-color-2: #474747;
    --scalar-color-3: #555555;
    --scalar-color-accent: #0b57d0;
    --scalar-color-green: #0b6b36;
    --scalar-color-blue: #1d4fb0;
    --scalar-color-orange: #8f4700;
    --scalar-color-red: #b3261e;
    --scalar-color-purple: #6b3fa0;
  }
  .calldesk-bar {
    position: sticky; top: 0; z-index: 20; box-sizing: border-box;
    height: var(--scalar-custom-header-height); display: flex; align-items: center; gap: 1rem;
    padding: 0 1rem; background: #fff; border-bottom: 1px solid #d0d0d0;
    font: 14px/1.4 system-ui, sans-serif; color: #1a1a1a;
  }
  .calldesk-bar a { color: #0b57d0; }
  .calldesk-bar details { position: relative; }
  .calldesk-bar summary { cursor: pointer; }
  .calldesk-bar ul {
    position: absolute; right: 0; margin: 0.25rem 0 0; padding: 0.5rem 1rem; list-style: none;
    background: #fff; border: 1px solid #d0d0d0; border-radius: 4px; min-width: 10rem;
  }
  .calldesk-bar li { padding: 0.15rem 0; }
  .calldesk-bar .spacer { flex: 1; }
`;

/** The whole page: shell, Scalar's bundle, the settings and the glue, all inline. */
export function pageHtml(settings: PageSettings, scalarBundle: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(settings.title)}</title>
  <link rel="icon" href="data:,">
  <meta name="description" content="${escapeHtml(settings.title)}: the API reference, with a console for the local sandbox, samples, error types and the changelog.">
  <style>${STYLE}</style>
</head>
<body>
  <header class="calldesk-bar">
    <a href="../index.html">All versions</a>
    <span class="spacer"></span>
    <nav id="calldesk-versions" aria-label="API versions"></nav>
  </header>
  <div id="calldesk-reference"></div>
  <script src="../${VERSIONS_SCRIPT}"></script>
  <script>${inlineScript(scalarBundle)}</script>
  <script id="calldesk-settings" type="application/json">${scriptJson(settings)}</script>
  <script>(${pageScript.toString()})(JSON.parse(document.getElementById("calldesk-settings").textContent));</script>
</body>
</html>
`;
}
