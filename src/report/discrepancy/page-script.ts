/**
 * The script of index.html. The report's content travels as JSON in a data block (never executed);
 * this script builds the visible page from it, one page of each list at a time, so a report of
 * 10,000 documents stays small and every filter answers at once: filtering is a pass over arrays,
 * and only the rows of the current page reach the DOM. Everything from a document is set with
 * textContent (never innerHTML), so no document text can become markup.
 *
 * Links: every finding links to each of its statements (#st-N) and every statement back to the
 * findings citing it (#f-N); a link opens the page of the list that holds its target (clearing
 * filters that would hide it), so links work whatever page is shown. Plain ES5, no dependencies:
 * the page must work from a file: URL with no network.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  // The data block is JSON, or for a large report gzip-compressed JSON in base64 (a tenth of the size),
  // inflated by the browser's own DecompressionStream.
  var block = document.getElementById('report-data');
  if (block.type === 'application/json') main(JSON.parse(block.textContent));
  else {
    var binary = atob(block.textContent.trim()), bytes = new Uint8Array(binary.length);
    for (var b = 0; b < binary.length; b++) bytes[b] = binary.charCodeAt(b);
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(
      function (json) { main(JSON.parse(json)); },
      function (error) { document.getElementById('summary').textContent += ' — ' + error; },
    );
  }

function main(D) {
  var L = D.labels, S = D.s, V = D.verdicts, docs = D.docs, st = D.st, F = D.f, G = D.g, T = D.t, C = D.c, SEV = D.sev, RULES = D.rules;
  var PAGE = D.page;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function text(parent, value) { parent.appendChild(document.createTextNode(value)); }
  function link(href, label, cls) { var a = el('a', cls, label); a.href = href; return a; }
  function badge(kind, label) { return el('span', 'badge ' + kind, label); }
  function range(n) { var out = new Array(n); for (var i = 0; i < n; i++) out[i] = i; return out; }
  function number(n) { return n.toLocaleString(D.locale); }

  // ---- derived indexes, built once -------------------------------------------------------------
  function docOf(s) { return typeof st[s][0] === 'number' ? st[s][0] : -1; }
  function docName(s) { var d = st[s][0]; return typeof d === 'number' ? docs[d][0] : d; }
  function whereOf(s) {
    var w = st[s][1];
    if (w.charAt(0) === '\u0000') return w.slice(1);
    return (typeof st[s][0] === 'number' ? docs[st[s][0]][1] : st[s][0]) + (w.charAt(0) === '#' ? '' : ':') + w;
  }
  // the document's status, and 'estimate' for an estimate (预计): which side of a comparison is preliminary
  function statusOf(s, d) {
    var status = d >= 0 ? S[docs[d][2]] : '—';
    return st[s][7] ? (status === '—' ? L.estimate : status + ', ' + L.estimate) : status;
  }
  function periodOf(s) { var d = docOf(s); return st[s][6] || (d >= 0 ? S[docs[d][3]] : '—'); }
  function name(g) { return S[G[g][0]]; }
  function metric(g) { return G[g][1] >= 0 ? S[G[g][1]] : null; }
  function verdict(g) { return V[G[g][2]]; }
  var citedBy = new Array(st.length);
  var findingDocs = new Array(F.length);
  for (var f = 0; f < F.length; f++) {
    var seen = {}, fdocs = [];
    for (var i = 0; i < F[f][3].length; i++) {
      var s = F[f][3][i];
      (citedBy[s] || (citedBy[s] = [])).push(f);
      var d = docOf(s);
      if (d >= 0 && !seen[d]) { seen[d] = true; fdocs.push(d); }
    }
    findingDocs[f] = fdocs;
  }
  // Where each statement is shown: its metric's group, else its target row, else a group of the
  // other statements findings cite, one per document.
  var groupOf = new Int32Array(st.length).fill(-1), targetOf = new Int32Array(st.length).fill(-1);
  for (var g = 0; g < G.length; g++) for (var j = 0; j < G[g][6].length; j++) if (groupOf[G[g][6][j]] < 0) groupOf[G[g][6][j]] = g;
  for (var t = 0; t < T.length; t++) for (var k = 4; k <= 5; k++) if (groupOf[T[t][k]] < 0 && targetOf[T[t][k]] < 0) targetOf[T[t][k]] = t;
  var other = {}, otherOrder = [];
  for (var f2 = 0; f2 < F.length; f2++) {
    for (var i2 = 0; i2 < F[f2][3].length; i2++) {
      var s2 = F[f2][3][i2];
      if (groupOf[s2] >= 0 || targetOf[s2] >= 0) continue;
      var key = docName(s2);
      if (!other[key]) { other[key] = []; otherOrder.push(key); }
      groupOf[s2] = -2;
      other[key].push(s2);
    }
  }
  V.push('cited');
  S.push('');
  for (var o = 0; o < otherOrder.length; o++) {
    S.push(L.cited + ': ' + otherOrder[o]);
    G.push([S.length - 1, -1, V.length - 1, S.length - 2, 0, -1, other[otherOrder[o]]]);
    for (var m = 0; m < other[otherOrder[o]].length; m++) groupOf[other[otherOrder[o]][m]] = G.length - 1;
  }
  var multiGroups = [], singleGroups = [];
  for (var g2 = 0; g2 < G.length; g2++) if (G[g2][6].length) (verdict(g2) === 'single' ? singleGroups : multiGroups).push(g2);
  var sectionRules = D.sections;

  // ---- filters ---------------------------------------------------------------------------------
  var form = document.getElementById('filters');
  var search = document.getElementById('document-search');
  var matches = document.getElementById('document-matches');
  var sevOn = {}, ruleOn = {}, docAll = true, exact = -1, docOk = new Uint8Array(docs.length);
  var searchable = docs.map(function (d) { return (d[0] + '\n' + d[1]).toLowerCase(); });
  function readBoxes() {
    var boxes = form.querySelectorAll('input[type=checkbox]');
    sevOn = {}; ruleOn = {};
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) (boxes[i].name === 'severity' ? sevOn : ruleOn)[boxes[i].value] = true;
  }
  function readDocuments() {
    var query = search.value.trim().toLowerCase();
    docAll = exact < 0 && !query;
    if (docAll) return 0;
    var count = 0;
    for (var i = 0; i < docs.length; i++) {
      docOk[i] = exact >= 0 ? (i === exact ? 1 : 0) : (searchable[i].indexOf(query) >= 0 ? 1 : 0);
      count += docOk[i];
    }
    return count;
  }
  function anyDocument(list) {
    if (docAll) return true;
    for (var i = 0; i < list.length; i++) if (list[i] >= 0 && docOk[list[i]]) return true;
    return false;
  }
  function statementDocs(list) { var out = []; for (var i = 0; i < list.length; i++) out.push(docOf(list[i])); return out; }
  function findingKind(f) { return sevOn[SEV[F[f][0]][0]] && ruleOn[RULES[F[f][1]]]; }
  function findingShown(f) { return findingKind(f) && anyDocument(findingDocs[f]); }
  function groupShown(g) {
    var r = G[g];
    if (r[5] >= 0 && !findingKind(r[5])) return false;
    if (verdict(g) === 'cited') {
      var any = false;
      for (var i = 0; i < r[6].length && !any; i++) for (var j = 0; j < citedBy[r[6][i]].length; j++) if (findingKind(citedBy[r[6][i]][j])) any = true;
      if (!any) return false;
    }
    return anyDocument(statementDocs(r[6]));
  }
  function targetShown(t) {
    var r = T[t];
    if (r[3] >= 0 && !findingKind(r[3])) return false;
    return anyDocument([docOf(r[4]), docOf(r[5])]);
  }

  // ---- paged lists -----------------------------------------------------------------------------
  function List(container, head, render) {
    var items = [], page = 0;
    var top = add(container, el('div', 'pager')), body;
    if (head) {
      var table = add(container, el('table'));
      var row = add(add(table, el('thead')), el('tr'));
      for (var i = 0; i < head.length; i++) add(row, el('th', null, head[i]));
      body = add(table, el('tbody'));
    } else body = add(container, el('div', 'items'));
    var bottom = add(container, el('div', 'pager'));
    var none = add(container, el('p', 'muted', L.none));
    function pager(bar) {
      bar.textContent = '';
      var pages = Math.ceil(items.length / PAGE);
      bar.hidden = pages <= 1;
      if (pages <= 1) return;
      function button(label, to, disabled) {
        var b = add(bar, el('button', null, label));
        b.type = 'button';
        b.disabled = disabled;
        b.addEventListener('click', function () { page = to; draw(); });
      }
      button('«', 0, page === 0);
      button('‹ ' + L.previous, page - 1, page === 0);
      add(bar, el('span', 'range', number(page * PAGE + 1) + '–' + number(Math.min(items.length, (page + 1) * PAGE)) + ' / ' + number(items.length)));
      button(L.next + ' ›', page + 1, page >= pages - 1);
      button('»', pages - 1, page >= pages - 1);
    }
    function draw() {
      body.textContent = '';
      var end = Math.min(items.length, (page + 1) * PAGE);
      for (var i = page * PAGE; i < end; i++) body.appendChild(render(items[i]));
      none.hidden = items.length > 0;
      if (head) body.parentNode.hidden = items.length === 0;
      pager(top);
      pager(bottom);
    }
    return {
      set: function (next) { items = next; page = 0; draw(); return items.length; },
      show: function (item) {
        var at = items.indexOf(item);
        if (at < 0) return false;
        page = Math.floor(at / PAGE);
        draw();
        return true;
      },
    };
  }

  function sentence(parent, s) {
    var r = st[s];
    text(parent, r[4] || '');
    if (r[2]) add(parent, el('mark', null, r[2]));
    text(parent, (r[5] || '') + ' ');
    add(parent, el('span', 'where', whereOf(s)));
  }
  function findingLinks(parent, s) {
    var cites = citedBy[s] || [];
    for (var i = 0; i < cites.length; i++) {
      var a = add(parent, link('#f-' + cites[i], '↩ ' + SEV[F[cites[i]][0]][1] + ' ' + RULES[F[cites[i]][1]], 'back'));
      a.title = L.toFinding;
    }
  }
  function findingRow(f, withId) {
    var r = F[f], tr = el('tr');
    if (withId) tr.id = 'f-' + f;
    tr.setAttribute('data-severity', SEV[r[0]][0]);
    tr.setAttribute('data-rule', RULES[r[1]]);
    add(add(tr, el('td')), badge(SEV[r[0]][0], SEV[r[0]][1]));
    add(add(tr, el('td')), el('code', null, RULES[r[1]]));
    var message = add(tr, el('td'));
    if (withId) text(message, r[2]);
    else add(message, link('#f-' + f, r[2]));
    var places = add(tr, el('td'));
    for (var i = 0; i < r[3].length; i++) {
      var s = r[3][i], div = add(places, el('div', 'place'));
      text(div, docName(s) + ': ');
      sentence(div, s);
      text(div, ' ');
      add(div, link('#st-' + s, '→ ' + L.toStatements, 'to-statement'));
      var inText = markOf(s);
      if (inText) add(div, link('#tx-' + inText[0] + '-' + inText[1], '→ ' + L.toText, 'to-text'));
    }
    return tr;
  }
  function statementRow(s) {
    var tr = el('tr'), d = docOf(s);
    tr.id = 'st-' + s;
    add(tr, el('td', null, docName(s)));
    add(tr, el('td', null, statusOf(s, d)));
    add(tr, el('td', null, periodOf(s)));
    sentence(add(tr, el('td')), s);
    add(tr, el('td', 'interval', st[s][3]));
    findingLinks(add(tr, el('td')), s);
    return tr;
  }
  // ---- interval charts (geometry from chart.ts: positions 0…1000, flags as chart.ts's BAND) -------
  var SVG_NS = 'http://www.w3.org/2000/svg', charts = 0;
  function svg(parent, tag, attrs, cls) {
    var e = document.createElementNS(SVG_NS, tag);
    if (cls) e.setAttribute('class', cls);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    return parent ? parent.appendChild(e) : e;
  }
  function short(value, n) { return value.length > n ? value.slice(0, n - 1) + '…' : value; }
  function bandText(s, flags, bad) {
    return docName(s) + ': ' + st[s][2] + ' = ' + st[s][3] + ' (' + (flags & 16 ? L.target : flags & 64 ? L.estimate : L.actual) + (flags & 32 ? ', ' + bad : '') + ')';
  }
  function endMark(parent, x, y, flags, openBit, closedBit, direction) {
    if (flags & openBit) svg(parent, 'polygon', { points: (x + 9 * direction) + ',' + y + ' ' + x + ',' + (y - 7) + ' ' + x + ',' + (y + 7) }, 'arrow');
    else svg(parent, 'circle', { cx: x, cy: y, r: 4.5 }, flags & closedBit ? 'end' : 'end open');
  }
  // One band per statement on the group's axis; a band links to its statement, its title says what it is.
  // bad: what a marked band is here (a mismatch, a missed target).
  function drawChart(parent, c, list, bad) {
    if (!c) return;
    var ticks = c[0], bands = c[1], overlaps = c[2];
    // Drawn 1:1 at the figure's widest (760px), so its 12px labels read as the page's small print.
    var GUTTER = 120, PLOT = 610, ROW = 24, TOP = 6, W = GUTTER + PLOT + 30, plotH = bands.length * ROW, H = TOP + plotH + 28;
    function px(position) { return GUTTER + Math.round(position * PLOT / 1000); }
    var id = 'chart-' + charts++;
    var figure = add(parent, el('figure', 'chart'));
    var root = svg(figure, 'svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'group', 'aria-labelledby': id + '-caption', 'data-bands': bands.length });
    for (var o = 0; o < overlaps.length; o++) svg(root, 'rect', { x: px(overlaps[o][0]), y: TOP, width: px(overlaps[o][1]) - px(overlaps[o][0]), height: plotH }, 'overlap');
    var axisY = TOP + plotH + 4;
    for (var t = 0; t < ticks.length; t++) {
      var tick = svg(root, 'g', {}, 'tick'), x = px(ticks[t][0]);
      svg(tick, 'line', { x1: x, y1: TOP, x2: x, y2: axisY + 4 });
      svg(tick, 'text', { x: x, y: axisY + 18, 'text-anchor': 'middle' }).textContent = S[ticks[t][1]];
    }
    svg(root, 'line', { x1: GUTTER, y1: axisY, x2: GUTTER + PLOT, y2: axisY }, 'axis');
    for (var b = 0; b < bands.length; b++) {
      var band = bands[b], s = list[band[0]], flags = band[3], y = TOP + b * ROW + ROW / 2;
      svg(root, 'text', { x: GUTTER - 10, y: y + 4, 'text-anchor': 'end' }, 'row-label').textContent = short(docName(s), 16);
      var a = svg(root, 'a', { href: '#st-' + s, 'aria-label': bandText(s, flags, bad), 'data-statement': s }, flags & 32 ? 'mismatch' : null);
      svg(a, 'title').textContent = bandText(s, flags, bad) + ' · ' + whereOf(s);
      var x0 = px(band[1]), x1 = px(band[2]);
      if (x1 - x0 < 4) { x0 -= 3; x1 += 3; }
      svg(a, 'rect', { x: x0, y: y - 6, width: x1 - x0, height: 12, rx: 2 }, flags & 16 ? 'band target' : 'band');
      endMark(a, x0, y, flags, 1, 4, -1);
      endMark(a, x1, y, flags, 2, 8, 1);
    }
    var caption = add(figure, el('figcaption', null, L.chart));
    caption.id = id + '-caption';
    var equivalent = add(figure, el('ul', 'sr-only'));
    for (var e = 0; e < bands.length; e++) add(equivalent, el('li', null, bandText(list[bands[e][0]], bands[e][3], bad)));
  }
  // ---- documents with their figures marked --------------------------------------------------------
  // X[d] = [lines or 0, marks [line, column, endLine, endColumn, state, PDF place?]…, counts by state]; a
  // statement (st) and a mark are one figure when they share document, line and column (a PDF's statements
  // cite "#page=N:line:column", which its marks carry beside their place in the text).
  var STATES = D.states, X = D.x, LINES = 200;
  var markAt = [], marksOnLine = [], markStatement = [], linePage = new Int32Array(docs.length);
  for (var xd = 0; xd < X.length; xd++) {
    var at = {}, onLine = {}, marks = X[xd][1];
    for (var xm = 0; xm < marks.length; xm++) {
      at[marks[xm][5] || marks[xm][0] + ':' + marks[xm][1]] = xm;
      (onLine[marks[xm][0]] || (onLine[marks[xm][0]] = [])).push(xm);
    }
    for (var key2 in onLine) onLine[key2].sort(function (a, b) { return marks[a][1] - marks[b][1]; });
    markAt.push(at); marksOnLine.push(onLine); markStatement.push({});
  }
  // The statement's figure in its document's text, as [document, mark], or null.
  function markOf(s) {
    var d = docOf(s), w = st[s][1];
    if (d < 0 || !X[d] || !X[d][0] || w.charAt(0) === '\u0000') return null;
    var m = markAt[d][w];
    return m === undefined ? null : [d, m];
  }
  for (var xs = 0; xs < st.length; xs++) { var hit = markOf(xs); if (hit) markStatement[hit[0]][hit[1]] = xs; }
  // A figure in the text is a mark; the legend's key to a state is a span looking like one.
  function stateMark(state, label) { return el('mark', 'fig ' + state, label); }
  function stateKey(state, label) { return el('span', 'fig ' + state, label); }
  function stateCounts(parent, counts) {
    for (var i = 0; i < STATES.length; i++) {
      var span = add(parent, el('span', 'state-count'));
      add(span, stateKey(STATES[i], L[STATES[i]]));
      text(span, ' ' + number(counts[i]));
    }
  }
  function drawLines(box, d) {
    box.textContent = '';
    var lines = X[d][0], marks = X[d][1], pages = Math.ceil(lines.length / LINES), page = linePage[d];
    var bar = add(box, el('div', 'pager'));
    function button(label, to, disabled) {
      var b = add(bar, el('button', null, label));
      b.type = 'button';
      b.disabled = disabled;
      b.addEventListener('click', function () { linePage[d] = to; drawLines(box, d); });
    }
    bar.hidden = pages <= 1;
    if (pages > 1) {
      button('‹ ' + L.previous, page - 1, page === 0);
      add(bar, el('span', 'range', number(page * LINES + 1) + '–' + number(Math.min(lines.length, (page + 1) * LINES)) + ' / ' + number(lines.length) + ' ' + L.linesShown));
      button(L.next + ' ›', page + 1, page >= pages - 1);
    }
    var body = add(box, el('div', 'doc-text'));
    for (var n = page * LINES; n < Math.min(lines.length, (page + 1) * LINES); n++) {
      var line = lines[n], row = add(body, el('div', 'line')), from = 0, on = marksOnLine[d][n + 1] || [];
      add(row, el('span', 'ln', n + 1));
      for (var k = 0; k < on.length; k++) {
        var m = marks[on[k]], start = m[1] - 1, end = m[2] === m[0] ? m[3] - 1 : line.length;
        if (start < from) continue;
        text(row, line.slice(from, start));
        var mark = add(row, stateMark(STATES[m[4]], line.slice(start, end)));
        mark.id = 'tx-' + d + '-' + on[k];
        mark.title = L[STATES[m[4]]];
        var s = markStatement[d][on[k]];
        if (s !== undefined) findingLinks(row, s);
        from = end;
      }
      text(row, line.slice(from));
    }
  }
  function textSection(d) {
    var details = el('details', 'document-text');
    details.id = 'doc-' + d;
    var summary = add(details, el('summary'));
    add(summary, el('strong', null, docs[d][0] + ' '));
    add(summary, el('span', 'muted', docs[d][1] + ' · ' + number(X[d][1].length) + ' ' + L.figuresTotal + ' '));
    stateCounts(add(details, el('div')), X[d][2]);
    var box = add(details, el('div'));
    if (!X[d][0]) { add(box, el('p', 'muted', L.textOmitted)); return details; }
    details.addEventListener('toggle', function () { if (details.open && !box.firstChild) drawLines(box, d); });
    return details;
  }
  function textsLegend() {
    var totals = STATES.map(function () { return 0; });
    for (var d = 0; d < X.length; d++) for (var i = 0; i < STATES.length; i++) totals[i] += X[d][2][i];
    stateCounts(document.getElementById('texts-legend'), totals);
  }
  function showMark(d, m) {
    var details = document.getElementById('doc-' + d);
    if (!details) return;
    linePage[d] = Math.floor((X[d][1][m][0] - 1) / LINES);
    var box = details.lastChild;
    details.open = true;
    drawLines(box, d);
  }

  function groupSection(g) {
    var r = G[g], section = el('section', 'metric');
    section.id = 'm-' + g;
    var h3 = add(section, el('h3', null, name(g) + ' '));
    if (verdict(g) !== 'cited') add(h3, badge(verdict(g), L[verdict(g)]));
    var details = [];
    if (metric(g)) details.push(metric(g));
    if (S[r[3]]) details.push(S[r[3]]);
    if (r[4]) details.push(L.auto);
    if (details.length) add(h3, el('span', 'muted', ' ' + details.join(' · ')));
    if (r[5] >= 0) { text(h3, ' '); add(h3, link('#f-' + r[5], '↩ ' + L.toFinding, 'back')); }
    drawChart(section, r[7], r[6], L.mismatch);
    var table = add(section, el('table'));
    var head = add(add(table, el('thead')), el('tr'));
    var names = [L.document, L.status, L.period, L.statement, L.interval, L.findings];
    for (var i = 0; i < names.length; i++) add(head, el('th', null, names[i]));
    var body = add(table, el('tbody'));
    for (var j = 0; j < r[6].length; j++) body.appendChild(statementRow(r[6][j]));
    return section;
  }
  function singleRow(g) {
    var r = G[g], s = r[6][0], tr = el('tr');
    tr.id = 'st-' + s;
    var cell = add(tr, el('td', null, name(g)));
    if (metric(g)) add(cell, el('span', 'muted', ' ' + metric(g)));
    add(tr, el('td', null, docName(s)));
    add(tr, el('td', null, periodOf(s)));
    sentence(add(tr, el('td')), s);
    add(tr, el('td', 'interval', st[s][3]));
    findingLinks(add(tr, el('td')), s);
    return tr;
  }
  function targetRow(t) {
    var r = T[t], tr = el('tr');
    var cell = add(tr, el('td', null, S[r[0]]));
    if (r[1] >= 0) add(cell, el('span', 'muted', ' ' + S[r[1]]));
    for (var k = 4; k <= 5; k++) {
      var td = add(tr, el('td')), s = r[k];
      var side = add(td, el('div'));
      if (targetOf[s] === t) side.id = 'st-' + s;
      text(side, docName(s) + ': ');
      sentence(side, s);
      text(side, ' = ' + st[s][3] + ' ');
      findingLinks(side, s);
    }
    var outcome = add(tr, el('td'));
    add(outcome, badge(V[r[2]], L[V[r[2]]]));
    if (r[3] >= 0) { text(outcome, ' '); add(outcome, link('#f-' + r[3], '↩ ' + L.toFinding, 'back')); }
    if (!r[6]) return tr;
    // The chart on a row of its own under the target, as wide as the table.
    var rows = document.createDocumentFragment(), chartRow = el('tr', 'chart-row'), cell = add(chartRow, el('td'));
    cell.colSpan = 4;
    rows.appendChild(tr);
    drawChart(cell, r[6], [r[4], r[5]], L.missed);
    rows.appendChild(chartRow);
    return rows;
  }
  function coverageRow(c) {
    var r = C[c], tr = el('tr');
    add(tr, el('td', null, S[r[0]]));
    add(tr, el('td', null, docs[r[1]][0] + ' / ' + docs[r[2]][0]));
    add(tr, el('td', null, r[3]));
    add(tr, el('td', null, docs[r[1]][0] + ': ' + (S[r[4]] || '—')));
    add(tr, el('td', null, docs[r[2]][0] + ': ' + (S[r[5]] || '—')));
    return tr;
  }
  function dash(n) { return n === undefined || n < 0 ? '—' : n; }
  function documentRow(d) {
    var r = docs[d], tr = el('tr');
    var cells = [r[0], r[1], S[r[2]], S[r[3]], S[r[4]], S[r[5]], r[6], dash(r[7]), dash(r[8]), dash(r[9]), dash(r[10])];
    for (var i = 0; i < cells.length; i++) add(tr, el('td', null, cells[i]));
    return tr;
  }

  function listIn(id, head, render) { return List(document.querySelector('#' + id + ' .list'), head, render); }
  var findingHead = [L.severity, L.rule, L.message, L.statement];
  var lists = {
    documents: listIn('documents', [L.id, L.path, L.status, L.period, L.encoding, L.script, L.figureCount, L.withMetric, L.compared, L.comparedAcross, L.findingCount], documentRow),
    findings: listIn('findings', findingHead, function (f) { return findingRow(f, true); }),
    groups: listIn('comparisons', null, groupSection),
    singles: List(document.querySelector('#single-statements .list'), [L.metric, L.document, L.period, L.statement, L.interval, L.findings], singleRow),
    targets: listIn('targets', [L.metric, L.target, L.actual, L.outcome], targetRow),
    coverage: listIn('coverage', [L.period, L.document, L.both, L.onlyIn, L.onlyIn], coverageRow),
    texts: listIn('texts', null, textSection),
  };
  var sections = {};
  for (var key0 in sectionRules) sections[key0] = listIn(key0, findingHead, function (f) { return findingRow(f, false); });
  var singles = document.getElementById('single-statements');

  function showMatches(count) {
    matches.textContent = '';
    if (exact >= 0) {
      text(matches, L.only + ' ' + docs[exact][0] + ' ');
      var clear = add(matches, el('button', null, L.clear));
      clear.type = 'button';
      clear.addEventListener('click', function () { exact = -1; search.value = ''; apply(); });
      return;
    }
    if (docAll) return;
    add(matches, el('span', 'muted', L.matching + ': ' + number(count) + ' '));
    var shown = 0;
    for (var i = 0; i < docs.length && shown < 8; i++) {
      if (!docOk[i]) continue;
      shown++;
      var b = add(matches, el('button', 'pick', docs[i][0]));
      b.type = 'button';
      b.setAttribute('data-document', String(i));
    }
  }
  matches.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.getAttribute || target.getAttribute('data-document') === null) return;
    exact = Number(target.getAttribute('data-document'));
    search.value = docs[exact][0];
    apply();
  });

  function apply() {
    readBoxes();
    showMatches(readDocuments());
    var shown = range(F.length).filter(findingShown);
    lists.findings.set(shown);
    document.getElementById('shown-count').textContent = number(shown.length);
    for (var sectionName in sections) {
      var rules = sectionRules[sectionName];
      sections[sectionName].set(shown.filter(function (f) { return rules.indexOf(RULES[F[f][1]]) >= 0; }));
    }
    lists.groups.set(multiGroups.filter(groupShown));
    var single = lists.singles.set(singleGroups.filter(groupShown));
    singles.hidden = single === 0;
    singles.querySelector('.count').textContent = number(single);
    lists.targets.set(range(T.length).filter(targetShown));
    lists.coverage.set(range(C.length).filter(function (c) { return anyDocument([C[c][1], C[c][2]]); }));
    lists.documents.set(range(docs.length).filter(function (d) { return docAll || docOk[d] === 1; }));
    lists.texts.set(range(X.length).filter(function (d) { return docAll || docOk[d] === 1; }));
  }
  function reset() {
    var boxes = form.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = true;
    search.value = '';
    exact = -1;
    apply();
  }

  var focused = null;
  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) return;
    if (focused) focused.classList.remove('focus');
    focused = target;
    target.classList.add('focus');
    target.scrollIntoView({ block: 'center' });
  }
  function open(show) { if (!show()) { reset(); show(); } }
  function navigate() {
    var tx = /^#tx-(\d+)-(\d+)$/.exec(location.hash);
    if (tx && Number(tx[1]) < X.length && Number(tx[2]) < X[Number(tx[1])][1].length) {
      var td = Number(tx[1]), tm = Number(tx[2]);
      open(function () { return lists.texts.show(td); });
      showMark(td, tm);
      reveal('tx-' + td + '-' + tm);
      return;
    }
    var m = /^#(f|st|m)-(\d+)$/.exec(location.hash);
    if (!m) return;
    var n = Number(m[2]);
    if (m[1] === 'f' && n < F.length) {
      open(function () { return lists.findings.show(n); });
      reveal('f-' + n);
    } else if (m[1] === 'm' && n < G.length) {
      open(function () { return lists.groups.show(n); });
      reveal('m-' + n);
    } else if (m[1] === 'st' && n < st.length) {
      if (groupOf[n] >= 0 && verdict(groupOf[n]) === 'single') {
        singles.open = true;
        open(function () { return lists.singles.show(groupOf[n]); });
      } else if (groupOf[n] >= 0) open(function () { return lists.groups.show(groupOf[n]); });
      else if (targetOf[n] >= 0) open(function () { return lists.targets.show(targetOf[n]); });
      reveal('st-' + n);
    }
  }

  // The search box answers as one types ('input'); its 'change' on blur must not redraw the
  // suggestions under a click that is picking one.
  form.addEventListener('change', function (event) { if (event.target !== search) apply(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  search.addEventListener('input', function () { exact = -1; apply(); });
  window.addEventListener('hashchange', navigate);
  textsLegend();
  apply();
  navigate();
  document.body.setAttribute('data-ready', '');
}
})();
`;
