package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The graph view test drives /graph of `kg serve --demo` in headless
// Chromium, as TestBrowserPlayground does the playground (same needs, same
// skipping, same KG_ARTIFACTS): search, draw, expand, evidence, filters,
// navigation, and a synthetic graph of thousands of nodes through the same
// drawing code.

// bigDrawLimit is how long drawing the synthetic graph may take: layout and
// first frame, in headless Chromium without a GPU.
const bigDrawLimit = 8 * time.Second

// graphCounts is what the page reports of its graph.
type graphCounts struct {
	Nodes   int    `json:"nodes"`
	Edges   int    `json:"edges"`
	Visible int    `json:"visible"` // visible edges
	State   string `json:"state"`
}

// shown narrows a Cytoscape collection to the elements drawn: displayed,
// and for an edge, both ends displayed. (Cytoscape's :visible selector can
// answer from a stale cache right after a change of classes.)
func shown(collection string) string {
	return `(` + collection + `).filter(e => e.style('display') !== 'none' &&
		(e.isNode() || (e.source().style('display') !== 'none' && e.target().style('display') !== 'none')))`
}

var countsJS = `(() => {
	const cy = window.kgGraph && window.kgGraph.cy;
	const state = document.getElementById('cy').dataset.state;
	return cy ? {nodes: cy.nodes().length, edges: cy.edges().length, visible: ` + shown("cy.edges()") + `.length, state} : false;
})()`

// idleJS is countsJS once the graph is drawn and nothing is loading.
func idleJS(cond string) string {
	return `(() => {
		const c = ` + countsJS + `;
		return c && c.state === 'idle' && (` + cond + `) && c;
	})()`
}

// point is a position in the page, in CSS pixels.
type point struct {
	X  float64 `json:"x"`
	Y  float64 `json:"y"`
	ID string  `json:"id"`
}

