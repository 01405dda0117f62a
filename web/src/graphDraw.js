// Drawing of the graph view: a Cytoscape.js instance, its style, merging
// Subgraphs (as the API returns them) into it, and the layout.
//
// Small graphs get labels on every edge, arrows and a force-directed layout
// (fcose), animated up to ANIMATE nodes. Above LARGE nodes on screen the
// style gets cheaper (no edge labels, arrows or borders, straight "haystack"
// edges, entity names only once zoomed in), and fcose runs in its draft
// quality (its spectral layout only, spread out afterwards): under a second
// for 3,000 nodes where the full quality takes many seconds. Measured in
// headless Chromium without a GPU (TestGraphView): fcose's full quality
// takes 0.25s for 300 nodes, 1.3s for 1,000, 2.7s for 1,500.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

// Entity types, their colours (Okabe–Ito, readable by colour-blind people)
// and names in the legend.
export const TYPES = [
  { type: 'PERSON', label: 'Person', color: '#0072b2' },
  { type: 'ORG', label: 'Organisation', color: '#e69f00' },
  { type: 'PLACE', label: 'Place', color: '#009e73' },
  { type: 'MISC', label: 'Other name', color: '#cc79a7' },
  { type: 'CONCEPT', label: 'Concept', color: '#9aa4ae' },
];
const otherColor = '#56b4e9';
const colorOf = new Map(TYPES.map((t) => [t.type, t.color]));

export function typeColor(type) {
  return colorOf.get(type) ?? otherColor;
}

// LARGE is the number of visible nodes above which the cheap style and the
// draft layout are used.
export const LARGE = 800;
// LABEL_ZOOM is the zoom level from which a large graph shows names.
const LABEL_ZOOM = 1.2;
// ANIMATE is the number of visible nodes up to which layouts are animated.
const ANIMATE = 250;

const selected = '#d1242f';

function style(large, labels) {
  const s = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: large ? 'mapData(size, 16, 60, 8, 22)' : 'data(size)',
        height: large ? 'mapData(size, 16, 60, 8, 22)' : 'data(size)',
        label: !large || labels ? 'data(name)' : '',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 11,
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 150,
        'min-zoomed-font-size': large ? 10 : 6,
        'border-width': large ? 0 : 1,
        'border-color': '#ffffff',
      },
    },
    {
      selector: 'node.expanded',
      style: { 'border-width': 2, 'border-color': '#1f2328' },
    },
    {
      selector: 'node.root',
      style: { 'border-width': 4, 'border-color': '#1f2328', 'font-weight': 'bold', 'font-size': 13 },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': selected, color: selected },
    },
    {
      selector: 'edge',
      style: large
        ? {
            'curve-style': 'haystack',
            'haystack-radius': 0,
            width: 1,
            'line-color': '#c3cad2',
          }
        : {
            'curve-style': 'bezier',
            width: 'mapData(count, 1, 8, 1.3, 5)',
            'line-color': '#a3adb8',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': '#a3adb8',
            'arrow-scale': 0.9,
            opacity: 'mapData(confidence, 0, 1, 0.45, 1)',
            label: 'data(relation)',
            'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
            'font-size': 9,
            color: '#57606a',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': 1,
            'min-zoomed-font-size': 7,
            'loop-direction': '-45deg',
            'loop-sweep': '-60deg',
          },
    },
    {
      selector: 'edge.negated',
      style: { 'line-style': 'dashed', 'line-color': '#cf6a6a', 'target-arrow-color': '#cf6a6a' },
    },
    {
      selector: 'edge:selected',
      style: {
        'line-color': selected,
        'target-arrow-color': selected,
        color: selected,
        opacity: 1,
        width: large ? 2 : 4,
        'z-index': 10,
      },
    },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  return s;
}

// createGraph makes the Cytoscape instance drawing into container.
export function createGraph(container) {
  const cy = cytoscape({
    container,
    style: style(false, true),
    minZoom: 0.02,
    maxZoom: 5,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // Drawing a moving big graph from a cached bitmap keeps panning and
    // zooming smooth; small graphs are redrawn exactly.
    textureOnViewport: false,
    motionBlur: false,
  });
  cy.scratch('_kgLarge', false);
  cy.scratch('_kgLabels', true);
  // A large graph shows names only once zoomed in.
  cy.on('zoom', () => {
    if (cy.scratch('_kgLarge')) setStyle(cy, true, cy.zoom() >= LABEL_ZOOM);
  });
  return cy;
}

// setStyle switches between the full and the cheap style, with names or
// not, and between redrawing and bitmap-caching while the user pans and
// zooms (renderer settings Cytoscape reads at every frame).
function setStyle(cy, large, labels) {
  if (cy.scratch('_kgLarge') === large && cy.scratch('_kgLabels') === labels) return;
  cy.scratch('_kgLarge', large);
  cy.scratch('_kgLabels', labels);
  cy.style(style(large, labels));
  const r = cy.renderer();
  if (r) {
    r.textureOnViewport = large;
    r.hideEdgesOnViewport = large;
  }
}

