// Draws local FSMs from the DOT the node prints (Graphviz compiled to JavaScript: viz.js,
// served from the node's jar) and highlights the states a session is in.
'use strict';

const Fsm = (() => {
  // Graphviz runs in a worker: laying out a graph never holds up the page's live updates.
  const newViz = () => new Viz({ workerURL: 'vendor/viz.js/full.render.js' });
  let viz = newViz();
  const svgByDot = new Map();

  /** An SVG element for `dot` (a fresh copy each call, so each picture can be highlighted alone). */
  async function render(dot) {
    if (!svgByDot.has(dot)) {
      try {
        svgByDot.set(dot, await viz.renderSVGElement(dot));
      } catch (e) {
        viz = newViz(); // a Viz instance is unusable after an error
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
   * Marks the states of `state` as current and, when `label` is the message the FSM last
   * moved on, the edges with that label into a state it is in now as the transition just
   * taken (a loop included): from a state it was in (`previous`) when that is known, from
   * any state when it is not (the node samples its FSMs twice a second, and a busy session
   * moved many times in between). `step` (SENT, RECEIVED) narrows the edges to sends (`!`)
   * or receives (`?`).
   */
  function highlight(svg, state, previous, label, step) {
    const now = statesIn(state);
    const before = previous ? statesIn(previous) : null;
    const direction = step === 'SENT' ? '!' : step === 'RECEIVED' ? '?' : null;
    svg.querySelectorAll('g.node').forEach(node => {
      node.classList.toggle('current', now.has(title(node)));
    });
    svg.querySelectorAll('g.edge').forEach(edge => {
      const [from, to] = title(edge).split('->');
      const text = edge.querySelector('text');
      const written = text ? text.textContent : '';
      const message = written.replace(/^[!?]/, '');
      const onLabel = message === label || message.startsWith(label + '(');
      const onDirection = !direction || written.startsWith(direction);
      edge.classList.toggle('taken', !!label && (!before || before.has(from)) && now.has(to) && onLabel && onDirection);
    });
  }

  function title(element) {
    const t = element.querySelector('title');
    return t ? t.textContent.trim() : '';
  }

  return { render, highlight, statesIn };
})();
