/**
 * Wraps a reload so a burst of requests (a sync run pushes many events) costs at most one run
 * in flight plus one queued. The queued run starts after the current one, because a request
 * made during a run may concern a change that run read too early to see.
 */
export function coalesce(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const start = (): Promise<void> => {
    running = run().finally(() => {
      running = null;
    });
    return running;
  };

  return () => {
    if (!running) return start();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
