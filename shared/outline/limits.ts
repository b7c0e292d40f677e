/**
 * The largest input file casebench loads at once: the loader's own limit (DEFAULT_MAX_BYTES in
 * shared/ingest; a test keeps the two equal). Kept here so that the API contract can size its
 * upload field without importing the loader.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Base64 characters that carry MAX_INPUT_BYTES. */
export const MAX_INPUT_BASE64 = Math.ceil(MAX_INPUT_BYTES / 3) * 4;

/** Files one import preview takes at once. */
export const MAX_PREVIEW_FILES = 50;
