// Footnotes, the citation's accessed date, and the quick filters of the documents list. Plain browser
// JavaScript, no build step; every page reads fine without it.
(function () {
  'use strict';

  // Footnote pop-ups: Escape dismisses an open one without moving focus or pointer (WCAG 1.4.13); it
  // shows again once focus or pointer leaves and comes back.
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    Array.prototype.forEach.call(document.querySelectorAll('.fn:hover, .fn:focus-within, .fn.open'), function (fn) {
      fn.classList.add('dismissed');
      fn.classList.remove('open');
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.fn'), function (fn) {
    var reset = function () { fn.classList.remove('dismissed'); };
    fn.addEventListener('focusout', reset);
    fn.addEventListener('mouseleave', reset);
  });

  // On a phone, tapping a note's number opens the note as a sheet where the reader is, instead of
  // jumping to the foot of the page; a second tap, a tap elsewhere or Escape closes it. Keyboard and
  // desktop users keep the link to the note at the foot.
  var narrow = window.matchMedia('(max-width: 40rem), (pointer: coarse)');
  document.addEventListener('click', function (e) {
    var ref = e.target.closest ? e.target.closest('.fnref') : null;
    var open = document.querySelectorAll('.fn.open');
    if (ref && narrow.matches && e.detail > 0) {
      e.preventDefault();
      var fn = ref.parentNode;
      var wasOpen = fn.classList.contains('open');
      Array.prototype.forEach.call(open, function (o) { o.classList.remove('open'); });
      if (!wasOpen) { fn.classList.remove('dismissed'); fn.classList.add('open'); }
      ref.setAttribute('aria-expanded', String(!wasOpen));
      return;
    }
    if (!(e.target.closest && e.target.closest('.fn-pop'))) {
      Array.prototype.forEach.call(open, function (o) { o.classList.remove('open'); });
    }
  });

  // The citation's accessed date is the reader's today: the build never writes the clock.
  Array.prototype.forEach.call(document.querySelectorAll('.accessed'), function (el) {
    el.textContent = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  });
})();

// Quick filters of the documents list (index.html): the list is complete without them.
(function () {
  'use strict';
  var form = document.querySelector('form.finder');
  if (!form) return;
  var corr = document.getElementById('f-corr');
  var year = document.getElementById('f-year');
  var kind = document.getElementById('f-kind');
  var status = document.getElementById('status');
  var rows = Array.prototype.slice.call(document.querySelectorAll('.doc-list tbody tr'));

  function apply() {
    var c = encodeURIComponent(corr.value);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!corr.value || (' ' + row.getAttribute('data-corr') + ' ').indexOf(' ' + c + ' ') >= 0) &&
        (!year.value || row.getAttribute('data-year') === year.value) &&
        (!kind.value || row.getAttribute('data-kind') === kind.value);
      row.hidden = !ok;
      if (ok) shown++;
    });
    var filtered = corr.value || year.value || kind.value;
    status.textContent = filtered ? shown + (shown === 1 ? ' document matches' : ' documents match') : rows.length + ' documents';
    var params = new URLSearchParams();
    if (corr.value) params.set('corr', corr.value);
    if (year.value) params.set('year', year.value);
    if (kind.value) params.set('kind', kind.value);
    var search = params.toString();
    try {
      history.replaceState(null, '', search ? '?' + search : location.pathname);
    } catch (e) {
      // some browsers refuse replaceState on file:// pages; the filters still work
    }
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  [corr, year, kind].forEach(function (s) { s.addEventListener('change', apply); });
  var initial = new URLSearchParams(location.search);
  [['corr', corr], ['year', year], ['kind', kind]].forEach(function (p) { if (initial.get(p[0])) p[1].value = initial.get(p[0]); });
  if (corr.value || year.value || kind.value) apply();
})();
