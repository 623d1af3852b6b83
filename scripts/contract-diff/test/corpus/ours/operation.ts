// Mutations of everything around the schemas of our contract: status codes, response headers,
// media types, the request body, parameters, the operation itself, security, servers and the
// document. Each names the verdict and, where the README decides it, why.
import type { Doc } from "../../fixtures/cases.js";
import { type Add, at, OP } from "./mutate.js";

const RESPONSES = `${OP}/responses`;
const REQUEST_CONTENT = `${OP}/requestBody/content`;
const CREATED_CONTENT = `${RESPONSES}/201/content`;
const IDEMPOTENCY_KEY = "#/components/parameters/IdempotencyKey";

/** Renames media type `from` to `to` in the content at `pointer`. */
const moveMedia =
  (pointer: string, from: string, to: string) =>
  (d: Doc): void => {
    const content = at(d, pointer);
    content[to] = content[from];
    delete content[from];
  };

export function responseMutations(add: Add, contract: Doc): void {
  const where = "response";
  const error = { where, basis: "README", note: "README: error-response-removed is major" } as const;
  for (const status of Object.keys(at(contract, RESPONSES))) {
    const info = status.startsWith("2") ? { where } : error;
    add(
      `response-remove:${status}`,
      `response ${status} removed`,
      (d) => delete at(d, RESPONSES)[status],
      true,
      info,
    );
  }
  add(
    "response-201-to-200",
    "201 renumbered 200",
    (d) => {
      const r = at(d, RESPONSES);
      r[200] = r[201];
      delete r[201];
    },
    true,
    { where },
  );
  add(
    "response-201-to-2XX",
    "201 documented as 2XX",
    (d) => {
      const r = at(d, RESPONSES);
      r["2XX"] = r[201];
      delete r[201];
    },
    false,
    { where, basis: "README" },
  );
  add(
    "response-add-404",
    "404 response added",
    (d) => {
      at(d, RESPONSES)[404] = { $ref: "#/components/responses/BadRequest" };
    },
    false,
    { where },
  );
  add(
    "response-add-default",
    "default response added",
    (d) => {
      at(d, RESPONSES).default = { $ref: "#/components/responses/InternalServerError" };
    },
    false,
    { where },
  );
}

