// Fault injection for client tests: per request through the `Sandbox-Fault` header, per server
// through `startSandbox({ faults })`. Faults only apply to call creation.

export const FAULT_HEADER = "sandbox-fault";

export type FaultStatus = 500 | 502 | 503;
const FAULT_STATUSES: readonly number[] = [500, 502, 503];

/** The faults of one request, after combining the header with the server's options. */
export interface Faults {
  latencyMs: number;
  status?: FaultStatus;
  resetBefore: boolean;
  resetAfter: boolean;
}

/** Per-server faults. Rates are probabilities in [0, 1]; 1 means every request. */
export interface SandboxFaults {
  /** Added to every creation, while its Idempotency-Key is in flight. */
  latencyMs?: number;
  /** Answer this status instead of creating the call, at `statusRate` (default 1). */
  status?: FaultStatus;
  statusRate?: number;
  /** Destroy the socket before processing (no call is created). */
  resetBeforeRate?: number;
  /** Create and store the call, then destroy the socket instead of answering. */
  resetAfterRate?: number;
  /** Source of randomness for the rates (default Math.random); inject one for reproducible runs. */
  random?: () => number;
}

/** What a request gets when neither its header nor the server asks for a fault. */
export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  resetBefore: false,
  resetAfter: false,
});

export class FaultHeaderError extends Error {}

const USAGE =
  "expected a comma-separated list of latency=<ms>, status=<500|502|503>, reset-before, reset-after";

/** Parses `Sandbox-Fault`, e.g. `latency=200, reset-after`. */
export function parseFaultHeader(value: string): Partial<Faults> {
  const faults: Partial<Faults> = {};
  for (const part of value.split(",").map((item) => item.trim())) {
    if (part === "") {
      continue;
    }
    const [name, argument] = part.split("=", 2).map((item) => item.trim());
    if (name === "latency" && argument !== undefined && /^\d{1,6}$/.test(argument)) {
      faults.latencyMs = Number(argument);
    } else if (name === "status" && argument !== undefined && FAULT_STATUSES.includes(Number(argument))) {
      faults.status = Number(argument) as FaultStatus;
    } else if (name === "reset-before" && argument === undefined) {
      faults.resetBefore = true;
    } else if (name === "reset-after" && argument === undefined) {
      faults.resetAfter = true;
    } else {
      throw new FaultHeaderError(`Sandbox-Fault: cannot use "${part.slice(0, 64)}"; ${USAGE}.`);
    }
  }
  return faults;
}

export function validateServerFaults(faults: SandboxFaults): void {
  for (const name of ["statusRate", "resetBeforeRate", "resetAfterRate"] as const) {
    const rate = faults[name];
    if (rate !== undefined && !(rate >= 0 && rate <= 1)) {
      throw new RangeError(`faults.${name} must be a probability between 0 and 1, got ${rate}`);
    }
  }
  if (faults.latencyMs !== undefined && !(Number.isFinite(faults.latencyMs) && faults.latencyMs >= 0)) {
    throw new RangeError(
      `faults.latencyMs must be a non-negative number of milliseconds, got ${faults.latencyMs}`,
    );
  }
  if (faults.status !== undefined && !FAULT_STATUSES.includes(faults.status)) {
    throw new RangeError(`faults.status must be one of ${FAULT_STATUSES.join(", ")}, got ${faults.status}`);
  }
}

/** The header's faults win; the server's rates are drawn once per request. */
export function resolveFaults(header: Partial<Faults>, server: SandboxFaults): Faults {
  const random = server.random ?? Math.random;
  const draw = (rate: number | undefined): boolean => rate !== undefined && rate > 0 && random() < rate;
  const status = header.status ?? (server.status && draw(server.statusRate ?? 1) ? server.status : undefined);
  return {
    latencyMs: (header.latencyMs ?? 0) + (server.latencyMs ?? 0),
    ...(status === undefined ? {} : { status }),
    resetBefore: header.resetBefore ?? draw(server.resetBeforeRate),
    resetAfter: header.resetAfter ?? draw(server.resetAfterRate),
  };
}
