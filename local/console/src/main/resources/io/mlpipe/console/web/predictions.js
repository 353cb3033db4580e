// The predictions page: the newest inference log entries, refreshed every 3 s.
'use strict';
(() => {
  const { api, el, time, poll } = Console;
  const model = document.getElementById('model');
  const body = document.querySelector('#predictions tbody');
  const seen = new Set();

  async function load() {
    const answer = await api('predictions', { model: model.value, limit: 100 });
    for (const entry of answer.predictions) {
      if (!seen.has(entry.model)) {
        seen.add(entry.model);
        model.append(el('option', { value: entry.model }, entry.model));
      }
    }
    body.replaceChildren(...answer.predictions.map(entry => {
      const at = String(entry.requestId || '').split('#')[0];
      return el('tr', { 'data-request': entry.requestId },
        el('td', {}, time(at)),
        el('td', {}, entry.model),
        el('td', {}, entry.version || ''),
        el('td', { class: 'num' }, entry.rows ?? ''),
        el('td', { class: 'num' }, entry.latencyMs === undefined ? '' : entry.latencyMs + ' ms'),
        el('td', {}, entry.status === undefined ? '' : el('span', { class: 'badge ' + (Number(entry.status) < 400 ? 'ok' : 'bad') }, String(entry.status))),
        el('td', {}, el('code', {}, String(entry.requestId || '').split('#')[1] || '')));
    }));
    if (!answer.predictions.length) {
      body.append(el('tr', {}, el('td', { colspan: 7, class: 'empty' }, 'No predictions yet: POST /models/<model>/predict on the REST API.')));
    }
  }

  model.addEventListener('change', load);
  poll(load, 3000);
})();
