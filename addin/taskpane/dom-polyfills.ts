/**
 * The DOM methods the pane calls that EdgeHTML 18 lacks (README.md, "Where the add-in runs"). core-js
 * adds the missing JavaScript built-ins, never DOM methods, so those are added here, before anything
 * renders. `append` is there since EdgeHTML 17.
 */
if (typeof Element.prototype.replaceChildren !== "function") {
  // The same as the standard method for what the pane passes: nodes and strings, never the parent itself.
  Element.prototype.replaceChildren = function replaceChildren(this: Element, ...nodes: (Node | string)[]) {
    this.textContent = "";
    this.append(...nodes);
  };
}
