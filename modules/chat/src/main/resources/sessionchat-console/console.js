// Starts the console: tabs, the node's name, the protocols, the chat and the live view.
'use strict';

function wsUrl(path) {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/' + path;
}

function showTab(name) {
  document.querySelectorAll('.panel').forEach(p => p.classList.toggle('active', p.id === name));
  document.querySelectorAll('.tab').forEach(t => t.classList.toggle('active', t.dataset.tab === name));
  if (location.hash !== '#' + name) {
    history.replaceState(null, '', '#' + name);
  }
}

(async () => {
  document.querySelectorAll('.tab').forEach(t => { t.onclick = () => showTab(t.dataset.tab); });
  showTab((location.hash || '#chat').slice(1));
  const node = await (await fetch('api/node')).json();
  document.getElementById('node-name').textContent = node.name;
  document.title = 'session-chat ' + node.name;
  const badge = document.getElementById('monitor-badge');
  badge.textContent = node.monitor ? 'monitor on' : 'monitor off';
  badge.classList.toggle('off', !node.monitor);
  await Protocols.load();
  Protocols.show(document.getElementById('protocol-list'));
  Chat.wire();
  Chat.connect();
  Sessions.connect();
})();
