/**
 * For the crash tests against the Alma Heritage simulator: waits until the simulator has
 * received (and, told by failNext to time out, holds) the next request of a kind, so the test
 * can kill the app at that exact point. The simulator reports each request through its
 * `onRequest` option into `seen`.
 */

/** Resolves when a request named `message` arrives after now; rejects (and stops polling) after `timeoutMs`. */
export function heldRequest(seen: readonly { message: string | null }[], message: string, timeoutMs = 20_000): Promise<void> {
  const from = seen.length;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (seen.slice(from).some((r) => r.message === message)) {
        clearInterval(check);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(check);
        reject(new Error(`the simulator received no ${message} within ${timeoutMs} ms`));
      }
    }, 5);
  });
}
