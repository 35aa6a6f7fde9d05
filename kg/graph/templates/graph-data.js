"use strict";
// kg graph view, in five parts that kg.graph.view joins in this order into the page's script:
// graph-data.js (the data, indexes, filters' state), graph-layout.js (what is shown, where,
// and which labels fit), graph-network.js (vis-network, which draws it: the views, the
// pointer), graph-panels.js (entity and link panels), graph-search.js (search, controls,
// start). vis-network is the page's other script, inlined before this one. Every string below
// comes from article text: it reaches the page only as DOM text (textContent, createTextNode)
// or as a plain-text vis-network label, never as HTML. Names are looked up in Maps, never in
// plain objects, so "constructor" or "__proto__" is a name like any other.
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
  var SHAPES = ["diamond", "square", "dot", "triangle"];  // vis-network's, by type, as data.types
  var OTHER_COLOUR = "#a0a4a8";
  var GRAVITY = 0.6;
  // labels' font, and links' words' size: vis-network's options (kg.graph.vis, made with pyvis)
  var FACE = data.network.nodes.font.face, EDGE_FONT = data.network.edges.font.size;

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
  var view = { nodes: [], links: [], hop: new Map(), pos: new Map() };  // what is shown

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
