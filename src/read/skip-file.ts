/**
 * An input that is not a document (empty, binary, undecodable). Not an InputError: the caller turns it
 * into a warning and carries on with the other files, the way a linter skips a stray binary.
 */
export class SkipFile extends Error {
  constructor(
    readonly path: string,
    /** Why, in a few words (`empty file`, `binary file (NUL bytes)` …). */
    readonly reason: string,
  ) {
    super(`${path}: skipped, ${reason}`);
    this.name = 'SkipFile';
  }
}
