// Created calls, kept for the inspection endpoint as their serialised 201 bodies (cheaper than
// objects, and exactly what was answered). Bounded: the oldest are forgotten past `max`.

export const DEFAULT_MAX_CALLS = 10_000;

export class CallLog {
  readonly max: number;
  #items: string[] = [];
  #head = 0;

  constructor(max: number = DEFAULT_MAX_CALLS) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`maxCalls must be a positive integer, got ${max}`);
    }
    this.max = max;
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  add(json: string): void {
    this.#items.push(json);
    if (this.size > this.max) {
      this.#head += 1;
    }
    // Compact now and then so that forgetting stays O(1) amortised.
    if (this.#head >= this.max) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }

  /** `{"calls":[...]}` in creation order. */
  toJson(): string {
    return `{"calls":[${this.#items.slice(this.#head).join(",")}]}`;
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}
