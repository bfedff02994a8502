/** What went wrong, as the user is told it. */

/**
 * The first line of an error's message, without a trailing colon or full stop: fit for a notice
 * or a problem. Never throws, whatever was thrown.
 */
export function describeError(error: unknown): string {
  let message: string;
  try {
    message = error instanceof Error ? error.message : String(error);
  } catch {
    message = "an unknown error";
  }
  return (message.split("\n")[0] ?? "").trim().replace(/[:.]$/, "");
}
