// Draws a laid-out state machine (api/graph) as SVG and colours its states by their status.
'use strict';
const StateGraph = (() => {
  const { el } = Console;

  function path(points) {
    return points.map((p, i) => (i ? 'L' : 'M') + p[0].toFixed(1) + ' ' + p[1].toFixed(1)).join(' ');
  }

  // onSelect(name) is called when a state is clicked.
  function draw(container, layout, onSelect) {
    const svg = el('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, 'data-testid': 'graph' },
      el('defs', {}, ['arrow', 'arrow-catch', 'arrow-back'].map(id => el('marker',
        { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        el('path', { d: 'M0 0 L10 5 L0 10 z', fill: id === 'arrow-catch' ? '#e8a87c' : id === 'arrow-back' ? '#6b8fd6' : '#8a9bb0' })))));
    for (const edge of layout.edges) {
      const kind = edge.kind === 'catch' ? 'catch' : edge.back ? 'back' : edge.kind;
      svg.append(el('path', {
        class: 'edge ' + kind, d: path(edge.points), 'data-from': edge.from, 'data-to': edge.to, 'data-kind': edge.kind,
        'marker-end': `url(#${edge.kind === 'catch' ? 'arrow-catch' : edge.back ? 'arrow-back' : 'arrow'})`
      }, el('title', {}, `${edge.from} → ${edge.to}` + (edge.label ? ` (${edge.kind}: ${edge.label})` : ''))));
    }
    const start = layout.nodes.find(n => n.name === layout.startAt);
    if (start) svg.append(el('circle', { cx: start.x + start.width / 2, cy: start.y - 12, r: 5, fill: '#334e68' }));
    for (const node of layout.nodes) {
      const terminal = ['Succeed', 'Fail'].includes(node.type);
      svg.append(el('g', {
        class: 'state', 'data-state': node.name, 'data-type': node.type, 'data-status': 'notrun',
        onclick: () => onSelect(node.name)
      },
      el('title', {}, `${node.name} (${node.type})`),
      el('rect', { x: node.x, y: node.y, width: node.width, height: node.height, rx: terminal ? node.height / 2 : 5 }),
      el('text', { x: node.x + node.width / 2, y: node.y + node.height / 2 }, node.name),
      el('text', { class: 'visits', x: node.x + node.width + 3, y: node.y + 6 }, '')));
    }
    container.replaceChildren(svg);
    // A drawing wider than its pane opens on the start state, not on the left margin.
    if (start) container.scrollLeft = Math.max(0, start.x + start.width / 2 - container.clientWidth / 2);
    return svg;
  }

  // states: {name: {status, visits, ...}} from api/execution; a state not listed has not run.
  function colour(svg, states) {
    for (const g of svg.querySelectorAll('g.state')) {
      const state = states[g.dataset.state];
      g.dataset.status = state ? state.status : 'notrun';
      g.querySelector('.visits').textContent = state && state.visits > 1 ? '×' + state.visits : '';
    }
    // A transition was taken when both ends ran (close enough to read the path the execution took).
    for (const edge of svg.querySelectorAll('path.edge')) {
      const from = states[edge.dataset.from];
      const to = states[edge.dataset.to];
      const taken = from && to && (edge.dataset.kind !== 'catch' || from.status === 'caught');
      edge.classList.toggle('taken', Boolean(taken));
    }
  }

  function select(svg, name) {
    for (const g of svg.querySelectorAll('g.state')) g.classList.toggle('selected', g.dataset.state === name);
  }

  return { draw, colour, select };
})();
