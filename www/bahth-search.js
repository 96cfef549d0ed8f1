// <bahth-search>: Arabic full-text search for any page, in one custom element.
//
//   <script type="module" src="/bahth/bahth-search.js"></script>
//   <bahth-search placeholder="ابحث…" href-template="/articles/{id}.html"></bahth-search>
//
// Attributes: placeholder, limit (results shown, default 10), href-template (link
// for documents without a url; {id} is replaced by the document id, each of its
// /-separated segments URL-encoded),
// pkg (URL of the engine's bahth.js; default ./pkg/bahth.js next to this file),
// chunks (URL of a split index's chunks folder; default chunks/ next to the module),
// worker ("off" runs the engine on the page's main thread; by default it runs in a
// module worker when the browser has them, so typing never waits for a search).
// Events (bubbling, composed): "bahth-results" after each render, detail
// { query, total, total_is_estimate, relaxed, shown, corrections }; "bahth-select" (cancelable) before a result is
// opened, detail { id, url, href }.
// Everything is rendered with createElement/textContent: document text is never
// parsed as HTML.
import { loadEngine } from './bahth-engine.js';

performance.mark('bahth-search:start'); // lets pages (and bench/) time the widget's start-up

// Created on first use: the first Intl object costs ~15 ms (ICU loads its Arabic
// data), which #load overlaps with the engine's download and compilation.
let arabic = null;
function intl() {
  arabic ??= { number: new Intl.NumberFormat('ar-u-nu-arab'), plural: new Intl.PluralRules('ar') };
  return arabic;
}

/**
 * Arabic count phrase for n, e.g. forms for نتيجة:
 * { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '# نتائج', many: '# نتيجة', other: '# نتيجة' }
 * ('#' becomes n in Arabic-Indic digits).
 */
export function arabicCount(n, forms) {
  const { number, plural } = intl();
  const form = forms[plural.select(n)] ?? forms.other;
  return form.replace('#', number.format(n));
}

const RESULTS = { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '# نتائج', many: '# نتيجة', other: '# نتيجة' };
const DOCUMENTS = { zero: 'لا مستندات', one: 'مستند واحد', two: 'مستندين', few: '# مستندات', many: '# مستندًا', other: '# مستند' };

const TEXT = {
  label: 'بحث',
  listLabel: 'نتائج البحث',
  placeholder: 'ابحث…',
  loading: 'جارٍ تحميل البحث…',
  idle: (docs) => `اكتب كلمة أو أكثر للبحث في ${arabicCount(docs, DOCUMENTS)}.`,
  relaxed: 'لا نتائج تحتوي كل الكلمات؛ أقرب النتائج:',
  none: (query) => `لا نتائج لـ«${query.trim()}».`,
  tryInstead: 'هل تقصد:',
  corrected: (corrections) =>
    `النتائج لـ${corrections.map((c) => `«${c.to}»`).join(' و')} بدلًا من ${corrections.map((c) => `«${c.from}»`).join(' و')}.`,
  asTyped: (query) => `ابحث عن «${query.trim()}» كما كتبتَه`,
  failed: 'تعذّر تحميل البحث. تحقّق من الاتصال ثم أعد تحميل الصفحة.',
  noWasm: 'هذا المتصفح لا يدعم WebAssembly، فلا يعمل البحث فيه. جرّب متصفحًا حديثًا.',
  queryError: 'تعذّر تنفيذ هذا البحث: ',
  searching: 'جارٍ البحث…',
  offlineChunk: 'هذا البحث يحتاج جزءًا من الفهرس لم يُحفظ على هذا الجهاز بعد، وأنت غير متصل. اتصل بالإنترنت ثم أعد المحاولة؛ ما بحثتَ فيه من قبل يعمل دون اتصال.',
  chunkFailed: (chunk) => `تعذّر تحميل جزء من الفهرس (${chunk}). أعد المحاولة بعد قليل.`,
  keys: '↑ ↓ للتنقل · Enter للفتح · Esc للمسح',
};

/** The result count; an estimate (the engine counts exactly up to 200) reads «نحو …». */
export const countText = (n, estimate = false) => (estimate ? 'نحو ' : '') + arabicCount(n, RESULTS);

class BahthSearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'limit', 'href-template', 'pkg', 'chunks', 'worker'];

  #engine = null;
  /** Queries asked for (one per keystroke), and whether a search is running. */
  #searches = 0;
  #running = false;
  #results = [];
  /** A query the reader asked to search as typed (no corrections). */
  #asTyped = null;
  #active = -1;
  #announceTimer = 0;
  #ui;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    adoptStyles(root);
    this.#ui = buildUi(root);
    const { input, list, notice } = this.#ui;
    input.addEventListener('input', () => this.#update());
    input.addEventListener('keydown', (e) => this.#onKey(e));
    list.addEventListener('click', (e) => this.#onClick(e));
    notice.addEventListener('click', (e) => this.#onNoticeClick(e));
    list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus (and the active option) in the box
  }

  connectedCallback() {
    if (!this.#engine) this.#load();
    document.addEventListener('keydown', this.#onShortcut);
    this.#ui.input.placeholder = this.getAttribute('placeholder') ?? TEXT.placeholder;
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onShortcut);
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === 'placeholder') this.#ui.input.placeholder = this.getAttribute('placeholder') ?? TEXT.placeholder;
    else if (name === 'pkg' || name === 'chunks' || name === 'worker') this.#load();
    else this.#update();
  }

  /** The query in the box; setting it searches at once. */
  get value() {
    return this.#ui.input.value;
  }

  set value(query) {
    this.#ui.input.value = query;
    this.#update();
  }

  get #limit() {
    const n = Number.parseInt(this.getAttribute('limit') ?? '', 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 100) : 10;
  }

  async #load() {
    this.#engine = null;
    if (typeof WebAssembly !== 'object') return this.#fail(TEXT.noWasm);
    this.#showNotice(TEXT.loading);
    const engine = loadEngine(this.getAttribute('pkg') ?? undefined, { // fetch and compile run off the main thread…
      worker: this.getAttribute('worker') !== 'off',
      chunks: this.getAttribute('chunks'),
    });
    intl(); // …while this thread prepares the Arabic number formats
    try {
      this.#engine = await engine;
    } catch (err) {
      console.warn('bahth: the search engine did not load', err);
      return this.#fail(TEXT.failed);
    }
    this.#ui.input.disabled = false;
    this.#update(); // whatever was typed while it loaded
  }

  #fail(message) {
    const { input } = this.#ui;
    input.disabled = true;
    this.#setResults([]);
    this.#setCount('');
    this.#showNotice(message, { alert: true });
  }

  /**
   * Runs the query in the box and renders it; called on every keystroke, with no
   * debounce: a search takes microseconds, or, with a split index, the time to fetch
   * the chunks it needs. One search runs at a time; keystrokes meanwhile are not
   * searched one by one: when it is done, the box's latest query is.
   */
  async #update() {
    this.#searches++;
    if (this.#running) return; // the running loop picks up the latest query
    this.#running = true;
    try {
      let done;
      do {
        done = this.#searches;
        await this.#search(this.#ui.input.value, () => done === this.#searches);
      } while (done !== this.#searches);
    } finally {
      this.#running = false;
    }
  }

  /** Searches `query` and renders its answer if `current()` still holds. */
  async #search(query, current) {
    if (!this.#engine) return;
    if (!query.trim()) {
      this.#showIdle();
      return this.#emit({ query, total: 0, total_is_estimate: false, relaxed: false, shown: 0, corrections: [] });
    }
    // A split index may fetch chunks first: say so if that takes a moment.
    const slow = setTimeout(() => current() && this.#showNotice(TEXT.searching), 150);
    let answer;
    try {
      // Corrected unless the reader asked for this query as typed.
      answer = await this.#engine.search(query, { limit: this.#limit, offset: 0, correct: this.#asTyped !== query });
    } catch (err) {
      if (!current()) return;
      this.#setResults([]);
      this.#setCount('');
      return this.#showNotice(failureText(err), { alert: true });
    } finally {
      clearTimeout(slow);
    }
    if (!current()) return; // a later query is waiting
    const { total, total_is_estimate: estimate, relaxed, results, corrections = [] } = answer;
    this.#setResults(results);
    if (results.length === 0) this.#showNone(query, current); // its chips follow when found
    else if (corrections.length) this.#showCorrections(query, corrections, relaxed);
    else if (relaxed) this.#showNotice(TEXT.relaxed);
    else this.#showNotice('');
    this.#setCount(relaxed || total === 0 ? '' : countText(total, estimate)); // the notice speaks for the other cases
    const said = [corrections.length ? TEXT.corrected(corrections) : '', relaxed ? TEXT.relaxed + ' ' + countText(results.length) : countText(total, estimate)];
    this.#announce(said.filter(Boolean).join(' '));
    this.#emit({ query, total, total_is_estimate: estimate, relaxed, shown: results.length, corrections });
  }

  /** Results for other words than typed: say which, and offer the words as typed. */
  #showCorrections(query, corrections, relaxed) {
    this.#showNotice(' ');
    const note = this.#ui.notice.firstChild;
    const button = el('button', 'as-typed');
    button.type = 'button';
    button.append(...isolatingQuotes(TEXT.asTyped(query)));
    note.replaceChildren(...isolatingQuotes(TEXT.corrected(corrections)), ' ', button);
    if (relaxed) this.#ui.notice.append(el('p', 'note', TEXT.relaxed));
  }

  #emit(detail) {
    this.dispatchEvent(new CustomEvent('bahth-results', { bubbles: true, composed: true, detail }));
  }

  #showIdle() {
    this.#setResults([]);
    this.#setCount('');
    this.#showNotice(TEXT.idle(this.#engine.info().documents));
    this.#announce('');
  }

  /** Nothing matched even partially: offer the index's own words as chips. */
  async #showNone(query, current) {
    this.#showNotice(TEXT.none(query));
    let chips = [];
    try {
      chips = await suggestionsFor(this.#engine, query);
    } catch {
      return; // no chips (e.g. offline): the notice stands
    }
    if (!current() || chips.length === 0) return;
    const { notice } = this.#ui;
    const row = el('div', 'chips');
    row.append(el('span', 'chips-label', TEXT.tryInstead));
    for (const chip of chips) {
      const button = el('button', 'chip', chip);
      button.type = 'button';
      button.dataset.query = chip;
      row.append(button);
    }
    notice.append(row);
  }

  #showNotice(text, { alert = false } = {}) {
    const { notice } = this.#ui;
    notice.replaceChildren(...(text ? [el('p', alert ? 'alert' : 'note', text)] : []));
    notice.hidden = !text;
    if (alert) notice.firstChild.setAttribute('role', 'alert');
  }

  #setCount(text) {
    this.#ui.count.textContent = text;
  }

  /** Announces after typing pauses: a screen reader should not read a count per keystroke. */
  #announce(text) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => { this.#ui.live.textContent = text; }, 400);
  }

  /** Updates the options in place (no clearing, so nothing flickers between keystrokes). */
  #setResults(results) {
    const { list, input, panel } = this.#ui;
    const template = this.getAttribute('href-template');
    this.#results = results.map((r) => ({ ...r, href: hrefFor(r, template) }));
    this.#results.forEach((result, i) => {
      const option = list.children[i] ?? list.appendChild(newOption(i));
      fillOption(option, result);
    });
    while (list.children.length > results.length) list.lastChild.remove();
    panel.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    this.#setActive(-1);
  }

  #setActive(index) {
    const { list, input } = this.#ui;
    this.#active = index;
    [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = list.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  #onKey(e) {
    const n = this.#results.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (n === 0) return;
      e.preventDefault();
      // -1 (the box itself) is one stop of the cycle: ↑ from the first result returns to typing.
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.#setActive(((this.#active + 1 + step + n + 1) % (n + 1)) - 1);
    } else if (e.key === 'Enter' && !e.isComposing) {
      if (n === 0) return;
      e.preventDefault();
      this.#ui.list.children[Math.max(this.#active, 0)].firstChild.click(); // the link
    } else if (e.key === 'Escape') {
      e.preventDefault(); // also stops type=search's own clearing, so the order below holds
      if (this.#ui.input.value) this.value = '';
      else this.#ui.input.blur();
    }
  }

  /** A click (or Enter, which clicks the link) opens a result unless a listener cancels "bahth-select". */
  #onClick(e) {
    const option = e.target.closest('[role="option"]');
    if (!option) return;
    const { id, url, href } = this.#results[[...this.#ui.list.children].indexOf(option)];
    const go = this.dispatchEvent(new CustomEvent('bahth-select', {
      bubbles: true, composed: true, cancelable: true, detail: { id, url, href },
    }));
    if (!go) e.preventDefault();
  }

  #onNoticeClick(e) {
    const chip = e.target.closest('.chip');
    if (chip) {
      this.value = chip.dataset.query;
    } else if (e.target.closest('.as-typed')) {
      this.#asTyped = this.value; // until the query changes
      this.#update();
    } else {
      return;
    }
    this.#ui.input.focus();
  }

  /** "/" or Ctrl/⌘+K focuses the box, unless the user is typing somewhere else. */
  #onShortcut = (e) => {
    if (e.defaultPrevented || e.altKey) return;
    // e.code as well: on an Arabic layout the same keys type «ظ» and «ن».
    const slash = (e.key === '/' || e.code === 'Slash') && !e.ctrlKey && !e.metaKey && !e.shiftKey;
    const ctrlK = (e.key === 'k' || e.code === 'KeyK') && (e.ctrlKey || e.metaKey) && !e.shiftKey;
    if ((!slash && !ctrlK) || isEditable(e.composedPath()[0])) return;
    e.preventDefault();
    this.#ui.input.focus();
    this.#ui.input.select();
  };
}