export function headerMutations(add: Add, contract: Doc): void {
  const where = "response";
  const responses = at(contract, RESPONSES);
  for (const status of Object.keys(responses)) {
    const pointer: string = responses[status].$ref ?? `${RESPONSES}/${status}`;
    const shared = pointer !== `${RESPONSES}/${status}`;
    for (const name of Object.keys(at(contract, pointer).headers ?? {})) {
      add(
        `header-remove:${status}:${name}`,
        `header ${name} removed from ${status}${shared ? ` (${pointer.split("/").pop()})` : ""}`,
        (d) => delete at(d, pointer).headers[name],
        true,
        shared
          ? { where, note: "a shared response component: removed from every operation using it" }
          : { where },
      );
    }
  }
  for (const name of Object.keys(contract.components.headers)) {
    add(
      `header-optional:${name}`,
      `header component ${name} made optional`,
      (d) => {
        d.components.headers[name].required = false;
      },
      true,
      { where },
    );
  }
  const edits: [string, string, (d: Doc) => void, boolean, string?][] = [
    [
      "header-optional:429-RateLimit-inline",
      "429's inline RateLimit header made optional",
      (d) => {
        d.components.responses.TooManyRequests.headers.RateLimit.required = false;
      },
      true,
    ],
    [
      "header-add:201-optional",
      "optional header added to 201",
      (d) => {
        at(d, `${RESPONSES}/201`).headers["X-Trace"] = { required: false, schema: { type: "string" } };
      },
      false,
    ],
    [
      "header-case:201-Location",
      "201 Location header spelled location",
      (d) => {
        const h = at(d, `${RESPONSES}/201`).headers;
        h.location = h.Location;
        delete h.Location;
      },
      false,
    ],
    [
      "header-schema:XRequestId-minLength-0",
      "X-Request-Id minLength 1 -> 0",
      (d) => {
        d.components.headers.XRequestId.schema.minLength = 0;
      },
      true,
    ],
    [
      "header-schema:XRequestId-maxLength",
      "X-Request-Id maxLength 64 set",
      (d) => {
        d.components.headers.XRequestId.schema.maxLength = 64;
      },
      false,
    ],
    [
      "header-schema:IdempotentReplayed-enum-remove",
      "Idempotent-Replayed enum loses 'true'",
      (d) => {
        d.components.headers.IdempotentReplayed.schema.enum = ["false"];
      },
      false,
    ],
    [
      "header-schema:IdempotentReplayed-enum-add",
      "Idempotent-Replayed enum gains 'unknown'",
      (d) => {
        d.components.headers.IdempotentReplayed.schema.enum.push("unknown");
      },
      true,
    ],
    [
      "header-schema:IdempotentReplayed-boolean",
      "Idempotent-Replayed string enum -> boolean",
      (d) => {
        d.components.headers.IdempotentReplayed.schema = { type: "boolean" };
      },
      true,
      "another JSON type: the text on the wire is the same ('true'/'false'), but typed clients change",
    ],
    [
      "header-schema:RetryAfter-minimum-remove",
      "Retry-After minimum 0 removed",
      (d) => {
        delete d.components.headers.RetryAfter.schema.minimum;
      },
      true,
    ],
    [
      "header-schema:RetryAfter-minimum-1",
      "Retry-After minimum 0 -> 1",
      (d) => {
        d.components.headers.RetryAfter.schema.minimum = 1;
      },
      false,
    ],
    [
      "header-schema:RetryAfter-string",
      "Retry-After integer -> string (HTTP-date allowed)",
      (d) => {
        d.components.headers.RetryAfter.schema = { type: "string", minLength: 1 };
      },
      true,
    ],
    [
      "header-schema:Location-uri",
      "Location format uri-reference -> uri",
      (d) => {
        d.components.headers.Location.schema.format = "uri";
      },
      false,
    ],
    [
      "header-schema:Location-format-remove",
      "Location format removed",
      (d) => {
        delete d.components.headers.Location.schema.format;
      },
      true,
    ],
  ];
  for (const [id, change, edit, breaking, note] of edits) {
    add(id, change, edit, breaking, note ? { where, note } : { where });
  }
}

export function mediaMutations(add: Add): void {
  const request = { where: "request" };
  const response = { where: "response" };
  add(
    "media:req-json-to-wildcard",
    "request application/json -> application/*",
    moveMedia(REQUEST_CONTENT, "application/json", "application/*"),
    false,
    { ...request, basis: "README" },
  );
  add(
    "media:req-json-charset",
    "request application/json -> application/json; charset=utf-8",
    moveMedia(REQUEST_CONTENT, "application/json", "application/json; charset=utf-8"),
    false,
    { ...request, note: "the same essence: the API still reads JSON" },
  );
  add(
    "media:req-add-form",
    "request application/x-www-form-urlencoded added",
    (d) => {
      const content = at(d, REQUEST_CONTENT);
      content["application/x-www-form-urlencoded"] = structuredClone(content["application/json"]);
    },
    false,
    request,
  );
  add(
    "media:req-json-to-form",
    "request application/json replaced by form",
    moveMedia(REQUEST_CONTENT, "application/json", "application/x-www-form-urlencoded"),
    true,
    request,
  );
  add(
    "media:req-json-to-merge-patch",
    "request application/json -> application/merge-patch+json",
    moveMedia(REQUEST_CONTENT, "application/json", "application/merge-patch+json"),
    true,
    { ...request, note: "clients sending application/json are refused" },
  );
  add(
    "media:201-json-to-problem",
    "201 application/json -> application/problem+json",
    moveMedia(CREATED_CONTENT, "application/json", "application/problem+json"),
    false,
    { ...response, basis: "README" },
  );
  add(
    "media:201-json-charset",
    "201 application/json -> application/json; charset=utf-8",
    moveMedia(CREATED_CONTENT, "application/json", "application/json; charset=utf-8"),
    false,
    { ...response, basis: "README" },
  );
  add(
    "media:201-json-to-wildcard",
    "201 application/json -> application/*",
    moveMedia(CREATED_CONTENT, "application/json", "application/*"),
    true,
    response,
  );
  add(
    "media:201-add-xml",
    "201 application/xml added",
    (d) => {
      const content = at(d, CREATED_CONTENT);
      content["application/xml"] = structuredClone(content["application/json"]);
    },
    false,
    response,
  );
  add(
    "media:201-json-removed-xml-added",
    "201 application/json replaced by application/xml",
    moveMedia(CREATED_CONTENT, "application/json", "application/xml"),
    true,
    response,
  );
  add(
    "media:400-problem-to-json",
    "400 application/problem+json -> application/json",
    moveMedia("#/components/responses/BadRequest/content", "application/problem+json", "application/json"),
    true,
    response,
  );
  add(
    "media:400-problem-removed",
    "400 content removed",
    (d) => delete d.components.responses.BadRequest.content,
    true,
    response,
  );
  add(
    "media:201-schema-removed",
    "201 schema removed",
    (d) => delete at(d, CREATED_CONTENT)["application/json"].schema,
    true,
    response,
  );
  add(
    "media:req-schema-removed",
    "request schema removed",
    (d) => delete at(d, REQUEST_CONTENT)["application/json"].schema,
    false,
    request,
  );
  add(
    "media:201-examples-changed",
    "201 example changed",
    (d) => {
      at(d, CREATED_CONTENT)["application/json"].examples.seed.value.status = "ringing";
    },
    false,
    response,
  );
}

