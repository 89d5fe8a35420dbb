// The API's one error shape: `{ error: { status, message, parameter? } }`. Bad parameters are
// 400 and name the parameter; unknown actors, documents and routes are 404.
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: 400 | 404,
    message: string,
    /** The query or path parameter at fault, when there is one. */
    readonly parameter?: string,
  ) {
    super(message);
  }
}

export const badParameter = (parameter: string, problem: string) => new HttpError(400, `${parameter}: ${problem}`, parameter);
export const notFound = (what: string, parameter?: string) => new HttpError(404, what, parameter);
