// Client-side search of `stmt render --to html`: the only script of the site, loaded by search.html
// alone. It reads the index the renderer wrote (search-index.js, loaded by a script element so that it
// works from file:// as from a server) and lists the speeches and statements whose speaker or passages
// hold every word typed. Words are compared as quotes are (docs/language.md): without harakat, tatweel
// or quotation marks, and case-insensitively.
"use strict";
(function () {
  var form = document.getElementById("search");
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  var entries = window.stmtSearchIndex || [];
  var limit = 100;

  function fold(text) {
    return text.normalize("NFC").replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u061C"“”„«»‹›]/g, "").toLowerCase();
  }

  var folded = entries.map(function (e) { return fold(e[1] + " " + e[4]); });

  function run() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (words.length === 0) { status.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < entries.length; i++) {
      if (!words.every(function (w) { return folded[i].indexOf(w) >= 0; })) continue;
      found++;
      if (found > limit) continue;
      var e = entries[i];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = e[0];
      link.textContent = e[1];
      link.dir = "auto";
      item.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.dir = "auto";
      meta.textContent = " · " + e[2] + " · " + e[3];
      item.appendChild(meta);
      results.appendChild(item);
    }
    status.textContent = found === 0 ? "Nothing found." : found > limit ? found + " found; the first " + limit + " are shown." : found + " found.";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", run);
  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; run(); }
  document.getElementById("no-script").hidden = true;
  form.hidden = false;
})();
