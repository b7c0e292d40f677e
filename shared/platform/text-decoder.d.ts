/**
 * The WHATWG TextDecoder, which both hosts (Node and every browser) provide as a global. shared/
 * compiles with neither DOM nor Node types, so it declares the small part it uses here.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
