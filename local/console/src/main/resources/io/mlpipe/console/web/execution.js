// One execution: its state machine drawn and coloured by state status, the clicked state's data, the
// event history; refreshed every second while it runs.
'use strict';
(() => {
  const { api, el, badge, time, duration, pretty, poll, param } = Console;
  const arn = param('arn');
  const graph = document.getElementById('graph');
  const details = document.getElementById('details');
  let svg = null;
  let selected = null;
  let view = null;
  let shownDetails = '';

  function meta(execution) {
    const end = execution.stopDate ? new Date(execution.stopDate) : new Date();
    document.getElementById('title').textContent = execution.name;
    document.title = execution.name + ' · mlpipe console';
    const item = (label, ...value) => el('div', {}, el('span', {}, label), ...value);
    document.getElementById('meta').replaceChildren(
      item('Status', el('span', { id: 'execution-status', 'data-status': execution.status }, badge(execution.status))),
      item('Model', execution.model || '—'),
      item('Started', time(execution.startDate)),
      item('Duration', duration(end - new Date(execution.startDate))),
      item('State machine', el('span', { title: execution.stateMachineArn }, execution.stateMachineArn.split(':').pop())),
      item('ARN', el('code', {}, execution.executionArn)));
    const error = document.getElementById('error');
    const open = error.querySelector('details')?.open;
    error.replaceChildren(...(execution.error || execution.cause
      ? [el('div', { class: 'error-box', 'data-testid': 'execution-error' }, el('strong', {}, execution.error || 'Error'), ': ', message(execution.cause),
        el('details', { open }, el('summary', {}, 'full cause'), el('pre', {}, pretty(execution.cause))))] : []));
  }

  // A Lambda's cause is its error JSON, stack trace included: the headline is its errorMessage.
  function message(cause) {
    try { return JSON.parse(cause).errorMessage || cause; } catch (e) { return cause || ''; }
  }

  function block(label, text) {
    return text === undefined || text === null || text === '' ? [] : [el('div', { class: 'label' }, label), el('pre', { 'data-field': label.toLowerCase() }, pretty(text))];
  }

  function showDetails() {
    if (!selected) return;
    const state = (view && view.states[selected]) || null;
    const key = selected + JSON.stringify(state);
    if (key === shownDetails) return; // unchanged: keep the reader's scroll position
    shownDetails = key;
    const type = svg ? svg.querySelector(`g.state[data-state="${CSS.escape(selected)}"]`)?.dataset.type : '';
    details.replaceChildren(
      el('h3', { 'data-testid': 'selected-state' }, selected, ' ', el('small', { style: 'color:var(--muted)' }, type || '')),
      el('div', {}, badge(state ? state.status : 'notrun'), state && state.visits > 1 ? `  visited ${state.visits} times (last visit shown)` : ''),
      ...(state ? [
        ...block('Entered', time(state.enteredAt)),
        ...block('Exited', time(state.exitedAt)),
        ...block('Input', state.input),
        ...block('Output', state.output),
        ...block('Error', state.error),
        ...block('Cause', state.cause)
      ] : [el('p', { class: 'empty' }, 'This state has not run in this execution.')]));
    for (const row of document.querySelectorAll('#events tbody tr')) row.classList.toggle('highlight', row.dataset.state === selected);
  }

  function choose(name) {
    selected = name;
    shownDetails = '';
    if (svg) StateGraph.select(svg, name);
    showDetails();
  }

  function summary(row) {
    const d = row.details || {};
    if (d.error || d.cause) return (d.error || '') + (d.cause ? ': ' + d.cause : '');
    if (d.resourceType) return d.resourceType + ':' + d.resource;
    if (d.input !== undefined) return 'input ' + d.input;
    if (d.output !== undefined) return 'output ' + d.output;
    return '';
  }

  function events(rows) {
    document.querySelector('#events tbody').replaceChildren(...rows.map(row => {
      const text = summary(row);
      return el('tr', { class: row.state ? 'clickable' : '', 'data-state': row.state || '', 'data-type': row.type, onclick: row.state ? () => choose(row.state) : null },
        el('td', { class: 'num' }, row.id),
        el('td', {}, row.type),
        el('td', {}, row.state || ''),
        el('td', {}, time(row.timestamp)),
        el('td', { title: text }, text.length > 140 ? text.slice(0, 140) + '…' : text));
    }));
  }

  async function load() {
    if (!arn) throw new Error('no execution given (execution.html?arn=...)');
    view = await api('execution', { arn });
    if (!svg) {
      const layout = await api('graph', { stateMachineArn: view.execution.stateMachineArn });
      svg = StateGraph.draw(graph, layout, choose);
    }
    meta(view.execution);
    StateGraph.colour(svg, view.states);
    events(view.events);
    if (selected) StateGraph.select(svg, selected);
    showDetails();
    return view.execution.status === 'RUNNING';
  }

  poll(load, 1000);
})();
