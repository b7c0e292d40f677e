import type { ApiError } from '../../shared/api/errors.ts';

/** The error a call is expected to fail with (and a failure of the test if it does not fail). */
export async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected an error');
}
