// nn dashboard: the runs and sweeps of a directory, their curves overlaid, live while they train.
// Plain JavaScript and uPlot (vendored); the server answers /api/runs, /api/run, /api/sweep and
// streams /api/events (server-sent events, one per epoch, the epoch as the event id).
'use strict';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2',
  '#7f7f7f', '#bcbd22'];
const state = {
  runs: [], sweeps: [], selected: [], colors: {}, zoomed: null, showTraining: true, logCost: false, histories: {}, evaluatedOn: {}, streams: {}, sort: {runs: null, sweeps: null, results: null},
  sweep: null, smoothing: 0, measured: null, compareWith: null,
};
window.nnState = state;
window.nnCharts = {};

function fmt(v, digits) {
  return v === null || v === undefined || Number.isNaN(v) ? '' : Number(v).toFixed(digits);
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + ': ' + response.status);
  return response.json();
}

function sorted(rows, sort) {
  if (!sort) return rows;
  const {key, dir} = sort;
  return [...rows].sort((a, b) => {
    const x = a[key], y = b[key];
    const c = (typeof x === 'number' || typeof y === 'number')
      ? (x ?? -Infinity) - (y ?? -Infinity) : String(x ?? '').localeCompare(String(y ?? ''));
    return dir * c;
  });
}

function sortable(table, which, render) {
  table.querySelectorAll('th[data-key]').forEach(th => byClickOrKey(th, () => {
    const key = th.dataset.key;
    const current = state.sort[which];
    state.sort[which] = {key, dir: current && current.key === key ? -current.dir : 1};
    table.querySelectorAll('th').forEach(h => h.classList.remove('asc', 'desc'));
    th.classList.add(state.sort[which].dir > 0 ? 'asc' : 'desc');
    render();
  }));
}

/** A header that sorts: by a click, or from the keyboard (Tab to it, Enter or Space). */
function byClickOrKey(th, sort) {
  th.tabIndex = 0;
  th.addEventListener('click', sort);
  th.addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      sort();
    }
  });
}

/** A run's colour: given when it is ticked and kept while it is, so unticking another changes none. */
function colorOf(path) {
  return COLORS[state.colors[path] ?? 0];
}

/** Gives a run being ticked its earlier colour if no ticked run has it now, else the first free one. */
function assignColor(path) {
  const used = new Set(state.selected.map(p => state.colors[p]));
  if (path in state.colors && !used.has(state.colors[path])) return;
  let i = 0;
  while (used.has(i) && i < COLORS.length) i++;
  state.colors[path] = i % COLORS.length;
}

function renderRuns() {
  const body = document.querySelector('#runs tbody');
  body.replaceChildren();
  for (const r of sorted(state.runs, state.sort.runs)) {
    const checked = state.selected.includes(r.path);
    const box = el('input', {type: 'checkbox', 'aria-label': 'show ' + r.path});
    box.checked = checked;
    box.addEventListener('change', () => toggle(r.path));
    const name = el('td', {class: 'name'}, checked ? el('span', {class: 'swatch', style: 'background:'
      + colorOf(r.path)}) : '', r.path);
    if (r.problem) name.append(el('div', {class: 'problem'}, r.problem));
    // in a narrow window the configuration goes under the run's name instead of a column of its own
    if (r.config) name.append(el('div', {class: 'config-inline'}, r.config));
    body.append(el('tr', {class: checked ? 'selected' : '', 'data-path': r.path},
      el('td', {}, box), name, el('td', {class: 'status-' + r.status}, r.status), el('td', {}, r.epochs),
      accuracyCell(r, r.finalTestAccuracy), accuracyCell(r, r.bestTestAccuracy),
      el('td', {class: 'config'}, r.config)));
  }
  const none = document.getElementById('no-runs');
  none.hidden = state.runs.length > 0;
  // a sweep's trials (nn demo's runs too) are listed when their sweep is opened, not here
  none.querySelector('.with-sweeps').hidden = !(state.sweeps && state.sweeps.length);
  none.querySelector('.without-sweeps').hidden = !none.querySelector('.with-sweeps').hidden;
}

function renderSweeps() {
  const body = document.querySelector('#sweeps tbody');
  body.replaceChildren();
  for (const s of sorted(state.sweeps, state.sort.sweeps)) {
    const name = el('td', {}, s.path);
    if (s.problem) name.append(el('div', {class: 'problem'}, s.problem));
    body.append(el('tr', {class: 'clickable' + (state.sweep && state.sweep.path === s.path ? ' selected' : ''),
      'data-path': s.path, onclick: () => showSweep(s.path)},
    name, el('td', {class: 'status-' + s.status}, s.status), el('td', {}, s.done + ' of ' + s.trials),
    el('td', {}, s.failed), el('td', {}, (s.swept || []).join(', '))));
  }
  document.getElementById('no-sweeps').hidden = state.sweeps.length > 0;
}

