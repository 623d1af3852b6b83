import { CalldeskError, isObject, redact } from "./errors.js";

/** Where the client writes: `console` by default; pino, winston or a test spy fit as they are. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const LEVELS = ["off", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LEVELS)[number];

/** The level's index in LEVELS (0 = off): the option, else `CALLDESK_LOG`, else warn. */
export function levelOf(logLevel: string | undefined, env: string | undefined): number {
  const level = LEVELS.indexOf((logLevel ?? (env || "warn")) as LogLevel);
  if (level < 0) {
    throw new CalldeskError(
      `${logLevel === undefined ? "CALLDESK_LOG" : "logLevel"} must be one of ${LEVELS.join(", ")}`,
    );
  }
  return level;
}

/**
 * A body as a debug line may show it: metadata values left out (their keys stay), and in every run
 * of five or more digits (phone numbers: E.164 has up to 15) all but the last four masked.
 */
export const masked = (text: string): string => {
  let body = text;
  try {
    body = JSON.stringify(JSON.parse(text), (key, value) =>
      key === "metadata" && isObject(value) ? Object.keys(value) : value,
    );
  } catch {}
  return body.replace(/\d+(?=\d{4})/g, (digits) => "*".repeat(digits.length));
};

/**
 * Writes `line()` at `level` (1 error ... 4 debug) when the client's level lets it through. The line
 * is built only then, so a client that does not log does not pay for formatting; it is redacted,
 * whatever a server or a fetch error put into it.
 */
export function log(sink: { level: number; logger: Logger }, level: 1 | 2 | 3 | 4, line: () => string): void {
  if (sink.level >= level) {
    sink.logger[LEVELS[level] as Exclude<LogLevel, "off">](redact(`calldesk: ${line()}`));
  }
}
