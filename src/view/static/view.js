// The analyst view: a matrix of actors by proposals coloured by position (as
// of a date, or now), the cue on hover, and a proposal's timeline with its
// evidence on click. Plain browser JavaScript against /graphql; live updates
// over WebSocket with graphql-ws (served from the service). Text from the
// graph is only ever set as text, never as HTML.
(function () {
  'use strict';

  var POSITION_LABEL = { SUPPORT: 'Supports', OPPOSE: 'Opposes', NONCOMMITTAL: 'Noncommittal' };
  var SHIFT = {
    FIRST_STATED: { glyph: '•', label: 'First stated' },
    REAFFIRMED: { glyph: '=', label: 'Reaffirmed' },
    SOFTENED: { glyph: '↗', label: 'Softened' },
    HARDENED: { glyph: '↘', label: 'Hardened' },
    REVERSED: { glyph: '⇄', label: 'Reversed' },
    REQUALIFIED: { glyph: '≈', label: 'Requalified' },
  };
  var MOVES = { SOFTENED: true, HARDENED: true, REVERSED: true, REQUALIFIED: true };

  var STANCE =
    'id position cue conditions statedOn effectiveOn actor { id name kind } speaker { name } shift { kind fromPosition conditionsGained conditionsDropped }';

  var state = { asOf: null, proposals: [], selected: null, focusActor: null };
  var $ = function (id) {
    return document.getElementById(id);
  };

  // ---- helpers ---------------------------------------------------------------

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') node.textContent = v;
        else if (k === 'className') node.className = v;
        else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // ---- the bearer token ----------------------------------------------------------
  // Where reads need a token (production), the analyst pastes one (npm run
  // token -- reader ...); it is kept for this tab only (sessionStorage) and
  // sent with every query and with the live connection.

  var TOKEN_KEY = 'stance-graph.token';
  // Kept in memory too: where the browser refuses storage, it lasts as long as the page.
  var memoryToken = '';
  function currentToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || memoryToken;
    } catch (e) {
      return memoryToken;
    }
  }
  function setToken(value) {
    memoryToken = value;
    try {
      if (value) sessionStorage.setItem(TOKEN_KEY, value);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      /* storage refused: memoryToken serves */
    }
  }
  function authHeaders() {
    var t = currentToken();
    return t ? { authorization: 'Bearer ' + t } : {};
  }
  function askForToken(show) {
    $('token-form').hidden = !show;
    $('forget-token').hidden = show || !currentToken();
    if (show) $('token').focus();
  }

  // Read-your-writes across replicas: the newest Stance-Bookmark an answer carried goes back
  // with the next request, whichever replica serves it; dropped if the database refuses it.
  var bookmark = null;

  function gql(query, variables) {
    var sent = bookmark;
    var headers = Object.assign(
      { 'content-type': 'application/json' },
      authHeaders(),
      sent ? { 'stance-bookmark': sent } : {},
    );
    return fetch('/graphql', {
      method: 'POST',
      headers: headers,
      body: JSON.stringify({ query: query, variables: variables || {} }),
    })
      .then(function (res) {
        bookmark = res.headers.get('stance-bookmark') || bookmark;
        return res.json();
      })
      .then(function (body) {
        if (body.errors && body.errors.length) {
          var error = new Error(body.errors[0].message);
          error.code = body.errors[0].extensions && body.errors[0].extensions.code;
          if (sent && error.code === 'BAD_REQUEST') bookmark = null;
          if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') askForToken(true);
          throw error;
        }
        return body.data;
      });
  }

  function shiftBadge(shift) {
    if (!shift || !SHIFT[shift.kind]) return null;
    var s = SHIFT[shift.kind];
    var from =
      shift.fromPosition && shift.kind !== 'REAFFIRMED'
        ? ' from ' + POSITION_LABEL[shift.fromPosition].toLowerCase()
        : '';
    return el('span', { className: 'shift', 'data-kind': shift.kind, title: s.label + from }, s.glyph + ' ' + s.label);
  }

  function quoteOf(text) {
    return '\u201c' + text + '\u201d';
  }

  // ---- matrix ----------------------------------------------------------------

  // As of a date, a proposal's stances come a page at a time (the first page with the matrix);
  // the rest of a proposal that has more is asked for page by page.
  var STANCES_PAGE = 'pageInfo { hasNextPage endCursor } nodes { ' + STANCE + ' }';
  var AS_OF_PAGE =
    'query MatrixPage($id: ID!, $asOf: Date, $after: String) { proposal(id: $id) { ' +
    'stances(asOf: $asOf, first: 100, after: $after) { ' +
    STANCES_PAGE +
    ' } } }';

  function restOfStances(id, asOf, page) {
    if (!page.pageInfo.hasNextPage) return Promise.resolve(page.nodes);
    return gql(AS_OF_PAGE, { id: id, asOf: asOf, after: page.pageInfo.endCursor }).then(function (data) {
      return restOfStances(id, asOf, data.proposal.stances).then(function (more) {
        return page.nodes.concat(more);
      });
    });
  }

  function loadMatrix() {
    // Now: each actor's current stance; as of a date: the one in force then.
    var asOf = state.asOf;
    var query = asOf
      ? 'query Matrix($asOf: Date) { proposals(first: 100) { nodes { id name proposedOn stances(asOf: $asOf) { ' +
        STANCES_PAGE +
        ' } } } }'
      : 'query Matrix { proposals(first: 100) { nodes { id name proposedOn currentStances { ' + STANCE + ' } } } }';
    return gql(query, asOf ? { asOf: asOf } : {})
      .then(function (data) {
        return Promise.all(
          data.proposals.nodes.map(function (p) {
            var all = p.stances ? restOfStances(p.id, asOf, p.stances) : Promise.resolve(p.currentStances || []);
            return all.then(function (stances) {
              return { id: p.id, name: p.name, proposedOn: p.proposedOn, stances: stances };
            });
          }),
        );
      })
      .then(function (proposals) {
        state.proposals = proposals;
        renderMatrix();
      })
      .catch(function (error) {
        clear($('matrix'));
        var hint =
          error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN'
            ? ' Paste a reader token above (an administrator makes one with npm run token -- reader <name>).'
            : '';
        $('matrix').appendChild(
          el('p', { className: 'error', text: 'Could not load the positions: ' + error.message + hint }),
        );
      });
  }

  function latestOf(p) {
    return p.stances.reduce(function (max, s) {
      return s.effectiveOn && s.effectiveOn > max ? s.effectiveOn : max;
    }, '');
  }

  function renderMatrix() {
    var proposals = state.proposals.slice().sort(function (a, b) {
      return latestOf(b).localeCompare(latestOf(a)) || a.name.localeCompare(b.name);
    });
    var actors = new Map();
    var cells = new Map();
    proposals.forEach(function (p) {
      p.stances.forEach(function (s) {
        var a = actors.get(s.actor.id) || { id: s.actor.id, name: s.actor.name, count: 0 };
        a.count += 1;
        actors.set(s.actor.id, a);
        cells.set(s.actor.id + '|' + p.id, s);
      });
    });
    var rows = Array.from(actors.values()).sort(function (a, b) {
      return b.count - a.count || a.name.localeCompare(b.name);
    });

    var head = el('tr', null, el('th', { className: 'actor', scope: 'col' }, ''));
    proposals.forEach(function (p) {
      head.appendChild(
        el(
          'th',
          {
            className: 'proposal' + (state.selected === p.id ? ' selected' : ''),
            scope: 'col',
            'data-proposal': p.id,
            onclick: function () {
              selectCell(p.id, null);
            },
          },
          p.name,
          p.proposedOn ? el('span', { className: 'date', text: 'proposed ' + p.proposedOn }) : null,
        ),
      );
    });
    var body = el('tbody');
    rows.forEach(function (a) {
      var tr = el('tr', null, el('th', { className: 'actor', scope: 'row', text: a.name }));
      proposals.forEach(function (p) {
        var s = cells.get(a.id + '|' + p.id);
        tr.appendChild(
          el('td', null, s ? stanceCell(a, p, s) : el('div', { className: 'cell', 'aria-label': 'no stance' }, '–')),
        );
      });
      body.appendChild(tr);
    });
    clear($('matrix'));
    if (rows.length === 0) {
      $('matrix').appendChild(
        el('p', {
          className: 'muted',
          text: state.asOf ? 'No stance on record as of ' + state.asOf + '.' : 'No stance on record yet.',
        }),
      );
    } else {
      $('matrix').appendChild(el('table', { className: 'matrix' }, el('thead', null, head), body));
    }
    var count = Array.from(cells.values()).length;
    $('matrix-caption').textContent =
      rows.length +
      ' actors · ' +
      proposals.length +
      ' proposals · ' +
      count +
      ' stances ' +
      (state.asOf ? 'in force on ' + state.asOf : 'in force now');
  }

  function stanceCell(actor, proposal, s) {
    var sub = el(
      'span',
      { className: 'sub' },
      s.conditions.length ? el('span', { className: 'flag', title: 'with conditions' }, '◆') : null,
      el('span', { className: 'date', text: s.effectiveOn || 'date unknown' }),
    );
    var cell = el(
      'button',
      {
        type: 'button',
        className:
          'cell has pos-' +
          s.position +
          (state.selected === proposal.id && state.focusActor === actor.id ? ' selected' : ''),
        'data-actor': actor.id,
        'data-proposal': proposal.id,
        'data-position': s.position,
        'aria-label': actor.name + ' ' + POSITION_LABEL[s.position].toLowerCase() + ' ' + proposal.name,
        onclick: function () {
          selectCell(proposal.id, actor.id);
        },
        onmouseenter: function (e) {
          showTooltip(e.currentTarget, actor, proposal, s);
        },
        onmouseleave: hideTooltip,
        onfocus: function (e) {
          showTooltip(e.currentTarget, actor, proposal, s);
        },
        onblur: hideTooltip,
      },
      POSITION_LABEL[s.position],
      sub,
      s.shift && MOVES[s.shift.kind] ? shiftBadge(s.shift) : null,
    );
    return cell;
  }

  function showTooltip(target, actor, proposal, s) {
    var tip = $('tooltip');
    clear(tip);
    tip.appendChild(
      el('div', {
        className: 'tt-title',
        text: actor.name + ' on ' + proposal.name + ' · ' + POSITION_LABEL[s.position],
      }),
    );
    if (s.cue) tip.appendChild(el('div', { className: 'tt-cue', text: quoteOf(s.cue) }));
    var meta = [
      s.speaker ? s.speaker.name : null,
      s.statedOn ? 'stated ' + s.statedOn : s.effectiveOn ? 'reported ' + s.effectiveOn : null,
    ]
      .filter(Boolean)
      .join(' · ');
    if (meta) tip.appendChild(el('div', { className: 'tt-meta', text: meta }));
    if (s.conditions.length)
      tip.appendChild(el('div', { className: 'tt-cond', text: 'Condition: ' + s.conditions.join('; ') }));
    if (s.shift && MOVES[s.shift.kind]) {
      tip.appendChild(
        el('div', {
          className: 'tt-meta',
          text:
            SHIFT[s.shift.kind].label +
            (s.shift.fromPosition ? ' (was ' + POSITION_LABEL[s.shift.fromPosition].toLowerCase() + ')' : ''),
        }),
      );
    }
    tip.hidden = false;
    var r = target.getBoundingClientRect();
    var left = Math.min(window.innerWidth - tip.offsetWidth - 12, Math.max(12, r.left));
    var top = r.bottom + 8 + tip.offsetHeight > window.innerHeight ? r.top - tip.offsetHeight - 8 : r.bottom + 8;
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  }

  function hideTooltip() {
    $('tooltip').hidden = true;
  }

  // ---- timeline --------------------------------------------------------------

  // A page of actors at a time: the next page is asked for until there is none.
  var TIMELINE =
    'query Timeline($id: ID!, $after: String) { proposal(id: $id) { id name summary proposedOn proposedBy { name } proposer { name } ' +
    'timeline(after: $after) { pageInfo { hasNextPage endCursor } nodes { actor { id name } stances { id position cue conditions statedOn effectiveOn status sourceCount speaker { name } ' +
    'shift { kind fromPosition conditionsGained conditionsDropped } evidence { quote article { id outlet title url publishedOn } } } } } } }';

  function selectCell(proposalId, actorId) {
    state.selected = proposalId;
    state.focusActor = actorId;
    renderMatrix();
    return loadTimeline(true);
  }

  function timelineFrom(id, after) {
    return gql(TIMELINE, { id: id, after: after }).then(function (data) {
      var p = data.proposal;
      var page = p.timeline;
      p.timeline = page.nodes;
      if (!page.pageInfo.hasNextPage) return p;
      return timelineFrom(id, page.pageInfo.endCursor).then(function (rest) {
        p.timeline = p.timeline.concat(rest.timeline);
        return p;
      });
    });
  }

  function loadTimeline(scroll) {
    if (!state.selected) return Promise.resolve();
    return timelineFrom(state.selected, null)
      .then(function (p) {
        renderTimeline(p, scroll);
      })
      .catch(function (error) {
        clear($('timeline'));
        $('timeline').appendChild(
          el('li', { className: 'error', text: 'Could not load the timeline: ' + error.message }),
        );
      });
  }

  function renderTimeline(p, scroll) {
    $('timeline-title').textContent = p.name;
    var by = [p.proposedBy && p.proposedBy.name, p.proposer && p.proposer.name].filter(Boolean).join(', ');
    $('timeline-caption').textContent = [by ? 'proposed by ' + by : null, p.proposedOn].filter(Boolean).join(' · ');
    var entries = [];
    p.timeline.forEach(function (t) {
      t.stances.forEach(function (s) {
        entries.push({ actor: t.actor, stance: s });
      });
    });
    entries.sort(function (a, b) {
      return (
        (a.stance.effectiveOn || '').localeCompare(b.stance.effectiveOn || '') ||
        a.actor.name.localeCompare(b.actor.name)
      );
    });
    // The stance to open: the focused actor's latest one in force as of the chosen date.
    var open = null;
    entries.forEach(function (e) {
      if (
        e.actor.id === state.focusActor &&
        (!state.asOf || (e.stance.effectiveOn && e.stance.effectiveOn <= state.asOf))
      )
        open = e.stance.id;
    });
    var list = $('timeline');
    clear(list);
    if (p.summary) list.appendChild(el('li', { className: 'summary muted', text: p.summary }));
    entries.forEach(function (e) {
      list.appendChild(timelineEntry(e.actor, e.stance, e.stance.id === open));
    });
    if (entries.length === 0) list.appendChild(el('li', { className: 'muted', text: 'No stance on record.' }));
    var focused = list.querySelector('.entry.focus.open') || list.querySelector('.entry.focus');
    if (scroll && focused && focused.scrollIntoView) focused.scrollIntoView({ block: 'nearest' });
  }

  function timelineEntry(actor, s, open) {
    var focus = state.focusActor === actor.id;
    var evidence = el(
      'ul',
      { className: 'evidence', hidden: !open },
      ...s.evidence.map(function (ev) {
        var a = ev.article;
        var src = [a.outlet, a.publishedOn].filter(Boolean).join(', ');
        return el(
          'li',
          { 'data-article': a.id },
          el('q', { text: ev.quote }),
          src ? el('span', { className: 'src' }, ' \u2014 ' + src) : null,
          a.title ? el('span', { className: 'src' }, ' \u00b7 ' + a.title) : null,
          a.url
            ? el(
                'span',
                { className: 'src' },
                ' \u00b7 ',
                el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: 'article' }),
              )
            : null,
        );
      }),
    );
    if (s.evidence.length === 0)
      evidence.appendChild(el('li', { className: 'muted', text: 'Recorded by an analyst without a quote.' }));
    var toggle = el('div', {
      className: 'more',
      text: open ? 'Hide evidence' : 'Evidence: ' + s.evidence.length + ' quote' + (s.evidence.length === 1 ? '' : 's'),
    });
    var changed =
      s.shift && s.shift.conditionsGained.length ? 'Now also: ' + s.shift.conditionsGained.join('; ') : null;
    var card = el(
      'div',
      {
        className: 'card',
        role: 'button',
        tabindex: '0',
        'aria-expanded': open ? 'true' : 'false',
        onclick: function () {
          var show = evidence.hidden;
          evidence.hidden = !show;
          card.setAttribute('aria-expanded', show ? 'true' : 'false');
          li.classList.toggle('open', show);
          toggle.textContent = show
            ? 'Hide evidence'
            : 'Evidence: ' + s.evidence.length + ' quote' + (s.evidence.length === 1 ? '' : 's');
        },
      },
      el(
        'div',
        { className: 'card-head' },
        el('strong', { text: actor.name }),
        el('span', { className: 'chip pos-' + s.position, text: POSITION_LABEL[s.position] }),
        shiftBadge(s.shift),
      ),
      s.cue ? el('p', { className: 'cue', text: quoteOf(s.cue) }) : null,
      el('div', {
        className: 'meta',
        text: [
          s.speaker ? 'voiced by ' + s.speaker.name : null,
          s.statedOn ? 'stated ' + s.statedOn : 'date from first report',
          s.sourceCount + ' independent source' + (s.sourceCount === 1 ? '' : 's'),
          s.status.toLowerCase(),
        ]
          .filter(Boolean)
          .join(' \u00b7 '),
      }),
      s.conditions.length
        ? el('div', { className: 'conditions', text: 'Condition: ' + s.conditions.join('; ') })
        : null,
      changed ? el('div', { className: 'conditions', text: changed }) : null,
      toggle,
      evidence,
    );
    var li = el(
      'li',
      {
        className: 'entry' + (focus ? ' focus' : state.focusActor ? ' dim' : '') + (open ? ' open' : ''),
        'data-stance': s.id,
        'data-actor': actor.id,
      },
      el('div', { className: 'when', text: s.effectiveOn || '?' }),
      el('div', { className: 'dot pos-' + s.position }),
      card,
    );
    return li;
  }

  // ---- live updates -----------------------------------------------------------

  var refreshTimer = null;
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      loadMatrix().then(function () {
        return loadTimeline(false);
      });
    }, 250);
  }

  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () {
      t.hidden = true;
    }, 4000);
  }

  var liveClient = null;
  function startLive() {
    if (!window.graphqlWs) return;
    if (liveClient) liveClient.dispose();
    var live = $('live');
    var client = window.graphqlWs.createClient({
      url: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql',
      lazy: false,
      retryAttempts: 1000,
      connectionParams: function () {
        return authHeaders();
      },
      on: {
        connected: function () {
          live.dataset.state = 'on';
        },
        closed: function () {
          live.dataset.state = 'off';
        },
      },
    });
    var sink = function (onData) {
      return {
        next: function (msg) {
          if (msg.data) onData(msg.data);
        },
        error: function () {},
        complete: function () {},
      };
    };
    liveClient = client;
    client.subscribe(
      { query: 'subscription { stanceRecorded { id position actor { name } proposal { id name } } }' },
      sink(function (d) {
        var s = d.stanceRecorded;
        toast('New stance: ' + s.actor.name + ' ' + POSITION_LABEL[s.position].toLowerCase() + ' ' + s.proposal.name);
        refreshSoon();
      }),
    );
    client.subscribe(
      { query: 'subscription { stanceShifted { kind fromPosition toPosition actor { name } proposal { id name } } }' },
      sink(function (d) {
        var s = d.stanceShifted;
        toast(s.actor.name + ' ' + SHIFT[s.kind].label.toLowerCase() + ' on ' + s.proposal.name);
        refreshSoon();
      }),
    );
  }

  // ---- start -------------------------------------------------------------------

  $('as-of').addEventListener('change', function (e) {
    state.asOf = e.target.value || null;
    loadMatrix();
  });
  $('now').addEventListener('click', function () {
    $('as-of').value = '';
    state.asOf = null;
    loadMatrix();
  });
  $('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var value = $('token').value.trim();
    if (!value) return;
    setToken(value);
    $('token').value = '';
    askForToken(false);
    loadMatrix().then(function () {
      return state.selected ? loadTimeline(false) : null;
    });
    startLive();
  });
  $('forget-token').addEventListener('click', function () {
    setToken('');
    askForToken(false);
    loadMatrix();
    startLive();
  });
  askForToken(false);
  loadMatrix();
  startLive();
})();
