// The site's search: the box in the header of every page (quick results while typing; Enter opens the
// search page) and the search page (<edition root>search/?q=…&plan=…&year=…&agency=…&theme=…&kind=…).
// generator/publish/search.py writes the index in shards; this module loads the manifest, then only the shards
// that hold the query's keys and the records of the results shown. It reads the query the way the index
// was written: every run of Han or kana as overlapping character pairs, found in a row, so that any part
// of a word matches and every word of the query must match.

const RUN = /[\u3005\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+/g;
const HIRAGANA = /[\u3040-\u309f]+/g;
const QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」/g;
const FILTERS = ["plan", "year", "agency", "theme", "kind"];
const PAGE_KINDS = ["plan", "agency", "theme", "law"];
const PAGE_SIZE = 10;
const INDEX = "search-index/"; // generator/publish/search.py's BUNDLE
const TITLE_WEIGHT = 3; // a match in the title counts as three in the text
const K1 = 1.2; // BM25: how fast repeated matches stop adding
const B = 0.75; // BM25: how much a long record's matches weigh less

export function normalize(text) {
  return text.normalize("NFKC").toLowerCase();
}

// generator/publish/search.py's tokens(), run by run.
function runs(text) {
  return normalize(text).match(RUN) || [];
}

function pairs(run) {
  if (/^[0-9a-z]/.test(run) || run.length === 1) return [run];
  const out = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

// generator/publish/search.py's fnv(): FNV-1a over the code points; which shard holds a key.
export function fnv(text) {
  let value = 0x811c9dc5;
  for (const char of text) {
    value ^= char.codePointAt(0);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

// generator/publish/search.py's name_key(), filter_key() and char_key().
export function nameKey(name) {
  return "nm:" + normalize(name).replace(/\s+/g, "");
}

export function filterKey(name, value) {
  return `fl:${name}:${value}`;
}

function charKey(char) {
  return "ch:" + char;
}

// The query's terms: each must occur. Quoted text is one phrase; an item number (t18, 第18项, s5-m3)
// is found by its anchor; in Japanese, hiragana between words (の, ある) separate them.
export function parse(query, japanese) {
  const terms = [];
  const add = (text, phrase) => {
    for (const run of runs(text)) terms.push({ text: run, tokens: pairs(run), phrase });
  };
  let rest = normalize(query).replace(QUOTED, (_, a, b, c) => {
    const inner = a || b || c || "";
    const tokens = runs(inner).flatMap(pairs);
    if (tokens.length) terms.push({ text: runs(inner).join(""), tokens, phrase: true });
    return " ";
  });
  for (let chunk of rest.split(/\s+/)) {
    if (!chunk) continue;
    const number = chunk.match(/^第(\d+)[项項]$/);
    if (number) chunk = "t" + number[1];
    if (japanese && chunk.replace(HIRAGANA, "")) chunk = chunk.replace(HIRAGANA, " ");
    for (const part of chunk.split(" ")) add(part, false);
  }
  return terms;
}

// Postings as written (record numbers as differences): record -> positions, or a set of records.
function positional(postings) {
  const found = new Map();
  let record = 0;
  for (const [step, ...positions] of postings || []) found.set((record += step), positions);
  return found;
}

function plain(postings) {
  const found = new Set();
  let record = 0;
  for (const step of postings || []) found.add((record += step));
  return found;
}

// The smallest distance that holds one matched position of every term.
function span(positionLists) {
  const marks = [];
  positionLists.forEach((list, term) => list.forEach((position) => marks.push([position, term])));
  marks.sort((a, b) => a[0] - b[0]);
  const seen = new Map();
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < marks.length; right++) {
    seen.set(marks[right][1], (seen.get(marks[right][1]) || 0) + 1);
    while (seen.size === positionLists.length) {
      best = Math.min(best, marks[right][0] - marks[left][0]);
      const term = marks[left][1];
      if (seen.get(term) === 1) seen.delete(term); else seen.set(term, seen.get(term) - 1);
      left++;
    }
  }
  return best;
}

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

export class Search {
  constructor(root, japanese) {
    this.root = root;
    this.japanese = japanese;
    this.manifest = null;
    this.shards = new Map();
    this.records = new Map();
    this.facetSets = null;
  }

  url(path) {
    return new URL(`${INDEX}${path}?v=${this.version}`, this.root).href;
  }

  // The manifest: the number of shards, each record's length and title length, where the pages begin.
  async load() {
    if (!this.manifest) {
      this.manifest = json(new URL(`${INDEX}manifest.json`, this.root).href).then((manifest) => {
        this.version = manifest.version;
        const total = manifest.lengths.reduce((sum, length) => sum + length, 0);
        manifest.average = total / Math.max(1, manifest.records);
        return manifest;
      });
    }
    return this.manifest;
  }

  // The postings of a key, from the shard its hash names (each shard loads once).
  async postings(key) {
    const manifest = await this.load();
    const number = fnv(key) % manifest.shards;
    if (!this.shards.has(number)) this.shards.set(number, json(this.url(`shards/${number}.json`)));
    return (await this.shards.get(number))[key];
  }

  async ids(key) {
    return plain(await this.postings(key));
  }

  // Where a term occurs: record -> the positions where its tokens stand in a row (none for one character,
  // found in any record that holds it).
  async occurrences(term) {
    const [first] = term.tokens;
    if (term.tokens.length === 1 && first.length === 1 && !/^[0-9a-z]$/.test(first)) {
      return new Map([...(await this.ids(charKey(first)))].map((id) => [id, []]));
    }
    const lists = (await Promise.all(term.tokens.map((token) => this.postings(token)))).map(positional);
    const found = new Map();
    for (const [id, positions] of lists[0]) {
      const rest = lists.slice(1).map((list) => list.get(id));
      if (rest.some((list) => !list)) continue;
      const sets = rest.map((list) => new Set(list));
      const starts = positions.filter((start) => sets.every((set, offset) => set.has(start + offset + 1)));
      if (starts.length) found.set(id, starts);
    }
    return found;
  }

  // BM25 over the tokens of the terms, a title's matches weighing TITLE_WEIGHT times a text's.
  async relevance(terms, ids) {
    const manifest = await this.load();
    const scores = new Map([...ids].map((id) => [id, 0]));
    const tokens = [...new Set(terms.flatMap((term) => term.tokens))];
    for (const token of tokens) {
      const single = token.length === 1 && !/^[0-9a-z]$/.test(token);
      const found = single ? null : positional(await this.postings(token));
      const holders = single ? await this.ids(charKey(token)) : found;
      const idf = Math.log(1 + (manifest.records - holders.size + 0.5) / (holders.size + 0.5));
      for (const id of ids) {
        if (!holders.has(id)) continue;
        const title = manifest.titles[id];
        const frequency = single ? 1 : found.get(id).reduce((sum, at) => sum + (at < title ? TITLE_WEIGHT : 1), 0);
        const norm = K1 * (1 - B + B * manifest.lengths[id] / manifest.average);
        scores.set(id, scores.get(id) + idf * (frequency * (K1 + 1)) / (frequency + norm));
      }
    }
    return scores;
  }

  // The ids matching every term and filter, with a score: relevance plus the nearness of the terms.
  async match(terms, filters) {
    const narrowing = Object.entries(filters || {}).map(([name, value]) => filterKey(name, value));
    const [occurrences, allowed] = await Promise.all([
      Promise.all(terms.map((term) => this.occurrences(term))),
      Promise.all(narrowing.map((key) => this.ids(key))),
    ]);
    let ids = new Set(occurrences[0].keys());
    for (const found of occurrences.slice(1)) ids = new Set([...ids].filter((id) => found.has(id)));
    for (const set of allowed) ids = new Set([...ids].filter((id) => set.has(id)));
    if (!ids.size) return new Map();
    const scores = await this.relevance(terms, ids);
    if (terms.length > 1) {
      for (const id of ids) {
        const distance = span(occurrences.map((found) => found.get(id) || []));
        scores.set(id, scores.get(id) + 3 / (1 + Math.max(0, distance - terms.length) / 4));
      }
    }
    return scores;
  }

  // Results in order: pages the query names, then items, then other pages. `loose` tells that no item
  // holds a long run whole and the results hold its parts.
  async find(query, filters = {}) {
    const terms = parse(query, this.japanese);
    if (!terms.length) return { terms, ids: [], loose: false };
    const manifest = await this.load();
    // A word that names a plan (强国建设推进计划 第18项) narrows the search to that plan.
    for (const term of [...terms]) {
      if (terms.length < 2 || term.tokens.length < 2) continue;
      const [named, plans] = await Promise.all([this.ids(nameKey(term.text)), this.ids(filterKey("kind", "plan"))]);
      const plan = [...named].find((id) => plans.has(id));
      if (plan === undefined) continue;
      filters = { ...filters, plan: (await this.fragment(plan)).plan_id };
      terms.splice(terms.indexOf(term), 1);
    }
    let scores = await this.match(terms, filters);
    let loose = false;
    if (!scores.size && terms.some((term) => term.tokens.length > 2 && !term.phrase)) {
      const parts = terms.flatMap((term) => term.tokens.length > 2 && !term.phrase
        ? term.tokens.map((token) => ({ text: token, tokens: [token], phrase: false })) : [term]);
      scores = await this.match(parts, filters);
      loose = scores.size > 0;
      if (loose) terms.splice(0, terms.length, ...parts);
    }
    const named = await this.ids(nameKey(query));
    const rank = (id) => (named.has(id) ? 0 : id >= manifest.pages ? 2 : 1);
    const ids = [...scores.keys()].sort((a, b) => rank(a) - rank(b) || scores.get(b) - scores.get(a) || a - b);
    return { terms, ids, loose };
  }

  // The shown fields of a result (its record loads once).
  async fragment(id) {
    await this.load();
    if (!this.records.has(id)) this.records.set(id, json(this.url(`records/${id}.json`)));
    return this.records.get(id);
  }

  // For each filter value, the ids it holds (loaded once, for the search page's counts).
  async facets() {
    if (!this.facetSets) {
      this.facetSets = this.load().then(async () => {
        const values = await json(this.url("facets.json"));
        return Object.fromEntries(FILTERS.map((name) => [name, Object.fromEntries(
          Object.entries(values[name] || {}).map(([value, postings]) => [value, plain(postings)]))]));
      });
    }
    return this.facetSets;
  }
}

// ---------------------------------------------------------------- what the reader sees

function message(key) {
  const store = document.getElementById("ip-messages");
  return (store && store.getAttribute("data-" + key)) || "";
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

// Where each needle occurs in `text` (or, character for character, in `other`), merged.
function ranges(text, other, needles) {
  const found = [];
  for (const source of [text, other]) {
    if (!source) continue;
    let folded = normalize(source);
    if (folded.length !== text.length) folded = source.length === text.length ? source.toLowerCase() : "";
    for (const needle of needles) {
      if (!needle) continue;
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) found.push([at, at + needle.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]); else merged.push([...range]);
  }
  return merged;
}

// The text around the first match, the matches marked; `width` characters at most.
function excerpt(text, marks, width, lang) {
  const paragraph = element("p", "ip-hit__excerpt");
  paragraph.lang = lang;
  const first = marks.length ? marks[0][0] : 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 4), text.length - width));
  const end = Math.min(text.length, start + width);
  if (start > 0) paragraph.append("…");
  let at = start;
  for (const [from, to] of marks) {
    if (to <= start || from >= end) continue;
    paragraph.append(text.slice(at, Math.max(at, from)));
    paragraph.append(element("mark", "", text.slice(Math.max(at, from), Math.min(to, end))));
    at = Math.min(to, end);
  }
  paragraph.append(text.slice(at, end));
  if (end < text.length) paragraph.append("…");
  return paragraph;
}

function hit(meta, search, needles, width) {
  const item = element("li", "ip-hit");
  const link = element("a", "ip-hit__link");
  link.href = new URL(meta.href, search.root).href;
  if (meta.number) link.append(element("span", "ip-hit__number", meta.number), " ");
  const title = element("span", "ip-hit__title");
  title.lang = PAGE_KINDS.includes(meta.kind) ? document.documentElement.lang : meta.lang;
  title.textContent = meta.title || "";
  link.append(title);
  item.append(link);
  const about = [meta.plan, meta.year && meta.plan ? meta.year : "", meta.lead ? `${message("search-lead")}：${meta.lead}` : ""]
    .filter(Boolean).join(" · ");
  if (about) item.append(element("p", "ip-hit__meta", about));
  const original = ranges(meta.text || "", meta.other || "", needles);
  const translated = meta.ja ? ranges(meta.ja, "", needles) : [];
  if (meta.ja && (translated.length || !original.length)) item.append(excerpt(meta.ja, translated, width, "ja"));
  if (original.length || !meta.ja) item.append(excerpt(meta.text || "", original, width, meta.lang));
  return item;
}

function needlesOf(terms) {
  return terms.map((term) => term.text);
}

function searchRoot() {
  const meta = document.querySelector('meta[name="ip-search-root"]');
  return new URL(meta ? meta.content : "./", window.location.href);
}

const search = new Search(searchRoot(), document.documentElement.lang === "ja");
window.ipSearch = search; // the browser tests and the benchmark ask it directly

// The box in the header: up to six results while typing; Enter opens the search page.
function quickResults(form) {
  const input = form.querySelector("input[name=q]");
  const panel = form.querySelector(".ip-quick");
  let timer = null;
  let asked = 0;
  const hide = () => { panel.hidden = true; };
  const run = async () => {
    const query = input.value.trim();
    const ask = ++asked;
    if (!query) return hide();
    const { terms, ids } = await search.find(query);
    if (ask !== asked) return;
    const list = element("ul", "ip-quick__list");
    const metas = await Promise.all(ids.slice(0, 6).map((id) => search.fragment(id)));
    for (const meta of metas) list.append(hit(meta, search, needlesOf(terms), 60));
    if (ask !== asked) return;
    panel.replaceChildren();
    if (ids.length) panel.append(list); else panel.append(element("p", "ip-quick__none", message("search-none")));
    const all = element("a", "ip-quick__all", `${message("search-quick-all")} (${ids.length})`);
    all.href = new URL("search/?q=" + encodeURIComponent(query), search.root).href;
    panel.append(all);
    panel.hidden = false;
    document.documentElement.dataset.ipQuick = String(ask);
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(run, 120); };
  input.addEventListener("focus", () => search.load(), { once: true });
  input.addEventListener("input", (event) => { if (!event.isComposing) later(); });
  input.addEventListener("compositionend", later);
  form.addEventListener("keydown", (event) => {
    const links = [...panel.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") { hide(); input.focus(); }
    else if (event.key === "ArrowDown" && !panel.hidden && links.length) { event.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
    else if (event.key === "ArrowUp" && at >= 0) { event.preventDefault(); (at === 0 ? input : links[at - 1]).focus(); }
  });
  form.addEventListener("focusout", (event) => { if (!form.contains(event.relatedTarget)) setTimeout(hide, 150); });
}

// The search page: the query and filters of its address, results with counts per filter value.
function searchPage(form) {
  const facets = JSON.parse(document.getElementById("ip-search-facets").textContent);
  const input = form.querySelector("input[name=q]");
  const count = document.querySelector(".ip-search__count");
  const list = document.querySelector(".ip-search__results");
  const more = document.querySelector(".ip-search__more");
  const selects = Object.fromEntries(FILTERS.map((name) => [name, form.querySelector(`select[name=${name}]`)]));
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  for (const name of FILTERS) if (params.get(name)) selects[name].value = params.get(name);
  let shown = 0;
  let current = null;
  let asked = 0;

  const showMore = async () => {
    const { terms, ids } = current;
    const next = ids.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    const metas = await Promise.all(next.map((id) => search.fragment(id)));
    for (const meta of metas) if (meta) list.append(hit(meta, search, needlesOf(terms), 110));
    more.hidden = shown >= ids.length;
  };

  const run = async () => {
    const ask = ++asked;
    const query = input.value.trim();
    const chosen = Object.fromEntries(FILTERS.filter((name) => selects[name].value).map((name) => [name, selects[name].value]));
    const address = new URLSearchParams({ ...(query ? { q: query } : {}), ...chosen });
    history.replaceState(null, "", address.toString() ? "?" + address : window.location.pathname);
    if (!query && !Object.keys(chosen).length) {
      list.replaceChildren(); count.textContent = ""; more.hidden = true;
      return;
    }
    count.textContent = message("search-loading");
    let found;
    try {
      found = query ? await search.find(query) : { terms: [], ids: null, loose: false };
    } catch (error) {
      count.textContent = message("search-failed");
      throw error;
    }
    const needFacets = Object.keys(chosen).length > 0 || !query;
    const sets = needFacets ? await search.facets() : null;
    if (ask !== asked) return;
    let ids = found.ids;
    if (sets) {
      for (const [name, value] of Object.entries(chosen)) {
        const allowed = sets[name][value] || new Set();
        ids = ids === null ? [...allowed] : ids.filter((id) => allowed.has(id));
      }
    }
    current = { terms: found.terms, ids };
    shown = 0;
    list.replaceChildren();
    count.textContent = ids.length
      ? (found.loose ? message("search-loose") + " " : "") + message("search-results").replace("{n}", ids.length)
      : message("search-none");
    await showMore();
    document.documentElement.dataset.ipResults = String(ask);
    updateCounts(found.ids, chosen);
  };

  // Each filter's values with the number of results they would leave, the other filters applied.
  const updateCounts = async (ids, chosen) => {
    const sets = await search.facets();
    for (const name of FILTERS) {
      let base = ids === null ? null : new Set(ids);
      for (const [other, value] of Object.entries(chosen)) {
        if (other === name) continue;
        const allowed = sets[other][value] || new Set();
        base = base === null ? new Set(allowed) : new Set([...base].filter((id) => allowed.has(id)));
      }
      for (const option of selects[name].options) {
        if (!option.value) continue;
        const all = sets[name][option.value] || new Set();
        const n = base === null ? all.size : [...all].filter((id) => base.has(id)).length;
        option.textContent = `${facets[name][option.value]} (${n})`;
        option.disabled = n === 0 && option.value !== selects[name].value;
      }
    }
  };

  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  for (const select of Object.values(selects)) select.addEventListener("change", run);
  more.addEventListener("click", showMore);
  run();
}

for (const form of document.querySelectorAll("form.ip-searchbox")) quickResults(form);
const page = document.querySelector("form.ip-search");
if (page) searchPage(page);
