import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../ingest/index.ts';
import { MAX_INPUT_BASE64, MAX_INPUT_BYTES } from './limits.ts';

describe('upload limits', () => {
  it("are the loader's limit", () => {
    expect(MAX_INPUT_BYTES).toBe(DEFAULT_MAX_BYTES);
    // The base64 of a file at the limit fits the field exactly.
    expect(MAX_INPUT_BASE64).toBe(Buffer.from(new Uint8Array(MAX_INPUT_BYTES)).toString('base64').length);
  });
});