async function refreshList() {
  try {
    const list = await getJson('api/runs');
    document.getElementById('root').textContent = list.root;
    state.endsWith = list.endsWith;
    state.root = list.root;
    state.runs = list.runs;
    state.sweeps = list.sweeps;
    renderRuns();
    renderSweeps();
    document.getElementById('connection').textContent = '';
    // a sweep on show that is still running gets its new rows
    const shown = state.sweep && state.sweeps.find(x => x.path === state.sweep.path);
    if (shown && shown.done !== state.sweep.rows.length) await showSweep(shown.path);
  } catch (e) {
    document.getElementById('connection').textContent = state.endsWith
      ? state.endsWith + ' has ended, and with it this page\'s server: the runs are in ' + state.root
        + ', and nn dashboard ' + state.root + ' shows them again'
      : 'cannot reach nn dashboard (' + e.message + ')';
  }
}

async function toggle(path) {
  if (state.selected.includes(path)) {
    state.selected = state.selected.filter(p => p !== path);
    if (state.streams[path]) {
      state.streams[path].close();
      delete state.streams[path];
    }
  } else {
    assignColor(path);
    state.selected.push(path);
    await load(path);
  }
  renderRuns();
  drawCharts();
  followInAddress();
}

/** The address follows the selection (the runs ticked, the sweep open), so that a link reopens this view. */
function followInAddress() {
  const parts = state.selected.map(p => 'run=' + encodeURIComponent(p));
  if (state.sweep) parts.push('sweep=' + encodeURIComponent(state.sweep.path));
  if (state.sweep && state.compareWith) parts.push('compare=' + encodeURIComponent(state.compareWith));
  if (state.smoothing > 0) parts.push('smoothing=' + state.smoothing);
  history.replaceState(null, '', '#' + parts.join('&'));
}

async function load(path) {
  const run = await getJson('api/run?path=' + encodeURIComponent(path));
  state.histories[path] = run.epochs;
  state.evaluatedOn[path] = run.evaluatedOn;
  if (run.status === 'running') follow(path);
}

/** Follows a run in progress: one event per epoch; a reconnect resumes after the last (Last-Event-ID). */
function follow(path) {
  if (state.streams[path]) return;
  const epochs = state.histories[path] || [];
  const after = epochs.length ? epochs[epochs.length - 1][0] : 0;
  const source = new EventSource('api/events?path=' + encodeURIComponent(path) + '&after=' + after);
  state.streams[path] = source;
  source.addEventListener('epoch', e => {
    const row = JSON.parse(e.data);
    const list = state.histories[path] || (state.histories[path] = []);
    if (!list.length || list[list.length - 1][0] < row[0]) list.push(row);
    updateCharts();
    const summary = state.runs.find(r => r.path === path);
    if (summary) {
      summary.epochs = list.length;
      summary.finalTestAccuracy = row[2];
      summary.bestTestAccuracy = Math.max(summary.bestTestAccuracy ?? -Infinity, row[2] ?? -Infinity);
      renderRuns();
    }
  });
  source.addEventListener('end', () => {
    source.close();
    delete state.streams[path];
    refreshList();
  });
}

/**
 * The selected runs on one epoch axis: [epochs, then per run its four metrics], null where a run has none.
 * The axis holds the epochs some run measured, not every number up to the last (a file may skip some, or
 * number an epoch 2147483647).
 */
function chartData() {
  const measured = new Set();
  for (const p of state.selected) for (const row of state.histories[p] || []) measured.add(row[0]);
  const xs = [...measured].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns = [xs];
  for (const p of state.selected) {
    const byEpoch = xs.map(() => [null, null, null, null]);
    for (const row of state.histories[p] || []) byEpoch[index.get(row[0])] = row.slice(1);
    for (let m = 0; m < 4; m++) columns.push(byEpoch.map(v => v[m]));
  }
  return columns;
}

/** A run's accuracy in the table; one measured on the validation data says so. */
function accuracyCell(r, value) {
  return r.evaluatedOn === 'validation' && value !== null && value !== undefined
    ? el('td', {title: 'measured on the validation data'}, fmt(value, 4), el('span', {class: 'evaluated'}, ' val.'))
    : el('td', {}, fmt(value, 4));
}

/** The data a selected run's test curve was measured on: 'test' or 'validation' (a sweep's trials too). */
function evaluatedOn(path) {
  return state.evaluatedOn[path] ?? 'test';
}

/**
 * Splits the data into the accuracy chart's and the cost chart's (metrics 0-1 and 2-3 of each run),
 * each curve smoothed if the smoothing is above 0; the measured values are kept for the hover.
 */
function split(columns) {
  const accuracy = [columns[0]], cost = [columns[0]];
  for (let i = 0; i < state.selected.length; i++) {
    accuracy.push(columns[1 + 4 * i + 1], columns[1 + 4 * i]);
    cost.push(columns[1 + 4 * i + 3], columns[1 + 4 * i + 2]);
  }
  state.measured = {Accuracy: accuracy, Cost: cost};
  const smoothed = chart => [chart[0], ...chart.slice(1).map(c => smooth(c, state.smoothing))];
  return state.smoothing > 0 ? {accuracy: smoothed(accuracy), cost: smoothed(cost)} : {accuracy, cost};
}

/**
 * An exponential moving average with weight {@code w} on the past, divided by {@code 1 - w^n} after n
 * values so that it does not start at 0 (the first value is the first measured one); gaps stay gaps.
 */
