/**
 * Typed errors. Deeper code throws these; only src/cli/main.ts turns them into an exit code:
 * UsageError, InputError and ConfigError exit 2, anything else is a bug and exits 3.
 */

export type Params = Record<string, string | number>;

/** Where in the user's files a problem is. */
export interface Where {
  file?: string;
  sheet?: string;
  cell?: string;
  key?: string;
}

/** Base of every error kam reports as one line; `code` selects the message in src/i18n. */
export class KamError extends Error {
  constructor(
    readonly code: string,
    readonly params: Params = {},
    readonly where: Where = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = new.target.name;
  }
}

/** Wrong command line: unknown option, bad option value, missing argument. */
export class UsageError extends KamError {}

/** A file kam cannot read or write: missing, corrupt, unsupported, hostile. */
export class InputError extends KamError {}

/** An invalid configuration file or Rules sheet. */
export class ConfigError extends KamError {}
