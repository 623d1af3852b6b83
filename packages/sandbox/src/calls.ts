// Created calls, kept for the inspection endpoint as their serialised 201 bodies (cheaper than
// objects, and exactly what was answered). Bounded: a ring of `max` slots, so a forgotten call
// is released as soon as a newer one takes its slot.

export const DEFAULT_MAX_CALLS = 10_000;

export class CallLog {
  readonly max: number;
  #items: string[] = [];
  /** Once the ring is full: the slot of the oldest call, which the next call overwrites. */
  #oldest = 0;

  constructor(max: number = DEFAULT_MAX_CALLS) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`maxCalls must be a positive integer, got ${max}`);
    }
    this.max = max;
  }

  get size(): number {
    return this.#items.length;
  }

  add(json: string): void {
    if (this.#items.length < this.max) {
      this.#items.push(json);
      return;
    }
    this.#items[this.#oldest] = json;
    this.#oldest = (this.#oldest + 1) % this.max;
  }

  /** `{"calls":[...]}` in creation order. */
  toJson(): string {
    const inOrder = [...this.#items.slice(this.#oldest), ...this.#items.slice(0, this.#oldest)];
    return `{"calls":[${inOrder.join(",")}]}`;
  }

  clear(): void {
    this.#items = [];
    this.#oldest = 0;
  }
}
