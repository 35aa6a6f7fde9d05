  // The page's script, part network (kg.graph.view joins the parts in order).

  // -- vis-network: it draws what graph-layout.js chose and placed -----------------------
  var container = $("kg-graph"), panel = $("kg-panel");
  var nodeSet = new vis.DataSet(), edgeSet = new vis.DataSet();
  // Its options come with the data: made with pyvis (kg.graph.vis.network_options), physics
  // off, as the layout is kg's, computed once per view, so nothing drifts. A function cannot
  // travel as JSON, so the hover width is added here.
  var options = data.network;
  options.edges.hoverWidth = function (width) { return width * 1.8; };
  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, options);
  function colourOf(node) {
    if (state.colour === "type") { return data.types[E.type[node]].colour; }
    var c = E.community[node];
    return c >= 0 && data.communities[c] ? data.communities[c].colour : OTHER_COLOUR;
  }
  function nodeColour(node) {
    var fill = colourOf(node), edge = state.mode === "focus" && node === state.focus ? "#222" : "#fff";
    return { background: fill, border: edge, hover: { background: fill, border: "#222" }, highlight: { background: fill, border: "#222" } };
  }
  function nodeItem(node, fit) {
    var focus = state.mode === "focus" && node === state.focus, p = view.pos.get(node);
    return {
      id: node, x: p[0], y: p[1], shape: SHAPES[E.type[node]], size: radius(node),
      color: nodeColour(node), borderWidth: focus ? 3 : 1.5, opacity: view.hop.get(node) === 2 && !focus ? 0.75 : 1,
      label: fit.nodes.has(node) ? labelText(node) : "",
      font: { size: fontSize(node) * fit.font, vadjust: fit.nodes.get(node) || 0, color: view.hop.get(node) === 2 ? "#555" : "#1b1b1b" },
      title: nodeTip(node)
    };
  }
  function linkStyle(j, lit) {
    var w = 0.7 + 2.8 * Math.log(1 + L.weight[j]) / Math.log(1 + maxWeight);
    if (L.flags[j] & NEGATED) { return { color: lit ? "#a8322d" : "rgba(168,50,45,0.6)", hover: "#a8322d", width: 1.5, dashes: [5, 4], arrow: true }; }
    if (L.p[j] !== COMENTION) { return { color: lit ? "#333" : "rgba(70,70,70,0.7)", hover: "#333", width: Math.max(1.4, w), dashes: L.flags[j] & HEDGED ? [2, 3] : false, arrow: true }; }
    return { color: lit ? "rgba(90,90,90,0.8)" : "rgba(150,150,150,0.35)", hover: "rgba(90,90,90,0.8)", width: w, dashes: false, arrow: false };
  }
  function edgeItem(j, fit) {
    var lit = state.mode === "focus" && (L.a[j] === state.focus || L.b[j] === state.focus), style = linkStyle(j, lit);
    var bend = bends.get(j);
    return {
      id: j, from: L.a[j], to: L.b[j], width: style.width, dashes: style.dashes,
      color: { color: style.color, hover: style.hover, highlight: style.hover, inherit: false },
      arrows: { to: { enabled: style.arrow } },
      smooth: bend ? { enabled: true, type: bend.type, roundness: bend.roundness } : false,
      label: fit.links.has(j) ? linkWords(j) : "",
      font: { size: EDGE_FONT * fit.font, color: L.flags[j] & NEGATED ? "#a8322d" : "#444" },
      title: linkTip(j)
    };
  }
  // vis-network's data sets are kept in step with the view: what is new is added, what
  // changed is updated, what went is removed, and a node that only moved is given its new
  // place alone. (Not with moveNode: vis-network redraws the whole graph after each call.)
  var given = { nodes: new Map(), edges: new Map() };  // id -> what vis-network has, as a string
  function look(key, value) { return key === "title" || key === "x" || key === "y" ? undefined : value; }
  function sync(set, known, items, move) {
    var wanted = new Set(), changed = [];
    items.forEach(function (item) {
      var seen = JSON.stringify(item, look);
      wanted.add(item.id);
      if (known.get(item.id) !== seen) { known.set(item.id, seen); changed.push(item); }
      else if (move) { changed.push({ id: item.id, x: item.x, y: item.y }); }
    });
    var gone = [];
    known.forEach(function (_, id) { if (!wanted.has(id)) { gone.push(id); } });
    gone.forEach(function (id) { known.delete(id); });
    set.remove(gone);
    set.update(changed);
  }
  // Tooltips are elements (vis-network appends them as they are), built once, from text.
  var tips = new Map();
  function nodeTip(i) {
    if (!tips.has("n" + i)) {
      var box = el("div");
      box.appendChild(el("div", E.label[i], "kg-tip-head"));
      box.appendChild(el("div", data.types[E.type[i]].name + " \u00b7 " + plural(E.articles[i].length, "article")));
      var held = posts.get(i);
      if (held) { box.appendChild(el("div", held.slice(0, 2).map(function (x) { return x[0]; }).join("; "))); }
      tips.set("n" + i, box);
    }
    return tips.get("n" + i);
  }
  function linkTip(j) {
    if (!tips.has("l" + j)) {
      var box = el("div");
      box.appendChild(el("div", E.label[L.a[j]] + " \u2014 " + linkWords(j) + " \u2014 " + E.label[L.b[j]], "kg-tip-head"));
      box.appendChild(el("div", L.p[j] === COMENTION ? plural(L.weight[j], "sentence") + " in " + plural(L.n[j], "article") : "stated in " + plural(L.n[j], "article")));
      tips.set("l" + j, box);
    }
    return tips.get("l" + j);
  }
  function linkWords(j) {
    if (L.p[j] === COMENTION) { return "named in the same sentence"; }
    var words = data.predicates[L.p[j]].words;
    return L.flags[j] & NEGATED ? "not: " + words : words;
  }

  // -- views ----------------------------------------------------------------------------
  // Links between the same two entities are bent apart (vis-network's curved edges), on the
  // same side whichever way a link points.
  var bends = new Map();
  function spread(links) {
    var pairs = new Map();
    links.forEach(function (j) {
      var key = Math.min(L.a[j], L.b[j]) + " " + Math.max(L.a[j], L.b[j]);
      if (!pairs.has(key)) { pairs.set(key, []); }
      pairs.get(key).push(j);
    });
    bends = new Map();
    pairs.forEach(function (list) {
      list.forEach(function (j, k) {
        var off = (k - (list.length - 1) / 2) * (L.a[j] < L.b[j] ? 1 : -1);
        if (off) { bends.set(j, { type: off > 0 ? "curvedCW" : "curvedCCW", roundness: Math.min(0.6, 0.3 * Math.abs(off)) }); }
      });
    });
  }
  // Where vis-network puts a link's label: the middle of the line, or of the curve (a
  // quadratic Bezier through vis-network's control point for curvedCW and curvedCCW).
  function midpoint(j) {
    var a = view.pos.get(L.a[j]), b = view.pos.get(L.b[j]), bend = bends.get(j);
    if (!bend) { return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]; }
    var dx = b[0] - a[0], dy = a[1] - b[1], d = Math.sqrt(dx * dx + dy * dy), f = bend.roundness;
    var angle = (Math.atan2(dy, dx) + ((bend.type === "curvedCW" ? f : -f) * 0.5 + 0.5) * Math.PI) % (2 * Math.PI);
    var cx = a[0] + (0.5 * f + 0.5) * d * Math.sin(angle), cy = a[1] + (0.5 * f + 0.5) * d * Math.cos(angle);
    return [0.25 * a[0] + 0.5 * cx + 0.25 * b[0], 0.25 * a[1] + 0.5 * cy + 0.25 * b[1]];
  }
  function show(nodes, links, hop, pinned, shape) {
    view.nodes = nodes; view.links = links; view.hop = hop;
    var t0 = performance.now();
    spread(links);
    view.pos = layout(nodes, shape || links, pinned);
    timings.layout = performance.now() - t0;
    // The layout's coordinates are the container's pixels: scale 1, centred on its middle.
    var box = container.getBoundingClientRect();
    network.moveTo({ position: { x: box.width / 2, y: box.height / 2 }, scale: 1, animation: false });
    var fit = fitLabels(area(), 1), t1 = performance.now();
    timings.labels = t1 - t0 - timings.layout;
    sync(nodeSet, given.nodes, nodes.map(function (node) { return nodeItem(node, fit); }), true);
    sync(edgeSet, given.edges, links.map(function (j) { return edgeItem(j, fit); }), false);
    timings.data = performance.now() - t1;
    network.redraw();  // now, so what is drawn (and measured) is this view
    timings.draw = performance.now() - t1 - timings.data;
  }
  // Zoomed in, labels keep their size on screen, so more of them find room (vis-network would
  // enlarge them with everything else); after a zoom or a pan the labels that fit are chosen
  // again for what is in view.
  function relabel() {
    var scale = network.getScale(), box = area();
    var a = network.DOMtoCanvas({ x: box.x0, y: box.y0 }), b = network.DOMtoCanvas({ x: box.x1, y: box.y1 });
    var fit = fitLabels({ x0: a.x, y0: a.y, x1: b.x, y1: b.y }, scale);
    sync(nodeSet, given.nodes, view.nodes.map(function (node) { return nodeItem(node, fit); }), false);
    sync(edgeSet, given.edges, view.links.map(function (j) { return edgeItem(j, fit); }), false);
  }
  var relabelling = 0;
  function relabelSoon() { clearTimeout(relabelling); relabelling = setTimeout(relabel, 120); }
  network.on("zoom", function () {
    var scale = network.getScale();
    if (scale < 0.2 || scale > 8) { network.moveTo({ scale: Math.min(8, Math.max(0.2, scale)), animation: false }); }
    relabelSoon();
  });
  network.on("dragEnd", relabelSoon);
  function restyle() { relabel(); }  // the colours change; nothing moves
  function apply() {
    var t0 = performance.now();
    computePass();
    if (state.mode === "focus") {
      var found = neighbourhood(state.focus);
      // laid out along the focus's own links, so the neighbours stand around it
      show(found.nodes, found.links, found.hop, state.focus, found.tree);
    } else {
      var nodes = overviewNodes();
      show(nodes, chooseLinks(nodes, Math.round(nodes.length * 2.2)), new Map(), undefined);
    }
    legend();
    status();
    timings.apply = performance.now() - t0;
    return timings.apply;
  }
  function status() {
    var line = $("kg-status");
    if (state.mode === "focus") {
      var linked = new Set(adj[state.focus].map(function (j) { return other(j, state.focus); })).size;
      line.textContent = E.label[state.focus] + ": " + (state.hops === 2 ? plural(view.nodes.length - 1, "entity", "entities") +
        " within two steps, the most strongly linked first" : "the " + plural(view.nodes.length - 1, "entity", "entities") +
        " most strongly linked to it, of " + linked.toLocaleString("en")) + ". Escape or Back returns to the overview.";
    } else {
      var passing = 0;
      for (var i = 0; i < N; i++) { passing += entityPass[i]; }
      if (!view.nodes.length) { line.textContent = N ? "No entity passes the filters." : "This graph has no entities."; return; }
      line.textContent = "The " + plural(view.nodes.length, "most central entity", "most central entities") +
        " of " + passing.toLocaleString("en") + " that pass the filters, with the strongest links between them. Click one to focus on it.";
    }
  }
  function focusOn(node) {
    var hash = "#focus=" + encodeURIComponent(E.key[node]).replace(/%2F/g, "/") + (state.hops === 2 ? "&hops=2" : "");
    if (location.hash === hash) { route(); } else { location.hash = hash; }
  }
  function toOverview() {
    if (location.hash && location.hash !== "#") { location.hash = ""; } else { route(); }
  }
  function route() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var key = params.get("focus"), node = key === null ? undefined : byKey.get(key);
    state.hops = params.get("hops") === "2" ? 2 : 1;
    document.querySelectorAll("input[name=kg-hops]").forEach(function (box) { box.checked = Number(box.value) === state.hops; });
    if (node === undefined) {
      state.mode = "overview"; state.focus = -1;
      $("kg-focus-controls").hidden = true; $("kg-overview-controls").hidden = false;
      panel.hidden = true;
    } else {
      state.mode = "focus"; state.focus = node;
      $("kg-focus-controls").hidden = false; $("kg-overview-controls").hidden = true;
      showEntity(node);
    }
    apply();
    if (key && node === undefined) { $("kg-status").textContent = "No entity has the address " + key + "."; }
  }
  window.addEventListener("hashchange", route);

  // -- pointer: vis-network finds what is under it ---------------------------------------
  network.on("click", function (event) {
    var node = network.getNodeAt(event.pointer.DOM);
    if (node !== undefined) { focusOn(node); return; }
    var link = network.getEdgeAt(event.pointer.DOM);
    if (link !== undefined) { showLink(link); }
  });
  network.on("hoverNode", function () { container.style.cursor = "pointer"; });
  network.on("hoverEdge", function () { container.style.cursor = "pointer"; });
  network.on("blurNode", function () { container.style.cursor = ""; });
  network.on("blurEdge", function () { container.style.cursor = ""; });
