  // The page's script, part layout (kg.graph.view joins the parts in order).

  // -- what is drawn --------------------------------------------------------------------
  function chooseLinks(nodes, budget, keep) {
    // The strongest links among `nodes`: a maximum spanning forest, so every node that has a
    // link keeps its strongest, then the next strongest up to the budget.
    var inSet = new Set(nodes), found = [], seen = new Set();
    nodes.forEach(function (i) {
      adj[i].forEach(function (j) {
        if (linkPass[j] && !seen.has(j) && inSet.has(other(j, i))) { seen.add(j); found.push(j); }
      });
    });
    found.sort(function (x, y) { return strength(y) - strength(x) || x - y; });
    var parent = new Map();
    function root(x) { while (parent.has(x) && parent.get(x) !== x) { x = parent.get(x); } return x; }
    var chosen = [], rest = [];
    (keep || []).forEach(function (j) { chosen.push(j); parent.set(root(L.a[j]), root(L.b[j])); });
    var kept = new Set(chosen);
    found.forEach(function (j) {
      if (kept.has(j)) { return; }
      var ra = root(L.a[j]), rb = root(L.b[j]);
      if (ra !== rb) { parent.set(ra, rb); chosen.push(j); } else { rest.push(j); }
    });
    return chosen.concat(rest.slice(0, Math.max(0, budget - chosen.length)));
  }
  function overviewNodes() {
    var out = [];
    for (var i = 0; i < N && out.length < state.top; i++) { if (entityPass[i]) { out.push(i); } }
    return out;
  }
  function strongestNeighbours(i, k, exclude) {
    var found = [];
    adj[i].forEach(function (j) {
      var o = other(j, i);
      var ok = state.predicates.get(L.p[j]) !== false && entityPass[o] && !exclude.has(o);
      if (ok && datesActive()) { ok = L.articles[j].some(articleInRange); }
      if (ok) { found.push(j); }
    });
    found.sort(function (x, y) { return strength(y) - strength(x) || x - y; });
    var out = [], got = new Set();
    for (var n = 0; n < found.length && out.length < k; n++) {
      var o = other(found[n], i);
      if (!got.has(o)) { got.add(o); out.push([o, found[n]]); }
    }
    return out;
  }
  function neighbourhood(f) {
    var hop = new Map([[f, 0]]), nodes = [f], tree = [];
    var first = strongestNeighbours(f, state.hops === 1 ? 60 : 24, hop);
    first.forEach(function (item) { hop.set(item[0], 1); nodes.push(item[0]); tree.push(item[1]); });
    if (state.hops === 2) {
      first.forEach(function (item) {
        strongestNeighbours(item[0], 5, hop).forEach(function (next) {
          if (nodes.length < 120) { hop.set(next[0], 2); nodes.push(next[0]); tree.push(next[1]); }
        });
      });
    }
    var inSet = new Set(nodes), links = tree.slice(), seen = new Set(tree);
    nodes.forEach(function (i) {
      adj[i].forEach(function (j) {
        var ok = !seen.has(j) && inSet.has(other(j, i)) && state.predicates.get(L.p[j]) !== false;
        if (ok && datesActive()) { ok = L.articles[j].some(articleInRange); }
        if (ok) { seen.add(j); links.push(j); }
      });
    });
    // Links between the neighbours: the strongest few, so the focus's own links stay readable.
    links = links.slice(0, tree.length).concat(links.slice(tree.length).sort(function (x, y) {
      return strength(y) - strength(x) || x - y;
    }).slice(0, Math.round(nodes.length * 0.8)));
    return { nodes: nodes, links: links, hop: hop, tree: tree };
  }

  // -- layout: computed once per view, then still ---------------------------------------
  // vis-network's size: a square's is half its side, so squares are made a little smaller.
  function radius(i) { return (4 + 13 * E.size[i]) * (SHAPES[E.type[i]] === "square" ? 0.85 : 1); }
  function fontSize(i) { return E.size[i] > 0.45 ? 13 : 12; }
  // One line: vis-network would break a label at a line break.
  function labelText(i) { return shorten(E.label[i].replace(/\s+/g, " ").trim(), 30); }
  var measure = document.createElement("canvas").getContext("2d"), widths = new Map();
  function textWidth(text, size) {
    var key = size + " " + text;
    if (!widths.has(key)) { measure.font = size + "px " + FACE; widths.set(key, measure.measureText(text).width); }
    return widths.get(key);
  }
  function labelWidth(i) { return textWidth(labelText(i), fontSize(i)); }
  // vis-network draws a node's label centred below it, its top size / 2 + 4 below the node;
  // the page lifts it by LIFT (vis-network's font.vadjust), to sit as near as a caption.
  var LIFT = 6;
  function labelDrop(i, size) { return radius(i) + size / 2 + 4 - LIFT * size / fontSize(i); }
  function area() {
    var box = $("kg-graph").getBoundingClientRect(), right = box.width;
    if (!$("kg-panel").hidden && box.width > 900) { right = box.width - $("kg-panel").getBoundingClientRect().width; }
    return { x0: 0, y0: 0, x1: right, y1: box.height - 18 };  // the status line below
  }
  // vis-network draws every label it is given, over one another if need be; so a node is
  // given its label only where the label fits: the most central first (the focus before
  // all), below the node where vis-network puts it or else above it (moved up by its
  // font.vadjust), clear of the labels already placed and of every node, inside `rect`
  // (canvas coordinates). In a focus, the relations' words go on their lines where they fit
  // too. A `scale` above 1 shrinks the labels by as much, so they keep their size on screen.
  function fitLabels(rect, scale) {
    var f = scale > 1 ? 1 / scale : 1, gap = 2 * f, placed = [];
    var shapes = view.nodes.map(function (node) {
      var p = view.pos.get(node), r = radius(node);
      return [node, p[0] - r, p[1] - r, p[0] + r, p[1] + r];
    });
    function claim(x0, y0, x1, y1, self) {  // the box, if it is free
      if (x0 < rect.x0 + 1 || y0 < rect.y0 + 1 || x1 > rect.x1 - 1 || y1 > rect.y1 - 1) { return false; }
      for (var k = 0; k < placed.length; k++) {
        var l = placed[k];
        if (x0 < l[2] + gap && l[0] < x1 + gap && y0 < l[3] + gap && l[1] < y1 + gap) { return false; }
      }
      for (k = 0; k < shapes.length; k++) {
        var o = shapes[k];
        if (o[0] !== self && x0 < o[3] && o[1] < x1 && y0 < o[4] && o[2] < y1) { return false; }
      }
      placed.push([x0, y0, x1, y1]);
      return true;
    }
    var out = { nodes: new Map(), links: new Set(), font: f };  // node -> its font.vadjust
    var order = view.nodes.slice();  // already most central first
    if (state.mode === "focus" && order.indexOf(state.focus) > 0) { order.splice(order.indexOf(state.focus), 1); order.unshift(state.focus); }
    order.forEach(function (node) {
      var p = view.pos.get(node), size = fontSize(node) * f, w = labelWidth(node) * f, x0 = p[0] - w / 2;
      var below = p[1] + labelDrop(node, size), above = p[1] - radius(node) - gap - size;
      if (claim(x0, below, x0 + w, below + size, node)) { out.nodes.set(node, -LIFT * f); }
      else if (claim(x0, above, x0 + w, above + size, node)) { out.nodes.set(node, -LIFT * f - (below - above)); }
    });
    if (state.mode === "focus") {
      view.links.forEach(function (j) {
        if (L.p[j] === COMENTION) { return; }
        var m = midpoint(j), size = EDGE_FONT * f, w = textWidth(linkWords(j), EDGE_FONT) * f;
        if (claim(m[0] - w / 2, m[1] - size / 2, m[0] + w / 2, m[1] + size / 2, -1)) { out.links.add(j); }
      });
    }
    return out;
  }
  function layout(nodes, links, pinned) {
    var n = nodes.length, out = new Map();
    if (!n) { return out; }
    var box = area(), w = box.x1 - box.x0, h = box.y1 - box.y0;
    var random = rng(7 + n), x = new Float64Array(n), y = new Float64Array(n);
    var index = new Map(nodes.map(function (node, k) { return [node, k]; }));
    // start with each community in a sector of its own, so groups begin apart
    var groups = new Map();
    nodes.forEach(function (node) {
      var c = E.community[node];
      groups.set(c, (groups.get(c) || 0) + 1);
    });
    var order = Array.from(groups.keys()).sort(function (a, b) { return groups.get(b) - groups.get(a) || a - b; });
    var start = new Map(), at = 0;
    order.forEach(function (c) { start.set(c, at); at += groups.get(c); });
    var placedIn = new Map();
    nodes.forEach(function (node, k) {
      var c = E.community[node], slot = start.get(c) + (placedIn.get(c) || 0);
      placedIn.set(c, (placedIn.get(c) || 0) + 1);
      var angle = 2 * Math.PI * slot / n, r = 0.3 + 0.7 * random();
      x[k] = Math.cos(angle) * r * w / 2;
      y[k] = Math.sin(angle) * r * h / 2;
    });
    if (pinned !== undefined) { x[index.get(pinned)] = 0; y[index.get(pinned)] = 0; }
    var ea = [], eb = [], ew = [];
    links.forEach(function (j) {
      ea.push(index.get(L.a[j])); eb.push(index.get(L.b[j]));
      ew.push(0.4 + 0.6 * Math.log(1 + L.weight[j]) / Math.log(1 + maxWeight));
    });
    var k = Math.min(150, Math.sqrt(w * h / n) * 0.55), rounds = Math.max(60, Math.min(300, Math.round(3e7 / (n * n))));
    var dx = new Float64Array(n), dy = new Float64Array(n), t = Math.min(w, h) / 8;
    var cooling = Math.pow(0.01, 1 / rounds);
    var pin = pinned === undefined ? -1 : index.get(pinned);
    for (var round = 0; round < rounds; round++) {
      dx.fill(0); dy.fill(0);
      for (var a = 0; a < n; a++) {
        for (var b = a + 1; b < n; b++) {
          var ddx = x[a] - x[b], ddy = y[a] - y[b], d2 = ddx * ddx + ddy * ddy + 0.01;
          var f = k * k / d2;
          dx[a] += ddx * f; dy[a] += ddy * f; dx[b] -= ddx * f; dy[b] -= ddy * f;
        }
        // gravity holds what has no link to the rest
        dx[a] -= x[a] * GRAVITY; dy[a] -= y[a] * GRAVITY;
      }
      for (var e = 0; e < ea.length; e++) {
        var p = ea[e], q = eb[e];
        if (p === q) { continue; }
        var ex = x[p] - x[q], ey = y[p] - y[q], d = Math.sqrt(ex * ex + ey * ey) + 0.01;
        var pull = d / k * ew[e];
        dx[p] -= ex * pull; dy[p] -= ey * pull; dx[q] += ex * pull; dy[q] += ey * pull;
      }
      for (a = 0; a < n; a++) {
        if (a === pin) { continue; }
        var len = Math.sqrt(dx[a] * dx[a] + dy[a] * dy[a]) || 1, step = Math.min(len, t);
        x[a] += dx[a] / len * step; y[a] += dy[a] / len * step;
      }
      t *= cooling;
    }
    fitInto(nodes, x, y, box, pin, 220 / k);  // a few entities are not stretched over the screen
    separate(nodes, x, y, box);
    nodes.forEach(function (node, k2) { out.set(node, [x[k2], y[k2]]); });
    return out;
  }
  function fitInto(nodes, x, y, box, pin, most) {
    var mx = 70, top = 16, bottom = 34, n = nodes.length;
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (var k = 0; k < n; k++) {
      minX = Math.min(minX, x[k]); maxX = Math.max(maxX, x[k]);
      minY = Math.min(minY, y[k]); maxY = Math.max(maxY, y[k]);
    }
    var w = box.x1 - box.x0 - 2 * mx, h = box.y1 - box.y0 - top - bottom;
    var sx = w / Math.max(1, maxX - minX), sy = h / Math.max(1, maxY - minY);
    var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    if (pin >= 0) {  // the focus stays in the middle
      cx = x[pin]; cy = y[pin];
      sx = w / 2 / Math.max(1, maxX - cx, cx - minX); sy = h / 2 / Math.max(1, maxY - cy, cy - minY);
    }
    sx = Math.min(sx, most); sy = Math.min(sy, most);
    for (k = 0; k < n; k++) {
      x[k] = box.x0 + mx + w / 2 + (x[k] - cx) * sx;
      y[k] = box.y0 + top + h / 2 + (y[k] - cy) * sy;
    }
  }
  // Push apart the boxes that hold each node and its label, kept inside the drawing area.
  function separate(nodes, x, y, box) {
    var n = nodes.length, bw = new Float64Array(n), bt = new Float64Array(n), bb = new Float64Array(n);
    // Room for every label while they fit in a third of the area; past that, the most
    // central keep theirs and the others are only kept off each other.
    var room = (box.x1 - box.x0) * (box.y1 - box.y0) * 0.33, used = 0;
    nodes.forEach(function (node, k) {
      var r = radius(node), lw = labelWidth(node) + 6, lh = labelDrop(node, fontSize(node)) + fontSize(node) + 3;
      var labelled = used + lw * (lh - r) < room;
      if (labelled) { used += lw * (lh - r); }
      bw[k] = (labelled ? Math.max(2 * r, lw) : 2 * r + 4) / 2 + 2;
      bt[k] = r + 2; bb[k] = labelled ? lh : r + 2;
    });
    // Each round sweeps the boxes in order of x, so only neighbours in x are compared. A
    // crowded middle takes many rounds (a column of boxes moves a little each round); the
    // rounds are fewer the more nodes there are, so the work stays bounded.
    var order = nodes.map(function (_, k) { return k; }), widest = 0;
    for (var k = 0; k < n; k++) { widest = Math.max(widest, bw[k]); }
    var rounds = Math.max(80, Math.min(400, Math.round(6e4 / n)));
    for (var round = 0; round < rounds; round++) {
      var moved = 0;
      order.sort(function (p, q) { return x[p] - x[q]; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = order[i], b = order[j];
          if (x[b] - x[a] >= bw[a] + widest) { break; }
          if (a > b) { a = order[j]; b = order[i]; }
          var ox = bw[a] + bw[b] - Math.abs(x[a] - x[b]);
          if (ox <= 0.5) { continue; }
          var above = y[a] < y[b];
          var oy = above ? (y[a] + bb[a]) - (y[b] - bt[b]) : (y[b] + bb[b]) - (y[a] - bt[a]);
          if (oy <= 0.5) { continue; }
          moved++;
          if (ox < oy) {  // the shorter way apart, a little past touching
            var sx = (x[a] <= x[b] ? -1 : 1) * (ox / 2 + 0.5);
            x[a] += sx; x[b] -= sx;
          } else {
            var sy = (above ? -1 : 1) * (oy / 2 + 0.5);
            y[a] += sy; y[b] -= sy;
          }
        }
      }
      for (a = 0; a < n; a++) {
        x[a] = Math.min(box.x1 - bw[a] - 2, Math.max(box.x0 + bw[a] + 2, x[a]));
        y[a] = Math.min(box.y1 - bb[a] - 2, Math.max(box.y0 + bt[a] + 2, y[a]));
      }
      if (!moved) { break; }
    }
  }
