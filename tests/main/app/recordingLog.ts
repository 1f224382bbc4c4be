import type { Logger } from '../../../main/app/security';

/** A logger that keeps its lines, so a test can check what was warned. */
export function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (...args: unknown[]) => void lines.push(`${level}: ${args.map(String).join(' ')}`);
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}