export function requestMutations(add: Add): void {
  const where = "request";
  add(
    "body-optional",
    "request body required -> optional",
    (d) => {
      at(d, `${OP}/requestBody`).required = false;
    },
    false,
    { where },
  );
  add("body-removed", "request body removed", (d) => delete at(d, OP).requestBody, true, { where });
  add(
    "body-ext-max-bytes",
    "x-max-body-bytes 65536 -> 32768 (extension)",
    (d) => {
      at(d, `${OP}/requestBody`)["x-max-body-bytes"] = 32768;
    },
    false,
    { where, basis: "README", note: "README: extensions are patch (the engine does not read this x- key)" },
  );
  add(
    "body-schema-to-allOf",
    "request schema wrapped in an equivalent allOf",
    (d) => {
      at(d, REQUEST_CONTENT)["application/json"].schema = {
        allOf: [{ $ref: "#/components/schemas/CreateCallRequest" }],
      };
    },
    false,
    { where },
  );

  const edits: [string, string, (d: Doc) => void, boolean][] = [
    [
      "param:IdempotencyKey-required",
      "Idempotency-Key optional -> required",
      (d) => {
        at(d, IDEMPOTENCY_KEY).required = true;
      },
      true,
    ],
    [
      "param:IdempotencyKey-renamed",
      "Idempotency-Key renamed X-Idempotency-Key",
      (d) => {
        at(d, IDEMPOTENCY_KEY).name = "X-Idempotency-Key";
      },
      true,
    ],
    [
      "param:IdempotencyKey-case",
      "Idempotency-Key spelled idempotency-key",
      (d) => {
        at(d, IDEMPOTENCY_KEY).name = "idempotency-key";
      },
      false,
    ],
    [
      "param:IdempotencyKey-format-removed",
      "Idempotency-Key format uuid removed",
      (d) => delete at(d, IDEMPOTENCY_KEY).schema.format,
      false,
    ],
    [
      "param:IdempotencyKey-pattern-added",
      "Idempotency-Key pattern (lower-case hex uuid) added",
      (d) => {
        at(d, IDEMPOTENCY_KEY).schema.pattern =
          "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
      },
      true,
    ],
    [
      "param:IdempotencyKey-deprecated",
      "Idempotency-Key deprecated",
      (d) => {
        at(d, IDEMPOTENCY_KEY).deprecated = true;
      },
      false,
    ],
    [
      "param:IdempotencyKey-in-query",
      "Idempotency-Key moved from header to query",
      (d) => {
        at(d, IDEMPOTENCY_KEY).in = "query";
      },
      true,
    ],
    [
      "param:new-optional-query",
      "optional query parameter added",
      (d) => {
        at(d, OP).parameters.push({
          name: "dry_run",
          in: "query",
          required: false,
          schema: { type: "boolean" },
        });
      },
      false,
    ],
    [
      "param:new-required-header",
      "required header parameter added",
      (d) => {
        at(d, OP).parameters.push({
          name: "X-Account",
          in: "header",
          required: true,
          schema: { type: "string" },
        });
      },
      true,
    ],
    [
      "param:new-optional-header-with-default",
      "optional header with a default added",
      (d) => {
        at(d, OP).parameters.push({
          name: "X-Region",
          in: "header",
          required: false,
          schema: { type: "string", default: "eu" },
        });
      },
      false,
    ],
  ];
  for (const [id, change, edit, breaking] of edits) {
    add(id, change, edit, breaking, { where });
  }
  add(
    "param:IdempotencyKey-removed",
    "Idempotency-Key parameter removed",
    (d) => {
      at(d, OP).parameters = [];
    },
    true,
    { where, basis: "README" },
  );
}