function smooth(values, w) {
  let average = 0, n = 0;
  return values.map(v => {
    if (v === null || v === undefined) return v;
    average = average * w + (1 - w) * v;
    n++;
    return average / (1 - Math.pow(w, n));
  });
}

/**
 * A hovered value as measured: an accuracy to its 4 decimals (k of 10,000), a cost to 6 significant
 * digits; smoothed, the smoothed value with the measured one beside it.
 */
function hoverValue(title) {
  const format = v => v === null || v === undefined ? '--' : title === 'Accuracy' ? v.toFixed(4) : v.toPrecision(6);
  return (u, v, series, index) => {
    if (!(state.smoothing > 0) || v === null || v === undefined || index === null || index === undefined) return format(v);
    return format(v) + ' (measured ' + format(state.measured[title][series][index]) + ')';
  };
}

/** A run's name in a legend: a sweep's trial by its own name, not the sweep's path to it. */
function shortName(path) {
  const at = path.lastIndexOf('/trials/');
  return at < 0 ? path : path.slice(at + '/trials/'.length);
}

/** Epochs are whole: ticks at 1, 2, 5, 10, 20, 50, ... apart, never at 2.5. */
/** The epoch axis's tick steps: 1, 2, 5, 10, 20, 50, ... up to 5e10 (whole epochs only). */
const EPOCH_TICKS = Array.from({length: 33}, (_, i) => [1, 2, 5][i % 3] * 10 ** Math.floor(i / 3));

/** The page's colours of the moment (light or dark, as the system prefers), for what the charts draw themselves. */
function themeColor(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function axis(label, incrs) {
  const ink = themeColor('--fg'), line = themeColor('--line');
  return {label, incrs, stroke: ink, grid: {stroke: line, width: 1}, ticks: {stroke: line, width: 1}};
}

function options(title, target) {
  const series = [{label: 'epoch', value: (u, v) => v === null || v === undefined ? '--' : String(v)}];
  for (const p of state.selected) {
    const color = colorOf(p);
    series.push({label: shortName(p) + ' ' + evaluatedOn(p), stroke: color, width: 1.5, spanGaps: true, value: hoverValue(title)});
    series.push({label: shortName(p) + ' training', stroke: color, width: 1, dash: [5, 4], spanGaps: true,
      value: hoverValue(title), show: state.showTraining});
  }
  return {
    title, width: chartWidth(target), height: 300, series,
    // a log cost axis shows the late epochs' changes that a linear one flattens
    scales: {x: {time: false}, y: title === 'Cost' && state.logCost ? {distr: 3} : {}}, axes: [axis('epoch', EPOCH_TICKS), axis(title.toLowerCase())],
    // hover is linked between the two charts (one epoch under the cursor in both), and so is zoom
    cursor: {drag: {x: true, y: false}, sync: {key: 'nn-epochs'}},
    hooks: {setScale: [followZoom], draw: [u => drawMeasured(u, title)]},
    // the legend's marks drawn as the lines are: test solid, training dashed
    legend: {live: true, markers: {dash: (u, i) => u.series[i].dash ? 'dashed' : 'solid'}},
  };
}

/** Smoothed, the measured curves are drawn faint behind the smoothed ones (as TensorBoard does). */
function drawMeasured(u, title) {
  if (!(state.smoothing > 0) || !state.measured) return;
  const measured = state.measured[title];
  const g = u.ctx;
  g.save();
  g.globalAlpha = 0.25;
  g.lineWidth = 1 * devicePixelRatio;
  g.beginPath();
  g.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  g.clip();
  for (let s = 1; s < u.series.length; s++) {
    if (!u.series[s].show) continue;
    const stroke = u.series[s].stroke;
    g.strokeStyle = typeof stroke === 'function' ? stroke(u, s) : stroke;
    g.setLineDash(u.series[s].dash ? u.series[s].dash.map(d => d * devicePixelRatio) : []);
    g.beginPath();
    let drawing = false;
    measured[s].forEach((v, i) => {
      if (v === null || v === undefined) {
        drawing = false;
        return;
      }
      const x = u.valToPos(u.data[0][i], 'x', true), y = u.valToPos(v, 'y', true);
      if (drawing) g.lineTo(x, y); else g.moveTo(x, y);
      drawing = true;
    });
    g.stroke();
  }
  g.restore();
}

function chartWidth(target) {
  return Math.max(280, target.clientWidth || 700);
}

// the charts follow their column's width: a resized window, and a scroll bar that comes or goes
let resizing = null;
function fitCharts() {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    for (const key of ['accuracy', 'cost']) {
      const chart = window.nnCharts[key];
      const width = chartWidth(document.getElementById(key + '-chart'));
      if (chart && chart.width !== width) chart.setSize({width, height: 300});
    }
  }, 100);
}
window.addEventListener('resize', fitCharts);
new ResizeObserver(fitCharts).observe(document.getElementById('charts'));

/** True if some curve of a chart's data has a value (the cost of runs without --monitor has none). */
function measured(data) {
  return data.slice(1).some(curve => curve.some(v => v !== null && v !== undefined));
}

