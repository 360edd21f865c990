/** English strings of discreet mode's settings, for members and admins (issue 20); fr beside it has the same keys. */
export const discreetSettingsEn = {
  legend: 'Discreet mode',
  hint: 'For a shared phone or computer.',
  discreet: 'Discreet mode',
  discreetHint:
    'The tab shows “Notes” and a plain icon instead of the site’s name, and every email and push says only that there is something new, with no names, titles or words.',
  signOut: 'Sign me out when I use the quick exit',
  signOutHint: 'The quick exit button, or Escape pressed three times, leaves the site at once; with this, it also ends your session here.',
  adminLegend: 'Quick exit',
  quickExitUrl: 'Quick exit address',
  quickExitUrlHint: 'Where the quick exit leads: a neutral page starting with https:// (a search engine, the weather).',
};
