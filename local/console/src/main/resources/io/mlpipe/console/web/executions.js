// The executions page: every state machine's executions, newest first, filtered, refreshed every 2 s.
'use strict';
(() => {
  const { api, el, badge, time, duration, poll, param } = Console;
  const status = document.getElementById('status');
  const model = document.getElementById('model');
  const body = document.querySelector('#executions tbody');
  status.value = param('status') || '';

  function link(execution) {
    return 'execution.html?arn=' + encodeURIComponent(execution.executionArn);
  }

  function models(names) {
    const chosen = model.value || param('model') || '';
    model.replaceChildren(el('option', { value: '' }, 'all'), ...names.map(name => el('option', { value: name }, name)));
    if (chosen && !names.includes(chosen)) model.append(el('option', { value: chosen }, chosen));
    model.value = chosen;
  }

  async function load() {
    const answer = await api('executions', { status: status.value, model: model.value || param('model') });
    models(answer.models);
    body.replaceChildren(...answer.executions.map(execution => el('tr',
      { class: 'clickable', 'data-arn': execution.executionArn, 'data-status': execution.status, onclick: () => { location.href = link(execution); } },
      el('td', {}, el('a', { href: link(execution) }, execution.name)),
      el('td', {}, badge(execution.status)),
      el('td', {}, execution.model),
      el('td', {}, time(execution.startDate)),
      el('td', { class: 'num' }, duration(execution.durationMs)),
      el('td', { title: execution.stateMachineArn }, execution.stateMachineName))));
    if (!answer.executions.length) {
      body.append(el('tr', {}, el('td', { colspan: 6, class: 'empty' },
        'No executions yet. Drop a CSV under incoming/<model>/ in the data bucket, or run ./mlpipe demo.')));
    }
  }

  function filtered() {
    const query = new URLSearchParams({ status: status.value, model: model.value });
    history.replaceState(null, '', '?' + query);
    load();
  }
  status.addEventListener('change', filtered);
  model.addEventListener('change', filtered);
  poll(load, 2000);
})();