func TestGraphView(t *testing.T) {
	start := time.Now()
	b, base, host := openDemo(t)

	b.do("load "+base+"/graph", chromedp.Navigate(base+"/graph"))
	if title := runStep(b, "read the title", chromedp.Title()); !strings.Contains(title, "graph view") {
		b.fail("check the title", fmt.Errorf("title %q: not the graph view", title))
	}
	// The relations of the filter come from the API.
	poll[bool](b, "wait for the relations", `document.querySelectorAll('#relations input[type=checkbox]').length > 10`)

	// Search with a typo: the API's search is typo-tolerant.
	b.do("type in the search box", chromedp.SendKeys(chromedp.CSS(`#search`), "Nordhvan"))
	// (the demo names the company Nordhavn Energy and Nordhavn: one entity)
	poll[bool](b, "wait for the search results", `!!document.querySelector('#results:not([hidden]) li[data-name="Nordhavn Energy"]')`)
	b.do("pick Nordhavn", chromedp.Click(chromedp.CSS(`#results li[data-name="Nordhavn Energy"]`)))
	first := poll[graphCounts](b, "wait for the graph of Nordhavn", idleJS(`c.nodes > 1 && c.edges > 0`))
	t.Logf("Nordhavn: %d nodes, %d edges", first.Nodes, first.Edges)
	if got := runStep(b, "read the URL", chromedp.Evaluate[string](`location.search`)); !strings.Contains(got, "entity=Nordhavn") {
		b.fail("check the URL", fmt.Errorf("location.search %q does not name the entity", got))
	}
	legend := runStep(b, "read the legend", chromedp.Evaluate[string](`document.getElementById('legend').innerText`))
	for _, want := range []string{"Person", "Place", "Concept"} {
		if !strings.Contains(legend, want) {
			b.fail("check the legend", fmt.Errorf("no %s in %q", want, legend))
		}
	}
	if d := runStep(b, "read the details", chromedp.Evaluate[string](`document.querySelector('#details h2')?.innerText ?? ''`)); d != "Nordhavn Energy" {
		b.fail("check the details of the root", fmt.Errorf("details show %q", d))
	}

	// Click an entity: its neighbourhood joins the graph. Poland has the
	// most neighbours; any other entity not yet expanded will do.
	target := runStep(b, "find an entity to expand", chromedp.Evaluate[point](renderedJS(`(() => {
		const cy = window.kgGraph.cy;
		const ns = `+shown("cy.nodes()")+`.filter(n => !window.kgGraph.state.expanded.has(n.id()));
		return ns.filter(n => n.data('name') === 'Poland')[0] || ns.max(n => n.degree()).ele;
	})()`)))
	b.do("click "+target.ID, chromedp.MouseClickXY(target.X, target.Y))
	// (its neighbours may all be drawn already: the graph then keeps its
	// size, and never shrinks)
	expanded := poll[graphCounts](b, "wait for the expanded graph", idleJS(fmt.Sprintf(`c.nodes >= %d && c.edges >= %d && window.kgGraph.state.expanded.has(%q)`, first.Nodes, first.Edges, target.ID)))
	t.Logf("after expanding %s: %d nodes, %d edges", target.ID, expanded.Nodes, expanded.Edges)

	// Drag an entity: it moves, and is not expanded for it.
	drag := runStep(b, "find an entity to drag", chromedp.Evaluate[point](renderedJS(shown(`window.kgGraph.cy.nodes()`)+`.filter(n => !window.kgGraph.state.expanded.has(n.id()))[0]`)))
	b.do("drag "+drag.ID, chromedp.DragAndDropXY(drag.X, drag.Y, drag.X+60, drag.Y+40, 10))
	moved := runStep(b, "see where it went", chromedp.Evaluate[point](renderedJS(fmt.Sprintf(`window.kgGraph.cy.getElementById(%q)`, drag.ID))))
	if dx, dy := moved.X-drag.X, moved.Y-drag.Y; dx < 40 || dy < 25 {
		b.fail("check the drag of "+drag.ID, fmt.Errorf("it moved by (%.0f, %.0f), want about (60, 40)", dx, dy))
	}
	if n := runStep(b, "count the entities", chromedp.Evaluate[int](`window.kgGraph.cy.nodes().length`)); n != expanded.Nodes {
		b.fail("check the drag of "+drag.ID, fmt.Errorf("%d entities after the drag, want %d: a drag is not a click", n, expanded.Nodes))
	}

	// Click an edge: the evidence panel shows its sentences. Aim at the
	// middle of the edge farthest from every entity.
	edge := runStep(b, "find an edge to click", chromedp.Evaluate[point](`(() => {
		const cy = window.kgGraph.cy;
		const box = document.getElementById('cy').getBoundingClientRect();
		const nodes = `+shown("cy.nodes()")+`.map(n => ({p: n.renderedPosition(), r: n.renderedOuterWidth() / 2}));
		let best = null;
		`+shown("cy.edges()")+`.forEach(e => {
			if (e.isLoop()) return;
			const m = e.renderedMidpoint();
			if (m.x < 20 || m.y < 60 || m.x > box.width - 20 || m.y > box.height - 20) return;
			const d = Math.min(...nodes.map(n => Math.hypot(n.p.x - m.x, n.p.y - m.y) - n.r));
			if (!best || d > best.d) best = {d, x: box.left + m.x, y: box.top + m.y, id: e.id()};
		});
		return best;
	})()`))
	b.do("click edge "+edge.ID, chromedp.MouseClickXY(edge.X, edge.Y))
	type evidence struct {
		Head      string `json:"head"`
		Sentences int    `json:"sentences"`
		First     string `json:"first"`
		Doc       string `json:"doc"`
		Marked    int    `json:"marked"` // words of the triple marked in it
	}
	ev := poll[evidence](b, "wait for the evidence of "+edge.ID, `(() => {
		const d = document.getElementById('details');
		const li = d.querySelector('.evidence li');
		return li && {head: d.querySelector('.triple-head').innerText, sentences: d.querySelectorAll('.evidence li').length,
			first: li.querySelector('.sentence').innerText, doc: li.querySelector('.doc').innerText,
			marked: li.querySelectorAll('.sentence mark').length};
	})()`)
	if len(ev.First) < 20 || ev.Doc == "" || ev.Marked == 0 {
		b.fail("check the evidence", fmt.Errorf("not a sentence and its document: %+v", ev))
	}
	t.Logf("evidence of %s (%s): %d sentences, first %q from %q", edge.ID, ev.Head, ev.Sentences, ev.First, ev.Doc)

	shot := runStep(b, "take a screenshot", chromedp.CaptureScreenshot())
	saveShot(b, "graphview.png", shot)

	// The confidence filter hides the triples under it: set it between the
	// lowest and the highest confidence drawn.
	conf := runStep(b, "read the confidences", chromedp.Evaluate[[]float64](`window.kgGraph.cy.edges().map(e => e.data('confidence'))`))
	lo, hi := conf[0], conf[0]
	for _, c := range conf {
		lo, hi = min(lo, c), max(hi, c)
	}
	if lo == hi {
		b.fail("check the confidences", fmt.Errorf("all %d edges have confidence %.2f: nothing to filter", len(conf), lo))
	}
	threshold := float64(int((lo+hi)/2*100)) / 100
	b.do("set the minimum confidence to "+fmt.Sprint(threshold), chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const r = document.getElementById('confidence');
		r.value = '%.2f';
		r.dispatchEvent(new Event('input', {bubbles: true}));
		r.dispatchEvent(new Event('change', {bubbles: true}));
	})()`, threshold)))
	filtered := poll[graphCounts](b, "wait for the filter", idleJS(`c.visible < c.edges && !window.kgGraph.state.busy`))
	if bad := runStep(b, "check the visible edges", chromedp.Evaluate[int](shown(`window.kgGraph.cy.edges()`)+fmt.Sprintf(`.filter(e => e.data('confidence') < %v).length`, threshold))); bad > 0 {
		b.fail("check the confidence filter", fmt.Errorf("%d visible edges under %.2f", bad, threshold))
	}
	status := runStep(b, "read the status", chromedp.Evaluate[string](`document.getElementById('status').innerText`))
	if !strings.Contains(status, "hidden by the filters") {
		b.fail("check the status line", fmt.Errorf("%q says nothing of hidden triples", status))
	}
	t.Logf("minimum confidence %.2f: %d of %d edges visible; status %q", threshold, filtered.Visible, filtered.Edges, status)

	// The relation filter: only the triples of the relations ticked. Back
	// to every confidence first.
	b.do("reset the minimum confidence", chromedp.Evaluate[chromedp.Void](`(() => {
		const r = document.getElementById('confidence');
		r.value = '0';
		r.dispatchEvent(new Event('input', {bubbles: true}));
	})()`))
	b.do("open the list of relations", chromedp.Click(chromedp.CSS(`#rel-box summary`)), chromedp.WaitVisible(chromedp.CSS(`#relations label.in-view input`)))
	rel := runStep(b, "pick a relation drawn", chromedp.Evaluate[string](`document.querySelector('#relations label.in-view input').value`))
	b.do("tick the relation "+rel, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#relations input[value=%q]`, rel))))
	byRel := poll[graphCounts](b, "wait for the relation filter", idleJS(fmt.Sprintf(`c.visible > 0 && c.visible < c.edges && !window.kgGraph.state.busy &&
		`+shown(`window.kgGraph.cy.edges()`)+`.every(e => e.data('relation') === %q)`, rel)))
	t.Logf("relation %q: %d of %d edges visible", rel, byRel.Visible, byRel.Edges)

	// The tabs lead to the playground and back.
	b.do("click the playground tab", chromedp.Click(chromedp.CSS(`a.tab[href="./"]`)))
	b.do("wait for the playground's link to the graph view", chromedp.WaitVisible(chromedp.CSS(`a.kg-graph-link`)))
	b.do("click the link to the graph view", chromedp.Click(chromedp.CSS(`a.kg-graph-link`)))
	b.do("wait for the graph view", chromedp.WaitVisible(chromedp.CSS(`#search`)))
	poll[bool](b, "wait for the relations", `document.querySelectorAll('#relations input[type=checkbox]').length > 10`)
	if title := runStep(b, "read the title", chromedp.Title()); !strings.Contains(title, "graph view") {
		b.fail("check the title", fmt.Errorf("title %q: not the graph view", title))
	}

	b.checkOffline(host)

	// A synthetic graph of thousands of nodes goes through the same merge
	// and layout code (window.kgGraph.draw) and must be drawn in seconds.
	big := syntheticGraph(3000, 4000)
	type drawn struct {
		Added   int     `json:"added"`
		AddMs   float64 `json:"addMs"`
		TotalMs float64 `json:"totalMs"`
		Layout  struct {
			Quality string  `json:"quality"`
			Ms      float64 `json:"ms"`
			Nodes   int     `json:"nodes"`
			Edges   int     `json:"edges"`
		} `json:"layout"`
		FrameMs float64 `json:"frameMs"`
	}
	t0 := time.Now()
	d := runStep(b, "draw the synthetic graph", chromedp.Evaluate[drawn](`(async () => {
		const r = await window.kgGraph.draw(`+string(big)+`);
		// Then the time Cytoscape takes to redraw all of it after a
		// programmatic pan (no bitmap cache).
		const cy = window.kgGraph.cy, ren = cy.renderer(), draws = [];
		for (let i = 0; i < 6; i++) {
			const drawn = new Promise(res => cy.one('render', res));
			cy.panBy({x: i % 2 ? 30 : -30, y: 0});
			await drawn;
			draws.push(ren.lastRedrawTime);
		}
		r.frameMs = Math.round(draws.reduce((a, b) => a + b) / draws.length);
		// Record the frames of the drag that follows.
		window.kgFrames = [];
		cy.on('render', () => window.kgFrames.push([performance.now(), ren.lastRedrawTime]));
		return r;
	})()`, chromedp.EvalAwaitPromise))
	wall := time.Since(t0)
	if d.Layout.Nodes != 3000 || d.Layout.Edges != 4000 {
		b.fail("check the synthetic graph", fmt.Errorf("laid out %d nodes and %d edges, want 3000 and 4000", d.Layout.Nodes, d.Layout.Edges))
	}
	if time.Duration(d.TotalMs)*time.Millisecond > bigDrawLimit {
		b.fail("check the synthetic graph's drawing time", fmt.Errorf("%dms, over %v", int(d.TotalMs), bigDrawLimit))
	}
	// Pan it with the mouse, as a user does: Cytoscape moves a bitmap of
	// the graph then, and redraws it once the mouse is released.
	box := runStep(b, "find the graph area", chromedp.Evaluate[point](`(() => { const r = document.getElementById('cy').getBoundingClientRect(); return {x: r.left, y: r.top + r.height}; })()`))
	b.do("pan the synthetic graph with the mouse", chromedp.DragAndDropXY(box.X+15, box.Y-15, box.X+315, box.Y-215, 30))
	frames := runStep(b, "read the frames of the pan", chromedp.Evaluate[[][2]float64](`window.kgFrames`))
	var dragDraw []float64
	if len(frames) > 2 {
		for _, f := range frames[1 : len(frames)-1] { // the first builds the bitmap, the last redraws
			dragDraw = append(dragDraw, f[1])
		}
	}
	if len(dragDraw) < 5 {
		b.fail("check the pan of the synthetic graph", fmt.Errorf("%d frames drawn during a pan of 30 mouse moves", len(frames)))
	}
	slices.Sort(dragDraw)
	median := dragDraw[len(dragDraw)/2]
	t.Logf("synthetic graph: %d nodes and %d edges drawn in %dms (merge %dms, fcose %s layout %dms, first frame), %.1fs with the transfer; "+
		"a full redraw takes %dms; panning with the mouse: %d frames, median draw %.1fms",
		d.Layout.Nodes, d.Layout.Edges, int(d.TotalMs), int(d.AddMs), d.Layout.Quality, int(d.Layout.Ms), wall.Seconds(), int(d.FrameMs), len(frames), median)
	if median > 30 {
		b.fail("check the pan of the synthetic graph", fmt.Errorf("median draw time %.1fms during a pan: not interactive", median))
	}
	counts := poll[graphCounts](b, "read the synthetic graph", idleJS(`true`))
	if counts.Nodes != 3000 || counts.Visible != 4000 {
		b.fail("check the synthetic graph", fmt.Errorf("%+v, want 3000 nodes and 4000 visible edges", counts))
	}
	b.do("fit the synthetic graph", chromedp.Click(chromedp.CSS(`#fit`)))
	poll[bool](b, "wait for the fitted graph", `(() => { const cy = window.kgGraph.cy, e = cy.extent(), bb = cy.elements().boundingBox();
		return e.x1 <= bb.x1 && e.y1 <= bb.y1 && e.x2 >= bb.x2 && e.y2 >= bb.y2; })()`)
	saveShot(b, "graphview-large.png", runStep(b, "take a screenshot of the synthetic graph", chromedp.CaptureScreenshot()))

	t.Logf("%d requests, all to %s; %.1fs", len(b.log.get(&b.log.urls)), host, time.Since(start).Seconds())
}

