/**
 * CLI output: JSON with --json (for scripts), readable text otherwise.
 * Exit statuses: 0 done, 1 refused or not verified, 2 usage or configuration error.
 */
export const EXIT = { OK: 0, REFUSED: 1, USAGE: 2 } as const;

export class UsageError extends Error {
  readonly code = 'BAD_REQUEST';
}

export interface Output {
  json: boolean;
  /** Prints a result: the object as JSON, or the text lines. */
  result(value: unknown, lines: () => string[]): void;
  info(line: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, lines) {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else process.stdout.write(`${lines().join('\n')}\n`);
    },
    info(line) {
      // Progress and notes go to stderr, so --json output on stdout stays parseable.
      process.stderr.write(`${line}\n`);
    },
  };
}

/** The answer for a permit number this agent never issued: NOT_FOUND, exit status 1. */
export function permitNotFound(out: Output, permitNumber: string): number {
  const message = `No permit numbered ${permitNumber} was issued here.`;
  out.result({ error: { code: 'NOT_FOUND', message } }, () => [message]);
  return EXIT.REFUSED;
}
