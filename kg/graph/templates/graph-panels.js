  // The page's script, part panels (kg.graph.view joins the parts in order).

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
  // Each sentence once, with every article it is in (wire copy repeats sentences word for word).
  function evidenceList(j, limit) {
    var list = el("ul", null, "evidence"), groups = [], at = new Map();
    (texts().evidence[j] || []).forEach(function (ev) {
      if (!at.has(ev[0])) { at.set(ev[0], groups.length); groups.push([]); }
      var group = groups[at.get(ev[0])];
      if (!group.some(function (seen) { return seen[1] === ev[1]; })) { group.push(ev); }
    });
    function add(from, to) {
      groups.slice(from, to).forEach(function (group) {
        var item = el("li");
        item.appendChild(el("blockquote", texts().sentences[group[0][0]] || "(no sentence recorded)"));
        group.forEach(function (ev) {
          var where = source(ev[1]);
          if (ev[2]) { where.appendChild(el("span", " \u00b7 hedged", "flag")); }
          item.appendChild(where);
        });
        list.appendChild(item);
      });
    }
    add(0, limit);
    if (groups.length > limit) { list.appendChild(more(groups.length - limit, "sentence", function () { add(limit, groups.length); })); }
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