function drawCharts() {
  const columns = split(chartData());
  for (const [key, title] of [['accuracy', 'Accuracy'], ['cost', 'Cost']]) {
    const target = document.getElementById(key + '-chart');
    if (window.nnCharts[key]) window.nnCharts[key].destroy();
    target.replaceChildren();
    window.nnCharts[key] = null;
    if (!state.selected.length) continue;
    if (key === 'cost' && !measured(columns.cost)) {
      // no empty chart: the runs' own figures leave the panel out too
      target.append(el('p', {class: 'hint no-cost'}, 'No cost measured for these runs (nn train --monitor measures it).'));
      continue;
    }
    window.nnCharts[key] = new uPlot(options(title, target), columns[key], target);
  }
  // a zoom is kept when runs are ticked or unticked
  const range = state.zoomed;
  if (range && window.nnCharts.accuracy) window.nnCharts.accuracy.setScale('x', range);
}

let followingZoom = false;

/** A chart's epoch range changed (a drag, the inset): the other chart takes it too, and it is kept for redraws. */
function followZoom(u, key) {
  if (key !== 'x' || followingZoom) return;
  const last = u.data[0].length;
  const {min, max} = u.scales.x;
  state.zoomed = min <= 1 && max >= last ? null : {min, max};
  followingZoom = true;
  try {
    for (const chart of Object.values(window.nnCharts)) {
      if (chart && chart !== u && (chart.scales.x.min !== min || chart.scales.x.max !== max)) {
        chart.setScale('x', {min, max});
      }
    }
  } finally {
    followingZoom = false;
  }
}

function updateCharts() {
  const columns = split(chartData());
  if (!window.nnCharts.cost && state.selected.length && measured(columns.cost)) {
    drawCharts(); // a live run's first cost
    return;
  }
  for (const key of ['accuracy', 'cost']) {
    const chart = window.nnCharts[key];
    if (chart) chart.setData(columns[key]);
  }
}

/**
 * The seed's inset from epoch 100 (or from half way, for a shorter run), or the whole run. As the
 * book's inset, the y axis of the inset fits the test curves (solid: series 1, 3, ...) over those
 * epochs; the whole run goes back to fitting everything.
 */
function zoom(inset) {
  for (const chart of Object.values(window.nnCharts)) {
    if (!chart) continue;
    const xs = chart.data[0];
    if (!xs.length) continue;
    const first = xs[0], last = xs[xs.length - 1];
    const from = inset ? Math.min(100, Math.max(first, Math.floor(last / 2))) : first;
    chart.setScale('x', {min: from, max: last});
    if (!inset) continue;
    let lo = Infinity, hi = -Infinity;
    for (let s = 1; s < chart.data.length; s += 2) {
      for (let i = xs.findIndex(x => x >= from); i >= 0 && i < xs.length; i++) {
        const v = chart.data[s][i];
        if (v !== null && v !== undefined) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo < hi) chart.setScale('y', {min: lo - (hi - lo) * 0.05, max: hi + (hi - lo) * 0.05});
  }
}

async function showSweep(path) {
  const sweep = await getJson('api/sweep?path=' + encodeURIComponent(path));
  state.sweep = sweep;
  renderSweeps();
  followInAddress();
  document.getElementById('sweep').hidden = false;
  document.getElementById('sweep-title').textContent = sweep.path + ': ' + sweep.rows.length + ' of '
    + sweep.trials + ' trials (' + sweep.status + ')' + (sweep.problem ? ' ' + sweep.problem : '');
  renderHeatMap(sweep);
  renderTrialsView();
  await renderComparison();
  renderResults();
}

/** Viridis at t in [0, 1]: a sequential scale that reads the same to colour-blind eyes and in grey. */
const VIRIDIS = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b',
  '#fde725'];
function viridis(t) {
  const x = Math.min(Math.max(t, 0), 1) * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(x), VIRIDIS.length - 2), f = x - i;
  const rgb = c => [1, 3, 5].map(k => parseInt(c.slice(k, k + 2), 16));
  const a = rgb(VIRIDIS[i]), b = rgb(VIRIDIS[i + 1]);
  return 'rgb(' + a.map((v, k) => Math.round(v + (b[k] - v) * f)).join(', ') + ')';
}

/**
 * For a grid of two flags: each point's mean final test accuracy over its seeds, with their spread,
 * on a viridis scale with its legend. With successive halving a point is coloured only if its
 * trials ran the last rung reached; one stopped at an earlier rung is shown grey with its epochs,
 * since its accuracy is of fewer epochs and not comparable.
 */
