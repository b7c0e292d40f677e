import { z } from 'zod';
import { ApiError } from './api-error.ts';
import { contract, type MethodName } from './contract.ts';
import { describeIssues } from '../model/schemas.ts';

export { ApiError, type ApiErrorCode } from './api-error.ts';

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Validate a payload from outside (IPC, HTTP, CLI) against the method's schema. */
export function validateInput<K extends MethodName>(method: K, payload: unknown): z.output<(typeof contract)[K]['input']> {
  const result = contract[method].input.safeParse(payload ?? {});
  if (!result.success) throw new ApiError('invalid-input', `${method}: ${describeIssues(result.error)}`);
  return result.data as z.output<(typeof contract)[K]['input']>;
}
