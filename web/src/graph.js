// Entry point of the kg graph view: search an entity, draw its neighbourhood,
// expand entities by clicking them, read the evidence of a triple by
// clicking its edge, filter by relation, confidence and entity type.
//
// Everything is bundled (Cytoscape.js and fcose from npm); the page talks to
// nothing but /graphql on its own origin.
import './graph.css';
import * as api from './graphApi.js';
import { TYPES, LARGE, typeColor, createGraph, merge, layout, nextFrame } from './graphDraw.js';

const $ = (id) => document.getElementById(id);

// h builds an element: h('p', {class: 'x'}, 'text', child, …). Text is
// always set as text, never parsed as HTML.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

const container = $('cy');
const cy = createGraph(container);

const state = {
  root: null, // id of the entity searched
  expanded: new Map(), // id → name of the entities whose neighbourhood was fetched
  truncated: new Set(), // ids whose neighbourhood hit the limit
  relations: [], // every relation: {relation, triples}
  selectedRelations: new Set(), // empty: all
  minConfidence: 0,
  hiddenTypes: new Set(),
  busy: 0,
  error: '',
  generation: 0, // bumped when the graph is replaced: late answers are dropped
};

function setState(s) {
  container.dataset.state = s;
}

function options() {
  return {
    depth: Number($('depth').value),
    direction: $('direction').value,
    limit: Number($('limit').value),
    relations: [...state.selectedRelations],
    minConfidence: state.minConfidence,
  };
}

// --- Status line and header ----------------------------------------------

// settle ends one piece of work: back to idle (or empty) when none is left,
// and the status, relation filter and legend redrawn.
function settle() {
  state.busy--;
  if (!state.busy) setState(cy.nodes().empty() ? 'empty' : 'idle');
  renderStatus();
  renderRelations();
  renderLegend();
}

function renderStatus() {
  const el = $('status');
  el.replaceChildren();
  if (state.error) {
    el.append(h('span', { class: 'error' }, state.error));
    return;
  }
  if (state.busy) {
    el.append('Loading…');
    return;
  }
  if (cy.nodes().empty()) return;
  const nodes = cy.nodes().not('.filtered').length;
  const edges = cy.edges().not('.filtered').length;
  const hiddenEdges = cy.edges().length - edges;
  const root = state.root && cy.getElementById(state.root);
  if (root && root.nonempty()) el.append(h('strong', {}, root.data('name')), ' · ');
  el.append(`${nodes} ${nodes === 1 ? 'entity' : 'entities'}, ${edges} ${edges === 1 ? 'triple' : 'triples'}`);
  if (hiddenEdges > 0) el.append(` · ${hiddenEdges} hidden by the filters`);
  if (state.truncated.size > 0) el.append(' · more around: raise the limit');
  if (nodes > LARGE) el.append(' · zoom in for names');
  $('empty').hidden = true;
}

api.stats().then(
  (s) => {
    $('stats').textContent = `${s.documents} documents · ${s.entities} entities · ${s.triples} triples`;
  },
  () => {},
);

// --- Search --------------------------------------------------------------

const search = $('search');
const results = $('results');
let searchSeq = 0;
let active = -1; // index of the highlighted result

function showResults(items, message) {
  results.replaceChildren();
  active = -1;
  if (message) {
    results.append(h('li', { class: 'none', role: 'option', 'aria-disabled': 'true' }, message));
  }
  items.forEach((e, i) => {
    results.append(
      h(
        'li',
        {
          role: 'option',
          id: `result-${i}`,
          'data-name': e.name,
          'aria-selected': 'false',
          onmousedown: (ev) => ev.preventDefault(), // keep the focus in the box
          onclick: () => pick(e.name),
        },
        h('span', { class: 'swatch', style: `background:${typeColor(e.type)}` }),
        h('span', { class: 'name', title: e.aliases?.length > 1 ? `also: ${e.aliases.filter((a) => a !== e.name).join(', ')}` : null }, e.name),
        h('span', { class: 'meta' }, `${e.type.toLowerCase()} · ${e.mentions}`),
      ),
    );
  });
  const open = items.length > 0 || !!message;
  results.hidden = !open;
  search.setAttribute('aria-expanded', String(open));
}

