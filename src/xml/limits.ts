/** The limits of reading XML: how deep, how large, how many errors. Every stage reads within them. */

/**
 * How deep elements may nest (1,000 levels). TEI documents stay well under 100; libxml2 stops at 256 unless
 * told otherwise. Deeper documents are refused as a finding: every later step (schema derivatives, the
 * transforms' tree walks) then works within a known bound.
 */
export const DEFAULT_MAX_DEPTH = 1000;

/** Files larger than this are refused before reading (64 MiB): a TEI document is rarely a tenth of it. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** How many well-formedness errors one file reports before the rest are only counted (random bytes make millions). */
export const MAX_REPORTED_ERRORS = 100;
