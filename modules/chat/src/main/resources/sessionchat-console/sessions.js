// The Sessions tab: the node's sessions as its monitors see them, a few frames a second
// over /ws/view. Nicknames, roles, states and counts only: never what anybody said.
'use strict';

const Sessions = (() => {
  let socket = null;
  let selected = null;
  let drawn = { key: null, dot: null, svg: null };
  const nodeNames = new Map(); // kept after a node left, so the log can name it
  // ?watch=ChatSession/ChatRoom selects the busiest such session by itself (demos, measurements)
  const watch = new URLSearchParams(location.search).get('watch');

  function connect() {
    socket = new WebSocket(wsUrl('ws/view'));
    socket.onopen = () => { if (selected) select(selected); };
    socket.onmessage = event => frame(JSON.parse(event.data));
    socket.onclose = () => setTimeout(connect, 2000);
  }

  function select(key) {
    selected = key;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ select: key }));
    }
  }

  let frames = 0;

  function frame(f) {
    document.getElementById('sessions').dataset.frames = ++frames; // for tests: a frame arrived
    members(f.members);
    sessionTable(f.sessions);
    selectedSession(f.selected);
    log(f.log || []);
  }

  function members(cards) {
    const body = document.querySelector('#members tbody');
    const rooms = document.querySelector('#rooms-table tbody');
    body.textContent = '';
    rooms.textContent = '';
    for (const card of cards) {
      nodeNames.set(card.nodeId, card.name);
      const link = card.httpPort ? link_(card) : document.createTextNode('off');
      body.append(row([card.name, card.nodeId.slice(0, 8), String(card.chatPort || '?'), link]));
      for (const room of card.rooms) {
        const tr = row([room.name, card.name, String(room.members)]);
        tr.dataset.room = room.name;
        rooms.append(tr);
      }
    }
  }

  function link_(card) {
    const a = document.createElement('a');
    a.href = location.protocol + '//' + location.hostname + ':' + card.httpPort + '/';
    a.textContent = ':' + card.httpPort;
    return a;
  }

  function autoSelect(list) {
    if (selected || !watch) {
      return;
    }
    const busiest = list.filter(x => x.protocol + '/' + x.role === watch)
      .sort((a, b) => (b.sent + b.received) - (a.sent + a.received))[0];
    if (busiest) {
      select(busiest.key);
    }
  }

  function sessionTable(s) {
    autoSelect(s.list);
    document.getElementById('session-count').textContent = '(' + s.running + ' running)';
    document.getElementById('session-totals').textContent =
      Object.entries(s.totals).map(([k, v]) => k + ': ' + v).join(', ');
    const body = document.querySelector('#session-table tbody');
    // rows are kept by session and updated in place, so a row being clicked is never replaced
    const rows = new Map([...body.children].map(tr => [tr.dataset.key, tr]));
    let previous = null;
    for (const x of s.list) {
      const cells = [x.protocol, x.role, x.actor, peers(x), x.ageSeconds + ' s', x.sent + ' / ' + x.received, x.state];
      let tr = rows.get(x.key);
      rows.delete(x.key);
      if (tr) {
        cells.forEach((c, i) => { if (tr.children[i].textContent !== c) tr.children[i].textContent = c; });
      } else {
        tr = row(cells);
        tr.dataset.key = x.key;
        tr.dataset.protocol = x.protocol;
        tr.dataset.role = x.role;
        tr.onclick = () => select(x.key);
      }
      tr.dataset.actor = x.actor; // a nickname may change
      tr.classList.toggle('selected', x.key === selected);
      const position = previous ? previous.nextSibling : body.firstChild;
      if (position !== tr) {
        body.insertBefore(tr, position);
      }
      previous = tr;
    }
    rows.forEach(tr => tr.remove());
    const ended = document.querySelector('#ended-table tbody');
    ended.textContent = '';
    for (const x of s.ended) {
      const tr = row([x.protocol, x.role, x.actor, x.ended, x.state]);
      tr.dataset.key = x.key;
      tr.dataset.protocol = x.protocol;
      tr.dataset.actor = x.actor;
      tr.onclick = () => select(x.key);
      ended.append(tr);
    }
  }

  function peers(x) {
    return x.peers.map(p => p.role + ': ' + p.who).join(', ');
  }

  async function selectedSession(x) {
    const title = document.getElementById('selected-title');
    const state = document.getElementById('selected-state');
    const last = document.getElementById('selected-last');
    const picture = document.getElementById('session-fsm');
    if (!x) {
      return;
    }
    title.textContent = x.protocol + ' at ' + x.role + ' — ' + x.actor + ' (session ' + x.sessionId.slice(0, 8) + ')'
      + (x.ended ? ', ended: ' + x.ended : '');
    state.textContent = x.state;
    last.textContent = !x.lastLabel ? ''
      : x.lastStep === 'RESUMED' ? 'after its sub-session ended: ' + x.lastLabel
      : 'after ' + (x.lastStep === 'SENT' ? 'sending ' : 'receiving ') + x.lastLabel;
    picture.dataset.key = x.key;
    picture.dataset.state = x.state;
    const dot = Protocols.dot(x.protocol, x.role);
    if (!dot) {
      return;
    }
    if (drawn.key !== x.key || drawn.dot !== dot) {
      drawn = { key: x.key, dot: dot, svg: null };
      const svg = await Fsm.render(dot);
      if (drawn.key !== x.key) {
        return; // another session was selected meanwhile
      }
      drawn.svg = svg;
      picture.textContent = '';
      picture.append(svg);
    }
    if (drawn.svg) {
      Fsm.highlight(drawn.svg, x.state, x.previousState, x.lastLabel, x.lastStep);
      picture.dataset.highlighted = x.state;
    }
  }

  function log(entries) {
    const list = document.getElementById('event-log');
    for (const e of entries) {
      const li = document.createElement('li');
      li.className = e.kind;
      li.textContent = new Date(e.time).toLocaleTimeString() + ' ' + describe(e);
      list.prepend(li);
    }
    while (list.children.length > 200) {
      list.lastChild.remove();
    }
  }

  function describe(e) {
    switch (e.kind) {
      case 'REFUSED':
        return 'refused ' + e.label + ' in ' + e.protocol + '/' + e.role + ' at ' + e.state + ' (' + e.reason + ')'
          + ', expected ' + (e.expected.length ? e.expected.join(' or ') : 'nothing')
          + ' (session ' + e.sessionId.slice(0, 8) + ')';
      case 'PARTICIPANT_OFFLINE':
        return 'ParticipantOffline: ' + (e.protocol || '') + '/' + e.role + ' session ' + e.sessionId.slice(0, 8)
          + (e.state ? ' at ' + e.state : '');
      case 'NODE_LEFT':
        return 'node left the cluster: ' + (nodeNames.get(e.nodeId) || e.nodeId);
      default:
        return JSON.stringify(e);
    }
  }

  function row(cells) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      const td = document.createElement('td');
      if (c instanceof Node) {
        td.append(c);
      } else {
        td.textContent = c;
      }
      tr.append(td);
    }
    return tr;
  }

  return { connect, select };
})();
