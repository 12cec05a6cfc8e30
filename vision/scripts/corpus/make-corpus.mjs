// Renders real HTML pages that Debian packages ship with Debian's Chromium (headless, network off) and writes,
// for each screenshot, the truth read from the DOM (dom-truth.js): text runs in DOM order with their role and
// region, the regions, and the elements. See README.md for the layout of the output and the command.
//
//   node make-corpus.mjs --out DIR [--packages packages.txt] [--pages 16] [--views 3] [--only PKG,PKG]
//
// Deterministic: the pages of a package and the way each is shown (width, height, zoom, colour scheme, scroll)
// come from a random generator seeded with the package name, so the same packages give the same corpus.
import {chromium} from 'playwright-core';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const out = path.resolve(args.out || path.join(here, '../../target/page-corpus'));
const pagesPerPackage = +(args.pages || 16);
const viewsPerPage = +(args.views || 3);
const only = args.only ? new Set(args.only.split(',')) : null;

// Kept for an independent evaluation: never rendered, whatever packages.txt says.
const RESERVED = [/^debian-handbook$/, /^debian-reference(-.*)?$/, /^python3\.11-doc$/, /^nodejs$/, /^nodejs-doc$/,
  /^sphinx-doc$/, /^python-django-doc$/, /^mkdocs-doc$/, /^doxygen-doc$/, /^cups-server-common$/, /^lighttpd$/,
  /^lighttpd-doc$/, /^libjs-bootstrap5-doc$/, /^w3c-markup-validator$/, /^libjs-jquery-ui-docs$/,
  /^tomcat10-examples$/, /^libjs-codemirror$/, /^libjs-jquery-timepicker$/, /^ckeditor$/,
  /^libjs-jquery-minicolors$/, /^base-passwd$/, /^bc$/, /^libffi-dev$/, /^libxslt1-dev$/, /^ninja-build$/,
  /^ocl-icd-libopencl1$/, /^shared-mime-info$/, /^valgrind$/, /^zlib1g-dev$/];
const reserved = pkg => RESERVED.some(r => r.test(pkg));

