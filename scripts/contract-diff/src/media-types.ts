// Media types and ranges: `application/*` includes `application/json`, which
// `application/problem+json` specializes; parameters such as `charset` only add a promise.

export interface MediaType {
  type: string;
  subtype: string;
  params: string;
}

export function parseMediaType(key: string): MediaType {
  const [essence = "", ...params] = key
    .toLowerCase()
    .split(";")
    .map((s) => s.trim());
  const [type = "*", subtype = "*"] = essence.split("/");
  return { type, subtype, params: params.filter(Boolean).sort().join(";") };
}

/** Same type and subtype; parameters (`charset=utf-8`) do not change what a client sends or reads. */
export function sameType(a: MediaType, b: MediaType): boolean {
  return a.type === b.type && a.subtype === b.subtype;
}

/** `application/problem+json` specializes `application/json`; a range specializes to what it includes. */
export function specializes(general: MediaType, specific: MediaType): boolean {
  return (
    rangeCovers(general, specific) ||
    (general.type === specific.type && specific.subtype.endsWith(`+${general.subtype}`))
  );
}

/** Every parameter of the base (`charset=utf-8`) is still promised by the head. */
export function paramsKept(base: MediaType, head: MediaType): boolean {
  const kept = new Set(head.params.split(";").filter(Boolean));
  return base.params
    .split(";")
    .filter(Boolean)
    .every((p) => kept.has(p));
}

/** Whether media range `outer` (`application/*`, `*\/*`) includes `inner`. */
export function rangeCovers(outer: MediaType, inner: MediaType): boolean {
  return (
    (outer.type === "*" || outer.type === inner.type) &&
    (outer.subtype === "*" ||
      outer.subtype === inner.subtype ||
      (outer.subtype.startsWith("*+") && inner.subtype.endsWith(outer.subtype.slice(1))))
  );
}
