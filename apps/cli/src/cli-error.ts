/** A failure the CLI reports as one line, with its exit code (2 = bad usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** True when the command has already printed what went wrong (only the exit code is left). */
    readonly isReported = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
