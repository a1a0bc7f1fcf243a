// The edition switcher keeps the reader's anchor: same page, same item.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.ip-edition-link");
  if (link && window.location.hash) {
    event.preventDefault();
    window.location.href = link.getAttribute("href").split("#")[0] + window.location.hash;
  }
});
