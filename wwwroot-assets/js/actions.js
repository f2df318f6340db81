// Plain-HTML buttons that act in the browser only, wired here because the Content-Security-Policy forbids inline handlers
// (onclick="…"): data-action="print" prints the page.
document.addEventListener('click', function (event) {
  const button = event.target instanceof Element ? event.target.closest('[data-action="print"]') : null;
  if (button) window.print();
});

// Alt+N notes a user's expression from anywhere (the app bar's « Noter une expression »). Alt+N is bound neither by
// Chromium nor Firefox on Windows/Linux, nor by MudBlazor; e.code keeps it on the N key whatever the layout's character.
document.addEventListener('keydown', function (event) {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== 'KeyN') return;
  const button = document.querySelector('[data-shortcut="quick-log"]');
  if (!button || document.querySelector('.mud-dialog')) return;
  event.preventDefault();
  button.click();
});

// In-page links (« Aller au contenu », a summary's entries): with <base href="/">, href="#x" resolves to the home page and
// Blazor's router would go there from any other page. Caught in the capture phase, before the router sees the click: the
// target takes the focus (keyboard and screen-reader users continue from there) and comes into view.
document.addEventListener('click', function (event) {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  const target = link && link.getAttribute('href').length > 1 ? document.getElementById(link.getAttribute('href').slice(1)) : null;
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView();
}, true);

// The WAI-ARIA tabs pattern, in the browser: Left/Right (Home/End) move the focus along the row, Enter or Space opens the
// focused tab. MudTabs (9.x) also handles these keys, on the server: its focus moves arrive one round trip later, so a late
// one could pull the focus back to a tab the user had already left, and Enter then opened that tab (seen in CI under load).
// Caught in the capture phase on window and stopped, these keys reach MudTabs' handler no more: one handler, no race.
window.addEventListener('keydown', function (event) {
  const tab = event.target instanceof Element ? event.target.closest('.mud-tabs [role="tab"]') : null;
  if (!tab || event.altKey || event.ctrlKey || event.metaKey) return;
  const row = [...tab.closest('[role="tablist"]').querySelectorAll('[role="tab"]')].filter(t => !t.classList.contains('mud-disabled'));
  const at = row.indexOf(tab);
  const next = { ArrowRight: row[(at + 1) % row.length], ArrowLeft: row[(at - 1 + row.length) % row.length], Home: row[0], End: row[row.length - 1] }[event.key];
  if (next) {
    event.preventDefault();
    event.stopPropagation();
    next.focus();
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    event.stopPropagation();
    tab.click();
  }
}, true);

// Focus given back after a re-render (a step's panel closed): the first selector that finds an element takes it. A button
// the re-render removed is simply skipped, where a stale element reference would fail and end the circuit.
window.relationsUsagers = window.relationsUsagers || {};
window.relationsUsagers.focusFirst = function (selectors) {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    if (element) {
      element.focus();
      return true;
    }
  }
  return false;
};
