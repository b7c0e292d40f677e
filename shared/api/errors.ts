import { z } from 'zod';
import { contract, type MethodName } from './contract.ts';
import { describeIssues } from '../model/schemas.ts';

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

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Validate a payload from outside (IPC, HTTP, CLI) against the method's schema. */
export function validateInput<K extends MethodName>(method: K, payload: unknown): z.output<(typeof contract)[K]['input']> {
  const result = contract[method].input.safeParse(payload ?? {});
  if (!result.success) throw new ApiError('invalid-input', `${method}: ${describeIssues(result.error)}`);
  return result.data as z.output<(typeof contract)[K]['input']>;
}
