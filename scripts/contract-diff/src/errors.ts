/** Exit codes of both CLIs: 0 nothing unreleased breaks, 1 a break without its bump, 2 usage/parse. */
export const EXIT_OK = 0;
export const EXIT_UNRELEASED_BREAK = 1;
export const EXIT_USAGE = 2;

/** A bad argument, an unreadable ref or an invalid spec: the message is shown as is, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
