import { createHash } from 'node:crypto';

/**
 * A finding's fingerprint: rule, metric, the documents involved and the figures' text, never line
 * numbers, so editing elsewhere in a file does not make a baselined finding new again.
 */
export function fingerprint(rule: string, metric: string | null, parts: { document: string; text: string }[]): string {
  const key = [rule, metric ?? '', ...parts.map((p) => `${p.document}\u0000${p.text}`).sort()].join('\u0001');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
