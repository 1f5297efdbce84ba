/* global window, document, requestAnimationFrame */
// Shared by the peer pages: resolves with the ms from `startMs` to the first frame after an
// element matching `selector` (a peer's highlight) exists.
window.firstHighlightedFrame = (selector, startMs) =>
  new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(selector)) requestAnimationFrame(() => resolve(performance.now() - startMs));
      else requestAnimationFrame(check);
    };
    check();
  });