function isEditable(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Where a result links: its own url if it is http(s) or relative, else the template over its id. */
function hrefFor(result, template) {
  // Ids of documents in subfolders keep their slashes: news/2024/x.
  const id = result.id.split('/').map(encodeURIComponent).join('/');
  const candidates = [result.url, template?.replaceAll('{id}', id)];
  for (const candidate of candidates) {
    const url = candidate ? parseUrl(candidate) : null;
    if (url?.protocol === 'http:' || url?.protocol === 'https:') return url.href; // never javascript: or data:
  }
  return null;
}

function parseUrl(text) {
  try {
    return new URL(text, document.baseURI);
  } catch {
    return null; // malformed: no link rather than a broken widget
  }
}

/**
 * Chips for a query nothing matched: shorten its last word until the index
 * knows words starting with it (a typo near the end still finds its word), and
 * keep the completions that do find something.
 */
async function suggestionsFor(engine, query) {
  const words = query.trim().split(/\s+/);
  const last = words.pop();
  for (let n = last.length; n >= 2; n--) {
    const queries = (await engine.suggest(last.slice(0, n), 5)).map((word) => [...words, word].join(' '));
    const found = await Promise.all(queries.map((q) => engine.search(q + ' ', { limit: 1, offset: 0 })));
    const kept = queries.filter((_, i) => found[i].results.length > 0);
    if (kept.length > 0) return kept.slice(0, 4);
  }
  return [];
}

/** What to tell the reader when a search fails: a chunk that could not be fetched (offline?) or the reason. */
function failureText(err) {
  if (err?.name === 'BahthChunkUnavailable') {
    return navigator.onLine === false ? TEXT.offlineChunk : TEXT.chunkFailed(err.chunk);
  }
  return TEXT.queryError + (err?.message ?? String(err));
}

/** Text with <mark>s over the engine's [start, end) UTF-16 ranges, as DOM nodes only. */
function highlighted(text, ranges = []) {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const from = Math.max(start, at);
    const to = Math.min(end, text.length);
    if (to <= from) continue; // overlapping or out of range: skip rather than garble
    if (from > at) out.append(text.slice(at, from));
    out.append(el('mark', null, text.slice(from, to)));
    at = to;
  }
  if (at < text.length) out.append(text.slice(at));
  return out;
}