export function operationMutations(add: Add): void {
  const where = "operation";
  add(
    "op:operationId",
    "operationId createCall -> placeCall",
    (d) => {
      at(d, OP).operationId = "placeCall";
    },
    true,
    { where, basis: "README" },
  );
  add(
    "op:deprecated",
    "operation deprecated",
    (d) => {
      at(d, OP).deprecated = true;
    },
    false,
    { where },
  );
  add(
    "op:summary",
    "summary and tags changed",
    (d) => {
      const op = at(d, OP);
      op.summary = "Place a call";
      op.tags = ["Calls"];
    },
    false,
    { where },
  );
  add("op:removed", "operation removed", (d) => delete d.paths["/api/v1/voice/calls"], true, { where });
  add(
    "op:path-renamed",
    "path /api/v1/voice/calls -> /api/v2/voice/calls",
    (d) => {
      d.paths["/api/v2/voice/calls"] = d.paths["/api/v1/voice/calls"];
      delete d.paths["/api/v1/voice/calls"];
    },
    true,
    { where },
  );
  const callId = { name: "call_id", in: "path", required: true, schema: { type: "string" } };
  add(
    "op:get-added",
    "GET /api/v1/voice/calls/{call_id} added",
    (d) => {
      d.paths["/api/v1/voice/calls/{call_id}"] = {
        get: {
          operationId: "getCall",
          parameters: [callId],
          responses: {
            200: {
              description: "The call.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Call" } } },
            },
          },
        },
      };
    },
    false,
    { where },
  );
  add(
    "op:get-added-with-request-Call",
    "a PUT that takes Call as its body added (Call becomes shared; nothing else changes)",
    (d) => {
      d.paths["/api/v1/voice/calls/{call_id}"] = {
        put: {
          operationId: "replaceCall",
          parameters: [callId],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Call" } } },
          },
          responses: { 204: { description: "ok" } },
        },
      };
    },
    false,
    { where },
  );
}

