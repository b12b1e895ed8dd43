// The site's one stylesheet and one small script, kept as text so the site needs nothing but
// civsam to build. The script only hides offers that do not match the filter; every page is
// complete and readable without it. Colours meet WCAG 2.1 AA contrast (text 4.5:1, bars 3:1).

export const SITE_CSS = `/* civsam publish: one stylesheet for every page */
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 100%; line-height: 1.5; color: #1a1a1a; background: #fff; -webkit-text-size-adjust: 100%; }
body { margin: 0; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
a { color: #0a4f96; text-underline-offset: 0.15em; }
a:visited { color: #5a2a82; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #d97a00; outline-offset: 2px; }
a:focus-visible { background: #ffdd00; color: #1a1a1a; outline: 3px solid #1a1a1a; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 2rem; margin-top: 1rem; }
h2 { font-size: 1.5rem; }
h3 { font-size: 1.2rem; }
h4 { font-size: 1rem; }
p, ul, ol, dl { margin: 0 0 1rem; }
.lead { font-size: 1.15rem; max-width: 48rem; }
main p { max-width: 48rem; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; background: #ffdd00; color: #1a1a1a; z-index: 10; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; }
.site-header { background: #0b3d6b; color: #fff; padding: 0.75rem 0 0; }
.header-row { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; }
.site-name { color: #fff; font-weight: 700; font-size: 1.2rem; text-decoration: none; }
.site-name:visited, .lang-switch:visited, .nav a:visited { color: #fff; }
.lang-switch { color: #fff; }
.nav { list-style: none; display: flex; flex-wrap: wrap; gap: 0 1.25rem; padding: 0.5rem 0 0.75rem; margin: 0; }
.nav a { color: #fff; display: inline-block; padding: 0.25rem 0; text-decoration: none; border-bottom: 3px solid transparent; }
.nav a:hover { border-bottom-color: #9cc3ea; }
.nav a[aria-current="page"] { border-bottom-color: #fff; font-weight: 700; }
main { padding-bottom: 2rem; }
main:focus { outline: none; }
.site-footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; padding: 1rem 0; font-size: 0.95rem; }
.site-footer p { margin: 0.25rem 0; }
.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; max-width: 56rem; }
.facts div { display: contents; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; }
.cards li { border: 1px solid #b1b4b6; border-top: 4px solid #0b3d6b; padding: 0.75rem 1rem; }
.cards a { font-weight: 700; font-size: 1.1rem; }
.cards p { margin: 0.5rem 0 0; }
.plain { list-style: none; padding: 0; }
.call, .consultation, .pool, .principle { border-top: 1px solid #b1b4b6; padding-top: 0.25rem; }
.stages { padding-left: 1.5rem; }
.stage h3 { margin-top: 1rem; }
.offers { list-style: none; padding: 0; }
.offer { border-left: 4px solid #0b3d6b; padding: 0.25rem 0 0.25rem 0.75rem; margin-bottom: 1rem; }
.offer .facts { margin-bottom: 0.25rem; }
.offer p { margin-bottom: 0.25rem; }
.offer-title { font-weight: 700; }
.count { font-weight: 400; font-size: 1rem; color: #4a4a4a; }
.gap-note { color: #7a1a12; font-style: italic; }
.toc ul { padding-left: 1.25rem; }
.toc > ul { columns: 2 18rem; }
.toc > ul > li { break-inside: avoid; }
.table-scroll { overflow-x: auto; max-width: 100%; margin-bottom: 1rem; }
table { border-collapse: collapse; margin-bottom: 0.5rem; }
caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid #b1b4b6; }
thead th { border-bottom: 2px solid #1a1a1a; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.negative { color: #a01d12; font-weight: 700; }
.matrix th, .matrix td { padding: 0.25rem 0.4rem; text-align: center; }
.matrix tbody th, .matrix tfoot th, .matrix thead th:first-child { text-align: left; }
.matrix td.gap { background: #fbe3e1; color: #7a1a12; }
.matrix td.total { font-weight: 700; background: #f3f2f1; }
.matrix .area-row th { background: #e8eef5; text-align: left; }
.matrix .area-row span { position: sticky; left: 0.5rem; }
.matrix caption span { position: sticky; left: 0; display: inline-block; max-width: calc(100vw - 2rem); }
.matrix thead th:not(:first-child) { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; vertical-align: bottom; text-align: left; padding: 0.4rem 0.25rem; }
.matrix thead th:first-child { vertical-align: bottom; }
.matrix tbody th[scope="row"], .matrix tfoot th[scope="row"], .matrix thead th:first-child { position: sticky; left: 0; background: #fff; z-index: 1; box-shadow: 1px 0 0 #b1b4b6; }
.swatch { display: inline-block; width: 1rem; height: 1rem; margin-right: 0.4rem; vertical-align: -0.15rem; border: 1px solid #1a1a1a; }
.gap-swatch { background: #fbe3e1; }
.status, .small { font-size: 0.9rem; color: #4a4a4a; }
.notice { border-left: 4px solid #a01d12; padding-left: 0.75rem; }
.mark { color: #1b6e2a; font-weight: 700; }
.chart-figure { margin: 0 0 1rem; max-width: 40rem; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-family: inherit; font-size: 14px; fill: #1a1a1a; }
.series-0 { fill: #1d5fa8; background: #1d5fa8; }
.series-1 { fill: #b4540a; background: #b4540a; }
svg.chart .marker { stroke: #1a1a1a; stroke-width: 2; stroke-dasharray: 4 3; }
svg.chart text.value-inside { fill: #fff; font-weight: 700; }
svg.chart text.marker-label { font-weight: 700; }
.swatch-marker { border: none; border-left: 2px dashed #1a1a1a; width: 0.6rem; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin-top: 0.5rem; }
.filter { border: 1px solid #b1b4b6; background: #f3f2f1; padding: 0 1rem 0.5rem; margin: 1rem 0; }
.filter h2 { font-size: 1.2rem; margin-top: 0.75rem; }
.filter-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem 1rem; align-items: end; }
.filter label { display: block; font-weight: 700; margin-bottom: 0.2rem; }
.filter input, .filter select, .filter button { font: inherit; width: 100%; height: 2.5rem; padding: 0.35rem 0.4rem; border: 2px solid #1a1a1a; background: #fff; color: #1a1a1a; }
.filter button { background: #0b3d6b; color: #fff; border-color: #0b3d6b; cursor: pointer; }
.filter-status { font-weight: 700; margin: 0.75rem 0 0.25rem; }
[hidden] { display: none !important; }
@media (max-width: 40rem) {
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; }
  .facts { grid-template-columns: 1fr; gap: 0; }
  .facts dd { margin-bottom: 0.4rem; }
  .nav { gap: 0 1rem; }
}
@media print {
  .site-header nav, .filter, .skip-link { display: none; }
  a { color: #1a1a1a; }
}
`;

