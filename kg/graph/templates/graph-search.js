  // The page's script, part search (kg.graph.view joins the parts in order).

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
  var SYMBOLS = { diamond: "\u25c6", square: "\u25a0", dot: "\u25cf", triangle: "\u25b2" };
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
    box.addEventListener("change", function () { state.colour = box.value; legend(); restyle(); });
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
      data.types.forEach(function (type, t) {
        var item = el("li"), swatch = el("span", SYMBOLS[SHAPES[t]], "sym");
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
    resizing = setTimeout(apply, 150);
  });

  // -- start ----------------------------------------------------------------------------
  var timings = { parse: parsed - started };
  route();
  timings.ready = performance.now() - started;
  timings.readyAt = performance.now();  // since the page began to load
  state.ready = true;
  // For scripts and tests that drive the page.
  window.kg = {
    state: state, timings: timings, fold: fold, find: find, apply: apply,
    focus: function (key) { var i = typeof key === "number" ? key : byKey.get(key); if (i !== undefined) { focusOn(i); } },
    overview: toOverview, route: route,
    showLink: showLink,
    entityKey: function (i) { return E.key[i]; },
    articleCount: function (i) { return E.articles[i].length; },
    entity: function (label) { var i = E.label.indexOf(label); return i < 0 ? null : { index: i, key: E.key[i] }; },
    // What vis-network has drawn, in the container's pixels.
    drawn: function () {
      var at = network.getPositions(view.nodes), scale = network.getScale();
      return view.nodes.map(function (node) {
        var p = network.canvasToDOM(at[node]);
        return { index: node, label: E.label[node], type: data.types[E.type[node]].name, x: p.x, y: p.y, r: radius(node) * scale };
      });
    },
    // Each label as vis-network drew it. Its label module holds the box (getBoundingBox joins
    // a node's label to its shape and leaves out the gap between them); a node's text is
    // drawn font.vadjust lower than that box says.
    labels: function () {
      var out = [], scale = network.getScale();
      function add(item, module, node) {
        if (!item || !item.label) { return; }
        var size = module.size, vadjust = node >= 0 ? item.font.vadjust || 0 : 0;
        var p = network.canvasToDOM({ x: size.left, y: size.top + vadjust });
        out.push({ text: item.label, x: p.x, y: p.y, w: size.width * scale, h: size.height * scale, node: node });
      }
      view.nodes.forEach(function (node) { add(nodeSet.get(node), network.body.nodes[node].labelModule, node); });
      view.links.forEach(function (j) { add(edgeSet.get(j), network.body.edges[j].labelModule, -1); });
      return out;
    },
    links: function () { return view.links.slice(); },
    linkInfo: function (j) { return { a: L.a[j], b: L.b[j], words: linkWords(j), flags: L.flags[j], n: L.n[j] }; },
    screen: function (node) { var p = network.canvasToDOM(network.getPositions([node])[node]); return [p.x, p.y]; },
    network: network
  };
})();