// renderedJS wraps an expression giving a Cytoscape node into one giving
// its position in the page.
func renderedJS(node string) string {
	return `(() => {
		const n = ` + node + `;
		if (!n) return null;
		const box = document.getElementById('cy').getBoundingClientRect();
		const p = n.renderedPosition();
		return {x: box.left + p.x, y: box.top + p.y, id: n.id()};
	})()`
}

// saveShot checks a screenshot and writes it to KG_ARTIFACTS (or a
// temporary folder).
func saveShot(b *browser, name string, shot []byte) {
	b.t.Helper()
	dir := os.Getenv("KG_ARTIFACTS")
	if dir == "" {
		dir = b.t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, shot, 0o644); err != nil {
		b.t.Fatal(err)
	}
	if err := checkScreenshot(shot); err != nil {
		b.fail("check the screenshot "+p, err)
	}
	b.t.Logf("screenshot: %s (%d bytes)", p, len(shot))
}

// syntheticGraph returns, as JSON, a Subgraph as the API gives it: n
// entities of every type, linked by a random tree plus m-n+1 more random
// triples, the same every time.
func syntheticGraph(n, m int) []byte {
	type ref struct {
		ID string `json:"id"`
	}
	type node struct {
		ID       string   `json:"id"`
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Mentions int      `json:"mentions"`
		Aliases  []string `json:"aliases"`
	}
	type edge struct {
		ID         string  `json:"id"`
		Subject    ref     `json:"subject"`
		Relation   string  `json:"relation"`
		Object     ref     `json:"object"`
		Confidence float64 `json:"confidence"`
		Count      int     `json:"count"`
	}
	types := []string{"PERSON", "ORG", "PLACE", "MISC", "CONCEPT"}
	relations := []string{"meet", "own", "criticise", "lead", "sign", "visit", "fund", "join"}
	r := rand.New(rand.NewPCG(1, 2))
	var sg struct {
		Nodes []node `json:"nodes"`
		Edges []edge `json:"edges"`
	}
	for i := range n {
		sg.Nodes = append(sg.Nodes, node{ID: fmt.Sprintf("E%d", i+1), Name: fmt.Sprintf("Entity %d", i+1), Type: types[i%len(types)], Mentions: 1 + r.IntN(40)})
	}
	seen := map[[2]int]bool{}
	add := func(a, b int) {
		if a == b || seen[[2]int{a, b}] || seen[[2]int{b, a}] {
			return
		}
		seen[[2]int{a, b}] = true
		sg.Edges = append(sg.Edges, edge{
			ID: fmt.Sprintf("T%d", len(sg.Edges)+1), Subject: ref{sg.Nodes[a].ID}, Object: ref{sg.Nodes[b].ID},
			Relation: relations[r.IntN(len(relations))], Confidence: 0.5 + float64(r.IntN(50))/100, Count: 1 + r.IntN(5),
		})
	}
	for i := 1; i < n; i++ {
		// Near the start more often: hubs, as around a searched entity.
		add(i, int(float64(i)*r.Float64()*r.Float64()))
	}
	for len(sg.Edges) < m {
		add(r.IntN(n), r.IntN(n))
	}
	out, err := json.Marshal(sg)
	if err != nil {
		panic(err)
	}
	return out
}
