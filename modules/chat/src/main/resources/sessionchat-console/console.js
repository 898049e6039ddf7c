// Starts the console: tabs, the node's name, the protocols, the chat and the live view.
'use strict';

function wsUrl(path) {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/' + path;
}

let protocolsShown = false;
let chatStarted = false;

function showTab(name) {
  document.querySelectorAll('.panel').forEach(p => p.classList.toggle('active', p.id === name));
  if (name === 'chat' && !chatStarted) {
    chatStarted = true; // a client actor only for those who chat, not for every watcher
    Chat.connect();
  }
  if (name === 'protocols' && !protocolsShown && Protocols.loaded()) {
    protocolsShown = true;
    Protocols.show(document.getElementById('protocol-list'));
  }
  document.querySelectorAll('.tab').forEach(t => t.classList.toggle('active', t.dataset.tab === name));
  if (location.hash !== '#' + name) {
    history.replaceState(null, '', '#' + name);
  }
}

(async () => {
  document.querySelectorAll('.tab').forEach(t => { t.onclick = () => showTab(t.dataset.tab); });
  Chat.wire();
  showTab((location.hash || '#chat').slice(1));
  await Protocols.load(); // the live view draws FSMs from the same catalogue
  Sessions.connect();
  showTab(document.querySelector('.tab.active').dataset.tab);
  const node = await (await fetch('api/node')).json();
  document.getElementById('node-name').textContent = node.name;
  document.title = 'session-chat ' + node.name;
  const badge = document.getElementById('monitor-badge');
  badge.textContent = node.monitor ? 'monitor on' : 'monitor off';
  badge.classList.toggle('off', !node.monitor);
})();