function renderHeatMap(sweep) {
  const target = document.getElementById('heat-map');
  target.replaceChildren();
  if (sweep.grid.length !== 2 || sweep.random) return;
  const [x, y] = sweep.grid;
  const col = name => sweep.columns.indexOf(name);
  const acc = col('final_test_accuracy'), status = col('status'), rung = col('rung'), epochs = col('epochs_run');
  const cells = {};
  let lastRung = 0;
  for (const r of sweep.rows) {
    if (r[status] !== 'ok' || r[acc] === '') continue;
    const key = r[col(x.name)] + '\u0000' + r[col(y.name)];
    const c = cells[key] || (cells[key] = {trials: []});
    c.trials.push({value: Number(r[acc]), rung: rung >= 0 ? Number(r[rung]) : 0,
      epochs: epochs >= 0 ? Number(r[epochs]) : 0});
  }
  for (const c of Object.values(cells)) {
    // a point's seeds may have stopped at different rungs: its value is of those that went furthest
    c.rung = Math.max(...c.trials.map(t => t.rung));
    const furthest = c.trials.filter(t => t.rung === c.rung);
    c.values = furthest.map(t => t.value);
    c.epochs = Math.max(...furthest.map(t => t.epochs));
    c.of = c.trials.length;
    lastRung = Math.max(lastRung, c.rung);
  }
  for (const c of Object.values(cells)) {
    Object.assign(c, meanAndSpread(c.values));
    c.comparable = rung < 0 || c.rung === lastRung;
  }
  const means = Object.values(cells).filter(c => c.comparable).map(c => c.mean);
  const lo = Math.min(...means), hi = Math.max(...means);
  const table = el('table', {}, el('tr', {}, el('th', {}, y.name + ' \\ ' + x.name), ...x.values.map(v => el('th', {}, v))));
  let earlier = 0;
  for (const yv of y.values) {
    const row = el('tr', {}, el('th', {}, yv));
    for (const xv of x.values) {
      const c = cells[xv + '\u0000' + yv];
      if (!c) {
        row.append(el('td', {}));
        continue;
      }
      const spread = c.sd === null ? '' : ' \u00b1' + fmt(c.sd, 4);
      const seeds = n => n + ' seed' + (n > 1 ? 's' : '');
      const title = seeds(c.values.length) + ': ' + c.values.map(v => fmt(v, 4)).join(', ')
        + (c.epochs ? ' after ' + c.epochs + ' epoch' + (c.epochs > 1 ? 's' : '') : '')
        + (c.of > c.values.length ? ' (of ' + seeds(c.of) + '; the others stopped at an earlier rung)' : '');
      const note = rung < 0 ? null : el('span', {class: 'cell-note'}, c.epochs + ' epoch' + (c.epochs > 1 ? 's' : '')
        + (c.of > c.values.length ? ', ' + c.values.length + ' of ' + c.of + ' seeds' : ''));
      if (!c.comparable) {
        earlier++;
        row.append(el('td', {class: 'earlier', title: 'stopped at rung ' + c.rung + ': ' + title},
          fmt(c.mean, 4) + spread, el('br'), note));
        continue;
      }
      const t = hi === lo ? 0.5 : (c.mean - lo) / (hi - lo);
      const cell = el('td', {title, style: 'background: ' + viridis(t) + '; color: ' + (t < 0.6 ? '#fff' : '#000')},
        fmt(c.mean, 4) + spread);
      if (note) cell.append(el('br'), note);
      row.append(cell);
    }
    table.append(row);
  }
  const legend = el('div', {class: 'legend'}, el('span', {}, fmt(lo, 4)),
    el('span', {class: 'ramp', style: 'background: linear-gradient(to right, ' + VIRIDIS.join(', ') + ')'}),
    el('span', {}, fmt(hi, 4)));
  target.append(el('div', {}, 'Mean final test accuracy over the seeds (\u00b1 their standard deviation)'
    + (rung < 0 ? ':' : ', each point at the furthest rung its seeds reached:')),
    table, legend);
  if (earlier) {
    target.append(el('div', {class: 'hint'}, 'Grey: points stopped by successive halving before the last rung ('
      + 'their accuracy is of fewer epochs, left off the colour scale).'));
  }
}

/**
 * A position in [0, 1] for each of {@code values}: numbers on a linear scale, or a logarithmic one
 * when they are all above 0 and span a factor of 20 or more (learning rates, lambdas); anything else
 * as categories in the order first seen. Returns the positions and a few labelled ticks.
 */
