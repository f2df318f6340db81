// Plain-HTML buttons that act in the browser only, wired here because the Content-Security-Policy forbids inline handlers
// (onclick="…"): data-action="print" prints the page.
document.addEventListener('click', function (event) {
  const button = event.target instanceof Element ? event.target.closest('[data-action="print"]') : null;
  if (button) window.print();
});
