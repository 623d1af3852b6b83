// The faults this request asks for (`Sandbox-Fault`) combined with the server's. They are only
// read here; the latency, fault and create steps apply them.
import { FAULT_HEADER, FaultHeaderError, type Faults, parseFaultHeader, resolveFaults } from "../faults.js";
import { NEXT, problem, type Step } from "../step.js";

export const faultHeader: Step = {
  name: "fault-header",
  check: "`Sandbox-Fault` header not understood",
  answer: "400 `invalid_value` (names the bad part)",
  run(exchange, sandbox) {
    const header = exchange.req.headers[FAULT_HEADER];
    // Most requests carry no fault and the server injects none: nothing to parse or draw.
    if (header === undefined && !sandbox.serverHasFaults) {
      return NEXT;
    }
    let faults: Faults;
    try {
      faults = resolveFaults(
        typeof header === "string" ? parseFaultHeader(header) : {},
        sandbox.serverFaults,
      );
    } catch (error) {
      if (error instanceof FaultHeaderError) {
        return problem(400, "invalid_value", error.message);
      }
      throw error;
    }
    exchange.faults = faults;
    exchange.latencyMs = faults.latencyMs;
    if (faults.latencyMs || faults.status || faults.resetBefore || faults.resetAfter) {
      exchange.log.faults = [
        faults.latencyMs ? `latency=${faults.latencyMs}` : "",
        faults.status ? `status=${faults.status}` : "",
        faults.resetBefore ? "reset-before" : "",
        faults.resetAfter ? "reset-after" : "",
      ]
        .filter(Boolean)
        .join(",");
    }
    return NEXT;
  },
};
