// The Protocols tab: every role's local projection and FSM, as the monitors use them.
'use strict';

const Protocols = (() => {
  let catalog = null;

  async function load() {
    const response = await fetch('api/protocols');
    catalog = await response.json();
    return catalog;
  }

  /** The DOT of one role's FSM, or null. */
  function dot(protocol, role) {
    const p = catalog && catalog.protocols.find(x => x.name === protocol);
    const r = p && p.roles.find(x => x.role === role);
    return r ? r.dot : null;
  }

  async function show(container) {
    container.textContent = '';
    for (const protocol of catalog.protocols) {
      const section = document.createElement('section');
      section.className = 'protocol';
      section.dataset.protocol = protocol.name;
      const heading = document.createElement('h2');
      heading.textContent = protocol.name + ' (module ' + protocol.module + ')';
      const global = details('global protocol', protocol.global);
      global.className = 'global';
      section.append(heading, global);
      for (const role of protocol.roles) {
        const card = document.createElement('div');
        card.className = 'role-card';
        card.dataset.protocol = protocol.name;
        card.dataset.role = role.role;
        const h = document.createElement('h3');
        h.textContent = protocol.name + ' at ' + role.role;
        const picture = document.createElement('div');
        picture.className = 'fsm';
        card.append(h, picture, details('local projection', role.local), details('FSM as text', role.fsm));
        section.append(card);
        Fsm.render(role.dot).then(svg => {
          Fsm.highlight(svg, role.initial, null, null);
          picture.append(svg);
        }).catch(e => { picture.textContent = 'cannot draw: ' + e; });
      }
      container.append(section);
    }
  }

  function details(summary, text) {
    const d = document.createElement('details');
    const s = document.createElement('summary');
    s.textContent = summary;
    const pre = document.createElement('pre');
    pre.textContent = text;
    d.append(s, pre);
    return d;
  }

  return { load, show, dot, loaded: () => catalog !== null };
})();
