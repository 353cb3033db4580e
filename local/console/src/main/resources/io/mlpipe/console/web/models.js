// The models page: per model its champion, a chart of the metric over versions, the versions with their
// approval status, and every run's gate decision and reason.
'use strict';
(() => {
  const { api, el, badge, time, number, poll } = Console;
  const container = document.getElementById('models');

  function champion(model) {
    const c = model.champion;
    if (!c) return el('div', { class: 'panel' }, el('strong', {}, 'No champion'), el('p', {}, 'No version has passed the gate yet.'));
    return el('div', { class: 'panel', 'data-testid': 'champion' },
      el('div', { class: 'label' }, 'Champion'),
      el('h3', {}, el('span', { class: 'star' }, '★ '), 'version ', c.championVersion),
      el('div', {}, `${c.metricName} ${number(c.metricValue)}`),
      el('div', {}, 'endpoint ', el('code', {}, c.endpointName || '')),
      el('div', {}, c.problemType || ''),
      el('div', { style: 'color:var(--muted)' }, 'since ', time(c.updatedAt)));
  }

  function versions(model) {
    const championVersion = model.champion ? model.champion.championVersion : null;
    return el('table', { 'data-testid': 'versions' },
      el('thead', {}, el('tr', {}, ['Version', 'Metric', 'Approval', 'Champion', 'Created', 'Run'].map(h => el('th', {}, h)))),
      el('tbody', {}, model.versions.map(v => el('tr', { 'data-version': v.version },
        el('td', {}, v.version),
        el('td', { class: 'num' }, `${v.metricName || ''} ${number(v.metricValue)}`),
        el('td', {}, v.approval ? badge(v.approval) : ''),
        el('td', {}, v.version === championVersion ? el('span', { class: 'star' }, '★ champion') : ''),
        el('td', {}, time(v.createdAt)),
        el('td', {}, el('code', {}, v.runId || ''))))));
  }

  function runs(model) {
    return el('table', { 'data-testid': 'runs' },
      el('thead', {}, el('tr', {}, ['Started', 'Status', 'Decision', 'Why', 'Metric', 'Version', 'File', 'Execution'].map(h => el('th', {}, h)))),
      el('tbody', {}, [...model.runs].reverse().map(run => el('tr', { 'data-run': run.runId },
        el('td', {}, time(run.startedAt)),
        el('td', {}, run.status ? badge(run.status) : ''),
        el('td', {}, run.decision ? badge(run.decision) : ''),
        el('td', { 'data-field': 'reason' }, run.reason || (run.error ? `${run.error}` : '')),
        el('td', { class: 'num' }, number(run.metricValue)),
        el('td', {}, run.modelVersion || ''),
        el('td', {}, el('code', {}, run.key || '')),
        el('td', {}, run.executionArn ? el('a', { href: 'execution.html?arn=' + encodeURIComponent(run.executionArn) }, 'open') : '')))));
  }

  // The gate's threshold is in the runs' reasons only as text; the chart shows it when one run states it.
  function threshold(model) {
    for (const run of model.runs) {
      const match = /threshold ([0-9.]+)/.exec(run.reason || '');
      if (match) return Number(match[1]);
    }
    return null;
  }

  async function load() {
    const answer = await api('models');
    if (!answer.models.length) {
      container.replaceChildren(el('div', { class: 'panel empty' }, 'No models yet: the first run that registers a version shows up here.'));
      return;
    }
    container.replaceChildren(...answer.models.map(model => {
      const metricName = (model.champion && model.champion.metricName) || (model.versions[0] && model.versions[0].metricName);
      return el('section', { class: 'model', 'data-model': model.model },
        el('h2', {}, model.model),
        el('div', { class: 'cards' }, champion(model),
          el('div', { class: 'panel' }, MetricChart.draw(model.versions, model.champion && model.champion.championVersion, threshold(model), metricName))),
        el('h2', {}, 'Versions'), versions(model),
        el('h2', {}, 'Runs and gate decisions'), runs(model));
    }));
  }

  poll(load, 5000);
})();
