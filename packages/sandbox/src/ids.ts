// Identifiers and timestamps of answers, made cheaply: every request needs a request id, every
// creation a call id and a timestamp, and every authenticated request its key's id.
import { createHash, randomFillSync, randomUUID } from "node:crypto";

const CALL_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const CALL_ID_LENGTH = 14;
const randomPool = Buffer.alloc(4096);
let randomOffset = randomPool.length;

/** `call_` + 14 lowercase letters and digits, like the seed's `call_cm1abc2def3gh4`. */
export function newCallId(): string {
  if (randomOffset + CALL_ID_LENGTH > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  let id = "call_";
  for (let i = 0; i < CALL_ID_LENGTH; i += 1) {
    id += CALL_ID_ALPHABET[(randomPool[randomOffset + i] as number) % CALL_ID_ALPHABET.length];
  }
  randomOffset += CALL_ID_LENGTH;
  return id;
}

// Request ids only need to be unique: a random per-process prefix and a counter are cheaper
// than a UUID per request.
const requestIdPrefix = `req_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
let requestCounter = 0;

export function newRequestId(): string {
  requestCounter += 1;
  return `${requestIdPrefix}${requestCounter.toString(36).padStart(8, "0")}`;
}

let clockSecond = -1;
let clockText = "";

/** RFC 3339 UTC without milliseconds, like the seed's `2026-04-15T18:30:22Z`. */
export function timestamp(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== clockSecond) {
    clockSecond = second;
    clockText = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
  }
  return clockText;
}

// Idempotency keys and quotas are scoped per API key through a hash, so the idempotency store
// and the quota windows never hold a key; the hashes are cached here (at most 1000 keys,
// never exposed) because every request asks for one.
const keyIds = new Map<string, string>();

export function keyId(apiKey: string): string {
  let id = keyIds.get(apiKey);
  if (id === undefined) {
    if (keyIds.size >= 1000) {
      keyIds.clear();
    }
    id = createHash("sha256").update(apiKey).digest("base64url").slice(0, 22);
    keyIds.set(apiKey, id);
  }
  return id;
}
