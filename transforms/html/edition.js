// Footnote pop-ups: Escape dismisses an open one without moving focus or pointer (WCAG 1.4.13); it
// shows again once focus or pointer leaves and comes back.
(function () {
  'use strict';
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    Array.prototype.forEach.call(document.querySelectorAll('.fn:hover, .fn:focus-within'), function (fn) {
      fn.classList.add('dismissed');
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.fn'), function (fn) {
    var reset = function () { fn.classList.remove('dismissed'); };
    fn.addEventListener('focusout', reset);
    fn.addEventListener('mouseleave', reset);
  });
})();

// Filters and full-text search of the index page. Plain browser JavaScript (no build step): the list is
// complete without it; with it, the selects filter and the search box queries a MiniSearch index built
// here on first use from window.CHANCERY_DOCS (assets/search-data.js).
(function () {
  'use strict';
  var form = document.querySelector('form.finder');
  if (!form) return;
  var q = document.getElementById('q');
  var corr = document.getElementById('f-corr');
  var year = document.getElementById('f-year');
  var kind = document.getElementById('f-kind');
  var status = document.getElementById('status');
  var rows = Array.prototype.slice.call(document.querySelectorAll('.doc-list tbody tr'));
  var index = null;
  var timer = null;

  function buildIndex() {
    if (index) return index;
    index = new window.MiniSearch({
      fields: ['t', 'n', 'x'],
      storeFields: [],
      searchOptions: { boost: { t: 3, n: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
    });
    index.addAll(window.CHANCERY_DOCS || []);
    return index;
  }

  function apply() {
    var query = q.value.trim();
    var hits = null;
    if (query && window.MiniSearch) {
      hits = new Set(buildIndex().search(query).map(function (r) { return r.id; }));
    }
    var c = encodeURIComponent(corr.value);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!hits || hits.has(row.getAttribute('data-id'))) &&
        (!corr.value || (' ' + row.getAttribute('data-corr') + ' ').indexOf(' ' + c + ' ') >= 0) &&
        (!year.value || row.getAttribute('data-year') === year.value) &&
        (!kind.value || row.getAttribute('data-kind') === kind.value);
      row.hidden = !ok;
      if (ok) shown++;
    });
    var filtered = query || corr.value || year.value || kind.value;
    status.textContent = filtered
      ? shown + (shown === 1 ? ' document matches' : ' documents match') + (query ? ' “' + query + '”' : '')
      : rows.length + ' documents';
    var params = new URLSearchParams();
    if (query) params.set('q', query);
    if (corr.value) params.set('corr', corr.value);
    if (year.value) params.set('year', year.value);
    if (kind.value) params.set('kind', kind.value);
    var search = params.toString();
    try {
      history.replaceState(null, '', search ? '?' + search : location.pathname);
    } catch (e) {
      // some browsers refuse replaceState on file:// pages; the search still works
    }
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  [corr, year, kind].forEach(function (s) { s.addEventListener('change', apply); });
  q.disabled = !window.MiniSearch;

  // restore a search from the address (?q=…&corr=…), so that results can be linked and bookmarked
  var initial = new URLSearchParams(location.search);
  if (initial.get('q')) q.value = initial.get('q');
  [['corr', corr], ['year', year], ['kind', kind]].forEach(function (p) { if (initial.get(p[0])) p[1].value = initial.get(p[0]); });
  if (q.value || corr.value || year.value || kind.value) apply();
})();
