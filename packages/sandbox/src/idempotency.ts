// In-memory idempotency store with a bound on memory: at most `maxEntries` completed answers,
// each kept for `ttlMs` (24 h by default, the contract's minimum). When more keys than
// `maxEntries` are used within the TTL the oldest answers are forgotten early; in-flight
// reservations are never evicted (there are at most as many as concurrent requests).

export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_IDEMPOTENCY_MAX_ENTRIES = 10_000;
/**
 * `Retry-After` of a 409 `idempotency_key_in_use`, in seconds. The sandbox cannot tell when the
 * first request will be answered (a client may ask it for any latency), and the header counts
 * whole seconds: 1 is the shortest wait that is not an invitation to retry in a loop.
 */
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

export interface StoredAnswer {
  status: number;
  body: string;
  /** Flat `[name, value, ...]` list, as node:http's writeHead takes it. */
  headers: string[];
}

interface Entry {
  fingerprint: string;
  /** Undefined while the first request with the key is in flight. */
  answer?: StoredAnswer;
  storedAt: number;
}

export type Lookup =
  | { kind: "reserved" }
  | { kind: "in_flight" }
  | { kind: "mismatch" }
  | { kind: "replay"; answer: StoredAnswer };

export interface IdempotencyOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export class IdempotencyStore {
  readonly maxEntries: number;
  readonly ttlMs: number;
  readonly #now: () => number;
  // Map keeps insertion order, so the first completed entries are the oldest.
  readonly #entries = new Map<string, Entry>();
  #completed = 0;

  constructor(options: IdempotencyOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_IDEMPOTENCY_MAX_ENTRIES;
    this.ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
    this.#now = options.now ?? Date.now;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) {
      throw new RangeError(`idempotency.maxEntries must be a positive integer, got ${this.maxEntries}`);
    }
    if (!(this.ttlMs > 0)) {
      throw new RangeError(`idempotency.ttlMs must be positive, got ${this.ttlMs}`);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Reserves `key` for a request whose body canonicalises to `fingerprint`, or says why not. */
  begin(key: string, fingerprint: string): Lookup {
    const entry = this.#entries.get(key);
    if (entry?.answer && this.#now() - entry.storedAt >= this.ttlMs) {
      this.#delete(key, entry);
    } else if (entry) {
      if (entry.fingerprint !== fingerprint) {
        return { kind: "mismatch" };
      }
      return entry.answer ? { kind: "replay", answer: entry.answer } : { kind: "in_flight" };
    }
    this.#entries.set(key, { fingerprint, storedAt: this.#now() });
    return { kind: "reserved" };
  }

  /** Stores the answer of a reserved key. */
  complete(key: string, answer: StoredAnswer): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.answer) {
      return;
    }
    // Re-insert so that the Map order stays the order of completion (oldest first).
    this.#entries.delete(key);
    this.#entries.set(key, { fingerprint: entry.fingerprint, answer, storedAt: this.#now() });
    this.#completed += 1;
    this.#prune();
  }

  /** Forgets a reservation whose request ended without an answer worth replaying. */
  release(key: string): void {
    const entry = this.#entries.get(key);
    if (entry && !entry.answer) {
      this.#entries.delete(key);
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#completed = 0;
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key);
    if (entry.answer) {
      this.#completed -= 1;
    }
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (!entry.answer) {
        continue;
      }
      if (this.#completed <= this.maxEntries && now - entry.storedAt < this.ttlMs) {
        break;
      }
      this.#delete(key, entry);
    }
  }
}
