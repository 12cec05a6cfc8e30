// Runs inside the rendered page (page.evaluate) and returns what the page's author built, in CSS pixels of the
// viewport: the visible text as runs (a run is the part of one text node on one visual line) in DOM order, the
// regions (landmarks and visually distinct panes), and the interactive and structural elements.
// The caller scales the boxes to screenshot pixels. Nothing here changes the page.
() => {
  const vw = innerWidth, vh = innerHeight;
  const PAGE = {x: 0, y: 0, width: vw, height: vh};

  function styleOf(el) { return el ? getComputedStyle(el) : null; }
  function shown(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse') return false;
      if (parseFloat(s.opacity) < 0.1) return false;
    }
    return true;
  }
  function clip(r) {
    const x0 = Math.max(0, r.left), y0 = Math.max(0, r.top);
    const x1 = Math.min(vw, r.right), y1 = Math.min(vh, r.bottom);
    if (x1 - x0 < 1 || y1 - y0 < 1) return null;
    return {x: x0, y: y0, width: x1 - x0, height: y1 - y0};
  }
  function area(b) { return b ? b.width * b.height : 0; }
  function visibleFraction(r) { const c = clip(r); return c ? area(c) / Math.max(1, r.width * r.height) : 0; }
  function box(r) { return {x: r.left, y: r.top, width: r.width, height: r.height}; }
  // The element really painted at a point belongs to el (not covered by a fixed header, a dialog, a later sibling).
  function onTop(el, x, y) {
    if (x < 0 || y < 0 || x >= vw || y >= vh) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
  }
  function clean(t) { return (t || '').replace(/\s+/g, ' ').trim(); }

  // ---- regions ----
  const LANDMARK = [
    ['header', 'header', 'banner'], ['nav', 'navigation', 'navigation'], ['main', 'main', 'main'],
    ['aside', 'complementary', 'complementary'], ['footer', 'footer', 'contentinfo'],
  ];
  function landmarkKind(el) {
    const role = (el.getAttribute('role') || '').toLowerCase();
    for (const [tag, kind, r] of LANDMARK) {
      if (role === r) return kind;
      if (!role && el.localName === tag) {
        // header and footer are landmarks only outside article/section/main (the HTML rule)
        if ((tag === 'header' || tag === 'footer') && el.parentElement
            && el.parentElement.closest('article,aside,main,nav,section')) return null;
        return kind;
      }
    }
    if (role === 'search') return 'navigation';
    return null;
  }
  function colour(s) {
    const m = /rgba?\(([^)]+)\)/.exec(s || '');
    if (!m) return null;
    const p = m[1].split(',').map(parseFloat);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function effectiveBackground(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = colour(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  function differ(a, b) { return Math.abs(a.r - b.r) + Math.abs(a.g - b.g) + Math.abs(a.b - b.b) > 24; }
  const pageBackground = effectiveBackground(document.body || document.documentElement);
  // A visually distinct pane: a block with a background of its own, or fixed/sticky, or a side column
  // (narrow and tall beside other content), large enough to matter, not the whole page.
  function paneKind(el, r) {
    const s = getComputedStyle(el);
    const c = clip(r);
    if (!c || area(c) < 0.04 * vw * vh) return null;
    if (c.width > 0.9 * vw && c.height > 0.8 * vh) return null;
    const bg = colour(s.backgroundColor);
    const ownColour = bg && bg.a > 0.5 && differ(bg, effectiveBackground(el.parentElement || document.body));
    const pinned = s.position === 'fixed' || s.position === 'sticky';
    const sideColumn = r.width < 0.4 * vw && r.height > 0.5 * vh && (r.left < 0.1 * vw || r.right > 0.9 * vw);
    if (!(ownColour || pinned || sideColumn)) return null;
    if (c.width > 0.8 * vw && c.y < 0.05 * vh + 1 && c.height < 0.3 * vh) return 'header';
    if (c.width > 0.8 * vw && c.y + c.height > vh - 2 && c.height < 0.3 * vh && r.top > 0) return 'footer';
    if (c.width > 0.8 * vw) return null; // a full-width band in the middle: part of the content
    return 'pane';
  }
  const regionEls = [];
  const all = document.body ? document.body.getElementsByTagName('*') : [];
  for (const el of all) {
    const kind = landmarkKind(el);
    let source = 'landmark';
    let k = kind;
    if (!k) { const r = el.getBoundingClientRect(); k = r.width > 0 ? paneKind(el, r) : null; source = 'pane'; }
    if (!k || !shown(el)) continue;
    // only the outermost region: a nav inside a sidebar pane belongs to the pane
    if (regionEls.some(o => o.el.contains(el))) continue;
    regionEls.push({el, kind: k, source});
  }
  function linkShare(el) {
    const text = clean(el.innerText).length || 1;
    let links = 0;
    el.querySelectorAll('a[href]').forEach(a => { links += clean(a.innerText).length; });
    return links / text;
  }
  const regions = [];
  for (const reg of regionEls) {
    const r = reg.el.getBoundingClientRect();
    const c = clip(r);
    if (!c) continue;
    let kind = reg.kind;
    if (kind === 'pane') kind = linkShare(reg.el) > 0.5 ? 'navigation' : 'complementary';
    reg.kind = kind;
    reg.index = regions.length;
    regions.push({kind, source: reg.source, box: c, tag: reg.el.localName,
      id: reg.el.id || '', cls: (reg.el.className && reg.el.className.baseVal === undefined) ? reg.el.className : ''});
  }
  function regionOf(node) {
    for (const reg of regionEls) if (reg.index !== undefined && reg.el.contains(node)) return reg.index;
    return -1; // the rest of the page: main content unless an explicit main says otherwise
  }

  // ---- roles of text ----
  function roleOfText(el) {
    for (let e = el; e && e.nodeType === 1 && e !== document.body; e = e.parentElement) {
      const role = (e.getAttribute('role') || '').toLowerCase();
      const tag = e.localName;
      if (/^h[1-6]$/.test(tag)) return {role: 'heading', level: +tag[1], owner: e};
      if (role === 'heading') return {role: 'heading', level: +(e.getAttribute('aria-level') || 2), owner: e};
      if (tag === 'a' && e.hasAttribute('href') || role === 'link') return {role: 'link', owner: e};
      if (tag === 'button' || role === 'button' || tag === 'summary') return {role: 'button', owner: e};
      if (tag === 'label' || tag === 'legend') return {role: 'label', owner: e};
      if (tag === 'option' || tag === 'select' || tag === 'textarea') return {role: 'field', owner: e};
      if (tag === 'th') return {role: 'cell-header', owner: e};
      if (tag === 'caption' || tag === 'figcaption') return {role: 'caption', owner: e};
      if (tag === 'pre' || tag === 'code' || tag === 'kbd' || tag === 'samp') return {role: 'code', owner: e};
    }
    return {role: 'text', owner: null};
  }

  // ---- text runs, in DOM order ----
  const runs = [];
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let wordBudget = 60000;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    if (!text || !text.trim()) continue;
    const parent = node.parentElement;
    if (!parent || /^(script|style|noscript|template|title|option)$/.test(parent.localName)) continue;
    range.selectNodeContents(node);
    const whole = range.getBoundingClientRect();
    if (whole.bottom < 0 || whole.top > vh || whole.right < 0 || whole.left > vw) continue;
    if (!shown(parent)) continue;
    const ps = getComputedStyle(parent);
    // words and their boxes; consecutive words on one visual line make one run
    const re = /\S+/g;
    let m, cur = null;
    const flush = () => { if (cur) runs.push(cur); cur = null; };
    while ((m = re.exec(text)) && wordBudget-- > 0) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      const r = rects[0];
      const c = clip(r);
      if (!c || c.width < r.width * 0.6 || c.height < r.height * 0.6) { flush(); continue; }
      if (!onTop(parent, r.left + r.width / 2, r.top + r.height / 2)) { flush(); continue; }
      if (cur && Math.abs(r.top - cur._top) < r.height / 2 && r.left >= cur._right - 1) {
        cur.text += (m.index > cur._end ? ' ' : '') + m[0];
        cur._right = r.right;
        cur._end = m.index + m[0].length;
        const x1 = Math.max(cur.box.x + cur.box.width, r.right), y1 = Math.max(cur.box.y + cur.box.height, r.bottom);
        cur.box.x = Math.min(cur.box.x, r.left); cur.box.y = Math.min(cur.box.y, r.top);
        cur.box.width = x1 - cur.box.x; cur.box.height = y1 - cur.box.y;
      } else {
        flush();
        const tr = roleOfText(parent);
        cur = {text: m[0], box: box(r), role: tr.role, level: tr.level || 0, region: regionOf(node),
          style: {fontSize: parseFloat(ps.fontSize), fontWeight: +ps.fontWeight || 400, fontStyle: ps.fontStyle,
            color: ps.color, background: (() => { const b = effectiveBackground(parent); return `rgb(${b.r}, ${b.g}, ${b.b})`; })(),
            underline: /underline/.test(ps.textDecorationLine) || (tr.owner && /underline/.test(getComputedStyle(tr.owner).textDecorationLine)),
            monospace: /mono|courier|consol/i.test(ps.fontFamily)},
          _top: r.top, _right: r.right, _end: m.index + m[0].length};
      }
    }
    flush();
  }
  runs.forEach(r => { delete r._top; delete r._right; delete r._end; });

  // ---- elements ----
  const elements = [];
  const seen = new Set();
  function labelOf(el) {
    const aria = el.getAttribute('aria-label');
    if (aria && aria.trim()) return clean(aria);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const t = by.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(e => e.innerText).join(' ');
      if (clean(t)) return clean(t);
    }
    if (el.labels && el.labels.length) return clean(el.labels[0].innerText);
    const t = clean(el.innerText || el.value || '');
    if (t) return t;
    return clean(el.getAttribute('title') || el.getAttribute('alt') || el.getAttribute('placeholder') || '');
  }
  function hasText(el) { return clean(el.innerText || '').length > 0; }
  function add(type, el, extra) {
    if (seen.has(el)) return;
    const r = el.getBoundingClientRect();
    if (r.width < 3 || r.height < 3 || !shown(el)) return;
    const frac = visibleFraction(r);
    if (frac < 0.5) return;
    const c = clip(r);
    if (!onTop(el, c.x + c.width / 2, c.y + c.height / 2)) return;
    seen.add(el);
    elements.push(Object.assign({type, label: labelOf(el), box: c, visibleFraction: +frac.toFixed(2),
      region: regionOf(el)}, extra || {}));
  }
  // a form control hidden by its page and drawn by its label (custom checkboxes, toggle buttons)
  function drawnByLabel(input) {
    const r = input.getBoundingClientRect();
    const s = getComputedStyle(input);
    const hidden = r.width < 4 || r.height < 4 || parseFloat(s.opacity) < 0.1 || s.visibility === 'hidden'
      || s.display === 'none' || s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)';
    if (!hidden || !input.labels || !input.labels.length) return null;
    return input.labels[0];
  }
  const q = (sel, fn) => document.querySelectorAll(sel).forEach(fn);
  q('h1,h2,h3,h4,h5,h6,[role=heading]', h => {
    const level = /^h[1-6]$/.test(h.localName) ? +h.localName[1] : +(h.getAttribute('aria-level') || 2);
    if (hasText(h)) add('heading', h, {level});
  });
  q('input[type=checkbox],input[type=radio],[role=checkbox],[role=radio],[role=switch]', el => {
    const type = (el.type === 'radio' || el.getAttribute('role') === 'radio') ? 'radio' : 'checkbox';
    const label = el.localName === 'input' ? drawnByLabel(el) : null;
    if (label) {
      const lr = label.getBoundingClientRect();
      if (lr.width >= 3 && lr.height >= 3 && shown(label) && !seen.has(label)) {
        const c = clip(lr);
        if (c && onTop(label, c.x + c.width / 2, c.y + c.height / 2)) {
          seen.add(label);
          elements.push({type, label: clean(label.innerText), box: c, drawnByLabel: true,
            visibleFraction: +visibleFraction(lr).toFixed(2), region: regionOf(label),
            checked: !!el.checked});
        }
      }
      return;
    }
    add(type, el, {checked: !!el.checked || el.getAttribute('aria-checked') === 'true'});
  });
  q('input:not([type]),input[type=text],input[type=search],input[type=email],input[type=password],'
    + 'input[type=number],input[type=tel],input[type=url],input[type=date],input[type=time],textarea,select,'
    + '[contenteditable=""],[contenteditable=true],[role=textbox],[role=searchbox],[role=combobox],[role=spinbutton]',
    el => add('field', el));
  // a link with role=button is taken here first, as a button
  // a summary opens its details; other buttons may say what they open with aria-expanded
  const expanded = el => el.localName === 'summary' && el.parentElement && el.parentElement.localName === 'details'
    ? {expanded: el.parentElement.open}
    : el.hasAttribute('aria-expanded') ? {expanded: el.getAttribute('aria-expanded') === 'true'} : {};
  q('button,input[type=submit],input[type=button],input[type=reset],input[type=image],[role=button],summary', el =>
    add('button', el, Object.assign({iconOnly: !hasText(el) && el.localName !== 'input'}, expanded(el))));
  q('a[href]', el => add('link', el, {iconOnly: !hasText(el)}));
  q('img,svg,canvas,video,picture,[role=img]', el => {
    if (el.closest('svg') && el.closest('svg') !== el) return;
    const r = el.getBoundingClientRect();
    if (r.width < 8 || r.height < 8) return;
    const icon = r.width <= 40 && r.height <= 40;
    add(icon ? 'icon' : 'image', el, {alt: clean(el.getAttribute('alt') || el.getAttribute('aria-label') || '')});
  });
  // icon fonts and CSS background pictures without text
  q('i,span,div', el => {
    if (seen.has(el) || hasText(el) || el.children.length) return;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (r.width < 8 || r.height < 8) return;
    if (s.backgroundImage && s.backgroundImage !== 'none' && !/gradient/.test(s.backgroundImage)) {
      add(r.width <= 40 && r.height <= 40 ? 'icon' : 'image', el, {alt: ''});
    } else if (el.localName === 'i' || /icon|fa-|glyph/.test(el.className || '')) {
      const before = getComputedStyle(el, '::before').content;
      if (before && before !== 'none' && before !== 'normal' && r.width <= 48) add('icon', el, {alt: ''});
    }
  });
  // separators
  q('hr,[role=separator]', el => add('separator', el));

  const docScheme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const bgLum = (0.2126 * pageBackground.r + 0.7152 * pageBackground.g + 0.0722 * pageBackground.b) / 255;
  return {viewport: {width: vw, height: vh, scrollY: scrollY, documentHeight: document.documentElement.scrollHeight},
    title: document.title, colorScheme: docScheme, pageBackgroundLuminance: +bgLum.toFixed(3),
    regions, runs, elements};
}
