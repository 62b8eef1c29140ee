/** Inputs above this size are refused unless the caller raises the limit (`--max-size`). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
