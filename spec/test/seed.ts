// Parses the product documentation page the contract was written from (test/seed.txt, a
// verbatim copy of shared/seeds/000_be424409506750a7.txt) into the facts it states.
import { readFileSync } from "node:fs";

export interface SeedField {
  name: string;
  type: string;
  required: boolean;
  default?: string;
  description: string;
}

export interface Seed {
  curl: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  requestBody: unknown;
  responseBody: unknown;
  fields: SeedField[];
}

const SCALAR_TYPES = new Set(["string", "boolean", "object", "integer", "number", "array"]);

export function parseSeed(text: string): Seed {
  const curlStart = text.indexOf("curl -X POST");
  const curlEnd = text.indexOf("}'", curlStart) + 2;
  const curl = text.slice(curlStart, curlEnd);
  const url = /curl -X POST (\S+)/.exec(curl)?.[1];
  if (!url) {
    throw new Error("seed: no curl URL");
  }
  const headers = Object.fromEntries(
    [...curl.matchAll(/-H "([^:]+): ([^"]+)"/g)].map((match) => [match[1] as string, match[2] as string]),
  );
  const body = /-d '([\s\S]*?)'/.exec(curl)?.[1];
  if (!body) {
    throw new Error("seed: no curl body");
  }

  const responseStart = curlEnd + text.slice(curlEnd).indexOf("{");
  const { value: responseBody, end: responseEnd } = readJsonObject(text, responseStart);

  // After the response comes one block per documented field: name, type, then optional
  // "required" and default:"..." lines, then a one-line description.
  const lines = text
    .slice(responseEnd)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const fields: SeedField[] = [];
  let i = 0;
  while (i + 1 < lines.length && SCALAR_TYPES.has(lines[i + 1] as string)) {
    const field: SeedField = {
      name: lines[i] as string,
      type: lines[i + 1] as string,
      required: false,
      description: "",
    };
    i += 2;
    if (lines[i] === "required") {
      field.required = true;
      i += 1;
    }
    const defaultMatch = /^default:"(.*)"$/.exec(lines[i] ?? "");
    if (defaultMatch) {
      field.default = defaultMatch[1] as string;
      i += 1;
    }
    field.description = lines[i] as string;
    i += 1;
    fields.push(field);
  }

  const parsedUrl = new URL(url);
  return {
    curl,
    host: parsedUrl.origin,
    path: parsedUrl.pathname,
    headers,
    requestBody: JSON.parse(body),
    responseBody,
    fields,
  };
}

function readJsonObject(text: string, start: number): { value: unknown; end: number } {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === "{") {
      depth += 1;
    } else if (text[i] === "}") {
      depth -= 1;
      if (depth === 0) {
        return { value: JSON.parse(text.slice(start, i + 1)), end: i + 1 };
      }
    }
  }
  throw new Error("seed: unterminated JSON object");
}

export const seed = parseSeed(readFileSync(new URL("./seed.txt", import.meta.url), "utf8"));