export const FILTER_JS = `// civsam publish: the offers filter. Without this script the page shows every offer.
(function () {
  'use strict';
  var form = document.getElementById('offer-filter');
  if (!form) return;
  var field = function (name) { return form.elements.namedItem(name); };
  // A patient group's own page (a long list split by group) has no area or group field.
  var value = function (name) { var el = field(name); return el ? el.value : ''; };
  var status = document.getElementById('filter-status');
  var template = form.getAttribute('data-status') || '{shown} / {total}';
  var areas = Array.prototype.slice.call(document.querySelectorAll('section.area'));
  var tocItems = Array.prototype.slice.call(document.querySelectorAll('[data-for]'));
  var all = {};
  var items = Array.prototype.slice.call(document.querySelectorAll('li.offer'));
  items.forEach(function (li) { all[li.getAttribute('data-id')] = true; li._text = li.textContent.toLowerCase(); });
  var total = Object.keys(all).length;

  function has(list, value) { return (' ' + (list || '') + ' ').indexOf(' ' + value + ' ') >= 0; }

  function apply() {
    var text = String(value('text') || '').trim().toLowerCase();
    var area = value('area'), group = value('group'), municipality = value('municipality'), type = value('type');
    var active = !!(text || area || group || municipality || type);
    var offerFilter = !!(text || municipality || type);
    var shown = {};
    var hiddenGroups = {};
    areas.forEach(function (section) {
      var areaOk = !area || section.getAttribute('data-area') === area;
      var visibleGroups = 0;
      Array.prototype.forEach.call(section.querySelectorAll('section.group'), function (g) {
        var groupOk = areaOk && (!group || has(g.getAttribute('data-groups'), group));
        var visible = 0;
        Array.prototype.forEach.call(g.querySelectorAll('li.offer'), function (li) {
          var m = li.getAttribute('data-m');
          var ok = groupOk && (!municipality || m === '*' || has(m, municipality)) && (!type || li.getAttribute('data-type') === type) && (!text || li._text.indexOf(text) >= 0);
          li.hidden = !ok;
          if (ok) { visible++; shown[li.getAttribute('data-id')] = true; }
        });
        var hide = !groupOk || (offerFilter && visible === 0);
        g.hidden = hide;
        if (hide) hiddenGroups[g.id] = true; else visibleGroups++;
      });
      section.hidden = visibleGroups === 0;
    });
    tocItems.forEach(function (li) { li.hidden = !!hiddenGroups[li.getAttribute('data-for')]; });
    status.textContent = active ? template.replace('{shown}', String(Object.keys(shown).length)).replace('{total}', String(total)) : '';
  }

  var params = new URLSearchParams(window.location.search);
  ['text', 'area', 'group', 'municipality', 'type'].forEach(function (name) {
    var v = params.get(name);
    var el = field(name);
    if (v === null || !el) return;
    if (el.tagName === 'SELECT' && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) return;
    el.value = v;
  });
  form.hidden = false;
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  apply();
})();
`;
