// A fixed-window quota per API key, reported with the IETF RateLimit / RateLimit-Policy
// headers the contract documents. Windows are keyed by a hash of the key, never the key.

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowSeconds: number;
}

/** Generous enough for test suites, still a real quota with real headers. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 1000, windowSeconds: 1 };

export interface RateLimitState {
  allowed: boolean;
  remaining: number;
  resetSeconds: number;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #now: () => number;

  constructor(options: RateLimitOptions, now: () => number = Date.now) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`rateLimit.limit must be a positive integer, got ${options.limit}`);
    }
    if (!Number.isInteger(options.windowSeconds) || options.windowSeconds < 1) {
      throw new RangeError(
        `rateLimit.windowSeconds must be a positive integer, got ${options.windowSeconds}`,
      );
    }
    this.limit = options.limit;
    this.windowSeconds = options.windowSeconds;
    this.#now = now;
    this.policy = `"default";q=${this.limit};w=${this.windowSeconds}`;
  }

  /** The `RateLimit-Policy` header value. */
  readonly policy: string;

  header(state: RateLimitState): string {
    return `"default";r=${state.remaining};t=${state.resetSeconds}`;
  }

  /** `RateLimit-Policy` and `RateLimit` as a flat header list, as node:http's writeHead takes it. */
  headers(state: RateLimitState): string[] {
    return ["RateLimit-Policy", this.policy, "RateLimit", this.header(state)];
  }

  /** Counts one request for `keyId` and says whether it fits in the quota. */
  take(keyId: string): RateLimitState {
    const now = this.#now();
    const windowMs = this.windowSeconds * 1000;
    let window = this.#windows.get(keyId);
    if (!window || now - window.start >= windowMs) {
      if (this.#windows.size > 10_000) {
        this.#sweep(now, windowMs);
      }
      window = { start: now, count: 0 };
      this.#windows.set(keyId, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    if (window.count >= this.limit) {
      return { allowed: false, remaining: 0, resetSeconds };
    }
    window.count += 1;
    return { allowed: true, remaining: this.limit - window.count, resetSeconds };
  }

  clear(): void {
    this.#windows.clear();
  }

  #sweep(now: number, windowMs: number): void {
    for (const [keyId, window] of this.#windows) {
      if (now - window.start >= windowMs) {
        this.#windows.delete(keyId);
      }
    }
  }
}