function highlight(i) {
  const items = [...results.querySelectorAll('li[data-name]')];
  if (items.length === 0) return;
  active = (i + items.length) % items.length;
  items.forEach((li, j) => li.setAttribute('aria-selected', String(j === active)));
  items[active].scrollIntoView({ block: 'nearest' });
  search.setAttribute('aria-activedescendant', items[active].id);
}

const runSearch = debounce(async () => {
  const q = search.value.trim();
  const seq = ++searchSeq;
  if (!q) {
    showResults([]);
    return;
  }
  try {
    const found = await api.searchEntities(q);
    if (seq !== searchSeq) return;
    showResults(found.nodes, found.nodes.length === 0 ? `No entity matches “${q}”.` : null);
  } catch (err) {
    if (seq === searchSeq) showResults([], `Search failed: ${err.message}`);
  }
}, 150);

search.addEventListener('input', runSearch);
search.addEventListener('focus', () => {
  if (search.value.trim() && results.children.length) {
    results.hidden = false;
    search.setAttribute('aria-expanded', 'true');
  }
});
search.addEventListener('blur', () => {
  results.hidden = true;
  search.setAttribute('aria-expanded', 'false');
});
search.addEventListener('keydown', (ev) => {
  if (ev.key === 'ArrowDown') {
    highlight(active + 1);
    ev.preventDefault();
  } else if (ev.key === 'ArrowUp') {
    highlight(active - 1);
    ev.preventDefault();
  } else if (ev.key === 'Escape') {
    results.hidden = true;
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    const items = [...results.querySelectorAll('li[data-name]')];
    const li = items[Math.max(active, 0)];
    if (li && !results.hidden) pick(li.dataset.name);
    else if (search.value.trim()) pick(search.value.trim());
  }
});

function pick(name) {
  search.value = name;
  showResults([]);
  search.blur();
  const url = new URL(location.href);
  url.searchParams.set('entity', name);
  history.replaceState(null, '', url);
  load(name);
}

// --- Loading and merging -------------------------------------------------

// fetchInto fetches the neighbourhood of `name` with `opts`, merges it into
// the graph and lays it out. It returns the entity's id, or false when there
// is no such entity, the request failed or the graph was replaced meanwhile.
async function fetchInto(name, opts, { replace = false, around = null } = {}) {
  const gen = replace ? ++state.generation : state.generation;
  state.busy++;
  state.error = '';
  setState('loading');
  renderStatus();
  try {
    const sg = await api.neighborhood(name, opts);
    if (gen !== state.generation) return false;
    if (!sg) {
      state.error = `No entity called “${name}”.`;
      return false;
    }
    const rootID = sg.nodes[0]?.id;
    if (replace) clearGraph();
    const added = merge(cy, sg, around);
    state.expanded.set(rootID, sg.nodes[0].name);
    if (sg.truncated) state.truncated.add(rootID);
    else state.truncated.delete(rootID);
    if (replace) state.root = rootID;
    cy.batch(() => {
      cy.nodes().removeClass('root');
      cy.getElementById(state.root).addClass('root');
      cy.getElementById(rootID).addClass('expanded');
    });
    applyFilters();
    if (replace || added.nonempty()) {
      setState('layout');
      await layout(cy, { incremental: !replace });
    }
    return rootID;
  } catch (err) {
    state.error = `Failed: ${err.message}`;
    return false;
  } finally {
    settle();
  }
}

async function load(name) {
  const id = await fetchInto(name, options(), { replace: true });
  if (id) {
    cy.elements().unselect();
    const n = cy.getElementById(id);
    n.select();
    showEntity(n);
  }
}