function axisScale(values) {
  const numbers = values.map(Number);
  if (values.every(v => v !== '' && v !== null && Number.isFinite(Number(v)))) {
    const lo = Math.min(...numbers), hi = Math.max(...numbers);
    const log = lo > 0 && hi / lo >= 20;
    const f = log ? Math.log : x => x;
    const at = v => hi === lo ? 0.5 : (f(v) - f(lo)) / (f(hi) - f(lo));
    const ticks = [...new Set(numbers)].sort((a, b) => a - b);
    const shown = ticks.length <= 6 ? ticks : [lo, ...[0.25, 0.5, 0.75].map(q => log
      ? Math.exp(f(lo) + q * (f(hi) - f(lo))) : lo + q * (hi - lo)), hi];
    return {at: numbers.map(at), ticks: shown.map(v => ({at: at(v), label: Number(v.toPrecision(4)).toString()})),
      log};
  }
  const categories = [...new Set(values.map(String))];
  const at = v => categories.length === 1 ? 0.5 : categories.indexOf(String(v)) / (categories.length - 1);
  return {at: values.map(at), ticks: categories.map(c => ({at: at(c), label: c})), log: false};
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/**
 * The finished trials against their hyperparameters: a scatter of final test accuracy against one
 * swept flag (chosen), and parallel coordinates of every swept flag and the accuracy, a line per
 * trial coloured by its accuracy. Hover names a trial; a click overlays its curves.
 */
function renderTrialsView() {
  const target = document.getElementById('trials-view');
  target.replaceChildren();
  const sweep = state.sweep;
  const names = (sweep.swept || sweep.grid.map(a => a.name)).filter(n => sweep.columns.includes(n));
  const col = name => sweep.columns.indexOf(name);
  const acc = col('final_test_accuracy'), status = col('status'), trial = col('trial'), dir = col('run_dir');
  const rows = sweep.rows.filter(r => r[status] === 'ok' && r[acc] !== '');
  if (!names.length || rows.length < 2) return;
  const accuracy = rows.map(r => Number(r[acc]));
  const lo = Math.min(...accuracy), hi = Math.max(...accuracy);
  const shade = v => viridis(hi === lo ? 0.5 : (v - lo) / (hi - lo));
  const overlay = r => async () => { await toggle(sweep.path + '/' + r[dir]); renderResults(); };
  const ink = themeColor('--fg'), line = themeColor('--line');
  const W = 640, H = 260, left = 60, right = 20, top = 14, bottom = 40;
  const y = v => top + (H - top - bottom) * (1 - (hi === lo ? 0.5 : (v - lo) / (hi - lo)));

  // the scatter, against the flag the select names
  state.scatterX = names.includes(state.scatterX) ? state.scatterX : names[0];
  const select = el('select', {id: 'scatter-x'}, ...names.map(n => el('option', n === state.scatterX
    ? {value: n, selected: 'selected'} : {value: n}, n)));
  select.addEventListener('change', () => { state.scatterX = select.value; renderTrialsView(); });
  const xs = axisScale(rows.map(r => r[col(state.scatterX)]));
  const x = t => left + (W - left - right) * (0.05 + 0.9 * t);
  const scatter = svg('svg', {id: 'scatter', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H});
  for (const t of xs.ticks) {
    scatter.append(svg('line', {x1: x(t.at), x2: x(t.at), y1: top, y2: H - bottom, stroke: line}),
      svg('text', {x: x(t.at), y: H - bottom + 14, 'text-anchor': 'middle', 'font-size': 11, fill: ink}, t.label));
  }
  for (const v of [lo, (lo + hi) / 2, hi]) {
    scatter.append(svg('text', {x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: ink}, v.toFixed(4)));
  }
  scatter.append(svg('text', {x: (left + W - right) / 2, y: H - 6, 'text-anchor': 'middle', 'font-size': 12, fill: ink},
    state.scatterX + (xs.log ? ' (log scale)' : '')));
  rows.forEach((r, i) => {
    const dot = svg('circle', {cx: x(xs.at[i]), cy: y(accuracy[i]), r: 5, fill: shade(accuracy[i]), stroke: ink,
      'stroke-width': 0.5, class: 'trial-mark'}, svg('title', {}, r[trial] + ': final test accuracy ' + accuracy[i].toFixed(4)));
    dot.addEventListener('click', overlay(r));
    scatter.append(dot);
  });

  // parallel coordinates: an axis per swept flag, then the accuracy
  const axes = [...names.map(n => ({name: n, scale: axisScale(rows.map(r => r[col(n)]))})),
    {name: 'final test accuracy', scale: axisScale(accuracy)}];
  // room on the right for the accuracy axis' labels, which sit right of it as every axis' do
  const ax = i => 30 + (W - 30 - 80) * (axes.length === 1 ? 0.5 : i / (axes.length - 1));
  const py = t => top + (H - top - bottom) * (1 - t);
  const parallel = svg('svg', {id: 'parallel', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H});
  rows.forEach((r, i) => {
    const points = axes.map((a, k) => ax(k) + ',' + py(a.scale.at[i])).join(' ');
    const path = svg('polyline', {points, fill: 'none', stroke: shade(accuracy[i]), 'stroke-width': 1.5,
      'stroke-opacity': 0.8, class: 'trial-mark'}, svg('title', {}, r[trial] + ': final test accuracy '
        + accuracy[i].toFixed(4)));
    path.addEventListener('click', overlay(r));
    parallel.append(path);
  });
  axes.forEach((a, k) => {
    parallel.append(svg('line', {x1: ax(k), x2: ax(k), y1: top, y2: H - bottom, stroke: ink}),
      // the first axis' name starts at the left edge: centred on its axis, a long one would be cut off
      svg('text', {x: k === 0 ? 2 : ax(k), y: H - 8, 'text-anchor': k === 0 ? 'start' : 'middle', 'font-size': 12,
        fill: ink}, a.name + (a.scale.log ? ' (log)' : '')));
    for (const t of a.scale.ticks) {
      parallel.append(svg('text', {x: ax(k) + 4, y: py(t.at) + 4, 'font-size': 10, fill: ink},
        a.name === 'final test accuracy' ? Number(t.label).toFixed(4) : t.label));
    }
  });
  target.append(el('div', {class: 'trials-title'}, 'Final test accuracy of each finished trial against ', select,
    ' (click a trial for its curves):'), scatter, el('div', {class: 'trials-title'},
    'Every swept flag and the final test accuracy, a line per trial:'), parallel);
}

/** The finished trials of a sweep by point (its swept values), with their final test accuracies. */
function byPoint(sweep, names) {
  const col = name => sweep.columns.indexOf(name);
  const acc = col('final_test_accuracy'), status = col('status');
  const points = new Map();
  for (const r of sweep.rows) {
    if (r[status] !== 'ok' || r[acc] === '') continue;
    const key = names.map(n => n + '=' + r[col(n)]).join(' ');
    if (!points.has(key)) points.set(key, []);
    points.get(key).push(Number(r[acc]));
  }
  return points;
}

function meanAndSpread(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) : null;
  return {mean, sd, text: fmt(mean, 4) + (sd === null ? '' : ' \u00b1' + fmt(sd, 4)) + ' (' + values.length + ')'};
}

