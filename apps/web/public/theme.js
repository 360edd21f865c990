// Applies the theme chosen on this device before the first paint. A file, not an inline script: the CSP
// allows only same-origin scripts. "system" (nothing stored) leaves the attribute off: CSS follows the device.
try {
  var theme = localStorage.getItem('harbour.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch {
  // Storage refused (private mode, disabled cookies): the device's preference applies.
}
