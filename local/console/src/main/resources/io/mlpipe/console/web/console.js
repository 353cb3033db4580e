// Shared by every page: fetching the API, building elements, formatting, polling.
'use strict';

const Console = (() => {
  async function api(path, params) {
    const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    const response = await fetch('api/' + path + (query.toString() ? '?' + query : ''), { cache: 'no-store' });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || response.statusText);
    return body;
  }

  // el('td', {class: 'num'}, 'text', childNode, ...): attributes starting with "on" become listeners.
  function el(tag, attributes, ...children) {
    const svg = ['svg', 'g', 'rect', 'text', 'path', 'circle', 'line', 'marker', 'defs', 'title', 'polyline'].includes(tag);
    const node = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function badge(status) {
    return el('span', { class: 'badge ' + status }, status === 'notrun' ? 'not run' : status);
  }

  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    const pad = (n, w = 2) => String(n).padStart(w, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  }

  function duration(ms) {
    if (ms === undefined || ms === null) return '';
    if (ms < 1000) return ms + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
    const minutes = Math.floor(ms / 60000);
    return minutes + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
  }

  // Inputs, outputs and causes are often JSON text: show them indented.
  function pretty(text) {
    if (text === undefined || text === null) return '';
    if (typeof text !== 'string') return JSON.stringify(text, null, 2);
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
  }

  function number(value, digits = 4) {
    return typeof value === 'number' ? value.toFixed(digits) : (value ?? '');
  }

  // Runs load() now and every `ms` while the tab is visible; load() returning false stops it.
  function poll(load, ms) {
    const live = document.getElementById('live');
    let timer = null;
    async function tick() {
      let again = true;
      try {
        again = (await load()) !== false;
        if (live) live.textContent = again ? 'live · updated ' + new Date().toLocaleTimeString() : 'updated ' + new Date().toLocaleTimeString();
      } catch (e) {
        if (live) live.textContent = 'cannot reach the twin: ' + e.message;
      }
      if (again) timer = setTimeout(tick, ms);
    }
    tick();
    return () => clearTimeout(timer);
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  return { api, el, badge, time, duration, pretty, number, poll, param };
})();