// spread scales the positions of a large graph's nodes about their centre
// until each has about `cell` pixels square: the spectral layout packs them
// tighter than their size.
function spread(nodes, cell) {
  const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
  const want = Math.sqrt(nodes.length) * cell;
  const have = Math.max(Math.sqrt(bb.w * bb.h), 1);
  if (have >= want) return;
  const k = want / have;
  const cx = bb.x1 + bb.w / 2;
  const cyy = bb.y1 + bb.h / 2;
  nodes.positions((n) => {
    const p = n.position();
    return { x: cx + (p.x - cx) * k, y: cyy + (p.y - cyy) * k };
  });
}

// nodeSize grows with the logarithm of an entity's mentions.
function nodeSize(mentions) {
  return Math.round(16 + 7 * Math.log2(1 + Math.min(mentions || 1, 512)));
}

// merge adds the nodes and edges of a Subgraph that are not drawn yet. New
// nodes start on a circle around `around` (a model position) when given,
// so that an incremental layout moves the rest little. It returns the added
// elements.
export function merge(cy, sg, around) {
  const nodes = [];
  const edges = [];
  const have = (id) => cy.getElementById(id).nonempty();
  const fresh = sg.nodes.filter((n) => !have(n.id));
  const step = (2 * Math.PI) / Math.max(fresh.length, 1);
  const radius = 80 + 12 * Math.sqrt(fresh.length);
  fresh.forEach((n, i) => {
    const el = {
      group: 'nodes',
      data: {
        id: n.id,
        name: n.name,
        type: n.type,
        color: typeColor(n.type),
        size: nodeSize(n.mentions),
        mentions: n.mentions ?? 0,
        aliases: n.aliases ?? [],
      },
    };
    if (around) {
      el.position = { x: around.x + radius * Math.cos(i * step), y: around.y + radius * Math.sin(i * step) };
    }
    nodes.push(el);
  });
  const ids = new Set(sg.nodes.map((n) => n.id));
  for (const e of sg.edges) {
    if (have(e.id) || !(ids.has(e.subject.id) || have(e.subject.id)) || !(ids.has(e.object.id) || have(e.object.id))) {
      continue;
    }
    edges.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.subject.id,
        target: e.object.id,
        relation: e.relation,
        confidence: e.confidence,
        count: e.count,
        negated: !!e.negated,
        modality: e.modality ?? null,
      },
      classes: e.negated ? 'negated' : '',
    });
  }
  if (nodes.length + edges.length === 0) return cy.collection();
  let added;
  cy.batch(() => {
    added = cy.add([...nodes, ...edges]);
  });
  return added;
}

let running = null;

// layout lays out the visible elements and resolves when done with what it
// did: {name, quality, animated, ms, nodes, edges}. incremental keeps the
// present positions as the starting point (after an expansion).
export function layout(cy, { incremental = false } = {}) {
  if (running) running.stop();
  // By class, not ':visible': styles are brought up to date lazily.
  const eles = cy.elements().not('.filtered');
  const n = eles.nodes().length;
  const large = n > LARGE;
  setStyle(cy, large, !large);
  const animate = !large && n <= ANIMATE && n > 1;
  const opts = {
    name: 'fcose',
    quality: large ? 'draft' : 'default',
    randomize: large || !incremental,
    animate: animate ? 'end' : false,
    animationDuration: 450,
    fit: !large, // a large graph is fitted once spread
    padding: 40,
    nodeDimensionsIncludeLabels: !large,
    packComponents: true,
    nodeSeparation: 90,
    idealEdgeLength: (e) => (large ? 40 : 70 + Math.min(e.data('relation')?.length ?? 0, 30) * 2),
    nodeRepulsion: () => (large ? 4500 : 9000),
    edgeElasticity: () => 0.45,
    gravity: 0.25,
    numIter: large ? 1000 : 2500,
    tile: true,
  };
  const t0 = performance.now();
  return new Promise((resolve) => {
    if (n === 0) {
      resolve({ name: 'none', ms: 0, nodes: 0, edges: 0 });
      return;
    }
    const l = eles.layout(opts);
    running = l;
    l.one('layoutstop', () => {
      if (running === l) running = null;
      if (large) {
        cy.batch(() => spread(eles.nodes(), 28));
        cy.fit(eles, opts.padding);
      }
      resolve({
        name: 'fcose',
        quality: opts.quality,
        animated: animate,
        ms: Math.round(performance.now() - t0),
        nodes: n,
        edges: eles.edges().length,
      });
    });
    l.run();
  });
}

// nextFrame resolves after the browser has drawn a frame.
export function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