export function securityMutations(add: Add): void {
  const where = "security";
  const apiKey = { type: "apiKey", in: "header", name: "X-Api-Key" };
  add("sec:public", "global security removed (operation becomes public)", (d) => delete d.security, false, {
    where,
    basis: "README",
  });
  add(
    "sec:op-empty",
    "operation security: [] (public)",
    (d) => {
      at(d, OP).security = [];
    },
    false,
    { where, basis: "README" },
  );
  const edits: [string, string, (d: Doc) => void, boolean][] = [
    [
      "sec:optional",
      "security [{bearerAuth}] -> [{bearerAuth}, {}] (optional)",
      (d) => d.security.push({}),
      false,
    ],
    [
      "sec:role-added",
      "bearerAuth requirement gains role calls:write",
      (d) => {
        d.security = [{ bearerAuth: ["calls:write"] }];
      },
      true,
    ],
    [
      "sec:alternative-added",
      "apiKey added as an alternative",
      (d) => {
        d.components.securitySchemes.apiKey = apiKey;
        d.security.push({ apiKey: [] });
      },
      false,
    ],
    [
      "sec:and-added",
      "apiKey added to the bearer requirement (AND)",
      (d) => {
        d.components.securitySchemes.apiKey = apiKey;
        d.security = [{ bearerAuth: [], apiKey: [] }];
      },
      true,
    ],
    [
      "sec:scheme-to-apikey",
      "bearerAuth becomes an apiKey scheme",
      (d) => {
        d.components.securitySchemes.bearerAuth = apiKey;
      },
      true,
    ],
    [
      "sec:scheme-basic",
      "bearerAuth scheme bearer -> basic",
      (d) => {
        d.components.securitySchemes.bearerAuth.scheme = "basic";
      },
      true,
    ],
    [
      "sec:renamed",
      "bearerAuth renamed bearer (same definition)",
      (d) => {
        d.components.securitySchemes.bearer = d.components.securitySchemes.bearerAuth;
        delete d.components.securitySchemes.bearerAuth;
        d.security = [{ bearer: [] }];
      },
      false,
    ],
    [
      "sec:op-level-same",
      "operation-level security identical to global",
      (d) => {
        at(d, OP).security = [{ bearerAuth: [] }];
      },
      false,
    ],
  ];
  for (const [id, change, edit, breaking] of edits) {
    add(id, change, edit, breaking, { where });
  }
  add(
    "sec:scheme-case",
    "bearerAuth scheme bearer -> Bearer",
    (d) => {
      d.components.securitySchemes.bearerAuth.scheme = "Bearer";
    },
    false,
    { where, note: "auth schemes are case-insensitive (RFC 9110)" },
  );
  add(
    "sec:bearerFormat",
    "bearerFormat changed",
    (d) => {
      d.components.securitySchemes.bearerAuth.bearerFormat = "opaque";
    },
    false,
    { where, basis: "lean" },
  );
}

export function serverMutations(add: Add): void {
  const where = "servers";
  const sandbox = { url: "https://sandbox.247calldesk.com", description: "Sandbox" };
  add(
    "server:url-changed",
    "server URL changed",
    (d) => {
      d.servers[0].url = "https://api.calldesk.example";
    },
    true,
    { where, basis: "README" },
  );
  add(
    "server:url-trailing-slash",
    "server URL gains a trailing slash",
    (d) => {
      d.servers[0].url += "/";
    },
    false,
    { where },
  );
  add(
    "server:host-case",
    "server host upper-cased",
    (d) => {
      d.servers[0].url = "https://API.247calldesk.com";
    },
    false,
    { where, note: "host names are case-insensitive" },
  );
  add("server:added", "sandbox server added", (d) => d.servers.push(sandbox), false, { where });
  add(
    "server:added-first",
    "sandbox server added first (becomes the default)",
    (d) => d.servers.unshift(sandbox),
    false,
    { where, basis: "README" },
  );
  add(
    "server:description",
    "server description changed",
    (d) => {
      d.servers[0].description = "Prod";
    },
    false,
    { where },
  );
  add("server:removed", "servers removed (falls back to /)", (d) => delete d.servers, true, { where });
  add(
    "server:templated",
    "server URL templated with an enum that keeps the old URL",
    (d) => {
      d.servers = [
        {
          url: "https://{env}.247calldesk.com",
          variables: { env: { enum: ["api", "sandbox"], default: "api" } },
        },
      ];
    },
    false,
    { where },
  );
}

/** Keys in reverse order at every level: the same document. */
const reversed = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(reversed)
    : typeof x === "object" && x !== null
      ? Object.fromEntries(
          Object.entries(x)
            .reverse()
            .map(([k, v]) => [k, reversed(v)]),
        )
      : x;

export function documentMutations(add: Add): void {
  const where = "document";
  add(
    "doc:info-version",
    "info.version bumped",
    (d) => {
      d.info.version = "9.9.9";
    },
    false,
    { where },
  );
  add(
    "doc:tags",
    "top-level tags edited",
    (d) => {
      d.tags = [...(d.tags ?? []), { name: "Extra" }];
    },
    false,
    { where },
  );
  add("doc:identical", "no edit at all", () => {}, false, { where, bump: "none" });
  add(
    "doc:key-order",
    "every object's keys reversed (pure reorder)",
    (d) => {
      const copy = reversed(d) as Doc;
      for (const key of Object.keys(d)) {
        delete d[key];
      }
      Object.assign(d, copy);
    },
    false,
    { where, bump: "none" },
  );
}
