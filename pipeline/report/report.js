"use strict";
var errors = [];
window.addEventListener("error", function (e) { errors.push(String(e.message || e)); });
(function () {
  var body = document.body;
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".catbox"));
  var docs = Array.prototype.slice.call(document.querySelectorAll(".doc"));
  var site = document.getElementById("site");
  var q = document.getElementById("q");
  var onlyWith = document.getElementById("only-with");
  var shown = document.getElementById("shown");
  function apply() {
    var on = {};
    boxes.forEach(function (b) {
      on[b.value] = b.checked;
      body.classList.toggle(b.getAttribute("data-hide"), !b.checked);
    });
    var s = site.value, term = q.value.trim().toLowerCase(), n = 0;
    docs.forEach(function (d) {
      var ok = (s === "*" || d.getAttribute("data-site") === s) &&
        (!term || d.getAttribute("data-id").toLowerCase().indexOf(term) >= 0);
      if (ok && onlyWith.checked) {
        ok = d.getAttribute("data-cats").split(" ").some(function (c) { return c && on[c]; });
      }
      d.classList.toggle("hidden", !ok);
      if (ok) { n += 1; }
    });
    shown.textContent = n + " of " + docs.length + " documents";
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  [site, onlyWith].forEach(function (el) { el.addEventListener("change", apply); });
  q.addEventListener("input", apply);
  document.getElementById("all-cats").addEventListener("click", function () { boxes.forEach(function (b) { b.checked = true; }); apply(); });
  document.getElementById("no-cats").addEventListener("click", function () { boxes.forEach(function (b) { b.checked = false; }); apply(); });
  apply();

  if (!/[?&]selftest=1\b/.test(location.search)) { return; }
  // Built-in self-test (tests/test_report.py runs it in headless Chromium).
  var out = { errors: errors, counts: {}, hidden_when_off: {}, visible_when_on: {}, only_with: {}, sites: {}, search: null };
  function visible(el) { return el.getClientRects().length > 0 && getComputedStyle(el).display !== "none"; }
  function visibleDocs() { return docs.filter(visible).map(function (d) { return d.getAttribute("data-id"); }); }
  function setAll(v) { boxes.forEach(function (b) { b.checked = v; }); }
  try {
    boxes.forEach(function (b) {
      var els = document.querySelectorAll("[data-cat=\"" + CSS.escape(b.value) + "\"]");
      out.counts[b.value] = els.length;
      if (!els.length) { return; }
      out.visible_when_on[b.value] = Array.prototype.every.call(els, function (el) {
        return visible(el) && getComputedStyle(el).backgroundColor !== "rgba(0, 0, 0, 0)";
      });
      b.checked = false; apply();
      // removals and dropped duplicates disappear; kept duplicates and repairs lose their tint
      out.hidden_when_off[b.value] = Array.prototype.every.call(els, function (el) {
        return !visible(el) || getComputedStyle(el).backgroundColor === "rgba(0, 0, 0, 0)";
      });
      b.checked = true; apply();
      setAll(false); b.checked = true; onlyWith.checked = true; apply();
      var expect = docs.filter(function (d) { return d.getAttribute("data-cats").split(" ").indexOf(b.value) >= 0; })
        .map(function (d) { return d.getAttribute("data-id"); });
      out.only_with[b.value] = { shown: visibleDocs(), expected: expect };
      onlyWith.checked = false; setAll(true); apply();
    });
    Array.prototype.forEach.call(site.options, function (o) {
      site.value = o.value; apply();
      out.sites[o.value] = visibleDocs();
    });
    site.value = "*"; apply();
    if (docs.length) {
      var id = docs[docs.length - 1].getAttribute("data-id");
      q.value = id; apply();
      out.search = { id: id, shown: visibleDocs() };
      q.value = ""; apply();
    }
    out.total_docs = docs.length;
    out.visible_docs = visibleDocs().length;
  } catch (e) {
    errors.push("selftest: " + e);
  }
  var pre = document.getElementById("selftest");
  pre.textContent = JSON.stringify(out);
  pre.hidden = false;
})();
