// Keeps the chat panel inside the part of the screen the shopper can actually see. On phones the
// on-screen keyboard shrinks the visual viewport but not the layout viewport (iOS), so a panel
// pinned to the layout viewport would have its composer under the keyboard. This writes the visual
// viewport's height and top offset to --vh/--vt on the panel (see ./styles.ts) on every resize or
// scroll of it; where visualViewport is missing the CSS falls back to 100vh / 0.

/** Starts following the visual viewport; returns the function that stops it. */
export function followViewport(panel: HTMLElement): () => void {
  const vv = window.visualViewport;
  if (!vv) return () => {};
  const update = () => {
    panel.style.setProperty('--vh', `${vv.height}px`);
    panel.style.setProperty('--vt', `${vv.offsetTop}px`);
  };
  update();
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  return () => {
    vv.removeEventListener('resize', update);
    vv.removeEventListener('scroll', update);
  };
}
