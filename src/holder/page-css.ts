/**
 * The holder page's style sheet, served as a file (/holder/holder.css) because the page's
 * CSP allows no inline style. Phone first: one column, 48 px touch targets, high contrast.
 * The full-screen QR code is a CSS :target overlay (no script): white, as large as the screen.
 */
export const HOLDER_CSS = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.45;color:#111;background:#fff}
body{margin:0}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
a{color:#0b3d91}
.languages{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0}
.languages a{display:inline-flex;align-items:center;min-height:48px;padding:0 .75rem;border:1px solid #0b3d91;border-radius:.4rem;text-decoration:none}
.languages a[aria-current]{background:#0b3d91;color:#fff}
.state{display:inline-block;font-size:1.25rem;padding:.4rem .9rem;border-radius:.4rem;border:2px solid currentColor;margin:.25rem 0}
.state-valid,.state-used,.state-imported{color:#0a5c2c}
.state-suspended{color:#8a4b00}
.state-revoked,.state-expired{color:#a10e0e}
.qr{max-width:22rem;border:1px solid #ccc;background:#fff}
.qr svg,.qr-big svg{display:block;width:100%;height:auto}
.wallet-qr{display:block;width:100%;height:auto;image-rendering:pixelated}
button.button{border:0;font:inherit;cursor:pointer}
.button{display:inline-flex;align-items:center;min-height:48px;padding:.5rem 1rem;background:#0b3d91;color:#fff;border-radius:.4rem;text-decoration:none;font-weight:600}
.button:focus-visible,.languages a:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.downloads{list-style:none;margin:0;padding:0;display:grid;gap:.6rem}
.hint{margin:.25rem 0 0;color:#333;font-size:.95rem}
.boxes,.block dl{margin:0}
.box{border-top:1px solid #ccc;padding:.5rem 0}
.box dt{font-size:.9rem;color:#333}
.box .no{display:inline-block;min-width:2.5rem;font-weight:700;color:#111}
.box dd{margin:.2rem 0 0;font-weight:600;overflow-wrap:anywhere}
.box .line{display:block}
.block{border:1px solid #999;border-radius:.4rem;padding:.25rem .75rem .5rem;margin:.75rem 0}
.fullscreen{display:none}
.fullscreen:target{display:flex;flex-direction:column;align-items:center;justify-content:center;position:fixed;inset:0;z-index:10;background:#fff;color:#000;padding:1rem;overflow:auto}
.qr-big{width:min(94vw,80vh);background:#fff}
`;
