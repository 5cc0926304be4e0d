/*
 * peacesearch embeddable search box. On any site:
 *
 *   <div id="peacesearch"></div>
 *   <script src="https://search.example.org/embed.js"
 *           data-endpoint="https://search.example.org" data-target="#peacesearch"
 *           data-lang="fr" data-per-page="5" data-map="true" async></script>
 *
 * It calls the peacesearch API cross-origin, so the server must list the embedding site's
 * origin in --cors-origin. The widget lives in a shadow root: the host page's CSS does not leak
 * in, and its own does not leak out. Only the server's title_html / snippet (escaped there,
 * <mark> only) are inserted as HTML; everything else is text.
 * data-map="true" adds the world map of the page (js/map-base.js, js/map.js and world.js, from the
 * server as classic scripts: they need no CORS), shaded by the country counts of the query; a
 * click on a country filters the results by it.
 * Programmatic use: PeaceSearch.mount(element, {endpoint, lang, perPage, map}).
 */
(function () {
  'use strict';

  var TEXT = {
    en: { label: 'Search peacebuilding organisations and activities', placeholder: 'Search…', button: 'Search',
          results: function (n) { return n === 1 ? '1 result' : n + ' results'; }, none: 'No results.',
          all: 'See all results', error: 'Search is unavailable right now.', didYouMean: 'Did you mean',
          type: { organisation: 'Organisation', activity: 'Activity' },
          map: { label: 'World map of the results: each country shaded by its number of results', legend: 'Results per country',
                 none: 'none', hint: 'Click a country to filter by it.',
                 count: function (n) { return n ? (n === 1 ? '1 result' : n + ' results') : 'no results'; } } },
    fr: { label: 'Rechercher des organisations et des activités de paix', placeholder: 'Rechercher…', button: 'Rechercher',
          results: function (n) { return n <= 1 ? n + ' résultat' : n + ' résultats'; }, none: 'Aucun résultat.',
          all: 'Voir tous les résultats', error: 'La recherche est indisponible pour le moment.', didYouMean: 'Vouliez-vous dire',
          type: { organisation: 'Organisation', activity: 'Activité' },
          map: { label: 'Carte du monde des résultats : chaque pays coloré selon son nombre de résultats', legend: 'Résultats par pays',
                 none: 'aucun', hint: 'Cliquez sur un pays pour filtrer.',
                 count: function (n) { return n ? (n === 1 ? '1 résultat' : n + ' résultats') : 'aucun résultat'; } } },
    ar: { label: 'ابحث في منظمات وأنشطة بناء السلام', placeholder: 'ابحث…', button: 'بحث',
          results: function (n) { return n === 1 ? 'نتيجة واحدة' : n + ' نتيجة'; }, none: 'لا توجد نتائج.',
          all: 'عرض كل النتائج', error: 'البحث غير متاح حاليًا.', didYouMean: 'هل تقصد',
          type: { organisation: 'منظمة', activity: 'نشاط' },
          map: { label: 'خريطة العالم للنتائج: كل بلد ملوّن حسب عدد نتائجه', legend: 'النتائج حسب البلد',
                 none: 'لا شيء', hint: 'انقر على بلد لتصفية النتائج حسبه.',
                 count: function (n) { return n ? (n === 1 ? 'نتيجة واحدة' : n === 2 ? 'نتيجتان' : n + ' نتيجة') : 'لا توجد نتائج'; } } }
  };
  var NAME_INDEX = { en: 0, fr: 1, ar: 2 }; // the order of world.js's names

  var CSS = [
    ':host{all:initial;display:block;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2630}',
    '*{box-sizing:border-box}',
    '.ps{border:1px solid #dcd9d0;border-radius:10px;background:#fff;padding:14px}',
    'form{display:flex;gap:8px}',
    'input{flex:1;min-width:0;font:inherit;padding:9px 12px;border:1.5px solid #8c939a;border-radius:8px;color:inherit;background:#fff}',
    'input:focus{outline:3px solid rgba(15,94,99,.3);border-color:#0f5e63}',
    'button{font:inherit;font-weight:600;padding:0 16px;border:0;border-radius:8px;background:#0f5e63;color:#fff;cursor:pointer}',
    'button:focus-visible,a:focus-visible{outline:3px solid #b4530a;outline-offset:2px}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    '.status{margin:10px 0 0;color:#55606b;font-size:.9em;min-height:1.5em}',
    '.results{list-style:none;margin:6px 0 0;padding:0}',
    '.results>li{padding:10px 0;border-top:1px solid #ece9e1}',
    '.results>li:first-child{border-top:0}',
    'a{color:#0f5e63}',
    '.title{font-weight:600;font-size:1.02em;text-decoration:none;color:#1d2630}',
    '.title:hover{text-decoration:underline;color:#0f5e63}',
    '.meta{font-size:.82em;color:#55606b;margin:2px 0 0}',
    '.snippet{margin:4px 0 0;font-size:.92em;color:#323c46}',
    'mark{background:#ffe58a;color:inherit;padding:0 1px;border-radius:2px}',
    '.all{display:inline-block;margin-top:8px;font-size:.9em}',
    '.map{margin-top:10px}',
    '.map:empty{display:none}'
  ].join('\n');

  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs || {}) if (attrs[k] != null) n.setAttribute(k, attrs[k]);
    if (text != null) n.textContent = text;
    return n;
  }

  /// Server HTML (title_html, snippet): keep text and attribute-less <mark> only.
  function serverHtml(node, html) {
    var tpl = document.createElement('template');
    tpl.innerHTML = html || '';
    var all = tpl.content.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      var e = all[i];
      if (e.tagName !== 'MARK' || e.attributes.length) e.replaceWith(document.createTextNode(e.textContent));
    }
    node.replaceChildren(tpl.content);
    return node;
  }

  function years(h) {
    var from = h.year, to = h.end_year;
    if (from == null && h.years && h.years.length) {
      from = Math.min.apply(null, h.years);
      to = Math.max.apply(null, h.years);
    }
    if (from == null) return '';
    return to != null && to !== from ? from + '–' + to : String(from);
  }

  /// Loads a classic script once per page (a second widget waits for the same load).
  var scripts = {};
  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = src;
        s.async = true;
        s.onload = resolve;
        s.onerror = function () { reject(new Error('cannot load ' + src)); };
        document.head.appendChild(s);
      });
    }
    return scripts[src];
  }

  function mount(host, options) {
    var endpoint = String(options.endpoint || '').replace(/\/+$/, '');
    var browser = String(navigator.language || '').slice(0, 2).toLowerCase();
    var lang = TEXT[options.lang] ? options.lang : (TEXT[browser] ? browser : 'en');
    var perPage = Math.max(1, Math.min(20, parseInt(options.perPage, 10) || 5));
    var tx = TEXT[lang];
    var withMap = options.map === true || options.map === 'true';
    var countries = []; // ticked on the map
    var uid = 'ps' + Math.random().toString(36).slice(2, 8);

    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    var style = el('style', null, CSS);
    var box = el('div', { 'class': 'ps', lang: lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
    var form = el('form', { role: 'search' });
    var label = el('label', { 'for': uid + '-q', 'class': 'sr' }, tx.label);
    var input = el('input', { id: uid + '-q', type: 'search', name: 'q', placeholder: tx.placeholder, autocomplete: 'off' });
    var button = el('button', { type: 'submit' }, tx.button);
    var status = el('p', { 'class': 'status', role: 'status', 'aria-live': 'polite' });
    var list = el('ol', { 'class': 'results' });
    var more = el('a', { 'class': 'all', target: '_blank', rel: 'noopener' }, tx.all);
    more.hidden = true;
    var mapBox = el('div', { 'class': 'map' });
    form.append(label, input, button);
    box.append(form, status, mapBox, list, more);
    root.replaceChildren(style, box);

    var seq = 0, timer = 0, controller = null, worldMap = null, world = null, last = null;

    function pageUrl(params) {
      countries.forEach(function (c) { params.append('country', c); });
      params.set('ui_lang', lang);
      return endpoint + '/?' + params.toString();
    }

    function run(q) {
      var my = ++seq;
      if (controller) controller.abort();
      if (!q.trim() && !withMap) { // with a map, an empty box shows the whole directory
        status.textContent = '';
        list.replaceChildren();
        more.hidden = true;
        return;
      }
      controller = new AbortController();
      var params = new URLSearchParams({ q: q, per_page: String(perPage), ui_lang: lang, facet_limit: withMap ? '300' : '0' });
      countries.forEach(function (c) { params.append('country', c); });
      fetch(endpoint + '/search?' + params, { signal: controller.signal, mode: 'cors', credentials: 'omit' })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(function (data) {
          if (my !== seq) return; // a newer query was typed meanwhile
          render(q, data);
        })
        .catch(function (err) {
          if (err.name === 'AbortError' || my !== seq) return;
          status.textContent = tx.error;
          list.replaceChildren();
          more.hidden = true;
        });
    }

    function render(q, data) {
      last = data;
      drawMap();
      var names = countries.map(nameOf).join(', ');
      status.replaceChildren(document.createTextNode((data.total ? tx.results(data.total) : tx.none) + (names ? ' · ' + names : '')));
      if (data.suggestion) {
        var fix = el('a', { href: pageUrl(new URLSearchParams({ q: data.suggestion })), 'class': 'suggestion' }, data.suggestion);
        fix.addEventListener('click', function (e) {
          e.preventDefault();
          input.value = data.suggestion;
          run(data.suggestion);
        });
        status.append(' ' + tx.didYouMean + ' ', fix, ' ?');
      }
      list.replaceChildren.apply(list, (data.hits || []).map(function (h) {
        var li = el('li', { 'class': 'hit' });
        var a = serverHtml(el('a', { 'class': 'title', href: pageUrl(new URLSearchParams({ q: q, doc: h.id })), target: '_blank', rel: 'noopener' }), h.title_html);
        var meta = [tx.type[h.type] || h.type, h.country && h.country.name, years(h),
          h.organisation && h.type === 'activity' ? (h.organisation.acronym || h.organisation.name) : null]
          .filter(Boolean).join(' · ');
        li.append(a, el('p', { 'class': 'meta' }, meta));
        if (h.snippet) li.append(serverHtml(el('p', { 'class': 'snippet' }), h.snippet));
        return li;
      }));
      more.hidden = data.total <= data.hits.length;
      more.href = pageUrl(new URLSearchParams({ q: q }));
    }

    function nameOf(code) {
      var f = ((last && last.facets && last.facets.country) || []).filter(function (v) { return v.value === code; })[0];
      var w = world && world.countries.filter(function (c) { return c.id === code; })[0];
      return f ? f.label : w ? w.n[NAME_INDEX[lang]] : code;
    }

    function drawMap() {
      if (!worldMap || !last) return;
      worldMap.update({ counts: (last.facets && last.facets.country) || [], selected: countries, nameOf: nameOf, text: tx.map });
    }

    if (withMap) {
      loadScript(endpoint + '/js/map-base.js').then(function () {
        return loadScript(endpoint + '/js/map.js');
      }).then(function () {
        return window.PeaceSearchMap.loadWorld(endpoint + '/world.js');
      }).then(function (w) {
        world = w;
        style.textContent = CSS + '\n' + window.PeaceSearchMap.css;
        worldMap = new window.PeaceSearchMap.WorldMap(mapBox, w, {
          idPrefix: uid + '-map',
          onToggle: function (code) {
            var i = countries.indexOf(code);
            if (i >= 0) countries.splice(i, 1);
            else countries.push(code);
            run(input.value);
          }
        });
        drawMap();
      }).catch(function (err) {
        if (window.console) console.warn('peacesearch embed: no map (' + err.message + ')');
      });
      if (!options.query) run('');
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 150);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run(input.value);
    });
    if (options.query) {
      input.value = options.query;
      run(options.query);
    }
    return { search: function (q) { input.value = q; run(q); } };
  }

  window.PeaceSearch = window.PeaceSearch || { mount: mount };

  var script = document.currentScript;
  if (!script) return;
  var d = script.dataset;
  var endpoint = d.endpoint || new URL(script.src, location.href).origin;
  function start() {
    var host = document.querySelector(d.target || '#peacesearch');
    if (!host) {
      if (window.console) console.warn('peacesearch embed: no element matches ' + (d.target || '#peacesearch'));
      return;
    }
    mount(host, { endpoint: endpoint, lang: d.lang, perPage: d.perPage, query: d.query, map: d.map });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