function seeded(text) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return () => { // mulberry32
    h = (h + 0x6D2B79F5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
function weighted(rnd, pairs) {
  let x = rnd() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) { if ((x -= w) < 0) return v; }
  return pairs[pairs.length - 1][0];
}

function readPackages(file) {
  return fs.readFileSync(file, 'utf8').split('\n').map(l => l.replace(/#.*/, '').trim()).filter(Boolean)
    .map(l => { const [pkg, family, filter] = l.split(/\s+/); return {pkg, family, filter: filter ? new RegExp(filter) : null}; });
}

function htmlFiles(pkg, filter) {
  let list;
  try { list = execFileSync('dpkg', ['-L', pkg], {encoding: 'utf8', maxBuffer: 1 << 28}).split('\n'); }
  catch { return null; }
  return list.filter(f => /\.x?html?$/i.test(f) && (!filter || filter.test(f))).filter(f => {
    try {
      const st = fs.statSync(f); // symlinks to another package's file are fine; tiny redirect stubs are not
      return st.isFile() && st.size > 1500 && !redirects(f);
    } catch { return false; }
  }).sort();
}

/** A page that only sends the browser on to another (Texinfo's node stubs): it moves while being read. */
function redirects(file) {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  let n;
  try { n = fs.readSync(fd, head, 0, head.length, 0); } finally { fs.closeSync(fd); }
  return /<meta[^>]+http-equiv=["']?refresh/i.test(head.toString('latin1', 0, n));
}

function sample(rnd, list, n) {
  const copy = list.slice();
  for (let i = copy.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [copy[i], copy[j]] = [copy[j], copy[i]]; }
  return copy.slice(0, n);
}

// Width and height from the PNG header: the screenshot's own size, whatever the rounding of CSS pixels.
function pngSize(file) {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, 'r');
  try { fs.readSync(fd, head, 0, 24, 0); } finally { fs.closeSync(fd); }
  return {width: head.readUInt32BE(16), height: head.readUInt32BE(20)};
}

const truthSource = fs.readFileSync(path.join(here, 'dom-truth.js'), 'utf8');
const scaleBox = (b, s) => ({x: Math.round(b.x * s), y: Math.round(b.y * s), width: Math.round(b.width * s), height: Math.round(b.height * s)});

/** Resolves as `promise` does, or fails after `seconds`: one page must never stop the whole corpus. */
function withinSeconds(seconds, promise) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer in ${seconds} s`)), seconds * 1000); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function main() {
  const packages = readPackages(args.packages || path.join(here, 'packages.txt')).filter(p => !only || only.has(p.pkg));
  fs.mkdirSync(out, {recursive: true});
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--allow-file-access-from-files',
      '--font-render-hinting=none']});
  const contexts = new Map();
  async function contextFor(scale, scheme) {
    const key = `${scale}/${scheme}`;
    if (!contexts.has(key)) {
      const ctx = await browser.newContext({deviceScaleFactor: scale, colorScheme: scheme, offline: true,
        viewport: {width: 1280, height: 900}, javaScriptEnabled: true, serviceWorkers: 'block'});
      // Pages come from files; nothing else is fetched.
      await ctx.route('**/*', route => route.request().url().startsWith('file:') || route.request().url().startsWith('data:')
        ? route.continue() : route.abort());
      contexts.set(key, ctx);
    }
    return contexts.get(key);
  }
  const summary = [];
  for (const {pkg, family, filter} of packages) {
    if (reserved(pkg)) { console.log(`${pkg}: reserved for the independent evaluation, skipped`); continue; }
    const files = htmlFiles(pkg, filter);
    if (files === null) { console.log(`${pkg}: not installed, skipped`); continue; }
    if (!files.length) { console.log(`${pkg}: no HTML pages, skipped`); continue; }
    const rnd = seeded(pkg);
    const chosen = sample(rnd, files, pagesPerPackage);
    const dir = path.join(out, pkg);
    fs.mkdirSync(dir, {recursive: true});
    let shots = 0;
    for (let i = 0; i < chosen.length; i++) {
      const file = chosen[i];
      const scale = weighted(rnd, [[1, 6], [1.25, 1.5], [1.5, 1.5], [2, 1]]);
      const scheme = rnd() < 0.25 ? 'dark' : 'light';
      const ctx = await contextFor(scale, scheme);
      const page = await ctx.newPage();
      try {
        await withinSeconds(60, shoot());
      } catch (e) {
        console.log(`${pkg}: ${path.basename(file)}: ${String(e.message).split('\n')[0]}`);
      } finally {
        // A page that navigated itself away can leave close() waiting for ever: give it a few seconds.
        await withinSeconds(5, page.close()).catch(() => {});
      }
      async function shoot() {
        await page.goto(pathToFileURL(file).href, {waitUntil: 'load', timeout: 15000});
        for (let v = 0; v < viewsPerPage; v++) {
          const width = pick(rnd, [800, 1024, 1280, 1280, 1366, 1440, 1920]);
          const height = pick(rnd, [800, 900, 1080, 1200, 1600]);
          await page.setViewportSize({width: Math.round(width / scale), height: Math.round(height / scale)});
          const docHeight = await page.evaluate(() => document.documentElement.scrollHeight);
          const maxScroll = Math.max(0, docHeight - Math.round(height / scale));
          const scrollY = v === 0 || maxScroll === 0 ? 0 : Math.round(rnd() * maxScroll);
          await page.evaluate(y => window.scrollTo(0, y), scrollY);
          await page.waitForTimeout(120);
          const truth = await page.evaluate(`(${truthSource})()`);
          if (!truth.runs.length && !truth.elements.length) continue; // a blank view teaches nothing
          const name = `${String(i).padStart(3, '0')}-${v}`;
          await page.screenshot({path: path.join(dir, name + '.png'), animations: 'disabled', caret: 'hide'});
          const s = scale;
          const record = {package: pkg, family, source: file, scale: s, colorScheme: scheme,
            image: pngSize(path.join(dir, name + '.png')),
            scrollY: truth.viewport.scrollY, documentHeight: truth.viewport.documentHeight, title: truth.title,
            pageBackgroundLuminance: truth.pageBackgroundLuminance,
            regions: truth.regions.map(r => ({...r, box: scaleBox(r.box, s)})),
            runs: truth.runs.map(r => ({...r, box: scaleBox(r.box, s)})),
            elements: truth.elements.map(e => ({...e, box: scaleBox(e.box, s)}))};
          fs.writeFileSync(path.join(dir, name + '.json'), JSON.stringify(record));
          shots++;
        }
      }
    }
    summary.push({pkg, family, pages: files.length, screenshots: shots});
    console.log(`${pkg} (${family}): ${shots} screenshots from ${chosen.length} of ${files.length} pages`);
  }
  await browser.close();
  const old = fs.existsSync(path.join(out, 'packages.json')) ? JSON.parse(fs.readFileSync(path.join(out, 'packages.json'), 'utf8')) : [];
  const merged = old.filter(o => !summary.some(s => s.pkg === o.pkg)).concat(summary);
  fs.writeFileSync(path.join(out, 'packages.json'), JSON.stringify(merged, null, 1));
}

main().catch(e => { console.error(e); process.exit(1); });
