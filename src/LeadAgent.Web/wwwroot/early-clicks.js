// A page is shown prerendered before its Blazor circuit is connected; a click on a row or button in that moment
// would do nothing. Keep the last such click and replay it on the same element once the page is interactive.
// Links still work on their own (the browser or Blazor's navigation follows them), so they are left alone.
(() => {
  const marker = () => document.querySelector('[data-interactive]');
  const prerendered = () => marker()?.getAttribute('data-interactive') === 'no';
  let pending = null;

  // Where the element is: the nearest ancestor with a test id (ids may be generated per render), then child
  // positions below it.
  const locate = el => {
    const steps = [];
    for (; el && el !== document.body; el = el.parentElement) {
      const anchor = el.dataset.testid ? `[data-testid="${CSS.escape(el.dataset.testid)}"]`
        : el.id === 'main' ? '#main' : null;
      if (anchor) return { anchor, steps };
      steps.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
    }
    return { anchor: null, steps };
  };
  const find = ({ anchor, steps }) => {
    let el = anchor ? document.querySelector(anchor) : document.body;
    for (const i of steps) el = el?.children[i];
    return el;
  };
  const text = el => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);

  const started = Date.now();
  document.addEventListener('click', e => {
    // Only in the first moments: if the live connection never comes, clicks must not be swallowed for good.
    if (!prerendered() || Date.now() - started > 30000 || e.button !== 0 || !(e.target instanceof Element)) return;
    const link = e.target.closest('a[href]');
    if (link && !link.getAttribute('href').startsWith('#')) return;
    // An icon's <path> is no target to replay on: take the control (or row) it belongs to.
    const target = e.target.closest('button, [role=button], input, label, tr, li') ?? e.target;
    e.preventDefault();
    e.stopPropagation();
    pending = { where: locate(target), text: text(target), until: Date.now() + 10000 };
    document.documentElement.classList.add('replay-wait');
  }, true);

  const replay = () => {
    if (!pending || prerendered()) return;
    if (Date.now() > pending.until) { pending = null; document.documentElement.classList.remove('replay-wait'); return; }
    const el = find(pending.where);
    // The interactive render may still be loading its data: wait for the same element with the same text.
    if (!el || text(el) !== pending.text) return;
    pending = null;
    document.documentElement.classList.remove('replay-wait');
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  };
  new MutationObserver(replay).observe(document.documentElement,
    { subtree: true, childList: true, attributes: true, attributeFilter: ['data-interactive'] });
})();
