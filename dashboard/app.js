// The dashboard at `/`: plain DOM, no build, no dependency. It reads only the admin API
// (openapi/admin.yaml), so whatever it shows a script can fetch too.

/** The admin token, when the emulator has one (--admin-token): asked once, kept in this browser. */
const TOKEN_KEY = 'massive-mock.admin-token';
const state = { session: '', view: 'requests', selected: null, filters: {}, timer: 0 };

/** Builds an element: `h('td', { class: 'x' }, 'text', child)`. Text is never parsed as HTML. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false)
      element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

async function admin(path, init = {}) {
  const headers = { ...(init.headers ?? {}) };
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) headers.authorization = `Bearer ${token}`;
  if (state.session) headers['x-mock-session'] = state.session;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/__admin/${path}`, { ...init, headers });
  if (response.status === 401) {
    const given = prompt('This emulator has an admin token (--admin-token). Enter it:');
    if (given) {
      localStorage.setItem(TOKEN_KEY, given);
      return admin(path, init);
    }
  }
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

const time = (ms) => new Date(ms).toISOString().slice(11, 23);
const dateTime = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const statusClass = (status) => (status >= 500 ? 's5' : status >= 400 ? 's4' : status >= 300 ? 's3' : 's2');
const badge = (text, kind = '') => h('span', { class: `badge ${kind}` }, text);

function problem(error) {
  const element = document.getElementById('problem');
  element.hidden = !error;
  element.textContent = error ? String(error.message ?? error) : '';
}

/** Which API a journal entry reached, from its path (callbacks are the emulator's own calls). */
function apiOf(entry) {
  if (entry.kind === 'callback') return 'callback';
  return entry.path.startsWith('/api/v1') ? 'router' : 'massive';
}

function decisionBadges(entry) {
  const d = entry.decisions ?? {};
  return [
    d.cache && badge(`cache ${d.cache}`, d.cache === 'hit' ? 'ok' : ''),
    ...(d.faults ?? []).map((fault) => badge(`fault ${fault}`, 'bad')),
    d.fixture && badge(`fixture ${d.fixture}`, 'info'),
    d.replayed && badge(`replayed ${d.replayed}`, 'info'),
    d.credits !== undefined && badge(`${d.credits} credit${d.credits === 1 ? '' : 's'}`),
    d.model && badge(d.model),
    (d.notices ?? []).length > 0 &&
      badge(`${d.notices.length} notice${d.notices.length > 1 ? 's' : ''}`, 'warn'),
  ];
}

function queryText(query) {
  const text = new URLSearchParams(
    Object.entries(query ?? {}).flatMap(([key, value]) => [value].flat().map((each) => [key, each])),
  ).toString();
  return text ? `?${text}` : '';
}

function pretty(text) {
  if (text === undefined) return '(none)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const headerTable = (headers) =>
  h(
    'table',
    { class: 'kv' },
    Object.entries(headers ?? {}).map(([name, value]) =>
      h('tr', {}, h('th', {}, name), h('td', {}, [value].flat().join(', '))),
    ),
  );

function entryDetail(entry) {
  const response = entry.response ?? {};
  return h(
    'section',
    { class: 'detail', 'aria-label': 'Request detail' },
    h(
      'h2',
      {},
      `${entry.method} ${entry.path}`,
      ' ',
      h('span', { class: `status ${statusClass(entry.status)}` }, entry.status),
    ),
    h(
      'p',
      {},
      `#${entry.seq} at ${dateTime(entry.time)}, ${entry.durationMs} ms, token ${entry.token ?? '(none)'}`,
    ),
    h('h3', {}, "The control plane's decisions"),
    h(
      'pre',
      { class: 'decisions' },
      JSON.stringify({ ...entry.decisions, ...(entry.callback && { callback: entry.callback }) }, null, 2),
    ),
    h(
      'div',
      { class: 'pair' },
      h(
        'div',
        {},
        h('h3', {}, 'Request headers'),
        headerTable(entry.headers),
        h('h3', {}, entry.body === undefined ? 'Query' : 'Request body'),
        h('pre', {}, entry.body ?? (queryText(entry.query) || '(none)')),
      ),
      h(
        'div',
        {},
        h('h3', {}, 'Answer headers'),
        headerTable(response.headers),
        h('h3', {}, `Answer body${response.truncated || entry.truncated ? ' (cut)' : ''}`),
        h('pre', { class: 'answer' }, pretty(response.body)),
      ),
    ),
  );
}

const FILTERS = [
  ['api', 'API', ['', 'massive', 'router', 'callback']],
  ['path', 'Path'],
  ['status', 'Status'],
  ['token', 'Token'],
];

function filterBar(rerender) {
  return h(
    'form',
    { class: 'filters', onsubmit: (event) => event.preventDefault() },
    FILTERS.map(([key, label, choices]) =>
      h(
        'label',
        {},
        label,
        ' ',
        choices
          ? h(
              'select',
              {
                name: key,
                onchange: (event) => {
                  state.filters[key] = event.target.value;
                  rerender();
                },
              },
              choices.map((choice) =>
                h('option', { value: choice, selected: state.filters[key] === choice }, choice || 'all'),
              ),
            )
          : h('input', {
              name: key,
              value: state.filters[key] ?? '',
              size: key === 'path' ? 16 : 8,
              oninput: (event) => {
                state.filters[key] = event.target.value;
                rerender();
              },
            }),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          await admin('journal', { method: 'DELETE' });
          state.selected = null;
          refresh();
        },
      },
      'Clear the journal',
    ),
  );
}

