/**
 * The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair: half an
 * emoji is a lone surrogate, which PostgreSQL's jsonb refuses (a job payload, a notification's data).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}