const expanding = new Set(); // ids being expanded

async function expand(node) {
  const id = node.id();
  if (state.expanded.has(id) || expanding.has(id)) return;
  expanding.add(id);
  try {
    const got = await fetchInto(node.data('name'), { ...options(), depth: 1 }, { around: node.position() });
    // The name found another entity (an alias of it): do not ask again.
    if (got && got !== id && !node.removed()) {
      state.expanded.set(id, node.data('name'));
      node.addClass('expanded');
    }
  } finally {
    expanding.delete(id);
  }
  if (node.selected() && !node.removed()) showEntity(node);
}

function clearGraph() {
  if (cy.nodes().nonempty()) cy.elements().remove();
  state.expanded.clear();
  state.truncated.clear();
  state.root = null;
  showNothing();
}

// refetch asks again for the neighbourhoods already drawn, with the filters
// as they are now: a filter can bring in triples the limit left out.
const refetch = debounce(async () => {
  const entries = [...state.expanded.entries()].slice(-20);
  const gen = state.generation;
  if (entries.length === 0) return;
  state.busy++;
  renderStatus();
  let added = cy.collection();
  try {
    const opts = options();
    const answers = await Promise.all(
      entries.map(([id, name]) =>
        api.neighborhood(name, id === state.root ? opts : { ...opts, depth: 1 }).then(
          (sg) => ({ id, sg }),
          () => null,
        ),
      ),
    );
    if (gen !== state.generation) return;
    for (const a of answers) {
      if (!a?.sg) continue;
      added = added.union(merge(cy, a.sg, cy.getElementById(a.id).position()));
      if (a.sg.truncated) state.truncated.add(a.id);
      else state.truncated.delete(a.id);
    }
    applyFilters();
    if (added.nonempty()) {
      setState('layout');
      await layout(cy, { incremental: true });
    }
  } finally {
    settle();
  }
}, 350);

// --- Filters ---------------------------------------------------------------

// applyFilters hides the triples the filters leave out, and the entities
// left without a visible triple (except those expanded).
function applyFilters() {
  const rels = state.selectedRelations;
  const types = state.hiddenTypes;
  cy.batch(() => {
    cy.edges().forEach((e) => {
      const hide =
        e.data('confidence') < state.minConfidence ||
        (rels.size > 0 && !rels.has(e.data('relation'))) ||
        types.has(e.source().data('type')) ||
        types.has(e.target().data('type'));
      if (hide !== e.hasClass('filtered')) e.toggleClass('filtered', hide);
    });
    cy.nodes().forEach((n) => {
      const hide =
        types.has(n.data('type')) ||
        (!state.expanded.has(n.id()) && n.connectedEdges().every((e) => e.hasClass('filtered')));
      if (hide !== n.hasClass('filtered')) n.toggleClass('filtered', hide);
    });
  });
  cy.elements('.filtered:selected').unselect();
  renderStatus();
  renderLegend();
}

const confidence = $('confidence');
const confidenceValue = $('confidence-value');
const refetchIfNeeded = () => {
  if (state.expanded.size) refetch();
};
confidence.addEventListener('input', () => {
  state.minConfidence = Number(confidence.value);
  confidenceValue.textContent = state.minConfidence.toFixed(2);
  applyFilters();
  renderRelations();
});
confidence.addEventListener('change', refetchIfNeeded);

const relList = $('relations');
const relFilter = $('rel-filter');
const MAX_RELATIONS = 300; // rows drawn at once; the filter box narrows

function relationsInView() {
  const counts = new Map();
  cy.edges().forEach((e) => {
    const r = e.data('relation');
    counts.set(r, (counts.get(r) ?? 0) + 1);
  });
  return counts;
}

