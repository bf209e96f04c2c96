// The chat panel's stylesheet, adopted into the widget's shadow root next to the launcher's, whose
// :host rule defines what this one uses: --b (brand), --bt (text on brand), --x/--y (offsets).
// Theme with custom properties on :root or [data-baton]: --baton-brand, --baton-brand-text,
// --baton-surface, --baton-text, --baton-radius, --baton-font, --baton-focus, --baton-offset-x/y.
// Phones: every text field is ≥ 16 px (iOS zooms the page into smaller ones on focus); the panel is
// sized to the visual viewport (--vh/--vt, set by ./viewport.ts) so the on-screen keyboard never
// covers the composer; the header and footer keep clear of notches and home bars (safe-area insets).
// Layout uses logical properties where it matters, so a right-to-left locale mirrors it.
export const CSS = `.p{--g:#5f6368;--ln:#e1e3e6;position:fixed;z-index:1;right:var(--x,20px);bottom:calc(var(--y,20px) + 72px);width:380px;max-width:calc(100vw - 32px);height:620px;max-height:calc(var(--vh,100vh) - 112px);display:flex;flex-direction:column;overflow:hidden;background:var(--baton-surface,#fff);color:var(--baton-text,#1d1d1f);border-radius:var(--baton-radius,16px);box-shadow:0 12px 48px rgba(0,0,0,.28);text-align:start}
:host([data-position=bottom-left]) .p{right:auto;left:var(--x,20px)}
[hidden]{display:none!important}
@media (max-width:480px){:host .p,:host([data-position]) .p{top:var(--vt,0);right:0;bottom:auto;left:0;width:auto;max-width:none;height:var(--vh,100%);max-height:none;border-radius:0}.p .h{padding-top:max(12px,env(safe-area-inset-top))}.p .f{padding-bottom:max(8px,env(safe-area-inset-bottom))}}
.h{display:flex;align-items:center;gap:10px;padding:12px;padding-inline:max(16px,env(safe-area-inset-left)) max(10px,env(safe-area-inset-right));background:var(--b);color:var(--bt)}
.h h2{flex:1;margin:0;font-size:16px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.av{flex:none;width:36px;height:36px;border-radius:50%;object-fit:cover;display:flex;align-items:center;justify-content:center;background:rgba(255,255,255,.22);font-weight:700;font-size:16px}
button{font:inherit;color:inherit}
.ib,.send,.btn,.lk{all:unset;box-sizing:border-box;cursor:pointer}
.ib{width:36px;height:36px;display:flex;align-items:center;justify-content:center;border-radius:8px}
.ib:hover{background:rgba(0,0,0,.14)}
svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2.2;stroke-linecap:round;stroke-linejoin:round}
.n{margin:0;padding:8px 16px;background:#fff4e5;color:#5c3600;font-size:13px;border-bottom:1px solid #f3d6a8}
.log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px;display:flex;flex-direction:column;gap:12px;background:var(--baton-log,#f5f6f8)}
.m{display:flex;flex-direction:column;align-items:flex-start;max-width:88%}
.m.shopper{align-self:flex-end;align-items:flex-end}
.m.system{align-self:center;max-width:100%;align-items:center;text-align:center;color:var(--g);font-size:13px}
.who{margin:0 4px 3px;font-size:12px;color:var(--g)}
.bb{padding:9px 13px;border-radius:16px;background:#fff;border:1px solid var(--ln);white-space:pre-wrap;overflow-wrap:anywhere}
.shopper .bb{background:var(--b);color:var(--bt);border-color:transparent}
.system .bb{padding:0;background:none;border:0}
.bb a{color:inherit;text-decoration:underline}
.pend .bb{opacity:.6}
.fail .bb{border:1px dashed #b42318;opacity:.8}
.meta{margin:4px 4px 0;font-size:12px;color:var(--g)}
.pend .meta{animation:bf .2s 1.2s both}
@keyframes bf{from{opacity:0}}
.fail .meta{color:#b42318}
.cards{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-direction:column;gap:8px;width:100%}
.card{display:flex;align-items:center;gap:10px;min-width:230px;padding:8px;background:#fff;border:1px solid var(--ln);border-radius:12px}
.card img{flex:none;width:56px;height:56px;border-radius:8px;object-fit:cover;background:#eee}
.card a,.card .t{color:inherit;font-weight:600;text-decoration:none;overflow-wrap:anywhere}
.card a:hover{text-decoration:underline}
.pr{display:block;margin-top:2px;font-size:13px;color:#3c4043}
.q{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px}
.q p{width:100%;margin:0 4px;font-size:13px}
.q form{display:flex;flex-wrap:wrap;gap:6px;width:100%;align-items:center}
.q label{width:100%;font-size:13px}
.q input{flex:1;min-width:0;font:inherit;font-size:16px;padding:6px 8px;border:1px solid #c8ccd4;border-radius:8px}
.q a.in{width:100%;color:inherit;font-weight:600;text-decoration:underline}
.q textarea{flex:none;width:100%;min-height:0}
.q .q{margin:0}
.btn[aria-pressed=true]{background:var(--b);color:var(--bt);border-color:var(--b)}
.btn:disabled{opacity:.5;cursor:default}
.fl{width:100%;color:#b42318}
.btn{padding:6px 14px;border-radius:999px;background:#fff;border:1px solid #b9bdc3;font-size:13px;font-weight:600}
.btn:hover{border-color:var(--b)}
.ty{padding:0 16px;font-size:12.5px;color:var(--g);background:var(--baton-log,#f5f6f8)}
.ty:not(:empty){padding:2px 16px 8px}
.c{display:flex;align-items:flex-end;gap:8px;padding:10px 12px 6px;border-top:1px solid var(--ln)}
textarea{box-sizing:border-box;flex:1;min-height:40px;max-height:120px;margin:0;padding:9px 12px;resize:none;font:inherit;font-size:16px;line-height:1.4;color:inherit;background:#fff;border:1px solid #b9bdc3;border-radius:12px}
textarea:focus{border-color:var(--b)}
.send{flex:none;width:40px;height:40px;border-radius:50%;display:flex;align-items:center;justify-content:center;background:var(--b);color:var(--bt)}
.send svg{width:18px;height:18px}
.at{flex:none;position:relative;width:40px;height:40px;cursor:pointer;color:var(--g)}
.at input{font-size:16px}
.att img{display:block;max-width:200px;max-height:200px;border-radius:12px;border:1px solid var(--ln)}
.file{color:inherit;text-decoration:underline}
[dir=rtl] .send svg{transform:scaleX(-1)}
.f{display:flex;justify-content:center;padding:0 12px 8px;font-size:13px;color:var(--g)}
.lk{padding:4px 6px;border-radius:6px;font-size:13px;color:#3c4043;text-decoration:underline}
.fail .lk{padding:0 2px;font-size:12px;color:inherit}
.u{position:absolute;top:-4px;right:-4px;min-width:20px;padding:0 6px;border-radius:10px;background:#d92d20;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center;pointer-events:none}
.u:empty{display:none}
.s{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:focus-visible{outline:3px solid var(--baton-focus,#1a73e8);outline-offset:2px}
.log:focus-visible{outline-offset:-3px}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}`;
