// The quick exit (discreet mode, api.md 1.1), in every page's first load for visitors and members alike, with
// no dependency: pressing Escape three times in a row within 1.5 s anywhere (in a composer too: its draft is kept on
// the server as it is typed), or any `a[data-quick-exit]` link, leaves at once for that link's address (the
// site's quickExitUrl) with location.replace, so this page is not left behind as the tab's current entry. A
// member who chose it is signed out by a keepalive request that outlives the page and delays nothing.
// A web page cannot erase the tab's earlier entries nor the browser's history list: the documentation says so.
// For a discreet member (remembered on this device by the client), the tab shows a neutral title and icon
// before the first paint. A file, not an inline script: the CSP allows only same-origin scripts.
(function () {
  'use strict';
  var FALLBACK = 'https://www.google.com/';
  var WINDOW_MS = 1500;
  var presses = [];
  var leaving = false;

  function flag(key) {
    try {
      return localStorage.getItem(key) === '1';
    } catch {
      return false;
    }
  }

  function exitUrl(link) {
    var href = link && link.getAttribute('href');
    return href && /^https?:\/\//i.test(href) ? href : FALLBACK;
  }

  function signOut() {
    var match = /(?:^|;\s*)harbour_csrf=([^;]*)/.exec(document.cookie);
    try {
      void fetch('/api/auth/logout', {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: match ? { 'X-CSRF-Token': decodeURIComponent(match[1]) } : {},
      }).catch(function () {});
    } catch {
      // An old browser without keepalive: leaving matters more.
    }
  }

  function leave(link) {
    if (leaving) return;
    leaving = true;
    var url = exitUrl(link || document.querySelector('a[data-quick-exit]'));
    if (flag('harbour.quickExitSignOut')) signOut();
    // Nothing of the page stays on screen while the next one loads.
    document.title = 'Notes';
    document.documentElement.style.visibility = 'hidden';
    window.location.replace(url);
  }

  // A composer's "leave this page?" question (features/shared/drafts/leave-guard.ts) must not hold the quick exit:
  // this listener, added before any other, silences the rest while leaving. Drafts are saved as they are typed;
  // at most the last moment's words are lost, which matters less than leaving.
  window.addEventListener('beforeunload', function (event) {
    if (leaving) event.stopImmediatePropagation();
  });

  window.addEventListener(
    'keydown',
    function (event) {
      if (event.isComposing) return;
      // Three in a row: another key between them (closing a menu, then typing) starts the count again.
      if (event.key !== 'Escape') {
        if (!/^(Shift|Control|Alt|Meta)$/.test(event.key)) presses = [];
        return;
      }
      var now = Date.now();
      presses = presses.filter(function (at) {
        return now - at < WINDOW_MS;
      });
      presses.push(now);
      if (presses.length >= 3) leave(null);
    },
    true,
  );

  document.addEventListener(
    'click',
    function (event) {
      var target = event.target;
      var link = target && target.closest ? target.closest('a[data-quick-exit]') : null;
      if (!link || event.button !== 0) return;
      event.preventDefault();
      leave(link);
    },
    true,
  );

  // The client keeps this in step when the member turns discreet mode on or off (features/discreet).
  if (flag('harbour.discreet')) {
    document.title = 'Notes';
    var icons = document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]');
    for (var i = 0; i < icons.length; i += 1) {
      icons[i].setAttribute('href', '/icons/notes.svg');
      icons[i].setAttribute('type', 'image/svg+xml');
    }
  }
})();