function renderRelations() {
  const q = relFilter.value.trim().toLowerCase();
  const inView = relationsInView();
  const all = new Map(state.relations.map((r) => [r.relation, r.triples]));
  for (const r of inView.keys()) if (!all.has(r)) all.set(r, null);
  const rows = [...all.entries()]
    .filter(([r]) => !q || r.toLowerCase().includes(q))
    .sort(([a], [b]) => {
      const d = (state.selectedRelations.has(b) ? 1 : 0) - (state.selectedRelations.has(a) ? 1 : 0);
      if (d) return d;
      const v = (inView.get(b) ?? 0) - (inView.get(a) ?? 0);
      return v || a.localeCompare(b);
    });
  relList.replaceChildren(
    ...rows.slice(0, MAX_RELATIONS).map(([r, total]) =>
      h(
        'label',
        { class: inView.has(r) ? 'in-view' : null, title: inView.has(r) ? `${inView.get(r)} drawn, ${total ?? '?'} in the graph` : `${total ?? '?'} in the graph` },
        h('input', {
          type: 'checkbox',
          value: r,
          checked: state.selectedRelations.has(r),
          onchange: (ev) => {
            if (ev.target.checked) state.selectedRelations.add(r);
            else state.selectedRelations.delete(r);
            relationsChanged();
          },
        }),
        h('span', { class: 'rel' }, r),
        h('span', { class: 'count' }, inView.has(r) ? `${inView.get(r)} / ${total ?? '?'}` : total ?? ''),
      ),
    ),
  );
  if (rows.length > MAX_RELATIONS) {
    relList.append(h('div', { class: 'more' }, `${rows.length - MAX_RELATIONS} more: type to narrow the list`));
  } else if (rows.length === 0) {
    relList.append(h('div', { class: 'more' }, state.relations.length ? 'No relation matches.' : 'Loading…'));
  }
  const n = state.selectedRelations.size;
  $('rel-summary').textContent = n === 0 ? 'all' : `${n} selected`;
  $('rel-clear').hidden = n === 0;
}

function relationsChanged() {
  applyFilters();
  renderRelations();
  refetchIfNeeded();
}

relFilter.addEventListener('input', renderRelations);
$('rel-clear').addEventListener('click', (ev) => {
  ev.preventDefault(); // inside the summary: do not fold the list
  state.selectedRelations.clear();
  relationsChanged();
});

api.relations().then(
  (rs) => {
    state.relations = rs;
    renderRelations();
  },
  (err) => {
    relList.replaceChildren(h('div', { class: 'more error' }, `Relations: ${err.message}`));
  },
);

// --- Legend ------------------------------------------------------------------

function renderLegend() {
  const counts = new Map();
  cy.nodes().forEach((n) => {
    if (n.hasClass('filtered') && !state.hiddenTypes.has(n.data('type'))) return;
    counts.set(n.data('type'), (counts.get(n.data('type')) ?? 0) + 1);
  });
  const types = [...TYPES];
  for (const t of counts.keys()) {
    if (!types.some((x) => x.type === t)) types.push({ type: t, label: t, color: typeColor(t) });
  }
  $('legend').replaceChildren(
    ...types.map((t) =>
      h(
        'li',
        { class: state.hiddenTypes.has(t.type) ? 'off' : null },
        h(
          'label',
          { title: `${t.type}: click to ${state.hiddenTypes.has(t.type) ? 'show' : 'hide'}` },
          h('input', {
            type: 'checkbox',
            checked: !state.hiddenTypes.has(t.type),
            onchange: (ev) => {
              if (ev.target.checked) state.hiddenTypes.delete(t.type);
              else state.hiddenTypes.add(t.type);
              applyFilters();
            },
          }),
          h('span', { class: 'swatch', style: `background:${t.color}` }),
          t.label,
          h('span', { class: 'count' }, counts.get(t.type) ?? ''),
        ),
      ),
    ),
  );
}

// --- Details: an entity, or a triple and its evidence -------------------------

const details = $('details');

