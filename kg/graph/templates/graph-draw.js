  // The page's script, part draw (kg.graph.view joins the parts in order).

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
      var ends = endsOf(j), a = ends[0], b = ends[1];
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
      var ends = endsOf(j), a = ends[0], b = ends[1];
      var text = linkWords(j), w = ctx.measureText(text).width, h = 13;
      [0.5, 0.35, 0.65].some(function (t) {  // mid-way, or a little to either side
        var x0 = a[0] + (b[0] - a[0]) * t - w / 2, y0 = a[1] + (b[1] - a[1]) * t - h / 2, x1 = x0 + w, y1 = y0 + h;
        if (x0 < 1 || y0 < 1 || x1 > box.width - 1 || y1 > box.height - 1) { return false; }
        if (placedLabels.some(function (l) { return x0 < l.x + l.w && l.x < x1 && y0 < l.y + l.h && l.y < y1; })) { return false; }
        if (obstacles.some(function (o) { return x0 < o[3] && o[1] < x1 && y0 < o[4] && o[2] < y1; })) { return false; }
        ctx.strokeStyle = "#fff"; ctx.lineWidth = 3; ctx.strokeText(text, x0, y0);
        ctx.fillStyle = L.flags[j] & NEGATED ? "#a8322d" : "#444"; ctx.fillText(text, x0, y0);
        placedLabels.push({ link: j, text: text, x: x0, y: y0, w: w, h: h });
        return true;
      });
    });
  }
  function linkWords(j) {
    if (L.p[j] === COMENTION) { return "named in the same sentence"; }
    var words = data.predicates[L.p[j]].words;
    return L.flags[j] & NEGATED ? "not: " + words : words;
  }

  // -- views ----------------------------------------------------------------------------
  // Links between the same two entities are drawn side by side, not over each other.
  var offsets = new Map();
  function spread(links) {
    var pairs = new Map();
    links.forEach(function (j) {
      var key = Math.min(L.a[j], L.b[j]) + " " + Math.max(L.a[j], L.b[j]);
      if (!pairs.has(key)) { pairs.set(key, []); }
      pairs.get(key).push(j);
    });
    offsets = new Map();
    pairs.forEach(function (list) {
      list.forEach(function (j, k) {
        var side = L.a[j] < L.b[j] ? 1 : -1;  // the same side whichever way a link points
        offsets.set(j, (k - (list.length - 1) / 2) * 7 * side);
      });
    });
  }
  function endsOf(j) {
    var a = toScreen(L.a[j]), b = toScreen(L.b[j]), off = offsets.get(j) || 0;
    if (!off) { return [a, b]; }
    var dx = b[0] - a[0], dy = b[1] - a[1], d = Math.sqrt(dx * dx + dy * dy) || 1;
    var ox = -dy / d * off, oy = dx / d * off;
    return [[a[0] + ox, a[1] + oy], [b[0] + ox, b[1] + oy]];
  }
  function show(nodes, links, hop, pinned, shape) {
    view.nodes = nodes; view.links = links; view.hop = hop;
    spread(links);
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
      var ends = endsOf(j), a = ends[0], b = ends[1], dx = b[0] - a[0], dy = b[1] - a[1];
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