/**
 * The open sweep beside another one the user picks: for every point the two have in common (the
 * same values of the flags both sweep), each one's mean final test accuracy over its seeds, with
 * the spread and the number of trials, and the difference.
 */
async function renderComparison() {
  const target = document.getElementById('compare');
  target.replaceChildren();
  const others = state.sweeps.filter(s => s.path !== state.sweep.path);
  if (!others.length) return;
  const select = el('select', {id: 'compare-with'}, el('option', {value: ''}, 'no other sweep'),
    ...others.map(s => el('option', s.path === state.compareWith ? {value: s.path, selected: 'selected'}
      : {value: s.path}, s.path)));
  select.addEventListener('change', async () => {
    state.compareWith = select.value || null;
    followInAddress();
    await renderComparison();
  });
  target.append(el('div', {class: 'trials-title'}, 'Side by side with ', select));
  if (!state.compareWith || !others.some(s => s.path === state.compareWith)) return;
  const other = await getJson('api/sweep?path=' + encodeURIComponent(state.compareWith));
  const mine = state.sweep.swept || [];
  const names = mine.filter(n => (other.swept || []).includes(n) && other.columns.includes(n));
  const a = byPoint(state.sweep, names), b = byPoint(other, names);
  const shared = [...a.keys()].filter(k => b.has(k));
  if (!shared.length) {
    target.append(el('div', {class: 'hint'}, 'No point in common: ' + state.sweep.path + ' sweeps ' + mine.join(', ')
      + '; ' + other.path + ' sweeps ' + (other.swept || []).join(', ') + '.'));
    return;
  }
  const table = el('table', {id: 'comparison'}, el('tr', {}, el('th', {}, names.join(' ') || '(base)'),
    el('th', {}, state.sweep.path), el('th', {}, other.path), el('th', {}, 'difference')));
  for (const key of shared) {
    const x = meanAndSpread(a.get(key)), y = meanAndSpread(b.get(key));
    const d = y.mean - x.mean;
    table.append(el('tr', {}, el('td', {}, key || '(base)'), el('td', {}, x.text), el('td', {}, y.text),
      el('td', {class: d > 0 ? 'better' : d < 0 ? 'worse' : ''}, (d > 0 ? '+' : '') + fmt(d, 4))));
  }
  target.append(el('div', {}, 'Mean final test accuracy over the seeds (\u00b1 their spread, and the trials), at '
    + shared.length + ' point' + (shared.length > 1 ? 's' : '') + ' both have:'), table);
}

