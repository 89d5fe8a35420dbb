/**
 * An error caused by the user's input (a path, a flag, a file's content). The CLI prints its
 * message as one line on stderr and exits non-zero; anything else is a bug and shows a stack.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    /** The input at fault: a path, URL, flag or `-` for stdin. */
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
  }
}
