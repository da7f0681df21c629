// Statistics (staff): created and resolved per day (uPlot), by status, category and priority, response and
// resolution times, per staff member; a date range, the last 30 days by default.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../api.js';
import { lang, t } from '../i18n.js';
import { Failure, h, Loading } from '../ui.js';

const UPLOT = '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
const UPLOT_CSS = '/webjars/uplot/1.6.30/dist/uPlot.min.css';
const STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_RESPONSE', 'RESOLVED', 'CLOSED'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'];

function day(offset) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

function loadChartCss() {
  if (document.querySelector(`link[href="${UPLOT_CSS}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = UPLOT_CSS;
  document.head.appendChild(link);
}

function PerDayChart({ created, resolved }) {
  const box = useRef(null);
  useEffect(() => {
    let chart = null;
    let gone = false;
    loadChartCss();
    import(UPLOT).then(({ default: UPlot }) => {
      if (gone) return;
      const css = getComputedStyle(document.documentElement);
      const color = (name) => css.getPropertyValue(name).trim();
      const xs = created.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000);
      const width = Math.max(280, box.current.clientWidth);
      const axis = { stroke: color('--text-muted'), grid: { stroke: color('--line') }, ticks: { stroke: color('--line') } };
      chart = new UPlot({
        width, height: 220, tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        series: [{}, { label: t('stats_created'), stroke: color('--chart-1'), width: 2, fill: color('--chart-1-fill') },
          { label: t('stats_resolved'), stroke: color('--chart-2'), width: 2 }],
        axes: [{ ...axis }, { ...axis, size: 36 }],
        scales: { y: { range: (u, min, max) => [0, Math.max(4, max + 1)] } },
        legend: { live: false },
      }, [xs, created.map((d) => d.count), resolved.map((d) => d.count)], box.current);
    });
    return () => { gone = true; if (chart) chart.destroy(); };
  }, [created, resolved]);
  const total = (list) => list.reduce((sum, d) => sum + d.count, 0);
  return h('figure', { class: 'chart' },
    h('div', { ref: box, class: 'chart-box', role: 'img', id: 'chart-per-day',
      'aria-label': `${t('stats_created')}: ${total(created)}, ${t('stats_resolved')}: ${total(resolved)}` }),
    h('details', null, h('summary', null, t('stats_created_resolved')),
      h('table', null, h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, t('stats_created')),
        h('th', { scope: 'col' }, t('stats_resolved')))),
      h('tbody', null, created.map((d, i) => h('tr', { key: d.date }, h('td', null, d.date), h('td', null, d.count),
        h('td', null, resolved[i] ? resolved[i].count : 0)))))));
}

/** Horizontal bars: {label, value, color?} rows, widths relative to the largest. */
function Bars({ rows, id }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return h('ul', { class: 'bars', id }, rows.map((r) => h('li', { key: r.label },
    h('span', { class: 'bar-label' }, r.label),
    h('span', { class: 'bar-track', 'aria-hidden': 'true' },
      h('span', { class: `bar ${r.className || ''}`, style: { width: `${(100 * r.value) / max}%`, background: r.color || undefined } })),
    h('span', { class: 'bar-value' }, r.value, r.percentage !== undefined ? ` · ${r.percentage}%` : ''))));
}

function Figure({ title, value, hint, id }) {
  return h('div', { class: 'figure', id }, h('p', { class: 'figure-title' }, title), h('p', { class: 'figure-value' }, value),
    hint && h('p', { class: 'hint' }, hint));
}

export function StatsScreen() {
  const [range, setRange] = useState({ from_date: day(-29), to_date: day(0) });
  const [state, setState] = useState({ tickets: null, dashboard: null, error: null });
  const load = () => {
    setState({ tickets: null, dashboard: null, error: null });
    Promise.all([api.get(`/statistics/tickets${query(range)}`), api.get('/statistics/dashboard')])
      .then(([tickets, dashboard]) => setState({ tickets, dashboard, error: null }),
        (error) => setState({ tickets: null, dashboard: null, error }));
  };
  useEffect(load, [range.from_date, range.to_date]);
  const set = (name) => (e) => e.currentTarget.value && setRange({ ...range, [name]: e.currentTarget.value });
  const s = state.tickets;
  const d = state.dashboard;
  return h('section', { class: 'screen', 'aria-labelledby': 'stats-title' },
    h('header', { class: 'screen-head' }, h('h1', { id: 'stats-title' }, t('nav_stats'))),
    h('div', { class: 'filters range' },
      h('label', { class: 'field inline', for: 'from' }, h('span', { class: 'label' }, t('stats_from')),
        h('input', { id: 'from', type: 'date', value: range.from_date, max: range.to_date, onChange: set('from_date') })),
      h('label', { class: 'field inline', for: 'to' }, h('span', { class: 'label' }, t('stats_to')),
        h('input', { id: 'to', type: 'date', value: range.to_date, min: range.from_date, onChange: set('to_date') }))),
    state.error ? h(Failure, { error: state.error, onRetry: load }) : !s ? h(Loading) : h('div', { class: 'stats', lang: lang() },
      h('div', { class: 'figures' },
        h(Figure, { id: 'stat-total', title: t('stats_total'), value: s.total }),
        h(Figure, { title: t('stats_response'), value: t('stats_hours', s.response_time.average_hours),
          hint: `${t('stats_median')}: ${t('stats_hours', s.response_time.median_hours)}` }),
        h(Figure, { title: t('stats_resolution'), value: t('stats_hours', s.resolution_time.average_hours),
          hint: `${t('stats_median')}: ${t('stats_hours', s.resolution_time.median_hours)}` })),
      h('section', { class: 'card' }, h('h2', null, t('stats_created_resolved')),
        h(PerDayChart, { created: s.created_per_day, resolved: s.resolved_per_day })),
      h('section', { class: 'card' }, h('h2', null, t('stats_by_status')),
        h(Bars, { id: 'bars-status', rows: STATUSES.map((st) => ({ label: t(st === 'WAITING_RESPONSE' ? 'status_WAITING_RESPONSE_staff' : `status_${st}`),
          value: s.by_status[st] || 0, className: `status-${st.toLowerCase()}` })) })),
      h('section', { class: 'card' }, h('h2', null, t('stats_by_category')),
        h(Bars, { id: 'bars-category', rows: s.by_category.map((c) => ({ label: c.name, value: c.count, percentage: c.percentage })) })),
      h('section', { class: 'card' }, h('h2', null, t('stats_by_priority')),
        h(Bars, { id: 'bars-priority', rows: PRIORITIES.map((p) => ({ label: t(`priority_${p}`), value: s.by_priority[p] || 0,
          className: `priority-${p.toLowerCase()}` })) })),
      d && h('section', { class: 'card' }, h('h2', null, t('stats_helpers')),
        h('table', { class: 'helpers' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('assignee')), h('th', { scope: 'col' }, t('stats_handled')),
            h('th', { scope: 'col' }, t('stats_avg_response')))),
          h('tbody', null, d.helpers.map((x) => h('tr', { key: x.id || x.user.first_name },
            h('td', null, x.user.first_name), h('td', null, x.tickets_handled), h('td', null, t('stats_hours', x.avg_response_time)))))))));
}
