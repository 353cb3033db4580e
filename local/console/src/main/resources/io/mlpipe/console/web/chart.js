// A small SVG line chart of a model's metric over its versions; points coloured by approval status.
'use strict';
const MetricChart = (() => {
  const { el, number, time } = Console;

  // versions: [{version, metricValue, approval, createdAt}], champion: version string or null
  function draw(versions, champion, threshold, metricName) {
    const width = 560, height = 230, left = 52, right = 16, top = 26, bottom = 38;
    const points = versions.filter(v => typeof v.metricValue === 'number');
    const svg = el('svg', { class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, 'data-testid': 'metric-chart' });
    if (!points.length) {
      svg.append(el('text', { x: left, y: height / 2 }, 'No metrics yet'));
      return svg;
    }
    const values = points.map(p => p.metricValue).concat(typeof threshold === 'number' ? [threshold] : []);
    let lo = Math.min(...values), hi = Math.max(...values);
    if (hi - lo < 1e-9) { lo -= 0.05; hi += 0.05; }
    const pad = (hi - lo) * 0.1;
    lo -= pad; hi += pad;
    const x = i => left + (points.length === 1 ? (width - left - right) / 2 : i * (width - left - right) / (points.length - 1));
    const y = v => top + (hi - v) * (height - top - bottom) / (hi - lo);
    for (let t = 0; t <= 4; t++) {
      const v = lo + (hi - lo) * t / 4;
      svg.append(el('line', { class: 'axis', x1: left, x2: width - right, y1: y(v), y2: y(v) }),
        el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v.toFixed(3)));
    }
    if (typeof threshold === 'number') {
      svg.append(el('line', { class: 'threshold', x1: left, x2: width - right, y1: y(threshold), y2: y(threshold) }),
        el('text', { x: width - right, y: y(threshold) - 4, 'text-anchor': 'end' }, 'threshold ' + threshold));
    }
    svg.append(el('polyline', { class: 'line', points: points.map((p, i) => x(i) + ',' + y(p.metricValue)).join(' ') }));
    points.forEach((p, i) => {
      svg.append(el('circle', {
        class: (p.approval || 'unknown') + (p.version === champion ? ' champion' : ''), cx: x(i), cy: y(p.metricValue), r: 5,
        'data-version': p.version
      }, el('title', {}, `v${p.version}: ${metricName} ${number(p.metricValue)} · ${p.approval || ''} · ${time(p.createdAt)}`)));
      svg.append(el('text', { x: x(i), y: height - bottom + 16, 'text-anchor': 'middle' }, 'v' + Number(p.version)));
    });
    svg.append(el('text', { x: 4, y: 12 }, metricName || 'metric'));
    return svg;
  }

  return { draw };
})();
