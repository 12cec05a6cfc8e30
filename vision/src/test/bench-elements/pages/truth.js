// Writes the boxes and roles of the page's headings, links, buttons and form controls into <pre id="truth">,
// in CSS pixels of the viewport (the screenshot is taken at device scale factor 1, so these are its pixels).
(function () {
  function visible(el, r) {
    const s = getComputedStyle(el);
    return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none'
      && r.bottom > 0 && r.right > 0 && r.left < innerWidth; // the benchmark keeps those inside the screenshot
  }
  function textBox(el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
    if (rects.length === 0) return null;
    const top = Math.min(...rects.map(r => r.top));
    const box = range.getBoundingClientRect();
    // Text that wraps onto two lines has no one box; the benchmark neither counts it nor blames a guess on it.
    if (rects.some(r => Math.abs(r.top - top) > r.height / 2)) box.wrapped = true;
    return box;
  }
  const out = [];
  function add(type, el, r, label, extra) {
    if (!r || !visible(el, r)) return;
    out.push(Object.assign({type, wrapped: !!r.wrapped, label: (label || '').trim().replace(/\s+/g, ' '),
      box: {x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height)}},
      extra || {}));
  }
  function labelOf(input) {
    if (input.labels && input.labels.length) return input.labels[0].innerText;
    return input.getAttribute('aria-label') || input.placeholder || '';
  }
  document.querySelectorAll('h1,h2,h3,h4,h5,h6').forEach(h => add('heading', h, textBox(h), h.innerText));
  document.querySelectorAll('a[href]').forEach(a => { if (a.innerText.trim()) add('link', a, textBox(a), a.innerText); });
  document.querySelectorAll('button, input[type=submit], input[type=button]').forEach(b =>
    add('button', b, b.getBoundingClientRect(), b.innerText || b.value));
  document.querySelectorAll('input[type=text], input[type=email], input[type=search], input[type=password], '
      + 'input[type=number], input[type=tel], input:not([type]), textarea, select').forEach(f =>
    add('field', f, f.getBoundingClientRect(), labelOf(f)));
  document.querySelectorAll('input[type=checkbox]').forEach(c =>
    add('checkbox', c, c.getBoundingClientRect(), labelOf(c), {checked: c.checked}));
  document.querySelectorAll('input[type=radio]').forEach(c =>
    add('radio', c, c.getBoundingClientRect(), labelOf(c), {checked: c.checked}));
  document.querySelectorAll('img, canvas').forEach(i => add('image', i, i.getBoundingClientRect(), i.alt || ''));
  const pre = document.createElement('pre');
  pre.id = 'truth';
  pre.style.display = 'none';
  pre.textContent = JSON.stringify({viewport: {width: innerWidth, height: innerHeight, scale: devicePixelRatio},
    elements: out});
  document.body.appendChild(pre);
})();