function matchesFilters(entry) {
  const { api, path, status, token } = state.filters;
  return (
    (!api || apiOf(entry) === api) &&
    (!path || entry.path.includes(path)) &&
    (!status || String(entry.status).startsWith(status)) &&
    (!token || (entry.token ?? '').includes(token))
  );
}

async function requestsView(root) {
  const entries = (await admin('journal?limit=500')).reverse();
  const render = () => {
    const shown = entries.filter(matchesFilters);
    const selected = entries.find((entry) => entry.seq === state.selected);
    root.replaceChildren(
      filterBar(render),
      h(
        'p',
        { class: 'muted' },
        `${shown.length} of the ${entries.length} newest requests and callback attempts, newest first. Click one to open it.`,
      ),
      h(
        'div',
        { class: 'split' },
        h(
          'table',
          { class: 'log' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Time', 'API', 'Request', 'Status', 'ms', 'Decisions'].map((name) => h('th', {}, name)),
            ),
          ),
          h(
            'tbody',
            {},
            shown.map((entry) =>
              h(
                'tr',
                {
                  class: entry.seq === state.selected ? 'selected' : '',
                  tabindex: 0,
                  'data-seq': entry.seq,
                  onclick: () => {
                    state.selected = entry.seq;
                    render();
                  },
                },
                h('td', {}, time(entry.time)),
                h('td', {}, apiOf(entry)),
                h('td', { class: 'path' }, `${entry.method} ${entry.path}${queryText(entry.query)}`),
                h('td', {}, h('span', { class: `status ${statusClass(entry.status)}` }, entry.status || '-')),
                h('td', { class: 'num' }, Math.round(entry.durationMs)),
                h('td', {}, decisionBadges(entry)),
              ),
            ),
          ),
        ),
        selected
          ? entryDetail(selected)
          : h(
              'section',
              { class: 'detail empty' },
              entries.length
                ? 'Pick a request to see its headers, body, answer and decisions.'
                : gettingStarted(),
            ),
      ),
    );
  };
  render();
}

function timeline(start, end, now, marks = []) {
  const span = Math.max(end, now) - start || 1;
  const at = (t) => `${Math.min(100, Math.max(0, ((t - start) / span) * 100))}%`;
  return h(
    'div',
    { class: 'timeline', title: `${dateTime(start)} → ${dateTime(end)}` },
    h('div', { class: 'bar', style: `left:0;width:${at(end)}` }),
    h('div', { class: 'now', style: `left:${at(now)}` }),
    marks.map((mark) =>
      h('div', { class: `mark ${mark.kind}`, style: `left:${at(mark.at)}`, title: mark.title }),
    ),
  );
}

