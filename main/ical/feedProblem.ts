/**
 * Why a read of a partner's calendar was refused, or what in it looked wrong, as data: an i18n
 * key under `feeds.` and its parameters. The owner reads them translated (the feed's status,
 * the command line); the database keeps them as JSON so they can be translated again later.
 */
export interface FeedMessage {
  /** e.g. 'feeds.problem.html' or 'feeds.warning.duplicateUid'. */
  key: string;
  params?: Record<string, string | number>;
}

export type FeedProblem = FeedMessage;
export type FeedWarning = FeedMessage;

export function problem(name: string, params?: Record<string, string | number>): FeedProblem {
  return params ? { key: `feeds.problem.${name}`, params } : { key: `feeds.problem.${name}` };
}

export function warning(name: string, params?: Record<string, string | number>): FeedWarning {
  return params ? { key: `feeds.warning.${name}`, params } : { key: `feeds.warning.${name}` };
}

/** The JSON stored in feeds.last_error and sync_runs.message. */
export function messageToJson(message: FeedMessage): string {
  return JSON.stringify(message);
}

export function messageFromJson(text: string): FeedMessage | null {
  try {
    const value = JSON.parse(text) as FeedMessage;
    return typeof value?.key === 'string' ? value : null;
  } catch {
    return null;
  }
}
