// Draws local FSMs from the DOT the node prints (Graphviz compiled to JavaScript: viz.js,
// served from the node's jar) and highlights the states a session is in.
'use strict';

const Fsm = (() => {
  let viz = new Viz();
  const svgByDot = new Map();

  /** An SVG element for `dot` (a fresh copy each call, so each picture can be highlighted alone). */
  async function render(dot) {
    if (!svgByDot.has(dot)) {
      try {
        svgByDot.set(dot, await viz.renderSVGElement(dot));
      } catch (e) {
        viz = new Viz(); // a Viz instance is unusable after an error
        throw e;
      }
    }
    return svgByDot.get(dot).cloneNode(true);
  }

  /** The state names in a description such as `S2[par: S5|S9]`. */
  function statesIn(description) {
    return new Set((description || '').match(/S\d+/g) || []);
  }

  /**
   * Marks the states of `state` as current, and the edges from the states it left to the
   * ones it entered (compared with `previous`) as the transition just taken.
   */
  function highlight(svg, state, previous) {
    const now = statesIn(state);
    const before = statesIn(previous);
    const left = [...before].filter(s => !now.has(s));
    const entered = [...now].filter(s => !before.has(s));
    svg.querySelectorAll('g.node').forEach(node => {
      node.classList.toggle('current', now.has(title(node)));
    });
    svg.querySelectorAll('g.edge').forEach(edge => {
      const [from, to] = title(edge).split('->');
      edge.classList.toggle('taken', left.includes(from) && entered.includes(to));
    });
  }

  function title(element) {
    const t = element.querySelector('title');
    return t ? t.textContent.trim() : '';
  }

  return { render, highlight, statesIn };
})();