async function jobsView(root) {
  const [jobs, batches, callbacks, clock] = await Promise.all([
    admin('jobs?limit=100'),
    admin('batches?limit=50'),
    admin('callbacks?limit=100'),
    admin('clock'),
  ]);
  const now = clock.now;
  const act = (path) => async () => {
    try {
      await admin(path, { method: 'POST' });
      refresh();
    } catch (error) {
      problem(error);
    }
  };
  root.replaceChildren(
    h('h2', {}, `Jobs (${jobs.length})`),
    jobs.length === 0
      ? h('p', { class: 'muted' }, 'No job yet: GET /ai?mode=async queues one.')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Job', 'Token', 'State', 'Created', 'Ready', 'Timeline', ''].map((name) => h('th', {}, name)),
            ),
          ),
          h(
            'tbody',
            {},
            jobs.map((job) =>
              h(
                'tr',
                {},
                h('td', { class: 'mono' }, job.id.slice(0, 8)),
                h('td', {}, job.token),
                h(
                  'td',
                  {},
                  badge(job.state, job.state === 'failed' ? 'bad' : job.state === 'ready' ? 'ok' : ''),
                ),
                h('td', {}, time(job.createdAt)),
                h('td', {}, time(job.readyAt)),
                h('td', {}, timeline(job.createdAt, job.readyAt, now)),
                h(
                  'td',
                  {},
                  job.state === 'retrieving' && [
                    h('button', { onclick: act(`jobs/${job.id}/complete`) }, 'complete'),
                    h('button', { onclick: act(`jobs/${job.id}/fail`) }, 'fail'),
                  ],
                ),
              ),
            ),
          ),
        ),
    h('h2', {}, `Batches (${batches.length})`),
    batches.length === 0
      ? h('p', { class: 'muted' }, 'No batch yet (POST /ai/batches, revision 2026-07-06).')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Batch', 'Status', 'Prompts', 'Successful', 'Failed', 'Callback', 'Created'].map((name) =>
                h('th', {}, name),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            batches.map((batch) =>
              h(
                'tr',
                {},
                h('td', { class: 'mono' }, batch.id.slice(0, 8)),
                h('td', {}, badge(batch.status)),
                h('td', { class: 'num' }, batch.count),
                h('td', { class: 'num' }, batch.successful),
                h('td', { class: 'num' }, batch.failed),
                h('td', {}, batch.callback ?? '-'),
                h('td', {}, dateTime(batch.createdAt)),
              ),
            ),
          ),
        ),
    h('h2', {}, `Callback deliveries (${callbacks.length})`),
    callbacks.length === 0
      ? h('p', { class: 'muted' }, 'No callback owed yet: a job or batch with a callback URL owes one.')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Delivery', 'For', 'Target', 'Status', 'Attempts', 'Timeline'].map((name) =>
                h('th', {}, name),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            callbacks.map((delivery) =>
              h(
                'tr',
                {},
                h('td', { class: 'mono' }, delivery.id.slice(0, 8)),
                h('td', {}, `${delivery.subject.kind} ${delivery.subject.id.slice(0, 8)}`),
                h('td', { class: 'path' }, delivery.target),
                h(
                  'td',
                  {},
                  badge(
                    delivery.status,
                    delivery.status === 'delivered' ? 'ok' : delivery.status === 'pending' ? '' : 'bad',
                  ),
                ),
                h(
                  'td',
                  {},
                  delivery.attemptsMade.map((attempt) =>
                    badge(
                      `#${attempt.attempt} ${attempt.outcome}${attempt.statusCode ? ` ${attempt.statusCode}` : ''}`,
                      attempt.outcome === 'delivered' ? 'ok' : 'bad',
                    ),
                  ),
                ),
                h(
                  'td',
                  {},
                  timeline(
                    delivery.createdAt,
                    Math.max(delivery.dueAt, ...delivery.attemptsMade.map((a) => a.at)),
                    now,
                    delivery.attemptsMade.map((attempt) => ({
                      at: attempt.at,
                      kind: attempt.outcome === 'delivered' ? 'ok' : 'bad',
                      title: `${attempt.outcome}: ${attempt.detail}`,
                    })),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

/** Calls per bucket as bars, credits as a line, in one SVG. */
function usageChart(chart) {
  const width = 720;
  const height = 180;
  const pad = 28;
  const { buckets } = chart;
  const maxCalls = Math.max(1, ...buckets.map((b) => b.calls));
  const maxCredits = Math.max(1, ...buckets.map((b) => b.credits));
  const step = (width - 2 * pad) / Math.max(1, buckets.length);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Calls and credits per ${chart.bucketMs / 1000} s`);
  const add = (tag, attributes, text) => {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    if (text !== undefined) element.textContent = text;
    svg.append(element);
  };
  add('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis' });
  buckets.forEach((bucket, i) => {
    const barHeight = ((height - 2 * pad) * bucket.calls) / maxCalls;
    if (bucket.calls)
      add(
        'rect',
        {
          x: pad + i * step,
          y: height - pad - barHeight,
          width: Math.max(1, step - 1),
          height: barHeight,
          class: 'calls',
        },
        undefined,
      );
    const failedHeight = ((height - 2 * pad) * bucket.failed) / maxCalls;
    if (bucket.failed)
      add('rect', {
        x: pad + i * step,
        y: height - pad - failedHeight,
        width: Math.max(1, step - 1),
        height: failedHeight,
        class: 'failed',
      });
  });
  const points = buckets.map(
    (bucket, i) =>
      `${pad + (i + 0.5) * step},${height - pad - ((height - 2 * pad) * bucket.credits) / maxCredits}`,
  );
  add('polyline', { points: points.join(' '), class: 'credits' });
  add(
    'text',
    { x: pad, y: 14, class: 'legend' },
    `calls (max ${maxCalls} per bucket), failed in red; credits line (max ${maxCredits})`,
  );
  add('text', { x: pad, y: height - 8, class: 'legend' }, time(chart.from).slice(0, 5));
  add(
    'text',
    { x: width - pad, y: height - 8, class: 'legend', 'text-anchor': 'end' },
    time(chart.to).slice(0, 5),
  );
  return svg;
}

async function usageView(root) {
  const [chart, accounts] = await Promise.all([admin('usage'), admin('accounts')]);
  const setBalance = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const balance = form.get('balance') === '' ? null : Number(form.get('balance'));
    try {
      await admin(`accounts/${encodeURIComponent(form.get('token'))}`, {
        method: 'PUT',
        body: JSON.stringify({ balance }),
      });
      refresh();
    } catch (error) {
      problem(error);
    }
  };
  root.replaceChildren(
    h('h2', {}, "Calls and credits, the last hour of the emulator's clock"),
    usageChart(chart),
    h('h2', {}, 'Balances'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Token', 'Balance', 'Calls (hour)', 'Credits (hour)'].map((name) => h('th', {}, name)),
        ),
      ),
      h(
        'tbody',
        {},
        chart.tokens.map((row) =>
          h(
            'tr',
            {},
            h('td', {}, row.token),
            h('td', { class: 'num' }, row.balance ?? 'unlimited'),
            h('td', { class: 'num' }, row.calls),
            h('td', { class: 'num' }, row.credits),
          ),
        ),
      ),
    ),
    accounts.length === 0 &&
      h('p', { class: 'muted' }, 'Every token is unlimited until it is given a balance.'),
    h(
      'form',
      { class: 'inline', onsubmit: setBalance },
      h('label', {}, 'Token ', h('input', { name: 'token', required: true, size: 14 })),
      h(
        'label',
        {},
        ' Balance ',
        h('input', { name: 'balance', type: 'number', min: 0, size: 8, placeholder: 'unlimited' }),
      ),
      h('button', {}, 'Set balance'),
    ),
  );
}

const RULE_EXAMPLE =
  '{\n  "match": { "operation": "getCompletion" },\n  "effect": { "status": 503 },\n  "policy": { "skip": 2, "times": 1 }\n}';

async function faultsView(root) {
  const rules = await admin('faults');
  const add = async (event) => {
    event.preventDefault();
    try {
      await admin('faults', { method: 'POST', body: new FormData(event.target).get('rule') });
      problem(null);
      refresh();
    } catch (error) {
      problem(error);
    }
  };
  const remove = (id) => async () => {
    await admin(`faults/${encodeURIComponent(id)}`, { method: 'DELETE' });
    refresh();
  };
  root.replaceChildren(
    h('h2', {}, `Fault rules (${rules.length})`),
    rules.length === 0
      ? h('p', { class: 'muted' }, 'No rule: every call is answered normally.')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Id', 'Match', 'Effect', 'Policy', 'Matched', 'Fired', ''].map((name) => h('th', {}, name)),
            ),
          ),
          h(
            'tbody',
            {},
            rules.map((rule) =>
              h(
                'tr',
                {},
                h('td', { class: 'mono' }, rule.id),
                h('td', { class: 'mono' }, JSON.stringify(rule.match)),
                h('td', { class: 'mono' }, JSON.stringify(rule.effect)),
                h('td', { class: 'mono' }, JSON.stringify(rule.policy)),
                h('td', { class: 'num' }, rule.matched),
                h('td', { class: 'num' }, rule.fired),
                h(
                  'td',
                  {},
                  h('button', { onclick: remove(rule.id), 'aria-label': `Remove ${rule.id}` }, 'remove'),
                ),
              ),
            ),
          ),
        ),
    h('h2', {}, 'Add a rule'),
    h(
      'form',
      { class: 'rule', onsubmit: add },
      h('textarea', { name: 'rule', rows: 7, cols: 60, spellcheck: 'false' }, RULE_EXAMPLE),
      h(
        'p',
        {},
        h('button', {}, 'Add the rule'),
        ' The shape is FaultRuleInput in ',
        h('a', { href: '/docs/?urls.primaryName=massive-mock%20admin' }, 'the admin API'),
        '.',
      ),
    ),
  );
}

async function coverageView(root) {
  const report = await admin('coverage');
  const dimension = (d) =>
    h(
      'td',
      {},
      `${d.defined.length - d.missing.length}/${d.defined.length}`,
      d.missing.length > 0 && h('div', { class: 'muted small' }, `missing: ${d.missing.join(', ')}`),
    );
  root.replaceChildren(
    h('h2', {}, 'Coverage'),
    h(
      'p',
      {},
      `${report.calls} calls; ${report.unmatched} reached no documented operation. `,
      h('a', { href: '/__admin/coverage?format=markdown' }, 'As Markdown'),
    ),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Operation', 'Calls', 'Statuses', 'Parameters', 'Revisions', 'Faults'].map((name) =>
            h('th', {}, name),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        report.operations.map((operation) =>
          h(
            'tr',
            { class: operation.calls ? '' : 'untouched' },
            h(
              'td',
              {},
              h('strong', {}, operation.operationId),
              h('div', { class: 'muted small mono' }, `${operation.method} ${operation.path}`),
            ),
            h('td', { class: 'num' }, operation.calls),
            dimension(operation.statuses),
            dimension(operation.parameters),
            dimension(operation.revisions),
            dimension(operation.faults),
          ),
        ),
      ),
    ),
  );
}

function gettingStarted() {
  const origin = location.origin;
  return h(
    'div',
    { class: 'start' },
    h('h2', {}, 'Nothing here yet: make a call'),
    h(
      'pre',
      {},
      `curl -s -H 'Authorization: Bearer dev-token' '${origin}/ai?prompt=best+basketball+shoes+for+2026' | head -c 300`,
    ),
    h('p', {}, 'It appears here, with what the emulator decided. The API\'s documents, with "Try it out":'),
    docsLinks(),
  );
}

const docsLinks = () =>
  h(
    'ul',
    { class: 'docs' },
    h(
      'li',
      {},
      h('a', { href: '/docs/' }, 'Massive AI API'),
      ' (the default revision; the others are in the picker)',
    ),
    h(
      'li',
      {},
      h(
        'a',
        { href: '/docs/?urls.primaryName=LLM%20router%20API%20(emulated%2C%20%2Fapi%2Fv1)' },
        'LLM router API',
      ),
      ' under /api/v1',
    ),
    h(
      'li',
      {},
      h('a', { href: '/docs/?urls.primaryName=massive-mock%20admin' }, 'Admin API'),
      ': everything this page shows, under /__admin',
    ),
  );

const VIEWS = {
  requests: ['Requests', requestsView],
  jobs: ['Jobs & callbacks', jobsView],
  usage: ['Usage', usageView],
  faults: ['Faults', faultsView],
  coverage: ['Coverage', coverageView],
  docs: ['Docs', async (root) => root.replaceChildren(h('h2', {}, 'Documents'), docsLinks())],
};

async function refresh() {
  const root = document.getElementById('view');
  try {
    const [clock, sessions] = await Promise.all([admin('clock'), admin('sessions')]);
    document.getElementById('clock').textContent =
      `clock ${dateTime(clock.now)}${clock.frozen ? ' (frozen)' : ''}`;
    const select = document.getElementById('session');
    const names = ['', ...sessions.map((session) => session.name)];
    if (select.options.length !== names.length)
      select.replaceChildren(
        ...names.map((name) =>
          h('option', { value: name, selected: name === state.session }, name || 'default'),
        ),
      );
    // Typing in a filter or a form is not interrupted by the poll.
    const busy =
      root.contains(document.activeElement) && /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName);
    if (!busy) await VIEWS[state.view][1](root);
    problem(null);
  } catch (error) {
    problem(error);
  }
}

function showTabs() {
  document.getElementById('tabs').replaceChildren(
    ...Object.entries(VIEWS).map(([id, [label]]) =>
      h(
        'a',
        {
          href: `#${id}`,
          class: id === state.view ? 'active' : '',
          'aria-current': id === state.view ? 'page' : false,
        },
        label,
      ),
    ),
  );
}

function route() {
  state.view = VIEWS[location.hash.slice(1)] ? location.hash.slice(1) : 'requests';
  showTabs();
  refresh();
}

document.getElementById('session').addEventListener('change', (event) => {
  state.session = event.target.value;
  state.selected = null;
  refresh();
});
window.addEventListener('hashchange', route);
admin('health').then((health) => {
  document.getElementById('version').textContent = health.version;
}, problem);
route();
// Live: the journal and the rest are read again every two seconds while the page is shown.
state.timer = setInterval(() => {
  if (!document.hidden) refresh();
}, 2000);