function showNothing() {
  details.replaceChildren(
    h('div', { class: 'heading' }, 'Details'),
    h('p', { class: 'muted' }, 'Click an entity to expand it, a link to read the sentences that state it.'),
  );
}

function showEntity(node) {
  const d = node.data();
  const aliases = d.aliases.filter((a) => a !== d.name);
  const visible = node.connectedEdges().not('.filtered').length;
  const expanded = state.expanded.has(node.id());
  details.replaceChildren(
    h('div', { class: 'heading' }, 'Entity'),
    h('h2', {}, h('span', { class: 'swatch', style: `background:${d.color}` }), d.name),
    h(
      'dl',
      {},
      h('dt', {}, 'Type'),
      h('dd', {}, d.type),
      h('dt', {}, 'Id'),
      h('dd', {}, node.id()),
      h('dt', {}, 'Mentions'),
      h('dd', {}, d.mentions),
      aliases.length > 0 && [h('dt', {}, 'Also'), h('dd', {}, aliases.join(', '))],
      h('dt', {}, 'Triples'),
      h('dd', {}, `${visible} drawn${expanded ? '' : ' (not expanded yet)'}${state.truncated.has(node.id()) ? ', more around' : ''}`),
    ),
    h(
      'div',
      { class: 'actions' },
      !expanded && h('button', { type: 'button', onclick: () => expand(node) }, 'Expand'),
      node.id() !== state.root && h('button', { type: 'button', onclick: () => pick(d.name) }, 'Start from here'),
      h(
        'button',
        {
          type: 'button',
          onclick: () => cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 }),
        },
        'Center',
      ),
      node.id() !== state.root &&
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              state.expanded.delete(node.id());
              state.truncated.delete(node.id());
              node.remove();
              applyFilters();
              renderRelations();
              showNothing();
            },
          },
          'Remove',
        ),
    ),
  );
  details.scrollTop = 0;
}

// marked returns the sentence as nodes, with the subject, relation and
// object as written marked.
function marked(ev) {
  const text = ev.text;
  const spans = [];
  const find = (s, cls) => {
    if (!s) return;
    let i = text.indexOf(s);
    if (i < 0) i = text.toLowerCase().indexOf(s.toLowerCase());
    if (i < 0) return;
    const end = i + s.length;
    if (spans.some((x) => i < x.end && x.start < end)) return;
    spans.push({ start: i, end, cls });
  };
  find(ev.subjectText, 's');
  find(ev.objectText, 'o');
  find(ev.relationText, 'r');
  spans.sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const s of spans) {
    out.push(text.slice(at, s.start), h('mark', { class: s.cls }, text.slice(s.start, s.end)));
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

function evidenceItem(ev) {
  const doc = ev.document;
  const title = doc?.title || doc?.id || ev.documentId;
  return h(
    'li',
    {},
    h('p', { class: 'sentence' }, marked(ev)),
    h(
      'div',
      { class: 'doc' },
      doc?.url
        ? h('a', { class: 'title', href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, title)
        : h('span', { class: 'title' }, title),
      doc?.date && ` · ${doc.date}`,
      ` · sentence ${ev.sentence + 1}`,
      ev.attributedTo && ` · says ${ev.attributedTo}`,
      ` · confidence ${ev.confidence.toFixed(2)}`,
    ),
  );
}

let edgeSeq = 0;

async function showEdge(edge) {
  const seq = ++edgeSeq;
  details.replaceChildren(h('div', { class: 'heading' }, 'Triple'), h('p', { class: 'muted' }, 'Loading the evidence…'));
  let t;
  try {
    t = await api.triple(edge.id());
  } catch (err) {
    if (seq === edgeSeq) details.append(h('p', { class: 'error' }, err.message));
    return;
  }
  if (seq !== edgeSeq) return;
  if (!t) {
    details.replaceChildren(h('div', { class: 'heading' }, 'Triple'), h('p', { class: 'error' }, `Triple ${edge.id()} no longer exists.`));
    return;
  }
  const list = h('ul', { class: 'evidence' }, t.evidence.nodes.map(evidenceItem));
  const more = h('button', { type: 'button', class: 'evidence-more', hidden: !t.evidence.pageInfo.hasNextPage }, 'More sentences');
  let after = t.evidence.pageInfo.endCursor;
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await api.triple(t.id, after);
      list.append(...next.evidence.nodes.map(evidenceItem));
      after = next.evidence.pageInfo.endCursor;
      more.hidden = !next.evidence.pageInfo.hasNextPage;
    } finally {
      more.disabled = false;
    }
  });
  const n = t.evidence.totalCount;
  details.replaceChildren(
    h('div', { class: 'heading' }, 'Triple'),
    h(
      'p',
      { class: 'triple-head' },
      t.subject.name,
      ' —',
      h('span', { class: 'rel-name' }, t.relation),
      '→ ',
      t.object.name,
    ),
    h(
      'div',
      {},
      h('span', { class: 'badge' }, `confidence ${t.confidence.toFixed(2)}`),
      ' ',
      h('span', { class: 'badge' }, `${t.count} ${t.count === 1 ? 'sentence' : 'sentences'}`),
      t.negated && [' ', h('span', { class: 'badge warn' }, 'denied')],
      t.modality && [' ', h('span', { class: 'badge' }, t.modality)],
      t.attributedTo && [' ', h('span', { class: 'badge' }, `according to ${t.attributedTo}`)],
    ),
    h('div', { class: 'heading', style: 'margin-top:12px' }, `Evidence (${n})`),
    list,
    more,
  );
  details.scrollTop = 0;
}