function newOption(i) {
  const option = el('li', 'option');
  option.id = `bahth-option-${i}`;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  const link = el('a', 'link');
  link.tabIndex = -1; // the combobox keeps focus; options are reached with ↑/↓
  const title = el('span', 'title');
  const excerpt = el('span', 'excerpt');
  title.dir = excerpt.dir = 'auto';
  link.append(title, excerpt);
  option.append(link);
  return option;
}

function fillOption(option, result) {
  const link = option.firstChild;
  const [title, excerpt] = link.children;
  if (result.href) link.href = result.href;
  else link.removeAttribute('href');
  title.replaceChildren(highlighted(result.title || result.id, result.title ? result.title_highlights : []));
  excerpt.replaceChildren(highlighted(result.excerpt?.text ?? '', result.excerpt?.highlights));
}

function buildUi(root) {
  const wrap = el('div', 'bahth');
  wrap.dir = 'rtl';
  wrap.lang = 'ar';
  wrap.setAttribute('part', 'container');

  const field = el('div', 'field');
  const input = el('input', 'input');
  Object.assign(input, { type: 'search', id: 'bahth-input', autocomplete: 'off', spellcheck: false });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-label', TEXT.label);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'bahth-results');
  input.setAttribute('enterkeyhint', 'search');
  input.setAttribute('part', 'input');
  const kbd = el('kbd', 'shortcut', '/');
  kbd.setAttribute('aria-hidden', 'true');
  field.append(searchIcon(), input, kbd);

  const count = el('p', 'count');
  const notice = el('div', 'notice');
  const live = el('p', 'visually-hidden');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');

  const panel = el('div', 'panel');
  panel.hidden = true;
  panel.setAttribute('part', 'results');
  const list = el('ul', 'results');
  list.id = 'bahth-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', TEXT.listLabel);
  const keys = el('p', 'keys', TEXT.keys);
  keys.setAttribute('aria-hidden', 'true');
  panel.append(list, keys);

  wrap.append(field, count, notice, panel, live);
  root.append(wrap);
  return { input, count, notice, live, panel, list };
}

