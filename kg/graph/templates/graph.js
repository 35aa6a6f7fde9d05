"use strict";
// kg graph view. Every string below comes from article text: it reaches the page only as DOM
// text (textContent, createTextNode, canvas fillText), never as HTML. Names are looked up in
// Maps, never in plain objects, so "constructor" or "__proto__" is a name like any other.
(function () {
  var started = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var textData = null;
  function texts() {
    if (!textData) { textData = JSON.parse(document.getElementById("kg-text").textContent); }
    return textData;
  }
  var parsed = performance.now();

  var E = data.entities, L = data.links;
  var N = E.label.length, M = L.a.length;
  var COMENTION = -1, HEDGED = 1, NEGATED = 2;
  var SHAPES = ["diamond", "square", "circle", "triangle"];  // by type, as data.types
  var OTHER_COLOUR = "#a0a4a8";
  var GRAVITY = 0.6;
  var FONT = "12px system-ui, sans-serif", FONT_BIG = "600 13px system-ui, sans-serif";

  // -- small helpers --------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function plural(n, word, words) {
    return n.toLocaleString("en") + " " + (n === 1 ? word : words || word + "s");
  }
  // As kg.extract.names.fold: NFKC, accents dropped, case folded, white space collapsed.
  function fold(text) {
    var t = String(text).normalize("NFKC").normalize("NFKD").replace(/\p{Mn}/gu, "");
    t = t.toLowerCase().replace(/\u00df/g, "ss").replace(/\u1e9e/g, "ss").replace(/\u03c2/g, "\u03c3");
    return t.replace(/\s+/g, " ").trim();
  }
  function rng(seed) {  // mulberry32: the same layout on every run
    return function () {
      seed |= 0; seed = seed + 0x6D2B79F5 | 0;
      var t = Math.imul(seed ^ seed >>> 15, 1 | seed);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }
  function shorten(text, n) { return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }
  function safeUrl(url) { return /^https?:\/\/\S+$/i.test(url || "") ? url : ""; }

  // -- indexes --------------------------------------------------------------------------
  var adj = new Array(N);
  for (var i = 0; i < N; i++) { adj[i] = []; }
  for (var j = 0; j < M; j++) { adj[L.a[j]].push(j); if (L.b[j] !== L.a[j]) { adj[L.b[j]].push(j); } }
  var byName = new Map();  // folded name -> entities
  var byKey = new Map();
  for (i = 0; i < N; i++) {
    byKey.set(E.key[i], i);
    E.folded[i].forEach(function (key) {
      var list = byName.get(key);
      if (list) { list.push(i); } else { byName.set(key, [i]); }
    });
  }
  var nameKeys = Array.from(byName.keys());
  var posts = new Map();  // entity -> [[post, articles]]
  var byPost = new Map();  // folded post -> [[entity, post, articles]]
  Object.keys(data.posts).forEach(function (key) {
    var id = Number(key);
    posts.set(id, data.posts[key]);
    data.posts[key].forEach(function (item) {
      var folded = fold(item[0]);
      var list = byPost.get(folded) || [];
      list.push([id, item[0], item[1]]);
      byPost.set(folded, list);
    });
  });
  var postKeys = Array.from(byPost.keys());
  var maxWeight = 1;
  for (j = 0; j < M; j++) { if (L.weight[j] > maxWeight) { maxWeight = L.weight[j]; } }

  // Articles with a date: the slider runs over the distinct days.
  var artDay = data.dates.map(function (d) { return d ? Math.round(Date.parse(d) / 86400000) : NaN; });
  var days = Array.from(new Set(artDay.filter(function (d) { return !isNaN(d); }))).sort(function (a, b) { return a - b; });
  function dayText(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }

  // -- state ----------------------------------------------------------------------------
  var state = {
    mode: "overview", focus: -1, hops: 1, top: 100, colour: "community",
    types: data.types.map(function () { return true; }),
    predicates: new Map(), min: 1, from: 0, to: Math.max(0, days.length - 1),
    ready: false
  };
  state.predicates.set(COMENTION, true);
  data.predicates.forEach(function (_, p) { state.predicates.set(p, true); });
  var entityPass = new Uint8Array(N), linkPass = new Uint8Array(M), inRange = new Int32Array(N);
  var view = { nodes: [], links: [], hop: new Map(), pos: new Map(), scale: 1, dx: 0, dy: 0 };
  var hover = { node: -1, link: -1 }, placedLabels = [];

  function datesActive() { return days.length > 1 && (state.from > 0 || state.to < days.length - 1); }
  function articleInRange(a) {
    var d = artDay[a];
    return !isNaN(d) && d >= days[state.from] && d <= days[state.to];
  }
  function computePass() {
    var dated = datesActive();
    for (var i = 0; i < N; i++) {
      var count = E.articles[i].length;
      if (dated) {
        count = 0;
        var list = E.articles[i];
        for (var k = 0; k < list.length; k++) { if (articleInRange(list[k])) { count++; } }
      }
      inRange[i] = count;
      entityPass[i] = state.types[E.type[i]] && count >= Math.max(1, state.min) ? 1 : 0;
    }
    for (var j = 0; j < M; j++) {
      var ok = entityPass[L.a[j]] && entityPass[L.b[j]] && state.predicates.get(L.p[j]) !== false;
      if (ok && dated) { ok = L.articles[j].some(articleInRange); }
      linkPass[j] = ok ? 1 : 0;
    }
  }
  function strength(j) { return (L.p[j] === COMENTION ? 1 : 3) * L.weight[j]; }
  function other(j, i) { return L.a[j] === i ? L.b[j] : L.a[j]; }

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
  function radius(i) { return 4 + 13 * E.size[i]; }
  function labelText(i) { return shorten(E.label[i], 30); }
  var widths = new Map();
  function labelWidth(i) {
    var key = (E.size[i] > 0.45 ? "b" : "n") + i;
    if (!widths.has(key)) {
      ctx.font = E.size[i] > 0.45 ? FONT_BIG : FONT;
      widths.set(key, ctx.measureText(labelText(i)).width);
    }
    return widths.get(key);
  }
  function area() {
    var box = canvas.getBoundingClientRect(), right = box.width;
    if (!panel.hidden && box.width > 900) { right = box.width - panel.getBoundingClientRect().width; }
    return { x0: 0, y0: 0, x1: right, y1: box.height - 18 };  // the status line below
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
    var k = Math.sqrt(w * h / n) * 0.55, rounds = Math.max(60, Math.min(300, Math.round(3e7 / (n * n))));
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
    fitInto(nodes, x, y, box, pin);
    separate(nodes, x, y, box);
    nodes.forEach(function (node, k2) { out.set(node, [x[k2], y[k2]]); });
    return out;
  }
  function fitInto(nodes, x, y, box, pin) {
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
      var r = radius(node), lw = labelWidth(node) + 6, labelled = used + lw * 20 < room;
      if (labelled) { used += lw * 20; }
      bw[k] = (labelled ? Math.max(2 * r, lw) : 2 * r + 4) / 2 + 2;
      bt[k] = r + 2; bb[k] = labelled ? r + 17 : r + 2;
    });
    for (var round = 0; round < 80; round++) {
      var moved = 0;
      for (var a = 0; a < n; a++) {
        for (var b = a + 1; b < n; b++) {
          var ox = bw[a] + bw[b] - Math.abs(x[a] - x[b]);
          if (ox <= 0) { continue; }
          var above = y[a] < y[b];
          var oy = above ? (y[a] + bb[a]) - (y[b] - bt[b]) : (y[b] + bb[b]) - (y[a] - bt[a]);
          if (oy <= 0) { continue; }
          moved++;
          if (ox < oy) {
            var sx = (x[a] < x[b] || (x[a] === x[b] && a < b) ? -1 : 1) * ox / 2;
            x[a] += sx; x[b] -= sx;
          } else {
            var sy = (above ? -1 : 1) * oy / 2;
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

  // -- drawing --------------------------------------------------------------------------
  var canvas = $("kg-canvas"), ctx = canvas.getContext("2d"), panel = $("kg-panel");
  var dpr = window.devicePixelRatio || 1;
  function resize() {
    var box = canvas.getBoundingClientRect();
    canvas.width = Math.round(box.width * dpr); canvas.height = Math.round(box.height * dpr);
  }
  function toScreen(node) {
    var p = view.pos.get(node);
    return [p[0] * view.scale + view.dx, p[1] * view.scale + view.dy];
  }
  function colourOf(node) {
    if (state.colour === "type") { return data.types[E.type[node]].colour; }
    var c = E.community[node];
    return c >= 0 && data.communities[c] ? data.communities[c].colour : OTHER_COLOUR;
  }
  function shape(node, x, y, r) {
    ctx.beginPath();
    var kind = SHAPES[E.type[node]];
    if (kind === "square") { ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); }
    else if (kind === "diamond") { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); }
    else if (kind === "triangle") { ctx.moveTo(x, y - r); ctx.lineTo(x + r * 0.95, y + r * 0.7); ctx.lineTo(x - r * 0.95, y + r * 0.7); ctx.closePath(); }
    else { ctx.arc(x, y, r, 0, 2 * Math.PI); }
  }
  function linkStyle(j, lit) {
    var relation = L.p[j] !== COMENTION, w = 0.7 + 2.8 * Math.log(1 + L.weight[j]) / Math.log(1 + maxWeight);
    if (L.flags[j] & NEGATED) { return { colour: lit ? "#a8322d" : "rgba(168,50,45,0.6)", width: 1.5, dash: [5, 4], arrow: true }; }
    if (relation) { return { colour: lit ? "#333" : "rgba(70,70,70,0.7)", width: Math.max(1.4, w), dash: L.flags[j] & HEDGED ? [2, 3] : null, arrow: true }; }
    return { colour: lit ? "rgba(90,90,90,0.8)" : "rgba(150,150,150,0.35)", width: w, dash: null, arrow: false };
  }
  function draw() {
    var box = canvas.getBoundingClientRect();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, box.width, box.height);
    var focusNode = hover.node >= 0 ? hover.node : (state.mode === "focus" ? state.focus : -1);
    view.links.forEach(function (j) {
      var a = toScreen(L.a[j]), b = toScreen(L.b[j]);
      var lit = hover.link === j || L.a[j] === focusNode || L.b[j] === focusNode;
      var style = linkStyle(j, lit);
      ctx.strokeStyle = style.colour; ctx.lineWidth = style.width * (hover.link === j ? 1.8 : 1);
      ctx.setLineDash(style.dash || []);
      ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
      if (style.arrow) {
        var dx = b[0] - a[0], dy = b[1] - a[1], d = Math.sqrt(dx * dx + dy * dy) || 1, r = radius(L.b[j]) + 2;
        var tx = b[0] - dx / d * r, ty = b[1] - dy / d * r, s = 4 + style.width;
        ctx.setLineDash([]); ctx.fillStyle = style.colour; ctx.beginPath();
        ctx.moveTo(tx, ty);
        ctx.lineTo(tx - dx / d * s * 1.8 + dy / d * s, ty - dy / d * s * 1.8 - dx / d * s);
        ctx.lineTo(tx - dx / d * s * 1.8 - dy / d * s, ty - dy / d * s * 1.8 + dx / d * s);
        ctx.fill();
      }
    });
    ctx.setLineDash([]);
    var drawn = view.nodes.slice().reverse();  // the most central last, on top
    drawn.forEach(function (node) {
      var p = toScreen(node), r = radius(node), far = view.hop.get(node) === 2;
      ctx.globalAlpha = far && node !== focusNode ? 0.75 : 1;
      shape(node, p[0], p[1], r);
      ctx.fillStyle = colourOf(node); ctx.fill();
      ctx.lineWidth = 1.5; ctx.strokeStyle = "#fff"; ctx.stroke();
      if (node === state.focus && state.mode === "focus") {
        ctx.beginPath(); ctx.arc(p[0], p[1], r + 5, 0, 2 * Math.PI);
        ctx.lineWidth = 2.5; ctx.strokeStyle = "#222"; ctx.stroke();
      }
      ctx.globalAlpha = 1;
    });
    drawLabels(box);
  }
  function drawLabels(box) {
    placedLabels = [];
    var obstacles = view.nodes.map(function (node) {
      var p = toScreen(node), r = radius(node);
      return [node, p[0] - r, p[1] - r, p[0] + r, p[1] + r];
    });
    var order = view.nodes.slice();  // already most central first
    [state.mode === "focus" ? state.focus : -1, hover.node].forEach(function (first) {
      if (first >= 0 && order.indexOf(first) >= 0) { order.splice(order.indexOf(first), 1); order.unshift(first); }
    });
    ctx.textBaseline = "top"; ctx.lineJoin = "round";
    order.forEach(function (node) {
      var p = toScreen(node), r = radius(node), w = labelWidth(node), h = 15;
      var spots = [[p[0] - w / 2, p[1] + r + 2], [p[0] + r + 4, p[1] - h / 2], [p[0] - r - 4 - w, p[1] - h / 2], [p[0] - w / 2, p[1] - r - 2 - h]];
      for (var s = 0; s < spots.length; s++) {
        var x0 = spots[s][0], y0 = spots[s][1], x1 = x0 + w, y1 = y0 + h;
        if (x0 < 1 || y0 < 1 || x1 > box.width - 1 || y1 > box.height - 1) { continue; }
        if (placedLabels.some(function (l) { return x0 < l.x + l.w + 2 && l.x < x1 + 2 && y0 < l.y + l.h && l.y < y1; })) { continue; }
        if (obstacles.some(function (o) { return o[0] !== node && x0 < o[3] && o[1] < x1 && y0 < o[4] && o[2] < y1; })) { continue; }
        ctx.font = E.size[node] > 0.45 ? FONT_BIG : FONT;
        ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.lineWidth = 3.5;
        ctx.strokeText(labelText(node), x0, y0 + 1);
        ctx.fillStyle = view.hop.get(node) === 2 ? "#555" : "#1b1b1b";
        ctx.fillText(labelText(node), x0, y0 + 1);
        placedLabels.push({ node: node, text: labelText(node), x: x0, y: y0, w: w, h: h });
        break;
      }
    });
    if (state.mode === "focus") { drawLinkWords(box, obstacles); }
  }
  function drawLinkWords(box, obstacles) {
    ctx.font = "italic 11px system-ui, sans-serif";
    view.links.forEach(function (j) {
      if (L.p[j] === COMENTION) { return; }
      var a = toScreen(L.a[j]), b = toScreen(L.b[j]);
      var text = linkWords(j), w = ctx.measureText(text).width, h = 13;
      var x0 = (a[0] + b[0]) / 2 - w / 2, y0 = (a[1] + b[1]) / 2 - h / 2, x1 = x0 + w, y1 = y0 + h;
      if (x0 < 1 || y0 < 1 || x1 > box.width - 1 || y1 > box.height - 1) { return; }
      if (placedLabels.some(function (l) { return x0 < l.x + l.w && l.x < x1 && y0 < l.y + l.h && l.y < y1; })) { return; }
      if (obstacles.some(function (o) { return x0 < o[3] && o[1] < x1 && y0 < o[4] && o[2] < y1; })) { return; }
      ctx.strokeStyle = "#fff"; ctx.lineWidth = 3; ctx.strokeText(text, x0, y0);
      ctx.fillStyle = L.flags[j] & NEGATED ? "#a8322d" : "#444"; ctx.fillText(text, x0, y0);
      placedLabels.push({ link: j, text: text, x: x0, y: y0, w: w, h: h });
    });
  }
  function linkWords(j) {
    if (L.p[j] === COMENTION) { return "named in the same sentence"; }
    var words = data.predicates[L.p[j]].words;
    return L.flags[j] & NEGATED ? "not: " + words : words;
  }

  // -- views ----------------------------------------------------------------------------
  function show(nodes, links, hop, pinned, shape) {
    view.nodes = nodes; view.links = links; view.hop = hop;
    view.pos = layout(nodes, shape || links, pinned);
    view.scale = 1; view.dx = 0; view.dy = 0;
    hover.node = -1; hover.link = -1; tip.hidden = true;
    draw();
  }
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
      line.textContent = "The " + plural(view.nodes.length, "most central entity", "most central entities") +
        " of " + passing.toLocaleString("en") + " that pass the filters, with the strongest links between them. Click one to focus on it.";
    }
  }
  function focusOn(node) {
    var hash = "#focus=" + encodeURIComponent(E.key[node]) + (state.hops === 2 ? "&hops=2" : "");
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

  // -- pointer --------------------------------------------------------------------------
  var tip = $("kg-tip"), drag = null;
  function pointer(event) {
    var box = canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }
  function nodeAt(x, y) {
    for (var k = 0; k < view.nodes.length; k++) {
      var node = view.nodes[k], p = toScreen(node), r = radius(node) + 3;
      if ((p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y) <= r * r) { return node; }
    }
    for (k = 0; k < placedLabels.length; k++) {
      var l = placedLabels[k];
      if (l.node !== undefined && x >= l.x && x <= l.x + l.w && y >= l.y && y <= l.y + l.h) { return l.node; }
    }
    return -1;
  }
  function linkAt(x, y) {
    var best = -1, bestD = 5;
    view.links.forEach(function (j) {
      var a = toScreen(L.a[j]), b = toScreen(L.b[j]), dx = b[0] - a[0], dy = b[1] - a[1];
      var t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      var d = Math.hypot(a[0] + t * dx - x, a[1] + t * dy - y);
      if (d < bestD) { bestD = d; best = j; }
    });
    return best;
  }
  canvas.addEventListener("pointerdown", function (event) {
    drag = { x: event.clientX, y: event.clientY, dx: view.dx, dy: view.dy, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", function (event) {
    var p = pointer(event);
    if (drag) {
      var mx = event.clientX - drag.x, my = event.clientY - drag.y;
      if (Math.abs(mx) + Math.abs(my) > 3) { drag.moved = true; }
      if (drag.moved) { view.dx = drag.dx + mx; view.dy = drag.dy + my; tip.hidden = true; requestDraw(); }
      return;
    }
    var node = nodeAt(p[0], p[1]), link = node < 0 ? linkAt(p[0], p[1]) : -1;
    if (node !== hover.node || link !== hover.link) {
      hover.node = node; hover.link = link; requestDraw();
      canvas.style.cursor = node >= 0 || link >= 0 ? "pointer" : "grab";
      showTip(p);
    }
  });
  canvas.addEventListener("pointerup", function (event) {
    var was = drag;
    drag = null;
    if (was && was.moved) { return; }
    var p = pointer(event), node = nodeAt(p[0], p[1]);
    if (node >= 0) { focusOn(node); return; }
    var link = linkAt(p[0], p[1]);
    if (link >= 0) { showLink(link); }
  });
  canvas.addEventListener("pointerleave", function () { hover.node = -1; hover.link = -1; tip.hidden = true; requestDraw(); });
  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = pointer(event), factor = Math.exp(-event.deltaY * 0.0015);
    var scale = Math.min(8, Math.max(0.2, view.scale * factor));
    factor = scale / view.scale;
    view.dx = p[0] - (p[0] - view.dx) * factor; view.dy = p[1] - (p[1] - view.dy) * factor;
    view.scale = scale;
    requestDraw();
  }, { passive: false });
  var pending = false;
  function requestDraw() {
    if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; draw(); }); }
  }
  function showTip(p) {
    tip.textContent = "";
    if (hover.node >= 0) {
      var i = hover.node;
      tip.appendChild(el("div", E.label[i], "kg-tip-head"));
      tip.appendChild(el("div", data.types[E.type[i]].name + " \u00b7 " + plural(E.articles[i].length, "article")));
      var held = posts.get(i);
      if (held) { tip.appendChild(el("div", held.slice(0, 2).map(function (x) { return x[0]; }).join("; "))); }
    } else if (hover.link >= 0) {
      var j = hover.link;
      tip.appendChild(el("div", E.label[L.a[j]] + " \u2014 " + linkWords(j) + " \u2014 " + E.label[L.b[j]], "kg-tip-head"));
      tip.appendChild(el("div", L.p[j] === COMENTION ? plural(L.weight[j], "sentence") + " in " + plural(L.n[j], "article") : "stated in " + plural(L.n[j], "article")));
    } else { tip.hidden = true; return; }
    tip.hidden = false;
    var box = canvas.getBoundingClientRect();
    tip.style.left = Math.min(p[0] + 14, box.width - 300) + "px";
    tip.style.top = (p[1] + 14) + "px";
  }

  // -- panels ---------------------------------------------------------------------------
  var body = $("kg-panel-body");
  $("kg-panel-close").addEventListener("click", function () { panel.hidden = true; });
  function entityButton(i) {
    var button = el("button", E.label[i], "link");
    button.type = "button";
    button.addEventListener("click", function () { focusOn(i); });
    return button;
  }
  function source(a) {
    var row = texts().articles[a] || ["", "", ""], date = data.dates[a], line = el("div", null, "source");
    line.appendChild(el("span", row[1] || "article " + row[0], "title"));
    if (date) { line.appendChild(document.createTextNode(" \u00b7 " + date)); }
    var url = safeUrl(row[2]);
    if (url) {
      line.appendChild(document.createTextNode(" \u00b7 "));
      var link = el("a", url.replace(/^https?:\/\//i, ""));
      link.href = url; link.rel = "noopener noreferrer"; link.target = "_blank";
      line.appendChild(link);
    }
    return line;
  }
  function evidenceList(j, limit) {
    var list = el("ul", null, "evidence"), items = texts().evidence[j] || [];
    function add(from, to) {
      items.slice(from, to).forEach(function (ev) {
        var item = el("li");
        item.appendChild(el("blockquote", texts().sentences[ev[0]] || "(no sentence recorded)"));
        var where = source(ev[1]);
        if (ev[2]) { where.appendChild(el("span", " \u00b7 hedged", "flag")); }
        item.appendChild(where);
        list.appendChild(item);
      });
    }
    add(0, limit);
    if (items.length > limit) { list.appendChild(more(items.length - limit, "sentence", function () { add(limit, items.length); })); }
    return list;
  }
  function more(n, word, action) {
    var item = el("li"), button = el("button", "show " + plural(n, "more " + word, "more " + word + "s"), "link");
    button.type = "button";
    button.addEventListener("click", function () { item.remove(); action(); });
    item.appendChild(button);
    return item;
  }
  function flagNote(j) {
    if (L.flags[j] & NEGATED) { return "Denied: the article says this did not happen, or will not."; }
    if (L.flags[j] & HEDGED) { return "Hedged: the article reports it as possible, not as a fact."; }
    return "";
  }
  function factLine(j, from) {
    var line = el("div", null, "fact");
    if (L.a[j] !== from) { line.appendChild(entityButton(L.a[j])); } else { line.appendChild(el("b", E.label[L.a[j]])); }
    line.appendChild(el("span", " " + linkWords(j) + " ", L.flags[j] & NEGATED ? "verb denied" : "verb"));
    if (L.b[j] !== from) { line.appendChild(entityButton(L.b[j])); } else { line.appendChild(el("b", E.label[L.b[j]])); }
    var count = el("button", "(" + plural(L.n[j], "article") + ")", "link meta");
    count.type = "button";
    count.addEventListener("click", function () { showLink(j); });
    line.appendChild(document.createTextNode(" "));
    line.appendChild(count);
    if (flagNote(j)) { line.appendChild(el("div", flagNote(j), "flag")); }
    return line;
  }
  function section(title) { body.appendChild(el("h3", title)); }
  function showEntity(i) {
    body.textContent = "";
    body.appendChild(el("h2", E.label[i]));
    var type = data.types[E.type[i]].name, sub = data.subtypes[String(i)];
    body.appendChild(el("div", type + (sub ? " (" + sub + ")" : "") + " \u00b7 named in " + plural(E.articles[i].length, "article") +
      " \u00b7 linked to " + plural(E.degree[i], "entity", "entities"), "meta"));
    if (E.alts[i].length) { body.appendChild(el("div", "Also written: " + E.alts[i].join("; "), "alts")); }
    var held = posts.get(i);
    if (held) {
      section("Posts");
      var list = el("ul", null, "posts");
      held.forEach(function (p) { list.appendChild(el("li", p[0] + (p[1] ? " (" + plural(p[1], "article") + ")" : ""))); });
      body.appendChild(list);
    }
    var facts = adj[i].filter(function (j) { return L.p[j] !== COMENTION; });
    facts.sort(function (x, y) { return L.n[y] - L.n[x] || x - y; });
    if (facts.length) {
      section("Relations (" + facts.length + ")");
      var rel = el("ul", null, "facts");
      facts.forEach(function (j) {
        var item = el("li");
        item.appendChild(factLine(j, i));
        item.appendChild(evidenceList(j, 2));
        rel.appendChild(item);
      });
      body.appendChild(rel);
    }
    var pairs = adj[i].filter(function (j) { return L.p[j] === COMENTION; });
    pairs.sort(function (x, y) { return L.weight[y] - L.weight[x] || x - y; });
    if (pairs.length) {
      section("Named in the same sentence as (" + pairs.length + ")");
      var co = el("ul", null, "pairs");
      function addPairs(from, to) {
        pairs.slice(from, to).forEach(function (j) {
          var item = el("li");
          item.appendChild(entityButton(other(j, i)));
          var count = el("button", " " + plural(L.weight[j], "sentence"), "link meta");
          count.type = "button";
          count.addEventListener("click", function () { showLink(j); });
          item.appendChild(document.createTextNode(" "));
          item.appendChild(count);
          co.appendChild(item);
        });
      }
      addPairs(0, 12);
      if (pairs.length > 12) { co.appendChild(more(pairs.length - 12, "name", function () { addPairs(12, pairs.length); })); }
      body.appendChild(co);
    }
    var quotes = texts().quotes[String(i)] || [];
    if (quotes.length) {
      section("Quotations (" + quotes.length + ")");
      var ql = el("ul", null, "quotes");
      function addQuotes(from, to) {
        quotes.slice(from, to).forEach(function (q) {
          var item = el("li");
          item.appendChild(el("blockquote", "\u201c" + texts().sentences[q[0]] + "\u201d"));
          item.appendChild(source(q[1]));
          ql.appendChild(item);
        });
      }
      addQuotes(0, 4);
      if (quotes.length > 4) { ql.appendChild(more(quotes.length - 4, "quotation", function () { addQuotes(4, quotes.length); })); }
      body.appendChild(ql);
    }
    articles(i);
    body.appendChild(el("div", data.base + E.key[i], "iri"));
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function articles(i) {
    var list = E.articles[i].slice();
    section("Articles (" + list.length + ")");
    var dated = list.filter(function (a) { return !isNaN(artDay[a]); });
    if (dated.length) { body.appendChild(timeline(dated)); }
    list.sort(function (a, b) { return (artDay[b] || 0) - (artDay[a] || 0) || a - b; });
    var ul = el("ul", null, "articles");
    function add(from, to) { list.slice(from, to).forEach(function (a) { var item = el("li"); item.appendChild(source(a)); ul.appendChild(item); }); }
    add(0, 6);
    if (list.length > 6) { ul.appendChild(more(list.length - 6, "article", function () { add(6, list.length); })); }
    body.appendChild(ul);
  }
  // Articles per month, as bars: when the entity is in the news.
  function timeline(dated) {
    var months = new Map(), first = Infinity, last = -Infinity;
    dated.forEach(function (a) {
      var d = new Date(artDay[a] * 86400000), m = d.getUTCFullYear() * 12 + d.getUTCMonth();
      months.set(m, (months.get(m) || 0) + 1); first = Math.min(first, m); last = Math.max(last, m);
    });
    var ns = "http://www.w3.org/2000/svg", span = last - first + 1, width = 360, height = 56;
    var svg = document.createElementNS(ns, "svg"), top = Math.max.apply(null, Array.from(months.values()));
    svg.setAttribute("viewBox", "0 0 " + width + " " + (height + 14));
    svg.setAttribute("class", "timeline");
    svg.setAttribute("role", "img");
    function label(m) { return (1 + m % 12 < 10 ? "0" : "") + (1 + m % 12) + "/" + Math.floor(m / 12); }
    svg.setAttribute("aria-label", "Articles per month, " + label(first) + " to " + label(last));
    var bar = width / span;
    months.forEach(function (n, m) {
      var rect = document.createElementNS(ns, "rect"), h = Math.max(2, height * n / top);
      rect.setAttribute("x", String((m - first) * bar + 0.5)); rect.setAttribute("width", String(Math.max(1, bar - 1)));
      rect.setAttribute("y", String(height - h)); rect.setAttribute("height", String(h));
      var title = document.createElementNS(ns, "title");
      title.textContent = label(m) + ": " + plural(n, "article");
      rect.appendChild(title);
      svg.appendChild(rect);
    });
    [[first, "start"], [last, "end"]].forEach(function (item) {
      var text = document.createElementNS(ns, "text");
      text.setAttribute("x", item[1] === "start" ? "0" : String(width)); text.setAttribute("y", String(height + 12));
      text.setAttribute("text-anchor", item[1]);
      text.textContent = label(item[0]);
      svg.appendChild(text);
    });
    return svg;
  }
  function showLink(j) {
    body.textContent = "";
    var relation = L.p[j] !== COMENTION;
    body.appendChild(el("h2", relation ? "Relation" : "Named together"));
    var line = el("div", null, "fact");
    line.appendChild(entityButton(L.a[j]));
    line.appendChild(el("span", " " + linkWords(j) + " ", L.flags[j] & NEGATED ? "verb denied" : "verb"));
    line.appendChild(entityButton(L.b[j]));
    body.appendChild(line);
    if (flagNote(j)) { body.appendChild(el("div", flagNote(j), "flag")); }
    if (relation) {
      body.appendChild(el("div", "Stated in " + plural(L.n[j], "article") + ":", "meta"));
      if (data.predicates[L.p[j]]) { body.appendChild(el("div", data.predicates[L.p[j]].short, "iri")); }
    } else {
      var kept = (texts().evidence[j] || []).length;
      body.appendChild(el("div", plural(L.weight[j], "sentence") + " in " + plural(L.n[j], "article") +
        (kept < L.weight[j] ? "; the first " + kept + " are kept:" : ":"), "meta"));
    }
    body.appendChild(evidenceList(j, 1000));
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  // -- search ---------------------------------------------------------------------------
  var search = $("kg-search"), results = $("kg-results"), searchStatus = $("kg-search-status");
  function byArticles(a, b) { return E.articles[b].length - E.articles[a].length || a - b; }
  // What a query finds: entities with that name (any alias), people whose post it is, then
  // names that contain it.
  function find(query) {
    var wanted = fold(query), out = [], seen = new Set();
    if (!wanted) { return { exact: [], all: [] }; }
    var exact = (byName.get(wanted) || []).slice().sort(byArticles);
    exact.forEach(function (i) {
      seen.add(i);
      out.push({ node: i, why: fold(E.label[i]) === wanted ? "" : "also written \u201c" + query.trim() + "\u201d" });
    });
    var held = [];
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}])" + wanted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "($|[^\\p{L}\\p{N}])", "u");
    postKeys.forEach(function (key) {
      if (key === wanted || (wanted.length > 2 && pattern.test(key))) {
        byPost.get(key).forEach(function (item) { held.push(item); });
      }
    });
    held.sort(function (x, y) { return (x[2] === 0) - (y[2] === 0) || y[2] - x[2] || byArticles(x[0], y[0]); });
    held.forEach(function (item) {
      if (!seen.has(item[0])) { seen.add(item[0]); out.push({ node: item[0], why: "post: " + item[1] + (item[2] ? " (" + plural(item[2], "article") + ")" : ""), post: true }); }
    });
    var postCount = out.length - exact.length;
    if (wanted.length > 1) {
      var partial = [];
      nameKeys.forEach(function (key) {
        if (key.indexOf(wanted) >= 0) { byName.get(key).forEach(function (i) { if (!seen.has(i)) { seen.add(i); partial.push(i); } }); }
      });
      partial.sort(function (a, b) { return (fold(E.label[b]).indexOf(wanted) === 0) - (fold(E.label[a]).indexOf(wanted) === 0) || byArticles(a, b); });
      partial.slice(0, 40).forEach(function (i) { out.push({ node: i, why: "" }); });
    }
    return { exact: exact, posts: postCount, all: out };
  }
  function listResults(found, query) {
    results.textContent = "";
    var heading = "";
    if (found.exact.length > 1) { heading = "\u201c" + query.trim() + "\u201d names " + found.exact.length + " entities: pick one"; }
    else if (found.posts && !found.exact.length) { heading = "People and bodies whose post is \u201c" + query.trim() + "\u201d"; }
    if (heading) { results.appendChild(el("li", heading, "heading")); }
    found.all.slice(0, 40).forEach(function (item, k) {
      var row = el("li", null, "result");
      row.setAttribute("role", "option"); row.id = "kg-result-" + k; row.dataset.node = String(item.node);
      row.appendChild(el("span", E.label[item.node], "name"));
      row.appendChild(el("span", " " + data.types[E.type[item.node]].name + " \u00b7 " + plural(E.articles[item.node].length, "article"), "meta"));
      if (item.why) { row.appendChild(el("span", " \u00b7 " + item.why, "why")); }
      row.addEventListener("mousedown", function (event) { event.preventDefault(); pick(item.node); });
      results.appendChild(row);
    });
    results.hidden = !results.firstChild;
    active = -1;
  }
  function pick(node) {
    results.hidden = true;
    searchStatus.textContent = "";
    search.blur();
    focusOn(node);
  }
  var active = -1;
  function move(step) {
    var rows = results.querySelectorAll("li.result");
    if (!rows.length) { return; }
    if (active >= 0 && rows[active]) { rows[active].classList.remove("active"); }
    active = (active + step + rows.length) % rows.length;
    rows[active].classList.add("active");
    search.setAttribute("aria-activedescendant", rows[active].id);
  }
  function submit() {
    var query = search.value, found = find(query);
    var rows = results.querySelectorAll("li.result");
    if (active >= 0 && rows[active]) { pick(Number(rows[active].dataset.node)); return; }
    if (!found.all.length) { searchStatus.textContent = "no entity has that name or post"; results.hidden = true; return; }
    var candidates = found.exact.length + found.posts;
    if (candidates === 1 || (!candidates && found.all.length === 1)) { pick(found.all[0].node); return; }
    listResults(found, query);
    searchStatus.textContent = plural(found.all.length, "match", "matches");
  }
  search.addEventListener("input", function () {
    searchStatus.textContent = "";
    if (fold(search.value).length < 2) { results.hidden = true; return; }
    listResults(find(search.value), search.value);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); submit(); }
    else if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape" && !results.hidden) { results.hidden = true; event.preventDefault(); }
  });
  search.addEventListener("blur", function () { setTimeout(function () { results.hidden = true; }, 150); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.defaultPrevented && state.mode === "focus") { search.blur(); toOverview(); }
  });

  // -- controls -------------------------------------------------------------------------
  function checkbox(list, text, checked, onChange, swatch) {
    var item = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); apply(); });
    label.appendChild(box);
    if (swatch) { label.appendChild(swatch); }
    label.appendChild(document.createTextNode(" " + text));
    item.appendChild(label);
    list.appendChild(item);
    return box;
  }
  var SYMBOLS = { diamond: "\u25c6", square: "\u25a0", circle: "\u25cf", triangle: "\u25b2" };
  data.types.forEach(function (type, t) {
    var swatch = el("span", SYMBOLS[SHAPES[t]], "sym");
    swatch.style.color = type.colour;
    checkbox($("kg-types"), type.name + " (" + type.count.toLocaleString("en") + ")", true, function (on) { state.types[t] = on; }, swatch)
      .className = "kg-type";
  });
  var relationCounts = new Map();
  for (j = 0; j < M; j++) { relationCounts.set(L.p[j], (relationCounts.get(L.p[j]) || 0) + 1); }
  var relationOrder = Array.from(relationCounts.keys()).sort(function (a, b) {
    return (a === COMENTION) - (b === COMENTION) || relationCounts.get(b) - relationCounts.get(a) || a - b;
  });
  relationOrder.forEach(function (p) {
    var words = p === COMENTION ? "named in the same sentence" : data.predicates[p].words;
    var box = checkbox($("kg-relations"), words + " (" + relationCounts.get(p).toLocaleString("en") + ")", true, function (on) { state.predicates.set(p, on); });
    box.className = "kg-rel"; box.dataset.words = words;
  });
  var top = $("kg-top");
  top.value = String(state.top);
  top.addEventListener("change", function () {
    state.top = Math.max(5, Math.min(600, Math.round(Number(top.value)) || 100));
    top.value = String(state.top);
    apply();
  });
  var minimum = $("kg-min");
  minimum.addEventListener("change", function () {
    state.min = Math.max(1, Math.round(Number(minimum.value)) || 1);
    minimum.value = String(state.min);
    apply();
  });
  document.querySelectorAll("input[name=kg-colour]").forEach(function (box) {
    box.addEventListener("change", function () { state.colour = box.value; legend(); draw(); });
  });
  document.querySelectorAll("input[name=kg-hops]").forEach(function (box) {
    box.addEventListener("change", function () {
      state.hops = Number(box.value);
      if (state.mode === "focus") { focusOn(state.focus); }
    });
  });
  $("kg-back").addEventListener("click", toOverview);
  var from = $("kg-from"), to = $("kg-to");
  if (days.length > 1) {
    $("kg-dates").hidden = false;
    [from, to].forEach(function (input) { input.min = "0"; input.max = String(days.length - 1); input.step = "1"; });
    from.value = "0"; to.value = String(days.length - 1);
    var onDates = function (event) {
      var a = Number(from.value), b = Number(to.value);
      if (a > b) { if (event.target === from) { from.value = String(b); a = b; } else { to.value = String(a); b = a; } }
      state.from = a; state.to = b;
      dateLabel();
      apply();
    };
    from.addEventListener("input", onDates); to.addEventListener("input", onDates);
  }
  function dateLabel() {
    if (days.length) { $("kg-date-label").textContent = dayText(days[state.from]) + " to " + dayText(days[state.to]); }
  }
  dateLabel();
  function legend() {
    var list = $("kg-legend");
    list.textContent = "";
    if (state.colour === "type") {
      $("kg-legend-title").textContent = "Colours: types";
      data.types.forEach(function (type) {
        var item = el("li"), swatch = el("span", "\u25cf", "sym");
        swatch.style.color = type.colour;
        item.appendChild(swatch); item.appendChild(document.createTextNode(" " + type.name));
        list.appendChild(item);
      });
      return;
    }
    $("kg-legend-title").textContent = "Colours: communities";
    var shown = new Map();
    view.nodes.forEach(function (node) { shown.set(E.community[node], (shown.get(E.community[node]) || 0) + 1); });
    var others = 0;
    Array.from(shown.keys()).sort(function (a, b) { return shown.get(b) - shown.get(a) || a - b; }).forEach(function (c) {
      var group = data.communities[c];
      if (!group || group.colour === OTHER_COLOUR) { others += shown.get(c); return; }
      var item = el("li"), swatch = el("span", "\u25cf", "sym");
      swatch.style.color = group.colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(" " + group.name + " \u2026 (" + group.size.toLocaleString("en") + ")"));
      list.appendChild(item);
    });
    if (others) {
      var item = el("li"), swatch = el("span", "\u25cf", "sym");
      swatch.style.color = OTHER_COLOUR;
      item.appendChild(swatch); item.appendChild(document.createTextNode(" smaller communities"));
      list.appendChild(item);
    }
  }
  var resizing = 0;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { resize(); apply(); }, 150);
  });

  // -- start ----------------------------------------------------------------------------
  var timings = { parse: parsed - started };
  resize();
  route();
  timings.ready = performance.now() - started;
  state.ready = true;
  // For scripts and tests that drive the page.
  window.kg = {
    state: state, timings: timings, fold: fold, find: find, apply: apply,
    focus: function (key) { var i = typeof key === "number" ? key : byKey.get(key); if (i !== undefined) { focusOn(i); } },
    overview: toOverview,
    showLink: showLink,
    entity: function (label) { var i = E.label.indexOf(label); return i < 0 ? null : { index: i, key: E.key[i] }; },
    drawn: function () {
      return view.nodes.map(function (node) {
        var p = toScreen(node);
        return { index: node, label: E.label[node], x: p[0], y: p[1], r: radius(node) };
      });
    },
    labels: function () { return placedLabels.map(function (l) { return { text: l.text, x: l.x, y: l.y, w: l.w, h: l.h, node: l.node === undefined ? -1 : l.node }; }); },
    links: function () { return view.links.slice(); },
    linkInfo: function (j) { return { a: L.a[j], b: L.b[j], words: linkWords(j), flags: L.flags[j], n: L.n[j] }; },
    screen: function (node) { return toScreen(node); }
  };
})();
