/**
 * Lets the event loop run (signals, I/O callbacks) in the middle of a long synchronous stretch of work: the
 * loops over files await it every few files, so that Ctrl-C is answered between two files, not at the end.
 */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
