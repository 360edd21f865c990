import type { MeDto } from '@harbour/contracts';

/*
 * Discreet mode on this device (api.md 1.1), remembered in storage so that public/quick-exit.js, which runs
 * before the first paint, shows the neutral title and icon at once and knows whether leaving signs out.
 */
const DISCREET = 'harbour.discreet';
const SIGN_OUT = 'harbour.quickExitSignOut';
const NEUTRAL_ICON = '/icons/notes.svg';

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function write(key: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Storage refused (a private window): the member's own pages still follow `me`.
  }
}

/** Whether this tab should look neutral: the member's choice, or for a visitor what the last member here chose. */
export function isDiscreet(me: MeDto | null | undefined): boolean {
  return me ? me.discreet : read(DISCREET);
}

/**
 * Keeps the device in step with the member: a discreet member's device stays neutral after they sign out (the
 * next person to pick up the phone sees "Notes") until a member who is not discreet signs in on it; signing
 * out on leaving is only for the member who chose it.
 */
export function rememberDiscreet(me: MeDto | null): void {
  if (me) write(DISCREET, me.discreet);
  write(SIGN_OUT, me?.signOutOnQuickExit === true);
}

/** The tab's icons: the neutral one, or the site's own again (index.html's links keep their first address). */
export function showNeutralIcon(on: boolean): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"]')) {
    link.dataset.siteHref ??= link.getAttribute('href') ?? '';
    link.dataset.siteType ??= link.getAttribute('type') ?? '';
    link.setAttribute('href', on ? NEUTRAL_ICON : link.dataset.siteHref);
    if (on) link.setAttribute('type', 'image/svg+xml');
    else if (link.dataset.siteType) link.setAttribute('type', link.dataset.siteType);
    else link.removeAttribute('type');
  }
}
