import type { ApiClient, InputOf, MethodName, OutputOf } from './contract.ts';
import { API_METHODS } from './methods.ts';

/** A transport: deliver one call and return its result (or throw an ApiError). */
export type Transport = <K extends MethodName>(method: K, input: InputOf<K>) => Promise<OutputOf<K>>;

/** Build the typed client over a transport: one function per method, nothing generic exposed. */
export function buildClient(transport: Transport): ApiClient {
  const client = {} as Record<MethodName, unknown>;
  for (const m of API_METHODS) client[m] = (input: InputOf<typeof m>) => transport(m, input);
  return client as ApiClient;
}
