// Full-text search of the edition (search.html) and the highlighting of a search's hits in a document
// page (documents/…html?q=…). Plain browser JavaScript, no build step. The index is made at build time
// (src/transform/site/search-index.ts): window.CHANCERY_SEARCH holds the documents and an inverted index;
// the reading texts come in chunks (assets/search-text-<k>.js), loaded only for snippets and phrases.
// Everything is put on the page through DOM text nodes, never as markup: the texts are the documents'.
(function () {
  'use strict';

  // --- tokens and queries: the same folding as the index builder --------------------------------------
  var TOKEN = /[\p{L}\p{N}]+/gu;
  function fold(word) { return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function tokens(text) {
    var out = [];
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, word: fold(m[0]) });
    return out;
  }
  /** A bare word of 3+ letters, or any word written with a final *, also finds longer words it begins. */
  var MIN_PREFIX = 3;

  /** `"national interests" soviet finl*` → clauses; every clause must match (AND). */
  function parseQuery(q) {
    var clauses = [];
    var re = /"([^"]*)"?|([^\s"]+)/g;
    var m;
    while ((m = re.exec(q))) {
      if (m[1] !== undefined) {
        var words = tokens(m[1]).map(function (t) { return t.word; });
        if (words.length > 1) clauses.push({ terms: words, phrase: true, prefix: false });
        else if (words.length === 1) clauses.push({ terms: words, phrase: false, prefix: false });
      } else {
        var star = /\*$/.test(m[2]);
        var toks = tokens(m[2]);
        toks.forEach(function (t, i) {
          var prefix = (star && i === toks.length - 1) || t.word.length >= MIN_PREFIX;
          clauses.push({ terms: [t.word], phrase: false, prefix: prefix });
        });
      }
    }
    return clauses;
  }

  /** Character ranges of a text that a query matches: whole or prefixed words, and whole phrases. */
  function findHits(text, clauses) {
    var toks = tokens(text);
    var hits = [];
    for (var i = 0; i < toks.length; i++) {
      for (var c = 0; c < clauses.length; c++) {
        var cl = clauses[c];
        if (cl.phrase) {
          var n = cl.terms.length;
          if (i + n > toks.length) continue;
          var ok = true;
          for (var j = 0; j < n && ok; j++) ok = toks[i + j].word === cl.terms[j];
          if (ok) { hits.push([toks[i].start, toks[i + n - 1].end]); break; }
        } else {
          var w = toks[i].word;
          var t = cl.terms[0];
          if (w === t || (cl.prefix && w.lastIndexOf(t, 0) === 0)) { hits.push([toks[i].start, toks[i].end]); break; }
        }
      }
    }
    return hits;
  }

  window.ChancerySearch = { parseQuery: parseQuery, findHits: findHits, tokens: tokens };

  // --- document pages: highlight the hits of the search that led here -------------------------------
  var reading = document.querySelector('.reading');
  if (reading) {
    var q = new URLSearchParams(location.search).get('q');
    if (q) highlightDocument(reading, parseQuery(q), q);
    return;
  }

  function highlightDocument(root, clauses, q) {
    if (clauses.length === 0) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        // page furniture and the pop-up copies of footnotes are not the reading text
        return n.parentElement.closest('.dipl, .fn-pop, .pb') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var marks = [];
    nodes.forEach(function (node) {
      var hits = findHits(node.data, clauses);
      for (var h = hits.length - 1; h >= 0; h--) {
        var after = node.splitText(hits[h][0]);
        after.splitText(hits[h][1] - hits[h][0]);
        var mark = document.createElement('mark');
        mark.className = 'hit';
        after.parentNode.replaceChild(mark, after);
        mark.appendChild(after);
        marks.unshift(mark);
      }
    });
    var bar = document.createElement('p');
    bar.className = 'hit-bar';
    bar.setAttribute('role', 'status');
    bar.textContent = marks.length + (marks.length === 1 ? ' hit' : ' hits') + ' for “' + q + '” · ';
    var back = document.createElement('a');
    back.href = '../search.html?q=' + encodeURIComponent(q);
    back.textContent = 'back to the results';
    bar.appendChild(back);
    root.parentNode.insertBefore(bar, root);
    if (marks[0]) {
      marks[0].id = 'first-hit';
      marks[0].scrollIntoView({ block: 'center' });
    }
  }

  // --- the search page ------------------------------------------------------------------------------
  var form = document.querySelector('form.search-form');
  var S = window.CHANCERY_SEARCH;
  if (!form || !S) return;

  var docs = S.docs; // [permalink, title, date, dateLabel, kind, year, senders[], addressees[], length]
  var terms = S.terms ? S.terms.split('\n') : [];
  var postingLines = S.postings ? S.postings.split('\n') : [];
  var decoded = new Map();
  var avgLength = docs.reduce(function (s, d) { return s + d[8]; }, 0) / Math.max(1, docs.length);
  var texts = new Map(); // chunk number → array of texts
  var waiting = new Map(); // chunk number → [resolve]

  function postingsOf(termIndex) {
    var p = decoded.get(termIndex);
    if (p) return p;
    var line = postingLines[termIndex];
    var ids = [];
    var tfs = [];
    var doc = 0;
    line.split(',').forEach(function (part) {
      var colon = part.indexOf(':');
      doc += parseInt(colon < 0 ? part : part.slice(0, colon), 36);
      ids.push(doc);
      tfs.push(colon < 0 ? 1 : parseInt(part.slice(colon + 1), 36));
    });
    p = { ids: ids, tfs: tfs };
    decoded.set(termIndex, p);
    return p;
  }

  /** The first index of `terms` not less than `word` (binary search). */
  function lowerBound(word) {
    var lo = 0;
    var hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < word) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Term indices a clause word stands for: itself, and longer words when it is a prefix. */
  var MAX_EXPANSIONS = 300;
  function expand(word, prefix) {
    var out = [];
    var i = lowerBound(word);
    if (terms[i] === word) out.push({ index: i, exact: true });
    if (prefix) {
      for (var j = terms[i] === word ? i + 1 : i; j < terms.length && out.length < MAX_EXPANSIONS && terms[j].lastIndexOf(word, 0) === 0; j++) {
        out.push({ index: j, exact: false });
      }
    }
    return out;
  }

  // BM25 with the usual constants
  var K1 = 1.2;
  var B = 0.75;
  function bm25(tf, doc, df) {
    var idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
    return idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * docs[doc][8] / avgLength));
  }

  /** Scores of the documents that match one clause (Map doc → score). */
  function clauseScores(cl) {
    var scores = new Map();
    if (cl.phrase) {
      // every word of the phrase, exactly; adjacency is checked on the texts afterwards
      var first = true;
      cl.terms.forEach(function (w) {
        var e = expand(w, false)[0];
        var next = new Map();
        if (e) {
          var p = postingsOf(e.index);
          for (var k = 0; k < p.ids.length; k++) {
            var d = p.ids[k];
            if (first || scores.has(d)) next.set(d, (scores.get(d) || 0) + bm25(p.tfs[k], d, p.ids.length));
          }
        }
        scores = next;
        first = false;
      });
      return scores;
    }
    expand(cl.terms[0], cl.prefix).forEach(function (e) {
      var p = postingsOf(e.index);
      var weight = e.exact ? 1 : 0.5;
      for (var k = 0; k < p.ids.length; k++) {
        var d = p.ids[k];
        scores.set(d, (scores.get(d) || 0) + weight * bm25(p.tfs[k], d, p.ids.length));
      }
    });
    return scores;
  }

  /** Documents matching every clause, with their summed score (null: no query, every document). */
  function queryScores(clauses) {
    if (clauses.length === 0) return null;
    var result = null;
    clauses.forEach(function (cl) {
      var s = clauseScores(cl);
      if (result === null) { result = s; return; }
      var next = new Map();
      result.forEach(function (v, d) { if (s.has(d)) next.set(d, v + s.get(d)); });
      result = next;
    });
    return result;
  }

  // --- texts, loaded on demand ----------------------------------------------------------------------
  window.CHANCERY_SEARCH_TEXT = function (k, list) {
    texts.set(k, list);
    (waiting.get(k) || []).forEach(function (resolve) { resolve(); });
    waiting.delete(k);
  };
  function loadChunk(k) {
    if (texts.has(k)) return Promise.resolve();
    return new Promise(function (resolve) {
      var list = waiting.get(k);
      if (list) { list.push(resolve); return; }
      waiting.set(k, [resolve]);
      var s = document.createElement('script');
      s.src = 'assets/search-text-' + k + '.js';
      s.onerror = function () { texts.set(k, []); resolve(); };
      document.head.appendChild(s);
    });
  }
  function loadTexts(docNumbers) {
    var needed = new Set(docNumbers.map(function (d) { return Math.floor(d / S.chunkSize); }));
    return Promise.all(Array.from(needed).map(loadChunk));
  }
  function textOf(d) {
    var chunk = texts.get(Math.floor(d / S.chunkSize));
    return (chunk && chunk[d % S.chunkSize]) || '';
  }

  // --- the form ---------------------------------------------------------------------------------------
  var q = document.getElementById('q');
  var sort = document.getElementById('sort');
  var from = document.getElementById('from');
  var to = document.getElementById('to');
  var status = document.getElementById('status');
  var list = document.getElementById('results');
  var more = document.getElementById('more');
  var FACETS = [
    { name: 'sender', label: 'Sender', values: function (d) { return d[6]; }, box: document.getElementById('facet-sender') },
    { name: 'addressee', label: 'Addressee', values: function (d) { return d[7]; }, box: document.getElementById('facet-addressee') },
    { name: 'kind', label: 'Kind', values: function (d) { return [d[4]]; }, box: document.getElementById('facet-kind') },
    { name: 'year', label: 'Year', values: function (d) { return d[5] ? [d[5]] : []; }, box: document.getElementById('facet-year') },
  ];
  var selected = {};
  var expanded = {};
  FACETS.forEach(function (f) { selected[f.name] = new Set(); });
  var PAGE = 50;
  var shown = PAGE;
  var run = 0;

  function labelOf(facet, value) {
    if (facet.name === 'sender' || facet.name === 'addressee') return S.labels[value] || value.replace(/^name:/, '');
    if (facet.name === 'kind') return value.charAt(0).toUpperCase() + value.slice(1);
    return value;
  }

  var DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  function inRange(d) {
    var key = d[2];
    var f = from.value.trim();
    var t = to.value.trim();
    if (DATE.test(f) && !(key && key >= f)) return false;
    if (DATE.test(t) && !(key && key.slice(0, t.length) <= t)) return false;
    return true;
  }

  function passes(d, except) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f === except || selected[f.name].size === 0) continue;
      var vals = f.values(docs[d]);
      var ok = false;
      for (var j = 0; j < vals.length && !ok; j++) ok = selected[f.name].has(vals[j]);
      if (!ok) return false;
    }
    return true;
  }

  /** The synchronous part of a search: matching, scoring, facet counts, order. */
  function compute() {
    var clauses = parseQuery(q.value);
    var scores = queryScores(clauses);
    var base = [];
    if (scores === null) for (var d = 0; d < docs.length; d++) { if (inRange(docs[d])) base.push(d); }
    else scores.forEach(function (_v, d) { if (inRange(docs[d])) base.push(d); });
    var counts = FACETS.map(function (f) {
      var c = new Map();
      base.forEach(function (d) {
        if (!passes(d, f)) return;
        f.values(docs[d]).forEach(function (v) { c.set(v, (c.get(v) || 0) + 1); });
      });
      return c;
    });
    var hits = base.filter(function (d) { return passes(d, null); });
    var byRelevance = scores !== null && sort.value !== 'date';
    hits.sort(function (a, b) {
      if (byRelevance) { var s = scores.get(b) - scores.get(a); if (s !== 0) return s; }
      var ka = docs[a][2];
      var kb = docs[b][2];
      if (ka !== kb) return !ka ? 1 : !kb ? -1 : ka < kb ? -1 : 1;
      return a - b;
    });
    return { clauses: clauses, hits: hits, counts: counts, phrase: clauses.some(function (c) { return c.phrase; }) };
  }

  function renderFacets(counts) {
    FACETS.forEach(function (f, i) {
      var c = counts[i];
      var values = Array.from(c.keys());
      selected[f.name].forEach(function (v) { if (!c.has(v)) values.push(v); });
      values.sort(function (a, b) {
        if (f.name === 'year') return a < b ? -1 : 1;
        return (c.get(b) || 0) - (c.get(a) || 0) || labelOf(f, a).localeCompare(labelOf(f, b));
      });
      var limit = expanded[f.name] ? values.length : 8;
      var ul = document.createElement('ul');
      values.slice(0, limit).forEach(function (v) {
        var li = document.createElement('li');
        var id = 'f-' + f.name + '-' + encodeURIComponent(v).replace(/[^\w-]/g, '_');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.checked = selected[f.name].has(v);
        box.addEventListener('change', function () {
          if (box.checked) selected[f.name].add(v); else selected[f.name].delete(v);
          shown = PAGE;
          update();
        });
        var label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = labelOf(f, v) + ' ';
        var count = document.createElement('span');
        count.className = 'count';
        count.textContent = '(' + (c.get(v) || 0) + ')';
        label.appendChild(count);
        li.appendChild(box);
        li.appendChild(label);
        ul.appendChild(li);
      });
      var body = f.box.querySelector('.facet-values');
      body.replaceChildren(ul);
      if (values.length > 8) {
        var toggle = document.createElement('button');
        toggle.type = 'button';
        toggle.className = 'facet-more';
        toggle.textContent = expanded[f.name] ? 'Show fewer' : 'Show all ' + values.length;
        toggle.addEventListener('click', function () { expanded[f.name] = !expanded[f.name]; renderFacets(counts); });
        body.appendChild(toggle);
      }
    });
  }

  /** Up to three passages of a text around its hits, the hits marked. */
  var CONTEXT = 70;
  function snippet(text, clauses) {
    var p = document.createElement('p');
    p.className = 'kwic';
    var hits = findHits(text, clauses);
    if (hits.length === 0) {
      p.textContent = text.slice(0, 2 * CONTEXT).replace(/\s+/g, ' ') + (text.length > 2 * CONTEXT ? '…' : '');
      return p;
    }
    var windows = [];
    hits.forEach(function (h) {
      var last = windows[windows.length - 1];
      if (last && h[0] - last.end < 2 * CONTEXT) { last.hits.push(h); last.end = h[1]; return; }
      if (windows.length < 3) windows.push({ start: h[0], end: h[1], hits: [h] });
    });
    windows.forEach(function (w, i) {
      var start = Math.max(0, w.start - CONTEXT);
      var end = Math.min(text.length, w.end + CONTEXT);
      if (start > 0) start = text.indexOf(' ', start) + 1 || start;
      var endSpace = text.lastIndexOf(' ', end);
      if (end < text.length && endSpace > w.end) end = endSpace;
      if (i > 0 || start > 0) p.appendChild(document.createTextNode('…'));
      var at = start;
      w.hits.forEach(function (h) {
        p.appendChild(document.createTextNode(text.slice(at, h[0]).replace(/\s+/g, ' ')));
        var m = document.createElement('mark');
        m.textContent = text.slice(h[0], h[1]);
        p.appendChild(m);
        at = h[1];
      });
      p.appendChild(document.createTextNode(text.slice(at, end).replace(/\s+/g, ' ')));
      if (end < text.length) p.appendChild(document.createTextNode('…'));
      p.appendChild(document.createTextNode(' '));
    });
    return p;
  }

  function whoOf(d) {
    var names = function (keys) { return keys.map(function (k) { return S.labels[k] || k.replace(/^name:/, ''); }).join(', '); };
    var s = names(d[6]);
    var r = names(d[7]);
    return s || r ? (s || '?') + ' → ' + (r || '?') : '';
  }

  function renderResults(result, withSnippets) {
    var items = result.hits.slice(0, shown).map(function (n) {
      var d = docs[n];
      var li = document.createElement('li');
      var h = document.createElement('h2');
      h.className = 'r-title';
      var a = document.createElement('a');
      a.href = 'documents/' + encodeURIComponent(d[0]) + '.html' + (q.value.trim() ? '?q=' + encodeURIComponent(q.value.trim()) : '');
      a.textContent = d[1];
      h.appendChild(a);
      li.appendChild(h);
      var meta = document.createElement('p');
      meta.className = 'r-meta';
      meta.textContent = [d[3] || 'undated', whoOf(d), d[4]].filter(Boolean).join(' · ');
      li.appendChild(meta);
      if (withSnippets && result.clauses.length) li.appendChild(snippet(textOf(n), result.clauses));
      return li;
    });
    list.replaceChildren.apply(list, items);
    more.hidden = result.hits.length <= shown;
  }

  function describe(result) {
    var n = result.hits.length;
    var text = n + (n === 1 ? ' document matches' : ' documents match');
    if (q.value.trim()) text += ' “' + q.value.trim() + '”';
    var order = parseQuery(q.value).length && sort.value !== 'date' ? 'by relevance' : 'in date order';
    status.textContent = text + (n > 1 ? ', ' + order : '');
  }

  function saveState() {
    var params = new URLSearchParams();
    if (q.value.trim()) params.set('q', q.value.trim());
    if (sort.value === 'date') params.set('sort', 'date');
    if (from.value.trim()) params.set('from', from.value.trim());
    if (to.value.trim()) params.set('to', to.value.trim());
    FACETS.forEach(function (f) { selected[f.name].forEach(function (v) { params.append(f.name, v); }); });
    var search = params.toString();
    try {
      history.replaceState(null, '', search ? '?' + search : location.pathname);
    } catch (e) {
      // some browsers refuse replaceState on file:// pages; the search still works
    }
  }

  function update() {
    var mine = ++run;
    // the run under way (data-run) and the last one finished (data-ready): equal, the results and status are final
    form.setAttribute('data-run', String(mine));
    var started = performance.now();
    var result = compute();
    renderFacets(result.counts);
    saveState();
    var visible = result.hits.slice(0, shown);
    if (!result.phrase) {
      describe(result);
      renderResults(result, false);
    } else {
      status.textContent = 'Checking phrases…';
    }
    // what the page measures of itself: matching, facet counts and the first rendering (data-ms), and
    // the whole search with texts loaded, phrases checked and snippets shown (data-total-ms)
    form.setAttribute('data-ms', (performance.now() - started).toFixed(1));
    var finished = function () {
      form.setAttribute('data-total-ms', (performance.now() - started).toFixed(1));
      form.setAttribute('data-ready', String(mine));
    };
    // phrases are checked on the texts of every candidate; snippets need only the shown ones
    var needed = result.phrase ? result.hits : visible;
    if (result.clauses.length === 0) { finished(); return; }
    loadTexts(needed).then(function () {
      if (mine !== run) return;
      if (result.phrase) {
        result.hits = result.hits.filter(function (d) {
          return result.clauses.every(function (cl) { return !cl.phrase || findHits(textOf(d), [cl]).length > 0; });
        });
        describe(result);
      }
      return loadTexts(result.hits.slice(0, shown)).then(function () {
        if (mine !== run) return;
        renderResults(result, true);
        finished();
      });
    });
  }

  var timer = null;
  // Enter runs the search at once: the one typing had scheduled would run it again 150 ms later, its status back to
  // 'Checking phrases…' after the results were shown
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); shown = PAGE; update(); });
  q.addEventListener('input', function () { clearTimeout(timer); shown = PAGE; timer = setTimeout(update, 150); });
  [sort, from, to].forEach(function (el) { el.addEventListener('change', function () { shown = PAGE; update(); }); });
  more.addEventListener('click', function () { shown += PAGE; update(); });

  // restore a search from the address, so that results can be linked and bookmarked
  var initial = new URLSearchParams(location.search);
  q.value = initial.get('q') || '';
  if (initial.get('sort') === 'date') sort.value = 'date';
  from.value = initial.get('from') || '';
  to.value = initial.get('to') || '';
  FACETS.forEach(function (f) { initial.getAll(f.name).forEach(function (v) { selected[f.name].add(v); }); });
  document.getElementById('search-noscript').hidden = true;
  form.hidden = false;
  update();
})();
