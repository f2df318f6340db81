// Reports that someone is using the page (pointer, keys, wheel, history), at most once per interval: to the circuit, which
// counts the idle timeout, and to the server, which renews the session cookie (the circuit itself makes no HTTP request).
window.relationsUsagers = window.relationsUsagers || {};
window.relationsUsagers.watchActivity = function (component, everyMs) {
  const events = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'popstate'];
  let last = Date.now();
  const report = () => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    fetch('session/activite', { method: 'POST', credentials: 'same-origin' }).catch(() => {});
    component.invokeMethodAsync('OnActivity').catch(() => {});
  };
  for (const type of events) window.addEventListener(type, report, { capture: true, passive: true });
  return {
    dispose: () => { for (const type of events) window.removeEventListener(type, report, { capture: true }); },
  };
};
