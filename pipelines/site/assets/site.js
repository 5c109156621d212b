// The sites' one script: the publication banner, the search, the charts and their toggles. Every word
// it shows comes from the page (data-* attributes the engine wrote from its catalogue); every figure
// comes from the page's own JSON, already aggregated and disclosure-controlled.
(() => {
  const fill = (text, params) => text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? params[k] : m));

  // "Erstattet af …": a later publication rewrites this run's assets/publication.js (docs/outputs.md).
  function banner() {
    const el = document.getElementById('publication');
    const next = window.PUBLICATION?.supersededBy;
    if (!el || !next || !el.dataset.superseded) return;
    const p = document.createElement('span');
    p.className = 'superseded';
    p.textContent = fill(el.dataset.superseded, next);
    el.appendChild(p);
  }

  const words = (s) =>
    s
      .toLocaleLowerCase('da')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);

  // Every word of the query must begin a word of the entry's title, definition or themes.
  function search() {
    const form = document.querySelector('form.search');
    const index = window.SEARCH_INDEX;
    if (!form || !index) return;
    const input = form.querySelector('input');
    const out = document.getElementById('search-results');
    const entries = index.map((e) => ({ ...e, words: words(`${e.title} ${e.text}`) }));
    const run = () => {
      const q = words(input.value);
      out.textContent = '';
      if (q.length === 0) return;
      const hits = entries.filter((e) => q.every((w) => e.words.some((x) => x.startsWith(w))));
      const status = document.createElement('p');
      status.textContent = fill(out.dataset.found, { n: String(hits.length) });
      out.appendChild(status);
      const list = document.createElement('ul');
      for (const h of hits) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = h.href;
        a.textContent = h.title;
        li.appendChild(a);
        li.append(` (${h.kind})`);
        list.appendChild(li);
      }
      out.appendChild(list);
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      run();
    });
    input.addEventListener('input', run);
    const q = new URLSearchParams(location.search).get('q');
    if (q) {
      input.value = q;
      run();
    }
  }

  // A chart is an image with a text alternative; its drawing is decoration of that image.
  function draw(el, spec) {
    return window
      .vegaEmbed(el, spec, { renderer: 'svg', actions: false })
      .then(() => {
        el.setAttribute('role', 'img');
        el.setAttribute('aria-label', el.dataset.alt);
        el.removeAttribute('aria-roledescription');
        for (const svg of el.querySelectorAll('svg')) svg.setAttribute('aria-hidden', 'true');
        el.dataset.drawn = 'true';
      })
      .catch((e) => console.error(e));
  }

  // Series (the total and each breakdown member) switched on and off; the data are the page's own.
  function charts() {
    for (const el of document.querySelectorAll('.chart[data-spec]')) {
      const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      const all = spec.data.values;
      draw(el, spec);
      const toggles = document.querySelector(`fieldset[data-chart="${el.id}"]`);
      if (!toggles) continue;
      toggles.addEventListener('change', () => {
        const on = new Set([...toggles.querySelectorAll('input:checked')].map((i) => i.value));
        draw(el, { ...spec, data: { values: all.filter((r) => on.has(r.series)) } });
      });
    }
  }

  // One municipality at a time when the publication has several; without script, all are shown.
  function municipalities() {
    const select = document.getElementById('municipality');
    if (!select) return;
    const show = () => {
      for (const s of document.querySelectorAll('section[data-municipality]'))
        s.hidden = s.dataset.municipality !== select.value;
    };
    select.addEventListener('change', show);
    show();
  }

  banner();
  search();
  if (window.vegaEmbed) charts();
  municipalities();
})();
