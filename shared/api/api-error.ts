/** The error both transports carry unchanged (kept free of zod so the preload stays small). */
export type ApiErrorCode = 'invalid-input' | 'unknown-method' | 'not-found' | 'conflict' | 'io' | 'corrupt' | 'forbidden' | 'internal';

/** An error both transports carry unchanged to the UI: a code to act on and a message to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON() {
    return { code: this.code, message: this.message };
  }
}