function searchIcon() {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const circle = document.createElementNS(NS, 'circle');
  for (const [k, v] of Object.entries({ cx: 11, cy: 11, r: 7 })) circle.setAttribute(k, v);
  const handle = document.createElementNS(NS, 'path');
  handle.setAttribute('d', 'M16.5 16.5 21 21');
  svg.append(circle, handle);
  return svg;
}

/**
 * `text` as nodes, each «quoted» word in a <bdi>: a Latin word (hgugrhj) in an
 * Arabic sentence keeps its place and its quotes. Same textContent as `text`.
 */
function isolatingQuotes(text) {
  return text.split(/«([^»]*)»/).map((part, i) => (i % 2 ? ['«', el('bdi', '', part), '»'] : [part])).flat();
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Shadow styles through a constructed stylesheet: a strict CSP without
 * 'unsafe-inline' allows it. (Browsers without adoptedStyleSheets, Safari < 16.4,
 * get a <style> element, which such a CSP would block.)
 */
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    STYLES.sheet ??= new CSSStyleSheet();
    STYLES.sheet.replaceSync(STYLES.css);
    root.adoptedStyleSheets = [STYLES.sheet];
  } else {
    root.append(el('style', null, STYLES.css));
  }
}

// Only logical properties (inline/block, start/end): the widget is right-to-left.
const STYLES = {
  sheet: null,
  css: `
:host {
  display: block;
  color-scheme: light dark;
  --_font: var(--bahth-font, "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, system-ui, sans-serif);
  --_text: var(--bahth-text, #1c2430);
  --_muted: var(--bahth-muted, #5a6472);
  --_bg: var(--bahth-bg, #ffffff);
  --_border: var(--bahth-border, #d5dae1);
  --_accent: var(--bahth-accent, #0b6b57);
  --_active-bg: var(--bahth-active-bg, #eef6f3);
  --_mark-bg: var(--bahth-mark-bg, #ffe58a);
  --_mark-text: var(--bahth-mark-text, #1c2430);
  --_radius: var(--bahth-radius, 14px);
  --_shadow: var(--bahth-shadow, 0 1px 2px rgb(16 24 40 / 6%), 0 8px 24px rgb(16 24 40 / 8%));
}
@media (prefers-color-scheme: dark) {
  :host {
    --_text: var(--bahth-text, #e7ebf0);
    --_muted: var(--bahth-muted, #a3adba);
    --_bg: var(--bahth-bg, #161b22);
    --_border: var(--bahth-border, #343c47);
    --_accent: var(--bahth-accent, #5fd1b0);
    --_active-bg: var(--bahth-active-bg, #1f2d2a);
    --_mark-bg: var(--bahth-mark-bg, #8a6d00);
    --_mark-text: var(--bahth-mark-text, #fff8dc);
    --_shadow: var(--bahth-shadow, 0 1px 2px rgb(0 0 0 / 40%), 0 8px 24px rgb(0 0 0 / 35%));
  }
}
[hidden] { display: none !important; }
.bahth {
  font-family: var(--_font);
  font-size: var(--bahth-font-size, 1rem);
  color: var(--_text);
  text-align: start;
  line-height: 1.6;
}
.field {
  display: flex;
  align-items: center;
  gap: 0.5em;
  padding-inline: 0.9em 0.6em;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  box-shadow: var(--_shadow);
}
.field:focus-within {
  border-color: var(--_accent);
  box-shadow: var(--_shadow), 0 0 0 3px color-mix(in srgb, var(--_accent) 30%, transparent);
}
.icon {
  inline-size: 1.25em;
  block-size: 1.25em;
  flex: none;
  fill: none;
  stroke: var(--_muted);
  stroke-width: 2;
  stroke-linecap: round;
}
.input {
  flex: 1;
  min-inline-size: 0;
  padding-block: 0.8em;
  border: 0;
  outline: 0;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 1.15em;
}
.input::placeholder { color: var(--_muted); opacity: 1; }
.input:disabled { cursor: not-allowed; }
.shortcut {
  flex: none;
  padding-inline: 0.5em;
  border: 1px solid var(--_border);
  border-block-end-width: 2px;
  border-radius: 6px;
  color: var(--_muted);
  font: 0.8em/1.6 ui-monospace, monospace;
}
.field:focus-within .shortcut { visibility: hidden; }
/* The count and the notice take turns in the same slot above the results. */
.count, .notice p { margin-block: 0.6em 0.5em; margin-inline: 0.25em; color: var(--_muted); }
.count { font-size: 0.9em; }
.count:empty { display: none; }
.notice .alert { color: var(--bahth-error, #b3261e); }
@media (prefers-color-scheme: dark) { .notice .alert { color: var(--bahth-error, #ffb4ab); } }
.chips { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; margin-inline: 0.25em; }
.chips-label { color: var(--_muted); }
.chip {
  padding-block: 0.2em;
  padding-inline: 0.8em;
  border: 1px solid var(--_border);
  border-radius: 999px;
  background: var(--_bg);
  color: var(--_accent);
  font: inherit;
  cursor: pointer;
}
.chip:hover, .chip:focus-visible { border-color: var(--_accent); outline: none; }
.as-typed {
  padding: 0;
  border: 0;
  background: none;
  color: var(--_accent);
  font: inherit;
  text-decoration: underline;
  cursor: pointer;
}
.panel {
  overflow: hidden;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  box-shadow: var(--_shadow);
}
.results {
  max-block-size: var(--bahth-max-height, none);
  overflow-y: auto;
  margin: 0;
  padding: 0;
  list-style: none;
}
.option + .option { border-block-start: 1px solid var(--_border); }
.link {
  display: block;
  padding-block: 0.85em;
  padding-inline: 1.1em;
  border-inline-start: 3px solid transparent;
  color: inherit;
  text-decoration: none;
  cursor: pointer;
}
.option:hover .link { background: color-mix(in srgb, var(--_active-bg) 60%, transparent); }
.option[aria-selected="true"] .link {
  background: var(--_active-bg);
  border-inline-start-color: var(--_accent);
}
.title {
  display: block;
  color: var(--_accent);
  font-weight: 700;
  font-size: 1.08em;
  overflow-wrap: anywhere;
}
.link:hover .title { text-decoration: underline; text-underline-offset: 0.3em; }
.excerpt {
  display: block;
  margin-block-start: 0.25em;
  color: var(--_muted);
  line-height: 1.9;
  overflow-wrap: anywhere;
}
mark {
  /* No padding or margin: it would break Arabic letter joining at the mark's edges. */
  background: var(--_mark-bg);
  color: var(--_mark-text);
  border-radius: 0.2em;
  box-shadow: 0 0 0 0.12em var(--_mark-bg);
}
.title mark { color: var(--_mark-text); }
.keys {
  margin: 0;
  padding-block: 0.45em;
  padding-inline: 1.1em;
  border-block-start: 1px solid var(--_border);
  color: var(--_muted);
  font-size: 0.8em;
}
@media (hover: none), (max-width: 480px) {
  .keys, .shortcut { display: none; }
}
.visually-hidden {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
`,
};

if (!customElements.get('bahth-search')) customElements.define('bahth-search', BahthSearch);
