// The query page: sends the text to /sparql and shows the answer. Every string from the
// graph reaches the page as text (textContent), never as markup.
"use strict";
(function () {
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const select = document.getElementById("example");
  const editor = document.getElementById("query");
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  for (const example of examples) {
    const option = document.createElement("option");
    option.value = example.name;
    option.textContent = example.name + " - " + example.title;
    select.appendChild(option);
  }
  select.addEventListener("change", function () {
    const found = examples.find(function (e) { return e.name === select.value; });
    if (found) editor.value = found.text;
  });

  function say(text, error) {
    status.textContent = text;
    status.className = error ? "error" : "";
  }

  function cell(term) {
    if (!term) return "";
    if (term.type === "literal" && term["xml:lang"]) return term.value + "@" + term["xml:lang"];
    if (term.type === "bnode") return "_:" + term.value;
    if (term.type === "triple") return "<< " + ["subject", "predicate", "object"].map(function (p) { return cell(term.value[p]); }).join(" ") + " >>";
    return term.value;
  }

  function table(data) {
    const out = document.createElement("table");
    const head = out.createTHead().insertRow();
    for (const name of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    }
    const body = out.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of data.head.vars) row.insertCell().textContent = cell(binding[name]);
    }
    return out;
  }

  async function run() {
    say("running...", false);
    result.replaceChildren();
    const started = performance.now();
    let response;
    try {
      response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/sparql-query",
          "Accept": "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: editor.value,
      });
    } catch (error) {
      say("the endpoint did not answer: " + error, true);
      return;
    }
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2) + " s";
    if (!response.ok) {
      say(response.status + " " + response.statusText + " (" + seconds + ")", true);
      const pre = document.createElement("pre");
      pre.textContent = text;
      result.appendChild(pre);
      return;
    }
    const cut = response.headers.get("X-KG-Truncated");
    const media = response.headers.get("Content-Type") || "";
    if (media.startsWith("application/sparql-results+json")) {
      const data = JSON.parse(text);
      if ("boolean" in data) {
        const pre = document.createElement("pre");
        pre.textContent = String(data.boolean);
        result.appendChild(pre);
        say("answered in " + seconds, false);
      } else {
        result.appendChild(table(data));
        const n = data.results.bindings.length;
        say(n + " row" + (n === 1 ? "" : "s") + " in " + seconds + (cut ? " - " + cut : ""), false);
      }
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      result.appendChild(pre);
      say("answered in " + seconds + (cut ? " - " + cut : ""), false);
    }
  }
  document.getElementById("run").addEventListener("click", run);
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
  });
})();
