// Citable items: the edition switcher keeps the anchor, old anchors resolve through their aliases,
// and the cite button copies a citation. Works with the keyboard; without JavaScript, ¶ links remain.
(function () {
  "use strict";

  function message(key) {
    var store = document.getElementById("ip-messages");
    return (store && store.getAttribute("data-" + key)) || "";
  }

  var statusTimer = null;

  function announce(text) {
    var status = document.querySelector(".ip-status");
    if (!status) return;
    status.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.textContent = ""; }, 8000);
  }

  // An old anchor (declared in `aliases` of the item that replaced it) lands on the item.
  function resolveAlias() {
    var old = decodeURIComponent(window.location.hash.slice(1));
    if (!old || document.getElementById(old)) return;
    var items = document.querySelectorAll("[data-aliases]");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-aliases").split(" ").indexOf(old) >= 0) {
        var target = items[i];
        history.replaceState(null, "", "#" + target.id);
        target.classList.add("ip-highlight");
        target.scrollIntoView();
        announce(message("alias-notice").replace("{old}", old).replace("{new}", target.id));
        return;
      }
    }
  }

  // The item's absolute permalink: under site_url when the build had one, else the address the page
  // was loaded from (the link in data-url is then relative to the page).
  function permalinkOf(button) {
    var url = new URL(button.getAttribute("data-url"), window.location.href);
    url.search = "";
    url.pathname = url.pathname.replace(/\/index\.html$/, "/");
    return url.href;
  }

  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  // The citation in the edition's convention (generator/render/citation.py), the day of copying as the
  // accessed date where the convention wants one, then the permalink.
  function citationOf(button) {
    var text = button.getAttribute("data-cite").replace("{accessed}", today());
    return text + button.getAttribute("data-separator") + permalinkOf(button);
  }

  // "Cite this plan" shows what its button copies.
  function showPlanCitation() {
    var blocks = document.querySelectorAll(".ip-cite-plan");
    for (var i = 0; i < blocks.length; i++) {
      var button = blocks[i].querySelector("button.ip-cite");
      var text = blocks[i].querySelector(".ip-cite-text");
      var link = blocks[i].querySelector(".ip-page-permalink");
      if (!button || !text || !link) continue;
      var accessed = text.querySelector(".ip-accessed");
      if (accessed) accessed.textContent = today();
      link.textContent = permalinkOf(button);
      link.setAttribute("href", link.textContent);
    }
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      document.body.removeChild(area);
      (done ? resolve : reject)();
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    var link = target.closest("a.ip-edition-link");
    if (link && window.location.hash) {
      event.preventDefault();
      window.location.href = link.getAttribute("href").split("#")[0] + window.location.hash;
      return;
    }
    var button = target.closest("button.ip-cite");
    if (button) {
      var text = citationOf(button);
      copy(text).then(
        function () { announce(message("cite-copied") + text); },
        function () { announce(message("cite-failed") + text); }
      );
    }
  });

  // Material's search dialog has no accessible name (axe: aria-dialog-name); it takes its box's label.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var box = document.querySelector(".md-search__input");
    if (dialog && box && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", box.getAttribute("aria-label"));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameSearchDialog);
    document.addEventListener("DOMContentLoaded", showPlanCitation);
  } else {
    nameSearchDialog();
    showPlanCitation();
  }

  // The view of a page with a reference translation: both, the translation or the original only. The
  // switch is shown only with JavaScript and where there is a translation; the choice is kept across pages.
  function setUpViews() {
    var fieldset = document.querySelector(".ip-view-switch");
    if (!fieldset || !document.querySelector(".translation")) return;
    var stored = null;
    try { stored = localStorage.getItem("ip-view"); } catch (e) { /* storage may be blocked */ }
    var radios = fieldset.querySelectorAll("input[name=ip-view]");
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].value === stored) radios[i].checked = true;
      radios[i].addEventListener("change", function (event) {
        var view = event.target.value;
        document.documentElement.setAttribute("data-ip-view", view);
        try { localStorage.setItem("ip-view", view); } catch (e) { /* the choice holds for this page */ }
      });
    }
    fieldset.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpViews);
  } else {
    setUpViews();
  }

  window.addEventListener("hashchange", resolveAlias);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", resolveAlias);
  } else {
    resolveAlias();
  }
})();
