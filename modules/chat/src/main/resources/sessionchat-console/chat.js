// The Chat tab: the line protocol over a WebSocket (/ws/chat), one line per text frame.
// The node binds the socket to a client actor exactly like a TCP connection.
'use strict';

const Chat = (() => {
  let socket = null;
  let room = null;
  const $ = id => document.getElementById(id);

  function connect() {
    socket = new WebSocket(wsUrl('ws/chat'));
    socket.onopen = () => status('connected');
    socket.onmessage = event => line(event.data);
    socket.onclose = () => { status('closed'); inRoom(null); };
  }

  function send(text) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(text);
    }
  }

  function status(text) {
    $('chat-status').textContent = text;
  }

  function line(text) {
    const [kind, ...rest] = text.split(':');
    switch (kind) {
      case 'WELCOME': $('you').textContent = rest[0]; send('LIST'); return;
      case 'ROOMS': rooms(rest); return;
      case 'MSG': message(rest[0], rest[1], rest.slice(2).join(':')); return;
      case 'OFFLINE': system('room ' + rest[0] + ' went offline'); inRoom(null); send('LIST'); return;
      case 'OK': ok(rest[0], rest.slice(1).join(':')); return;
      default: serverLine(text);
    }
  }

  function ok(command, argument) {
    switch (command) {
      case 'NICK': $('you').textContent = argument; break;
      case 'CREATE': send('JOIN:' + argument); break;
      case 'JOIN': inRoom(argument); system('you joined ' + argument); break;
      case 'LEAVE': system('you left ' + argument); inRoom(null); send('LIST'); break;
      default: serverLine('OK:' + command + ':' + argument);
    }
  }

  function rooms(names) {
    const list = $('rooms-list');
    list.textContent = '';
    for (const name of names.filter(n => n.length)) {
      const li = document.createElement('li');
      li.dataset.room = name;
      const label = document.createElement('span');
      label.textContent = name;
      const join = document.createElement('button');
      join.className = 'join';
      join.type = 'button';
      join.textContent = 'Join';
      join.disabled = room !== null;
      join.onclick = () => send('JOIN:' + name);
      li.append(label, join);
      list.append(li);
    }
  }

  function inRoom(name) {
    room = name;
    $('room-current').textContent = name === null ? '(lobby)' : name;
    $('leave').disabled = name === null;
    $('chat-input').disabled = name === null;
    $('chat-send').disabled = name === null;
    document.querySelectorAll('#rooms-list .join').forEach(b => { b.disabled = name !== null; });
  }

  function message(roomName, nick, text) {
    const li = document.createElement('li');
    li.className = 'msg';
    li.dataset.room = roomName;
    const who = document.createElement('span');
    who.className = 'nick';
    who.textContent = nick;
    const what = document.createElement('span');
    what.className = 'text';
    what.textContent = text;
    li.append(who, what);
    append(li);
  }

  function system(text) {
    const li = document.createElement('li');
    li.className = 'system';
    li.textContent = text;
    append(li);
  }

  function append(li) {
    const list = $('messages');
    list.append(li);
    while (list.children.length > 500) {
      list.firstChild.remove();
    }
    list.scrollTop = list.scrollHeight;
  }

  function serverLine(text) {
    const li = document.createElement('li');
    li.textContent = text;
    $('server-lines').prepend(li);
  }

  function wire() {
    $('nick-form').onsubmit = e => { e.preventDefault(); send('NICK:' + $('nick-input').value.trim()); };
    $('create-form').onsubmit = e => { e.preventDefault(); send('CREATE:' + $('room-input').value.trim()); };
    $('rooms-refresh').onclick = () => send('LIST');
    $('leave').onclick = () => send('LEAVE');
    $('chat-form').onsubmit = e => {
      e.preventDefault();
      const text = $('chat-input').value;
      if (text.length && room !== null) {
        send('CHAT:' + text);
        message(room, $('you').textContent, text); // the room relays to the others, not back
        $('chat-input').value = '';
      }
    };
  }

  return { connect, wire };
})();
