"use strict";
// Clicking an outline entry scrolls the source to its node and flashes it.
document.getElementById("outline").addEventListener("click", function (event) {
  var link = event.target.closest("a[data-target]");
  if (!link) { return; }
  event.preventDefault();
  var node = document.getElementById(link.getAttribute("data-target"));
  if (!node) { return; }
  node.scrollIntoView({block: "start"});
  node.classList.remove("flash");
  void node.offsetWidth;  // restart the animation on a second click
  node.classList.add("flash");
  var current = document.querySelector("#outline a.current");
  if (current) { current.classList.remove("current"); }
  link.classList.add("current");
});
