import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of Vite's build manifest read here: each chunk's file and the chunks it imports statically. */
type Manifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/** The screens a server page hands over to: their chunk (and its imports) can load with the entry, not after it. */
const SCREENS = {
  home: 'src/features/forum/components/home-page.tsx',
  category: 'src/features/forum/components/category-page.tsx',
  topic: 'src/features/forum/components/topic-page.tsx',
} as const;

export type Screen = keyof typeof SCREENS;

/**
 * `<link rel="modulepreload">` tags for a screen's lazy chunk and everything it imports (and its style sheets), from the build's
 * manifest (dist/web/.vite/manifest.json). Without them the browser learns of that chunk only once the
 * entry has run (a second round trip, about a second on a weak phone). Nothing when the manifest is missing.
 */
export function screenPreloads(webDir: string): Record<Screen, string> {
  const path = join(webDir, '.vite/manifest.json');
  const manifest = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
  const tags = (key: string): string => {
    const files = new Set<string>();
    const styles = new Set<string>();
    const visit = (name: string) => {
      // The entry (index.html) has its own tags in the page already.
      const chunk = name === 'index.html' ? undefined : manifest[name];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.css?.forEach((file) => styles.add(file));
      chunk.imports?.forEach(visit);
    };
    visit(key);
    // The screen's own style sheets style the server page too (same classes); the client finds them already there.
    return [
      ...[...styles].map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
      ...[...files].map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ].join('\n    ');
  };
  return { home: tags(SCREENS.home), category: tags(SCREENS.category), topic: tags(SCREENS.topic) };
}

/**
 * `<link rel="preload" as="fetch">` for the API requests the client's screen makes first (features/forum/api,
 * lib/session.ts, lib/site.ts), so their answers travel while the scripts do. Must match the client's URLs
 * exactly to be used; a mismatch costs a small wasted request, never a wrong page.
 */
export function dataPreloads(urls: string[]): string {
  return urls.map((url) => `<link rel="preload" as="fetch" crossorigin href="${url}">`).join('\n    ');
}
