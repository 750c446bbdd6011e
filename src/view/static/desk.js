// The review desk: ingest articles (drop files or paste), read one with what
// the extractor found marked in its text, and confirm, reject or amend each
// stance, or add one it missed; a queue of PROPOSED stances across articles,
// keyboard first. Plain browser JavaScript against /graphql, live decisions
// of the other analysts over WebSocket (graphql-ws, served by the service).
// Text from the graph is only ever set as text, never as HTML.
(function () {
  'use strict';

  var POSITION_LABEL = { SUPPORT: 'Supports', OPPOSE: 'Opposes', NONCOMMITTAL: 'Noncommittal' };
  var STANCE =
    'id status version position cue conditions statedOn confidence rule ' +
    'actor { id name } speaker { id name } proposal { id name }';
  var ARTICLE_QUERY =
    'query DeskArticle($id: ID!) { article(id: $id) { id title outlet publishedOn url text ' +
    'sameReportAs { id title outlet } stances { ' +
    STANCE +
    ' evidence { charStart charEnd article { id } marks { kind charStart charEnd } } } } }';
  var QUEUE_QUERY =
    'query DeskQueue($filter: ReviewFilter, $after: String) { reviewQueue(filter: $filter, first: 50, after: $after) { ' +
    'totalCount pageInfo { hasNextPage endCursor } nodes { ' +
    STANCE +
    ' evidence { article { id title outlet publishedOn } } } } }';

  var state = {
    viewer: null,
    queue: [],
    queueIndex: 0,
    filter: {},
    article: null,
    sentences: [],
    sentence: -1,
    focus: 'queue', // 'queue' or 'article'
    articleIndex: 0,
    form: null, // { mode: 'amend' | 'add', stance }
    lastBatch: null,
    ingested: [],
  };
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
  function kbd(key) {
    return el('kbd', { text: key });
  }

  function toast(text, isError) {
    var t = $('toast');
    t.textContent = text;
    t.className = isError ? 'toast error' : 'toast';
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () {
      t.hidden = true;
    }, 4000);
  }

  // ---- the bearer token (kept for this tab only) -------------------------------

  var TOKEN_KEY = 'stance-graph.token';
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

  // Read-your-writes across replicas: the newest Stance-Bookmark an answer carried goes back
  // with the next request, whichever replica serves it; dropped if the database refuses it.
  var bookmark = null;

  function gql(query, variables) {
    var sent = bookmark;
    return fetch('/graphql', {
      method: 'POST',
      headers: Object.assign(
        { 'content-type': 'application/json' },
        authHeaders(),
        sent ? { 'stance-bookmark': sent } : {},
      ),
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
          throw error;
        }
        return body.data;
      });
  }

  // ---- who may do what ---------------------------------------------------------

  var REASONS = {
    read: 'Reading needs a reader token here: paste one above.',
    edit: 'Needs an editor token (ingest, confirm, reject, amend, add).',
    admin: 'Needs an admin token (link and merge).',
  };

  function may(what) {
    var v = state.viewer;
    if (!v) return false;
    return what === 'read' ? v.canRead : what === 'edit' ? v.canEdit : v.canAdmin;
  }

  function loadViewer() {
    return gql('query Viewer { viewer { subject role openReads canRead canEdit canAdmin } }').then(function (data) {
      state.viewer = data.viewer;
      var v = data.viewer;
      $('who').textContent = v.role ? v.subject + ' · ' + v.role : 'no token';
      $('token-form').hidden = v.canEdit;
      $('forget-token').hidden = !currentToken();
      applyRoles();
    });
  }

  /** Buttons a role cannot use are disabled, with the reason beside them and in their title. */
  function applyRoles() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-needs]'), function (b) {
      var need = b.getAttribute('data-needs');
      var allowed = may(need);
      if (b.id === 'bulk-undo') allowed = allowed && !!state.lastBatch;
      if (b.hasAttribute('data-needs-filter')) allowed = allowed && hasFilter();
      b.disabled = !allowed;
      b.title = may(need)
        ? b.hasAttribute('data-needs-filter') && !hasFilter()
          ? 'Filter the queue first: a bulk decision takes what the filter shows.'
          : ''
        : REASONS[need];
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-reason-for]'), function (r) {
      var need = r.getAttribute('data-reason-for');
      r.textContent = may(need) ? '' : REASONS[need];
    });
    $('drop').setAttribute('aria-disabled', may('edit') ? 'false' : 'true');
  }

  // ---- ingest ------------------------------------------------------------------

  var ingestChain = Promise.resolve();

  function ingestTexts(items) {
    if (!may('edit')) {
      toast(REASONS.edit, true);
      return;
    }
    items.forEach(function (item) {
      var entry = { name: item.name, status: 'queued', result: null, error: null };
      state.ingested.push(entry);
      renderIngested();
      ingestChain = ingestChain.then(function () {
        entry.status = 'reading';
        renderIngested();
        return gql(
          'mutation Ingest($input: IngestArticleInput!) { ingestArticle(input: $input) { duplicate similarity extractor ' +
            'article { id title outlet publishedOn } sameReportAs { id title outlet } stances { id } newProposals { id } } }',
          { input: { text: item.text, header: true } },
        ).then(
          function (data) {
            entry.status = 'done';
            entry.result = data.ingestArticle;
            renderIngested();
            loadQueue();
          },
          function (error) {
            entry.status = 'failed';
            entry.error = (error.code ? error.code + ': ' : '') + error.message;
            renderIngested();
          },
        );
      });
    });
  }

  function verdictOf(r) {
    if (r.duplicate) return 'duplicate: this text was ingested before';
    if (r.sameReportAs) {
      var other = r.sameReportAs;
      return (
        'reprint of ' +
        (other.title || other.id) +
        (other.outlet ? ' (' + other.outlet + ')' : '') +
        (r.similarity != null ? ', ' + Math.round(r.similarity * 100) + '% alike' : '')
      );
    }
    return 'new report';
  }

  function renderIngested() {
    var list = $('ingested');
    clear(list);
    state.ingested.forEach(function (entry, i) {
      var r = entry.result;
      var line = el(
        'li',
        { className: 'ingest-item', 'data-status': entry.status, 'data-index': String(i) },
        el('span', { className: 'badge', text: entry.status }),
        el('span', { className: 'name', text: entry.name }),
      );
      if (r) {
        line.appendChild(el('span', { className: 'verdict', text: verdictOf(r) }));
        line.appendChild(
          el('span', { className: 'muted', text: r.stances.length + ' stance(s) · read by ' + r.extractor }),
        );
        line.appendChild(
          el('button', {
            type: 'button',
            className: 'link-button',
            text: 'Open',
            onclick: function () {
              openArticle(r.article.id);
            },
          }),
        );
      }
      if (entry.error) line.appendChild(el('span', { className: 'error', text: entry.error }));
      list.appendChild(line);
    });
  }

  function readFiles(files) {
    var list = Array.prototype.slice.call(files || []);
    Promise.all(
      list.map(function (f) {
        return f.text().then(function (text) {
          return { name: f.name, text: text };
        });
      }),
    ).then(ingestTexts);
  }

  // ---- the queue ---------------------------------------------------------------

  function hasFilter() {
    return !!(state.filter.proposalId || state.filter.actorId || state.filter.outlet);
  }

  function loadQueue() {
    if (!may('read')) return Promise.resolve();
    return gql(QUEUE_QUERY, { filter: state.filter })
      .then(function (data) {
        state.queue = data.reviewQueue.nodes;
        state.queueTotal = data.reviewQueue.totalCount;
        if (state.queueIndex >= state.queue.length) state.queueIndex = Math.max(0, state.queue.length - 1);
        renderQueue();
      })
      .catch(function (error) {
        toast('Could not load the queue: ' + error.message, true);
      });
  }

  function stanceLine(s) {
    return [
      el('span', { className: 'pos pos-' + s.position, text: POSITION_LABEL[s.position] }),
      el('span', { className: 'who', text: s.actor.name }),
      el('span', { className: 'muted', text: ' on ' }),
      el('span', { className: 'what', text: s.proposal.name }),
    ];
  }

  function renderQueue() {
    var list = $('queue');
    clear(list);
    $('queue-count').textContent = state.queueTotal != null ? '(' + state.queueTotal + ')' : '';
    state.queue.forEach(function (s, i) {
      var first = s.evidence && s.evidence[0] && s.evidence[0].article;
      var item = el('li', {
        className: 'queue-item' + (state.focus === 'queue' && i === state.queueIndex ? ' current' : ''),
        'data-id': s.id,
        'data-status': s.status,
        onclick: function () {
          state.queueIndex = i;
          state.focus = 'queue';
          renderQueue();
        },
        ondblclick: function () {
          openFromQueue();
        },
      });
      stanceLine(s).forEach(function (n) {
        item.appendChild(n);
      });
      item.appendChild(
        el('span', {
          className: 'meta muted',
          text:
            Math.round(s.confidence * 100) +
            '% · ' +
            (s.cue ? '“' + s.cue + '” · ' : '') +
            (first ? (first.outlet || '') + ' ' + (first.publishedOn || '') : ''),
        }),
      );
      list.appendChild(item);
    });
    if (state.queue.length === 0) list.appendChild(el('li', { className: 'muted empty', text: 'Nothing to review.' }));
    var current = list.querySelector('.current');
    if (current && current.scrollIntoView) current.scrollIntoView({ block: 'nearest' });
    applyRoles();
  }

  function openFromQueue() {
    var s = state.queue[state.queueIndex];
    var art = s && s.evidence && s.evidence[0] && s.evidence[0].article;
    if (art) openArticle(art.id, s.id);
  }

  // ---- the article -------------------------------------------------------------

  /** Opens an article (focus moves to it), or with `again` reads the open one afresh where the analyst is. */
  function openArticle(id, stanceId, again) {
    return gql(ARTICLE_QUERY, { id: id })
      .then(function (data) {
        // Read afresh, the analyst stays on the stance they are on now (they may have moved meanwhile).
        if (again) stanceId = (liveStances()[state.articleIndex] || {}).id;
        var sentence = state.sentence;
        state.article = data.article;
        state.sentences = sentencesOf(data.article.text || '');
        state.sentence = again ? sentence : -1;
        if (!again) state.focus = 'article';
        var at = liveStances().findIndex(function (s) {
          return s.id === stanceId;
        });
        state.articleIndex =
          at >= 0 ? at : again ? Math.min(state.articleIndex, Math.max(0, liveStances().length - 1)) : 0;
        renderArticle();
        renderQueue();
      })
      .catch(function (error) {
        toast('Could not open the article: ' + error.message, true);
      });
  }

  function liveStances() {
    return state.article ? state.article.stances : [];
  }

  /** Sentence spans of the text, for moving a reading cursor with [ and ]. */
  function sentencesOf(text) {
    var out = [];
    var re = /[^.!?\n]+(?:[.!?]+["'\u201d\u2019)]*|\n|$)/g;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      var start = m.index + (m[0].length - m[0].replace(/^\s+/, '').length);
      var end = m.index + m[0].replace(/\s+$/, '').length;
      if (end > start) out.push({ start: start, end: end });
    }
    return out;
  }

  /** Every mark of every stance evidenced in this article, with the stance it belongs to. */
  function marksOfArticle() {
    var a = state.article;
    var marks = [];
    a.stances.forEach(function (s) {
      s.evidence.forEach(function (e) {
        if (e.article.id !== a.id) return;
        if (e.charStart != null) marks.push({ kind: 'EVIDENCE', start: e.charStart, end: e.charEnd, stanceId: s.id });
        e.marks.forEach(function (m) {
          marks.push({ kind: m.kind, start: m.charStart, end: m.charEnd, stanceId: s.id });
        });
      });
    });
    return marks;
  }

  function renderArticle() {
    var a = state.article;
    var meta = $('reader-meta');
    meta.textContent = [a.title, a.outlet, a.publishedOn].filter(Boolean).join(' · ') || a.id;
    if (a.sameReportAs.length) {
      meta.appendChild(
        el('span', {
          className: 'reprint',
          text:
            ' · same report as ' +
            a.sameReportAs
              .map(function (o) {
                return (o.title || o.id) + (o.outlet ? ' (' + o.outlet + ')' : '');
              })
              .join(', ') +
            ': the marks show the evidence this article added',
        }),
      );
    }
    var reader = $('reader');
    clear(reader);
    var text = a.text || '';
    if (!text) {
      reader.appendChild(
        el('p', { className: 'muted', text: 'This article was cited, not ingested: no text to show.' }),
      );
    }
    var marks = marksOfArticle();
    var cuts = [0, text.length];
    marks.forEach(function (m) {
      cuts.push(m.start, m.end);
    });
    state.sentences.forEach(function (s) {
      cuts.push(s.start, s.end);
    });
    cuts = cuts
      .filter(function (c, i, all) {
        return c >= 0 && c <= text.length && all.indexOf(c) === i;
      })
      .sort(function (x, y) {
        return x - y;
      });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i];
      var to = cuts[i + 1];
      var covering = marks.filter(function (m) {
        return m.start <= from && m.end >= to;
      });
      var kinds = {};
      var stances = {};
      covering.forEach(function (m) {
        kinds[m.kind] = true;
        stances[m.stanceId] = true;
      });
      var sentence = state.sentences.findIndex(function (s) {
        return s.start <= from && s.end >= to;
      });
      var seg = el('span', {
        className: Object.keys(kinds)
          .map(function (k) {
            return 'mk mk-' + k;
          })
          .join(' '),
        'data-start': String(from),
        'data-stances': Object.keys(stances).join(' ') || null,
        'data-sentence': sentence >= 0 ? String(sentence) : null,
        text: text.slice(from, to),
      });
      if (covering.length) {
        seg.addEventListener(
          'click',
          (function (ids) {
            return function () {
              showStancesOf(ids);
            };
          })(Object.keys(stances)),
        );
      }
      reader.appendChild(seg);
    }
    renderArticleStances();
    showSentence();
  }

  function renderArticleStances() {
    var list = $('article-stances');
    clear(list);
    liveStances().forEach(function (s, i) {
      var item = el('li', {
        className: 'stance-card' + (state.focus === 'article' && i === state.articleIndex ? ' current' : ''),
        'data-id': s.id,
        'data-status': s.status,
        onmouseenter: function () {
          light(s.id, true);
        },
        onmouseleave: function () {
          light(s.id, false);
        },
        onclick: function () {
          state.articleIndex = i;
          state.focus = 'article';
          renderArticleStances();
          light(s.id, true);
        },
      });
      var head = el('div', { className: 'card-head' });
      stanceLine(s).forEach(function (n) {
        head.appendChild(n);
      });
      head.appendChild(el('span', { className: 'status status-' + s.status, text: s.status }));
      item.appendChild(head);
      item.appendChild(
        el('div', {
          className: 'muted',
          text:
            (s.cue ? '“' + s.cue + '”' : 'no cue') +
            (s.speaker ? ' · said by ' + s.speaker.name : '') +
            (s.statedOn ? ' · ' + s.statedOn : ' · date unknown') +
            ' · ' +
            Math.round(s.confidence * 100) +
            '%' +
            (s.rule ? ' · rule ' + s.rule : ''),
        }),
      );
      if (s.conditions.length)
        item.appendChild(el('div', { className: 'conditions', text: 'If: ' + s.conditions.join('; ') }));
      var actions = el(
        'div',
        { className: 'row actions' },
        decisionButton(
          'Confirm',
          'c',
          function () {
            decide(s, 'confirmStance');
          },
          s.status === 'CONFIRMED' || s.status === 'AMENDED',
        ),
        decisionButton(
          'Reject',
          'x',
          function () {
            decide(s, 'rejectStance');
          },
          s.status === 'REJECTED' || s.status === 'AMENDED',
        ),
        decisionButton(
          'Amend',
          'e',
          function () {
            openForm('amend', s);
          },
          s.status === 'AMENDED',
        ),
        decisionButton(
          'Same proposal as…',
          'l',
          function () {
            openProposalForm('link', s);
          },
          false,
          'admin',
        ),
        decisionButton(
          'Rename proposal',
          'r',
          function () {
            openProposalForm('rename', s);
          },
          false,
        ),
      );
      item.appendChild(actions);
      list.appendChild(item);
    });
    if (!liveStances().length)
      list.appendChild(
        el('li', { className: 'muted', text: 'No stance found here. Select the words and press n to add one.' }),
      );
    var current = list.querySelector('.current');
    if (current) light(current.getAttribute('data-id'), true);
  }

  function decisionButton(label, key, action, done, need) {
    need = need || 'edit';
    var b = el('button', { type: 'button', 'data-needs': need, onclick: action }, label + ' ', kbd(key));
    if (!may(need)) {
      b.disabled = true;
      b.title = REASONS[need];
    } else if (done) {
      b.disabled = true;
      b.title = 'Already decided so (an amended stance is decided on through the stance it became)';
    }
    return b;
  }

  function light(stanceId, on) {
    Array.prototype.forEach.call(document.querySelectorAll('#reader .lit'), function (n) {
      n.classList.remove('lit');
    });
    if (!on || !stanceId) return;
    Array.prototype.forEach.call(document.querySelectorAll('#reader [data-stances]'), function (n) {
      if (n.getAttribute('data-stances').split(' ').indexOf(stanceId) >= 0) n.classList.add('lit');
    });
  }

  function showStancesOf(ids) {
    var stances = liveStances();
    var first = stances.findIndex(function (s) {
      return ids.indexOf(s.id) >= 0;
    });
    if (first >= 0) {
      state.focus = 'article';
      state.articleIndex = first;
      renderArticleStances();
      Array.prototype.forEach.call(document.querySelectorAll('#article-stances .stance-card'), function (c) {
        c.classList.toggle('picked', ids.indexOf(c.getAttribute('data-id')) >= 0);
      });
    }
  }

  function showSentence() {
    Array.prototype.forEach.call(document.querySelectorAll('#reader .cursor'), function (n) {
      n.classList.remove('cursor');
    });
    if (state.sentence < 0) return;
    var first = null;
    Array.prototype.forEach.call(
      document.querySelectorAll('#reader [data-sentence="' + state.sentence + '"]'),
      function (n) {
        n.classList.add('cursor');
        first = first || n;
      },
    );
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'nearest' });
  }

  /** The text the analyst picked: the browser's selection inside the article, else the sentence under the cursor. */
  function pickedSpan() {
    var a = state.article;
    if (!a || !a.text) return null;
    var sel = window.getSelection && window.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed && $('reader').contains(sel.anchorNode)) {
      var range = sel.getRangeAt(0);
      var start = offsetIn(range.startContainer, range.startOffset);
      var end = offsetIn(range.endContainer, range.endOffset);
      if (start !== null && end !== null && end > start) return trimSpan(a.text, start, end);
    }
    if (state.sentence >= 0) {
      var s = state.sentences[state.sentence];
      return trimSpan(a.text, s.start, s.end);
    }
    return null;
  }

  function offsetIn(node, offset) {
    var seg = node.nodeType === 3 ? node.parentNode : node;
    if (!seg || !seg.hasAttribute || !seg.hasAttribute('data-start')) return null;
    return Number(seg.getAttribute('data-start')) + (node.nodeType === 3 ? offset : 0);
  }

  function trimSpan(text, start, end) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end > start ? { start: start, end: end, quote: text.slice(start, end) } : null;
  }

  // ---- decisions -----------------------------------------------------------------

  function decide(s, mutation) {
    if (!may('edit')) {
      toast(REASONS.edit, true);
      return;
    }
    return gql(
      'mutation Decide($id: ID!, $v: Int) { ' + mutation + '(id: $id, expectedVersion: $v) { ' + STANCE + ' } }',
      { id: s.id, v: s.version },
    )
      .then(function (data) {
        var updated = data[mutation];
        toast(
          POSITION_LABEL[updated.position] +
            ' · ' +
            updated.actor.name +
            ' on ' +
            updated.proposal.name +
            ': ' +
            updated.status,
        );
        afterChange(updated);
      })
      .catch(function (error) {
        toast((error.code === 'CONFLICT' ? 'Someone else changed it meanwhile: reloaded. ' : '') + error.message, true);
        refresh();
      });
  }

  function afterChange(updated) {
    if (state.focus === 'queue')
      state.queue = state.queue.filter(function (q) {
        return q.id !== updated.id;
      });
    refresh();
  }

  function refresh() {
    var jobs = [loadQueue()];
    if (state.article) {
      var current = liveStances()[state.articleIndex];
      jobs.push(openArticle(state.article.id, current && current.id, true));
    }
    return Promise.all(jobs);
  }

  function bulk(decision) {
    if (!may('edit') || !hasFilter()) return;
    var n = state.queueTotal;
    gql(
      'mutation Bulk($filter: ReviewFilter!, $d: BulkDecision!) { decideStances(filter: $filter, decision: $d) { id count status } }',
      { filter: state.filter, d: decision },
    )
      .then(function (data) {
        state.lastBatch = data.decideStances;
        toast(
          data.decideStances.count +
            ' of ' +
            n +
            ' stance(s) ' +
            data.decideStances.status.toLowerCase() +
            '. Z undoes it.',
        );
        applyRoles();
        refresh();
      })
      .catch(function (error) {
        toast(error.message, true);
      });
  }

  function undoBulk() {
    var batch = state.lastBatch;
    if (!batch || !may('edit')) return;
    gql('mutation Undo($id: ID!) { undoDecisionBatch(batchId: $id) { id stanceIds kept } }', { id: batch.id })
      .then(function (data) {
        var u = data.undoDecisionBatch;
        state.lastBatch = null;
        toast(
          u.stanceIds.length +
            ' stance(s) back in the queue' +
            (u.kept ? '; ' + u.kept + ' changed since, left as they are' : '') +
            '.',
        );
        applyRoles();
        refresh();
      })
      .catch(function (error) {
        toast(error.message, true);
      });
  }

  // ---- the amend / add form ----------------------------------------------------------

  /**
   * The proposal of a stance: the same as another one (merged into it, an
   * admin's decision) or renamed (its old name kept as an alias, so the
   * extractor still links the words it was found by).
   */
  function openProposalForm(mode, stance) {
    var need = mode === 'link' ? 'admin' : 'edit';
    if (!may(need)) {
      toast(REASONS[need], true);
      return;
    }
    state.form = { mode: mode, stance: stance };
    $('form-panel').hidden = false;
    $('stance-fields').hidden = true;
    $('p-label').hidden = false;
    $('form-title').textContent = mode === 'link' ? 'The same proposal as…' : 'Rename the proposal';
    $('form-help').textContent =
      mode === 'link'
        ? '“' +
          stance.proposal.name +
          '” is folded into the proposal chosen: its stances, evidence and names move there.'
        : 'The old name stays as an alias, so articles that use it still link here.';
    $('p-label-text').textContent = mode === 'link' ? 'Existing proposal (id)' : 'New name';
    $('p-value').setAttribute('list', mode === 'link' ? 'proposal-options' : '');
    $('p-value').value = mode === 'link' ? '' : stance.proposal.name;
    $('form-error').hidden = true;
    if (mode === 'link') suggestProposals(stance.proposal.name, stance.proposal.id);
    $('p-value').focus();
  }

  function submitProposalForm() {
    var f = state.form;
    var value = $('p-value').value.trim();
    if (!value) return;
    var job =
      f.mode === 'link'
        ? gql('mutation Link($keep: ID!, $merge: ID!) { mergeProposals(keepId: $keep, mergeId: $merge) { id name } }', {
            keep: value,
            merge: f.stance.proposal.id,
          }).then(function (d) {
            return 'Linked: now one proposal, ' + d.mergeProposals.name;
          })
        : gql('query P($id: ID!) { proposal(id: $id) { id name aliases } }', { id: f.stance.proposal.id })
            .then(function (d) {
              var p = d.proposal;
              var aliases = p.aliases.filter(function (a) {
                return a !== value;
              });
              if (p.name !== value && aliases.indexOf(p.name) < 0) aliases.push(p.name);
              return gql('mutation Rename($input: UpsertProposalInput!) { upsertProposal(input: $input) { name } }', {
                input: { id: p.id, name: value, aliases: aliases },
              });
            })
            .then(function (d) {
              return 'Renamed: ' + d.upsertProposal.name;
            });
    job
      .then(function (message) {
        toast(message);
        closeForm();
        refresh();
      })
      .catch(function (error) {
        var box = $('form-error');
        box.textContent = (error.code ? error.code + ': ' : '') + error.message;
        box.hidden = false;
      });
  }

  function openForm(mode, stance, span) {
    $('stance-fields').hidden = false;
    $('p-label').hidden = true;
    if (!may('edit')) {
      toast(REASONS.edit, true);
      return;
    }
    state.form = { mode: mode, stance: stance, span: span || null };
    $('form-panel').hidden = false;
    $('form-title').textContent = mode === 'amend' ? 'Amend' : 'Add a missed stance';
    $('form-help').textContent =
      mode === 'amend'
        ? 'Change what the extractor got wrong; the rest is kept, and so is its original reading.'
        : 'The selected words are the evidence; say who stands where on what.';
    $('quote-label').hidden = mode !== 'add';
    $('cue-label').hidden = mode !== 'add';
    $('proposal-words-label').hidden = mode !== 'add';
    $('holder-words-label').hidden = mode !== 'add';
    $('s-cue').value = '';
    $('s-proposal-words').value = '';
    $('s-holder-words').value = '';
    $('s-quote').value = span ? span.quote : '';
    $('s-actor').value = stance ? stance.actor.id : '';
    $('s-speaker').value = stance && stance.speaker ? stance.speaker.id : '';
    $('s-proposal').value = stance ? stance.proposal.id : '';
    $('s-position').value = stance ? stance.position : 'SUPPORT';
    $('s-conditions').value = stance ? stance.conditions.join('\n') : '';
    // An amendment starts from the stance's own date (none: none); a new stance from the article's.
    $('s-stated').value = mode === 'amend' ? stance.statedOn || '' : (state.article && state.article.publishedOn) || '';
    $('s-note').value = '';
    $('form-error').hidden = true;
    suggestProposals(stance ? stance.proposal.name : span ? span.quote : '');
    suggestActors('');
    (mode === 'amend' ? $('s-proposal') : $('s-actor')).focus();
  }

  function closeForm() {
    state.form = null;
    $('form-panel').hidden = true;
    (state.focus === 'article' ? $('reader') : $('queue')).focus();
  }

  function fillOptions(list, items) {
    clear(list);
    items.forEach(function (it) {
      list.appendChild(el('option', { value: it.id, text: it.label }));
    });
  }

  /** Proposals the wording may name (proposalCandidates), offered in the proposal fields; `except` left out. */
  function suggestProposals(wording, except) {
    var words = (wording || '').trim().slice(0, 300);
    var inArticle = state.article
      ? state.article.stances.map(function (s) {
          return s.proposal.id;
        })
      : [];
    var ask = words
      ? gql(
          'query Candidates($w: String!, $in: [ID!]) { proposalCandidates(wording: $w, inArticle: $in, first: 8) { score rule proposal { id name } } }',
          { w: words, in: inArticle },
        ).then(function (d) {
          return d.proposalCandidates
            .filter(function (c) {
              return c.proposal.id !== except;
            })
            .map(function (c) {
              return { id: c.proposal.id, label: c.proposal.name + ' (' + c.rule + ')' };
            });
        })
      : Promise.resolve([]);
    return ask
      .then(function (items) {
        fillOptions($('proposal-options'), items);
      })
      .catch(function () {
        /* suggestions are a help */
      });
  }

  function suggestActors(text) {
    var words = (text || '').trim();
    if (!words) {
      var seen = {};
      var items = [];
      liveStances().forEach(function (s) {
        [s.actor, s.speaker].forEach(function (a) {
          if (a && !seen[a.id]) {
            seen[a.id] = true;
            items.push({ id: a.id, label: a.name });
          }
        });
      });
      fillOptions($('actor-options'), items);
      return;
    }
    gql('query Who($t: String!) { search(text: $t, first: 8) { node { __typename ... on Actor { id name } } } }', {
      t: words,
    })
      .then(function (d) {
        fillOptions(
          $('actor-options'),
          d.search
            .filter(function (h) {
              return h.node.__typename === 'Actor';
            })
            .map(function (h) {
              return { id: h.node.id, label: h.node.name };
            }),
        );
      })
      .catch(function () {
        /* suggestions are a help */
      });
  }

  function submitForm(event) {
    if (event) event.preventDefault();
    var f = state.form;
    if (!f) return;
    if (f.mode === 'link' || f.mode === 'rename') {
      submitProposalForm();
      return;
    }
    var conditions = $('s-conditions')
      .value.split('\n')
      .map(function (c) {
        return c.trim();
      })
      .filter(Boolean);
    var stated = $('s-stated').value.trim() || null;
    var job;
    if (f.mode === 'amend') {
      var s = f.stance;
      var input = {};
      if ($('s-actor').value.trim() !== s.actor.id) input.actorId = $('s-actor').value.trim();
      var speaker = $('s-speaker').value.trim() || null;
      if (speaker !== (s.speaker ? s.speaker.id : null)) input.speakerId = speaker;
      if ($('s-proposal').value.trim() !== s.proposal.id) input.proposalId = $('s-proposal').value.trim();
      if ($('s-position').value !== s.position) input.position = $('s-position').value;
      if (conditions.join('\n') !== s.conditions.join('\n')) input.conditions = conditions;
      if (stated !== s.statedOn) input.statedOn = stated;
      if ($('s-note').value.trim()) input.note = $('s-note').value.trim();
      job = gql(
        'mutation Amend($id: ID!, $v: Int, $input: AmendStanceInput!) { amendStance(id: $id, expectedVersion: $v, input: $input) { ' +
          STANCE +
          ' } }',
        { id: s.id, v: s.version, input: input },
      ).then(function (d) {
        return d.amendStance;
      });
    } else {
      var a = state.article;
      // the words the analyst names the proposal, holder and cue by, marked where the quote has them
      var marks = [];
      var missing = [];
      [
        ['PROPOSAL', 's-proposal-words'],
        ['HOLDER', 's-holder-words'],
        ['CUE', 's-cue'],
      ].forEach(function (pair) {
        var words = $(pair[1]).value.trim();
        if (!words) return;
        var at = f.span.quote.toLowerCase().indexOf(words.toLowerCase());
        if (at < 0) missing.push('"' + words + '"');
        else marks.push({ kind: pair[0], charStart: f.span.start + at, charEnd: f.span.start + at + words.length });
      });
      if (missing.length) {
        $('form-error').textContent =
          'Not in the quote: ' + missing.join(', ') + '. Give words as the quote writes them.';
        $('form-error').hidden = false;
        return;
      }
      job = gql('mutation Add($input: RecordStanceInput!) { recordStance(input: $input) { ' + STANCE + ' } }', {
        input: {
          actorId: $('s-actor').value.trim(),
          speakerId: $('s-speaker').value.trim() || null,
          proposalId: $('s-proposal').value.trim(),
          position: $('s-position').value,
          conditions: conditions,
          statedOn: stated,
          cue: $('s-cue').value.trim() || null,
          evidence: [
            { quote: f.span.quote, charStart: f.span.start, charEnd: f.span.end, marks: marks, article: { id: a.id } },
          ],
        },
      }).then(function (d) {
        return d.recordStance;
      });
    }
    job
      .then(function (stance) {
        toast(
          (f.mode === 'amend' ? 'Amended: ' : 'Added: ') +
            stance.actor.name +
            ' ' +
            POSITION_LABEL[stance.position].toLowerCase() +
            ' ' +
            stance.proposal.name,
        );
        closeForm();
        refresh();
      })
      .catch(function (error) {
        var box = $('form-error');
        box.textContent = (error.code ? error.code + ': ' : '') + error.message;
        box.hidden = false;
        if (error.code === 'CONFLICT') refresh();
      });
  }

  // ---- keyboard --------------------------------------------------------------------------

  function typing(target) {
    return target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
  }

  function currentStance() {
    return state.focus === 'article' ? liveStances()[state.articleIndex] : state.queue[state.queueIndex];
  }

  function move(delta) {
    if (state.focus === 'article') {
      var n = liveStances().length;
      if (!n) return;
      state.articleIndex = Math.min(n - 1, Math.max(0, state.articleIndex + delta));
      renderArticleStances();
    } else {
      if (!state.queue.length) return;
      state.queueIndex = Math.min(state.queue.length - 1, Math.max(0, state.queueIndex + delta));
      renderQueue();
    }
  }

  function onKey(event) {
    if (state.form) {
      if (event.key === 'Escape') {
        event.preventDefault();
        closeForm();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submitForm();
      }
      return;
    }
    if (event.target === $('paste')) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        ingestPaste();
      }
      return;
    }
    if (typing(event.target)) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var s = currentStance();
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        move(1);
        break;
      case 'k':
      case 'ArrowUp':
        move(-1);
        break;
      case 'Enter':
        if (state.focus === 'queue') openFromQueue();
        else return;
        break;
      case 'c':
        if (s) decide(s, 'confirmStance');
        break;
      case 'x':
        if (s) decide(s, 'rejectStance');
        break;
      case 'e':
        if (s) openForm('amend', s);
        break;
      case 'l':
        if (s) openProposalForm('link', s);
        break;
      case 'r':
        if (s) openProposalForm('rename', s);
        break;
      case 'C':
        bulk('CONFIRM');
        break;
      case 'X':
        bulk('REJECT');
        break;
      case 'z':
      case 'Z':
        undoBulk();
        break;
      case ']':
      case '[':
        if (!state.article) return;
        state.sentence = Math.min(
          state.sentences.length - 1,
          Math.max(0, state.sentence + (event.key === ']' ? 1 : -1)),
        );
        showSentence();
        break;
      case 'n': {
        var span = pickedSpan();
        if (!span) {
          toast('Select the words first (with the mouse, or [ and ] for a sentence).', true);
          break;
        }
        openForm('add', null, span);
        break;
      }
      case 'q':
        state.focus = 'queue';
        renderQueue();
        if (state.article) renderArticleStances();
        $('queue').focus();
        break;
      case 'a':
        if (state.article) {
          state.focus = 'article';
          renderArticleStances();
          renderQueue();
        }
        break;
      case '/':
        $('f-proposal').focus();
        break;
      case 'o':
        if (may('edit')) $('files').click();
        break;
      case 'p':
        $('paste').focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function ingestPaste() {
    var text = $('paste').value;
    if (!text.trim()) return;
    ingestTexts([{ name: 'pasted text ' + (state.ingested.length + 1), text: text }]);
    $('paste').value = '';
  }

  // ---- live decisions of the other analysts -----------------------------------------------

  var liveClient = null;

  /** (Re)connects the live feed with the token held now. */
  function startLive() {
    if (!window.graphqlWs) return;
    if (liveClient) liveClient.dispose();
    var live = $('live');
    live.dataset.state = 'off';
    var client = (liveClient = window.graphqlWs.createClient({
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
          if (liveClient === client) live.dataset.state = 'off';
        },
      },
    }));
    var pending = null;
    var later = function () {
      clearTimeout(pending);
      pending = setTimeout(refresh, 200);
    };
    var sink = function (onData) {
      return {
        next: function (msg) {
          if (msg.data) onData(msg.data);
        },
        error: function () {},
        complete: function () {},
      };
    };
    client.subscribe(
      { query: 'subscription { stanceReviewed { id status version actor { name } proposal { name } } }' },
      sink(function (data) {
        var s = data.stanceReviewed;
        var mine = state.queue.concat(liveStances()).some(function (q) {
          return q.id === s.id && q.version === s.version;
        });
        if (!mine) toast('Live: ' + s.actor.name + ' on ' + s.proposal.name + ' is now ' + s.status);
        later();
      }),
    );
    client.subscribe({ query: 'subscription { stanceRecorded { id } }' }, sink(later));
  }

  // ---- start -----------------------------------------------------------------------------

  function start() {
    $('token-form').addEventListener('submit', function (e) {
      e.preventDefault();
      setToken($('token').value.trim());
      $('token').value = '';
      loadViewer().then(loadQueue);
      startLive();
    });
    $('forget-token').addEventListener('click', function () {
      setToken('');
      loadViewer().then(loadQueue);
      startLive();
    });
    var drop = $('drop');
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) {
        e.preventDefault();
        drop.classList.add('over');
      });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      drop.addEventListener(t, function () {
        drop.classList.remove('over');
      });
    });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      readFiles(e.dataTransfer.files);
    });
    drop.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        $('files').click();
      }
    });
    $('files').addEventListener('change', function (e) {
      readFiles(e.target.files);
      e.target.value = '';
    });
    $('ingest-paste').addEventListener('click', ingestPaste);
    $('queue-filter').addEventListener('submit', function (e) {
      e.preventDefault();
      state.filter = {};
      if ($('f-proposal').value.trim()) state.filter.proposalId = $('f-proposal').value.trim();
      if ($('f-actor').value.trim()) state.filter.actorId = $('f-actor').value.trim();
      if ($('f-outlet').value.trim()) state.filter.outlet = $('f-outlet').value.trim();
      state.queueIndex = 0;
      state.focus = 'queue';
      loadQueue();
      document.activeElement.blur();
    });
    $('bulk-confirm').addEventListener('click', function () {
      bulk('CONFIRM');
    });
    $('bulk-reject').addEventListener('click', function () {
      bulk('REJECT');
    });
    $('bulk-undo').addEventListener('click', undoBulk);
    $('stance-form').addEventListener('submit', submitForm);
    $('form-cancel').addEventListener('click', closeForm);
    $('p-value').addEventListener('input', function (e) {
      if (state.form && state.form.mode === 'link') suggestProposals(e.target.value, state.form.stance.proposal.id);
    });
    $('s-proposal').addEventListener('input', function (e) {
      suggestProposals(e.target.value);
    });
    $('s-actor').addEventListener('input', function (e) {
      suggestActors(e.target.value);
    });
    $('s-speaker').addEventListener('input', function (e) {
      suggestActors(e.target.value);
    });
    document.addEventListener('keydown', onKey);
    loadViewer()
      .then(loadQueue)
      .catch(function (error) {
        toast(error.message, true);
      });
    startLive();
  }

  start();
})();