function renderResults() {
  const sweep = state.sweep;
  const table = document.getElementById('results');
  const shown = sweep.columns.filter(c => !['run_dir', 'reason', 'min_test_cost', 'final_test_cost'].includes(c));
  const head = el('tr', {}, ...shown.map(c => el('th', {'data-key': c}, c)));
  table.tHead.replaceChildren(head);
  head.querySelectorAll('th').forEach(th => byClickOrKey(th, () => {
    const current = state.sort.results;
    state.sort.results = {key: th.dataset.key, dir: current && current.key === th.dataset.key ? -current.dir : 1};
    renderResults();
    // the header row is drawn anew: the keyboard stays on the same column
    document.querySelector('#results th[data-key="' + CSS.escape(th.dataset.key) + '"]').focus();
  }));
  // numbers to sort by; shown as recorded (a swept 0.1 stays 0.1), accuracies and costs to 4 decimals
  const objects = sweep.rows.map(r => Object.assign(Object.fromEntries(sweep.columns.map((c, i) =>
    [c, r[i] !== '' && !Number.isNaN(Number(r[i])) && c !== 'trial' ? Number(r[i]) : r[i]])), {recorded: r}));
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const o of sorted(objects, state.sort.results)) {
    const path = sweep.path + '/' + o.run_dir;
    const tr = el('tr', {class: 'clickable' + (state.selected.includes(path) ? ' selected' : ''), title: o.reason || '',
      onclick: async () => { await toggle(path); renderResults(); }},
    ...shown.map(c => el('td', {}, /_(accuracy|cost)$/.test(c) && typeof o[c] === 'number' ? fmt(o[c], 4)
      : o.recorded[sweep.columns.indexOf(c)])));
    body.append(tr);
  }
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(v) {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function csv(header, rows) {
  return [header, ...rows].map(r => r.map(csvField).join(',')).join('\n') + '\n';
}

/** The runs table as it is listed, every value in full. */
function runsCsv() {
  const keys = ['path', 'status', 'epochs', 'finalTestAccuracy', 'bestTestAccuracy', 'evaluatedOn', 'config',
    'problem'];
  return csv(keys, sorted(state.runs, state.sort.runs).map(r => keys.map(k => r[k])));
}

/** The open sweep's results, as recorded (its results.csv, with the rows finished so far). */
function resultsCsv() {
  return csv(state.sweep.columns, state.sweep.rows);
}

/**
 * A chart as a PNG: its title, the plot with its axes as drawn now (zoom included), and a legend
 * of its visible series (solid: test, dashed: training), on the page's background.
 */
function chartPng(chart) {
  const plot = chart.ctx.canvas;
  const ratio = plot.width / chart.width;
  const visible = chart.series.slice(1).filter(s => s.show);
  const rowHeight = 18 * ratio, top = 28 * ratio;
  const out = document.createElement('canvas');
  out.width = plot.width;
  out.height = top + plot.height + (visible.length + 1) * rowHeight;
  const g = out.getContext('2d');
  g.fillStyle = themeColor('--bg') || '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.fillStyle = themeColor('--fg') || '#222';
  g.font = 'bold ' + Math.round(16 * ratio) + 'px system-ui, sans-serif';
  g.textAlign = 'center';
  g.fillText(chart.series.length ? chart.root.querySelector('.u-title').textContent : '', out.width / 2, 20 * ratio);
  g.drawImage(plot, 0, top);
  g.textAlign = 'left';
  g.font = Math.round(12 * ratio) + 'px system-ui, sans-serif';
  visible.forEach((s, i) => {
    const y = top + plot.height + (i + 1) * rowHeight;
    g.strokeStyle = typeof s.stroke === 'function' ? s.stroke(chart, chart.series.indexOf(s)) : s.stroke;
    g.lineWidth = 2 * ratio;
    g.setLineDash(s.dash ? s.dash.map(d => d * ratio) : []);
    g.beginPath();
    g.moveTo(40 * ratio, y - 4 * ratio);
    g.lineTo(70 * ratio, y - 4 * ratio);
    g.stroke();
    g.fillText(s.label, 78 * ratio, y);
  });
  return out.toDataURL('image/png');
}

function download(name, href) {
  const a = el('a', {href, download: name});
  document.body.append(a);
  a.click();
  a.remove();
}

function downloadText(name, text) {
  const url = URL.createObjectURL(new Blob([text], {type: 'text/csv'}));
  download(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function main() {
  document.getElementById('save-charts').addEventListener('click', () => {
    for (const key of ['accuracy', 'cost']) if (window.nnCharts[key]) download(key + '.png', chartPng(window.nnCharts[key]));
  });
  document.getElementById('save-runs').addEventListener('click', () => downloadText('runs.csv', runsCsv()));
  document.getElementById('save-results').addEventListener('click', () =>
    downloadText(state.sweep.path.replace(/\//g, '-') + '-results.csv', resultsCsv()));
  sortable(document.getElementById('runs'), 'runs', renderRuns);
  sortable(document.getElementById('sweeps'), 'sweeps', renderSweeps);
  document.getElementById('inset').addEventListener('click', () => zoom(true));
  document.getElementById('reset').addEventListener('click', () => zoom(false));
  document.getElementById('show-training').addEventListener('change', e => {
    state.showTraining = e.target.checked;
    drawCharts();
  });
  document.getElementById('smoothing').addEventListener('input', e => {
    state.smoothing = Number(e.target.value);
    document.getElementById('smoothing-value').textContent = e.target.value;
    updateCharts();
    followInAddress();
  });
  // the charts' axes and grid follow a switch between light and dark
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => drawCharts());
  document.getElementById('log-cost').addEventListener('change', e => {
    state.logCost = e.target.checked;
    drawCharts();
  });
  await refreshList();
  const address = new URLSearchParams(location.hash.slice(1));
  const smoothing = Number(address.get('smoothing'));
  if (smoothing > 0 && smoothing < 1) {
    const slider = document.getElementById('smoothing');
    slider.value = String(smoothing);
    state.smoothing = Number(slider.value);
    document.getElementById('smoothing-value').textContent = slider.value;
  }
  const wanted = address.getAll('run');
  for (const path of wanted) if (!state.selected.includes(path)) await toggle(path);
  const sweep = address.get('sweep');
  state.compareWith = address.get('compare');
  if (sweep && state.sweeps.some(s => s.path === sweep)) await showSweep(sweep);
  // with nothing in the address, the first run that has epochs and no problem (a broken one draws nothing)
  const drawable = sorted(state.runs, {key: 'path', dir: 1}).filter(r => r.epochs > 0 && !r.problem);
  if (!wanted.length && !sweep && drawable.length) await toggle(drawable[0].path);
  // with no run outside a sweep (nn demo's runs are a sweep's), the first sweep is opened instead
  const firstSweep = sorted(state.sweeps, {key: 'path', dir: 1}).find(s => !s.problem);
  if (!wanted.length && !sweep && !drawable.length && !state.runs.length && firstSweep) await showSweep(firstSweep.path);
  setInterval(refreshList, 5000);
  document.body.dataset.ready = 'true';
}

main();
