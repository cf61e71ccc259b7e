/** A bad argument: shown to the operator as is, exit code 2. */
export class CliUsageError extends Error {}