// --- Graph events and toolbar ---------------------------------------------------

cy.on('tap', 'node', (ev) => {
  const node = ev.target;
  showEntity(node);
  expand(node);
});
cy.on('tap', 'edge', (ev) => showEdge(ev.target));
cy.on('mouseover', 'node, edge', () => container.classList.add('pointing'));
cy.on('mouseout', 'node, edge', () => container.classList.remove('pointing'));
cy.on('tap', (ev) => {
  if (ev.target === cy) showNothing();
});

$('fit').addEventListener('click', () => cy.fit(cy.elements().not('.filtered'), 40));
$('relayout').addEventListener('click', async () => {
  setState('layout');
  await layout(cy);
  setState(cy.nodes().empty() ? 'empty' : 'idle');
});
$('clear').addEventListener('click', () => {
  state.generation++;
  clearGraph();
  renderStatus();
  renderRelations();
  renderLegend();
  $('empty').hidden = false;
  setState('empty');
});
for (const id of ['depth', 'direction', 'limit']) {
  $(id).addEventListener('change', () => {
    if (state.root) load(state.expanded.get(state.root));
  });
}

renderLegend();
renderRelations();

// A link can name the entity to start from: /graph?entity=Nordhavn.
const start = new URLSearchParams(location.search).get('entity');
if (start) {
  search.value = start;
  load(start);
}

// The hook for tests and the curious: the Cytoscape instance, and `draw`,
// which puts a Subgraph ({nodes, edges} as the API returns it) through the
// same merge and layout as the API's and resolves with how long it took.
window.kgGraph = {
  cy,
  state,
  async draw(sg) {
    const t0 = performance.now();
    state.generation++;
    clearGraph();
    setState('layout');
    const added = merge(cy, sg);
    state.root = sg.nodes[0]?.id ?? null;
    if (state.root) state.expanded.set(state.root, sg.nodes[0].name);
    applyFilters();
    const t1 = performance.now();
    const l = await layout(cy);
    await nextFrame();
    const t2 = performance.now();
    setState('idle');
    renderRelations();
    renderLegend();
    renderStatus();
    return { added: added.length, addMs: Math.round(t1 - t0), layout: l, totalMs: Math.round(t2 - t0) };
  },
};
