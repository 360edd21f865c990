import { createHash } from 'node:crypto';

/**
 * The picture of a member who uploaded none, drawn on the server from the username alone (no third-party
 * service, no Gravatar: nobody else learns who reads whom). The username, not the display name: it never
 * changes, so a picture cached for good under its URL stays right.
 */
export function generatedAvatarSvg(username: string): string {
  const digest = createHash('sha256').update(username.toLowerCase()).digest();
  // Hue from the hash; saturation and lightness fixed so that white letters always read (contrast ≥ 5.3:1 at every hue).
  const hue = digest.readUInt16BE(0) % 360;
  const initials = escapeXml(initialsOf(username));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img">` +
    `<rect width="128" height="128" fill="hsl(${hue}, 55%, 28%)"/>` +
    `<text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="54" ` +
    `font-weight="600" fill="#ffffff">${initials}</text></svg>`
  );
}

/** One or two letters: the first, and the first after a separator (`jane_doe` → `JD`), else the second. */
export function initialsOf(username: string): string {
  const parts = username.split(/[_.\-\s]+/).filter((part) => part.length > 0);
  const first = parts[0] ?? '?';
  const second = parts.length > 1 ? (parts[1] ?? '').charAt(0) : first.charAt(1);
  return `${first.charAt(0)}${second}`.toUpperCase();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
