// argnet explorer: draws the graph JSON in this page on a canvas with the
// positions argnet computed, and shows the sentences behind what is clicked.
// Every text from the data is written with textContent (or escaped when an
// SVG is saved): nothing from a document becomes markup.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('argnet-data').textContent);
  const nodes = data.nodes;
  const edges = data.edges;
  const docs = data.docs;
  const relationLook = {};
  data.relations.forEach(function (r) { relationLook[r.name] = r; });
  const MAIN_PATH = '#ef6c00';
  const CHUNK = 64;
  // Lines drawn while the view moves; all of them once it rests.
  const QUICK_LINES = 6000;
  const STANCE = { supports: 'support', critiques: 'critique' };

  const $ = function (id) { return document.getElementById(id); };
  const canvas = $('canvas');
  const context = canvas.getContext('2d');

  // Who touches whom, per node.
  const incident = nodes.map(function () { return []; });
  edges.forEach(function (e, i) { incident[e.s].push(i); incident[e.t].push(i); });

  const state = {
    mode: 'network',
    kinds: new Set(data.kinds.map(function (k) { return k.name; })),
    relations: new Set(data.relations.map(function (r) { return r.name; })),
    minConfidence: 0,
    from: '',
    to: '',
    dropIsolates: true,
    mainOnly: false,
    ego: null,
    radius: 1,
    selected: null, // {node: i} or {edge: i}
    view: { x: 0, y: 0, scale: 1 },
  };
  // The argument network first: documents, mentions and co-occurrence off.
  const CONTEXT = { kinds: ['document'], relations: ['mentions', 'co_occurs'] };
  // Claims (a sentence each) are there to be switched on.
  state.kinds.delete('claim');
  if (data.statements) {
    CONTEXT.kinds.forEach(function (k) { state.kinds.delete(k); });
    CONTEXT.relations.forEach(function (r) { state.relations.delete(r); });
  }

  // ---- what is visible -------------------------------------------------
  function dateOf(docIndex) {
    const d = docs[docIndex];
    return d && d.date ? d.date : '';
  }
  function inRange(date) {
    if (!date) return true; // undated sentences stay
    if (state.from && date < state.from) return false;
    if (state.to && date > state.to) return false;
    return true;
  }
  function keptEvidence(e) {
    return e.ev.filter(function (ev) {
      return ev[2] >= state.minConfidence && inRange(dateOf(ev[0]));
    });
  }
  let visible = { nodes: [], edges: [], node: [], edge: [] };
  function computeVisible() {
    const nodeOn = nodes.map(function (n) {
      if (!state.kinds.has(n.kind)) return false;
      if (n.kind === 'document' && n.doc !== undefined && !inRange(dateOf(n.doc))) return false;
      return true;
    });
    const edgeOn = edges.map(function (e) {
      if (!state.relations.has(e.rel) || !nodeOn[e.s] || !nodeOn[e.t]) return false;
      if (state.mainOnly && !e.main) return false;
      if (e.ev.length) return keptEvidence(e).length > 0;
      return e.c >= state.minConfidence;
    });
    if (state.ego !== null && nodeOn[state.ego]) {
      const depth = nodes.map(function () { return -1; });
      depth[state.ego] = 0;
      let frontier = [state.ego];
      for (let step = 1; step <= state.radius; step++) {
        const next = [];
        frontier.forEach(function (u) {
          incident[u].forEach(function (i) {
            if (!edgeOn[i]) return;
            const v = edges[i].s === u ? edges[i].t : edges[i].s;
            if (depth[v] < 0) { depth[v] = step; next.push(v); }
          });
        });
        frontier = next;
      }
      nodes.forEach(function (_, i) { if (depth[i] < 0) nodeOn[i] = false; });
      edges.forEach(function (e, i) { if (!nodeOn[e.s] || !nodeOn[e.t]) edgeOn[i] = false; });
    }
    if (state.dropIsolates) {
      const linked = nodes.map(function () { return false; });
      edges.forEach(function (e, i) { if (edgeOn[i]) { linked[e.s] = true; linked[e.t] = true; } });
      nodes.forEach(function (_, i) {
        if (!linked[i] && i !== state.ego && !(state.selected && state.selected.node === i)) nodeOn[i] = false;
      });
    }
    visible = {
      node: nodeOn,
      edge: edgeOn,
      nodes: nodes.map(function (_, i) { return i; }).filter(function (i) { return nodeOn[i]; }),
      edges: edges.map(function (_, i) { return i; }).filter(function (i) { return edgeOn[i]; }),
    };
  }

  // ---- coalition view ----------------------------------------------------
  const coalitions = data.coalitions;
  const coalitionOf = {};
  if (coalitions) coalitions.nodes.forEach(function (c, i) { coalitionOf[c.n] = i; });

  // ---- drawing -----------------------------------------------------------
  function radiusOf(n) { return 5 + 13 * n.size; }
  function place(i) {
    if (state.mode === 'coalitions') {
      const c = coalitions.nodes[coalitionOf[i]];
      return [c.x, c.y];
    }
    return [nodes[i].x, nodes[i].y];
  }
  function shownNodes() {
    if (state.mode === 'coalitions') return coalitions ? coalitions.nodes.map(function (c) { return c.n; }) : [];
    return visible.nodes;
  }
  function fillOf(i) {
    if (state.mode === 'coalitions') return coalitions.nodes[coalitionOf[i]].fill;
    return nodes[i].fill;
  }
  // The canvas size, measured once per frame (measuring forces layout).
  let measured = null;
  function measure() {
    const box = canvas.getBoundingClientRect();
    measured = { w: Math.max(1, box.width), h: Math.max(1, box.height) };
    return measured;
  }
  function size() { return measured || measure(); }
  function fit() {
    measure();
    const list = shownNodes();
    if (!list.length) { state.view = { x: 0, y: 0, scale: 1 }; return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    list.forEach(function (i) {
      const p = place(i);
      x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]);
      x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]);
    });
    const s = size();
    const scale = Math.min((s.w - 80) / Math.max(x1 - x0, 1), (s.h - 80) / Math.max(y1 - y0, 1), 3);
    state.view = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, scale: Math.max(scale, 0.02) };
  }
  function toScreen(p) {
    const s = size();
    return [(p[0] - state.view.x) * state.view.scale + s.w / 2, (p[1] - state.view.y) * state.view.scale + s.h / 2];
  }
  function toWorld(x, y) {
    const s = size();
    return [(x - s.w / 2) / state.view.scale + state.view.x, (y - s.h / 2) / state.view.scale + state.view.y];
  }
  function lineWidth(e) {
    if (e.main) return 4;
    return STANCE[e.rel] ? 1.2 + Math.min(4, Math.log2(1 + e.w)) : 0.8;
  }
  function edgeColour(e) { return e.main ? MAIN_PATH : relationLook[e.rel].colour; }
  function dashOf(rel) {
    const style = relationLook[rel].style;
    return style === 'dashed' ? [6, 4] : style === 'dotted' ? [2, 3] : [];
  }
  // Which nodes and lines touch the selection (the rest is dimmed).
  function focus() {
    if (!state.selected) return null;
    const on = new Set();
    if (state.selected.node !== undefined) {
      on.add('n' + state.selected.node);
      incident[state.selected.node].forEach(function (i) {
        on.add('e' + i); on.add('n' + edges[i].s); on.add('n' + edges[i].t);
      });
    } else {
      const e = edges[state.selected.edge];
      on.add('e' + state.selected.edge); on.add('n' + e.s); on.add('n' + e.t);
    }
    return on;
  }
  // The shapes of one frame, drawn on the canvas or written as SVG.
  function scene() {
    const s = size();
    const lit = focus();
    const items = { lines: [], marks: [], labels: [] };
    if (state.mode === 'coalitions') {
      if (!coalitions) return items;
      coalitions.edges.forEach(function (t) {
        const a = toScreen([coalitions.nodes[t[0]].x, coalitions.nodes[t[0]].y]);
        const b = toScreen([coalitions.nodes[t[1]].x, coalitions.nodes[t[1]].y]);
        items.lines.push({ a: a, b: b, colour: '#9e9e9e', width: 0.6 + 3 * Math.min(1, t[2]), alpha: 0.7, dash: [], arrow: false });
      });
    } else {
      const front = [];
      visible.edges.forEach(function (i) {
        const e = edges[i];
        const a = toScreen(place(e.s)), b = toScreen(place(e.t));
        const dim = lit && !lit.has('e' + i);
        (e.main || (lit && !dim) ? front : items.lines).push({
          a: a, b: b, colour: edgeColour(e), width: lineWidth(e) * (lit && !dim ? 1.5 : 1),
          alpha: dim ? 0.08 : 0.25 + 0.75 * e.c, dash: dashOf(e.rel),
          arrow: relationLook[e.rel].directed, r: radiusOf(nodes[e.t]),
        });
      });
      // The main path and the selection's lines on top.
      front.forEach(function (l) { l.front = true; });
      items.lines = items.lines.concat(front);
    }
    const list = shownNodes();
    const ranked = list.slice().sort(function (a, b) { return nodes[b].size - nodes[a].size; });
    const labelled = new Set(ranked.slice(0, state.view.scale > 1.2 ? 400 : 40));
    list.forEach(function (i) {
      const n = nodes[i];
      const p = toScreen(place(i));
      if (p[0] < -50 || p[1] < -50 || p[0] > s.w + 50 || p[1] > s.h + 50) return;
      const dim = lit && !lit.has('n' + i);
      const chosen = state.selected && state.selected.node === i;
      items.marks.push({ p: p, r: radiusOf(n), kind: n.kind, fill: fillOf(i), alpha: dim ? 0.2 : 1, chosen: chosen });
      if (labelled.has(i) || (lit && !dim)) {
        let text = n.label.length > 40 ? n.label.slice(0, 39) + '…' : n.label;
        if (n.year !== undefined) text += ' (' + n.year + ')';
        items.labels.push({ p: [p[0], p[1] + radiusOf(n) + 12], text: text, alpha: dim ? 0.25 : 1, bold: chosen });
      }
    });
    return items;
  }
  function draw(quick) {
    const s = measure();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(s.w * ratio) || canvas.height !== Math.round(s.h * ratio)) {
      canvas.width = Math.round(s.w * ratio);
      canvas.height = Math.round(s.h * ratio);
    }
    const c = context;
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.clearRect(0, 0, s.w, s.h);
    const items = scene();
    if (quick && items.lines.length > QUICK_LINES) {
      const stride = Math.ceil(items.lines.length / QUICK_LINES);
      items.lines = items.lines.filter(function (l, k) { return k % stride === 0 || l.front; });
    }
    // Lines of one look go in one path: one stroke per look, not per line
    // (tens of thousands of lines stay fast). Order of looks is kept.
    const batches = new Map();
    items.lines.forEach(function (l) {
      const alpha = Math.round(l.alpha * 20) / 20;
      const key = l.colour + '|' + l.width.toFixed(1) + '|' + alpha + '|' + l.dash.join(',');
      if (!batches.has(key)) batches.set(key, { colour: l.colour, width: l.width, alpha: alpha, dash: l.dash, lines: [] });
      batches.get(key).lines.push(l);
    });
    batches.forEach(function (b) {
      c.globalAlpha = b.alpha;
      c.strokeStyle = b.colour;
      c.fillStyle = b.colour;
      c.lineWidth = b.width;
      c.setLineDash(b.dash);
      // Short paths: one huge path is slower to rasterise than many.
      for (let at = 0; at < b.lines.length; at += CHUNK) {
        const part = b.lines.slice(at, at + CHUNK);
        c.setLineDash(b.dash);
        c.beginPath();
        part.forEach(function (l) { c.moveTo(l.a[0], l.a[1]); c.lineTo(l.b[0], l.b[1]); });
        c.stroke();
        c.setLineDash([]);
        c.beginPath();
        part.forEach(function (l) {
          const head = !quick && l.arrow && arrowHead(l);
          if (head) { c.moveTo(head[0][0], head[0][1]); c.lineTo(head[1][0], head[1][1]); c.lineTo(head[2][0], head[2][1]); c.closePath(); }
        });
        c.fill();
      }
    });
    c.setLineDash([]);
    items.marks.forEach(function (m) {
      c.globalAlpha = m.alpha;
      c.fillStyle = m.fill;
      c.strokeStyle = m.chosen ? '#000000' : '#616161';
      c.lineWidth = m.chosen ? 3 : 1;
      c.beginPath();
      shape(c, m);
      c.fill(); c.stroke();
    });
    c.font = '12px Helvetica, Arial, sans-serif';
    c.textAlign = 'center';
    c.lineJoin = 'round';
    items.labels.forEach(function (l) {
      c.globalAlpha = l.alpha;
      c.font = (l.bold ? 'bold ' : '') + '12px Helvetica, Arial, sans-serif';
      c.strokeStyle = '#ffffff'; c.lineWidth = 3;
      c.strokeText(l.text, l.p[0], l.p[1]);
      c.fillStyle = '#212121';
      c.fillText(l.text, l.p[0], l.p[1]);
    });
    c.globalAlpha = 1;
    $('status').textContent = status();
  }
  // A quick frame now, the full one when the view has rested.
  let settle = null;
  function drawSoon() {
    draw(true);
    clearTimeout(settle);
    settle = setTimeout(function () { draw(false); }, 150);
  }
  function arrowHead(l) {
    const dx = l.b[0] - l.a[0], dy = l.b[1] - l.a[1];
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < l.r + 10) return null;
    const ux = dx / d, uy = dy / d;
    const tip = [l.b[0] - ux * (l.r + 1), l.b[1] - uy * (l.r + 1)];
    const size = 5 + l.width;
    return [tip, [tip[0] - ux * size - uy * size / 2, tip[1] - uy * size + ux * size / 2],
      [tip[0] - ux * size + uy * size / 2, tip[1] - uy * size - ux * size / 2]];
  }
  function shape(c, m) {
    const x = m.p[0], y = m.p[1], r = m.r;
    if (m.kind === 'actor' || m.kind === 'document') c.rect(x - r, y - r * 0.8, 2 * r, 1.6 * r);
    else if (m.kind === 'source') { c.moveTo(x, y - r); c.lineTo(x + r, y); c.lineTo(x, y + r); c.lineTo(x - r, y); c.closePath(); }
    else c.arc(x, y, r, 0, 2 * Math.PI);
  }
  function status() {
    if (state.mode === 'coalitions') {
      return coalitions ? coalitions.nodes.length + ' actors in ' + coalitions.groups + ' coalitions (modularity ' + coalitions.modularity + ')' : '';
    }
    let text = visible.nodes.length + ' of ' + nodes.length + ' nodes, ' + visible.edges.length + ' of ' + edges.length + ' lines';
    if (state.ego !== null) text += ' · ego of ' + nodes[state.ego].label + ', ' + state.radius + ' step' + (state.radius > 1 ? 's' : '');
    return text;
  }

  // ---- legend --------------------------------------------------------------
  function swatchSvg(parent, draw) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '28'); svg.setAttribute('height', '12');
    draw(svg, ns);
    parent.appendChild(svg);
  }
  function legend() {
    const box = $('legend');
    box.textContent = '';
    function row(drawSwatch, text) {
      const div = document.createElement('div');
      swatchSvg(div, drawSwatch);
      const span = document.createElement('span');
      span.textContent = text;
      div.appendChild(span);
      box.appendChild(div);
    }
    if (state.mode === 'coalitions' && coalitions) {
      const counts = {};
      coalitions.nodes.forEach(function (c) { counts[c.group] = (counts[c.group] || 0) + 1; });
      Object.keys(counts).slice(0, 12).forEach(function (g) {
        const fill = coalitions.nodes.find(function (c) { return String(c.group) === g; }).fill;
        row(function (svg, ns) { const r = document.createElementNS(ns, 'rect'); r.setAttribute('x', '8'); r.setAttribute('y', '1'); r.setAttribute('width', '10'); r.setAttribute('height', '10'); r.setAttribute('fill', fill); r.setAttribute('stroke', '#616161'); svg.appendChild(r); },
          'coalition ' + (Number(g) + 1) + ' (' + counts[g] + ' actors)');
      });
      row(function (svg, ns) { line(svg, ns, '#9e9e9e', 'solid'); }, 'agree on concepts (thicker: more)');
      return;
    }
    // Only what the view shows.
    const kindsShown = new Set(visible.nodes.map(function (i) { return nodes[i].kind; }));
    const relationsShown = new Set(visible.edges.map(function (i) { return edges[i].rel; }));
    data.kinds.forEach(function (k) {
      if (!kindsShown.has(k.name)) return;
      row(function (svg, ns) { const r = document.createElementNS(ns, 'rect'); r.setAttribute('x', '8'); r.setAttribute('y', '1'); r.setAttribute('width', '10'); r.setAttribute('height', '10'); r.setAttribute('fill', k.fill); r.setAttribute('stroke', '#616161'); svg.appendChild(r); }, k.name);
    });
    data.relations.forEach(function (r) {
      if (!relationsShown.has(r.name)) return;
      row(function (svg, ns) { line(svg, ns, r.colour, r.style); }, r.name.replace('_', ' '));
    });
    if (data.main_path && visible.edges.some(function (i) { return edges[i].main; })) row(function (svg, ns) { line(svg, ns, MAIN_PATH, 'solid', 4); }, 'main path');
    if (data.statements) row(function (svg, ns) { line(svg, ns, '#2e7d32', 'solid', 2, 0.35); }, 'faint: low confidence');
  }
  function line(svg, ns, colour, style, width, opacity) {
    const l = document.createElementNS(ns, 'line');
    l.setAttribute('x1', '1'); l.setAttribute('x2', '27'); l.setAttribute('y1', '6'); l.setAttribute('y2', '6');
    l.setAttribute('stroke', colour); l.setAttribute('stroke-width', String(width || 2.5));
    if (opacity) l.setAttribute('stroke-opacity', String(opacity));
    if (style === 'dashed') l.setAttribute('stroke-dasharray', '6 4');
    if (style === 'dotted') l.setAttribute('stroke-dasharray', '2 3');
    svg.appendChild(l);
  }

  // ---- filters ---------------------------------------------------------------
  function element(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function checkbox(parent, checked, text, onChange, decorate) {
    const label = element('label');
    const input = element('input');
    input.type = 'checkbox'; input.checked = checked;
    input.addEventListener('change', function () { onChange(input.checked); });
    label.appendChild(input);
    if (decorate) label.appendChild(decorate());
    label.appendChild(element('span', text));
    parent.appendChild(label);
    return input;
  }
  const boxes = { kinds: {}, relations: {} };
  function buildFilters() {
    const panel = $('filters');
    panel.appendChild(element('h2', 'Show'));
    const hasContext = data.kinds.some(function (k) { return CONTEXT.kinds.indexOf(k.name) >= 0; }) ||
      data.relations.some(function (r) { return CONTEXT.relations.indexOf(r.name) >= 0; });
    if (hasContext) {
      const context = checkbox(panel, !data.statements, 'documents, mentions, co-occurrence', function (on) {
        CONTEXT.kinds.forEach(function (k) { set(state.kinds, k, on); if (boxes.kinds[k]) boxes.kinds[k].checked = on; });
        CONTEXT.relations.forEach(function (r) { set(state.relations, r, on); if (boxes.relations[r]) boxes.relations[r].checked = on; });
        refresh(true);
      });
      context.id = 'context-switch';
    }
    checkbox(panel, state.dropIsolates, 'hide nodes without lines', function (on) { state.dropIsolates = on; refresh(true); });
    if (data.main_path) {
      checkbox(panel, false, 'only the main path', function (on) { state.mainOnly = on; refresh(true); }).id = 'main-only';
    }
    panel.appendChild(element('h2', 'Nodes'));
    data.kinds.forEach(function (k) {
      boxes.kinds[k.name] = checkbox(panel, state.kinds.has(k.name), k.name, function (on) { set(state.kinds, k.name, on); refresh(true); },
        function () { const s = element('span', undefined, 'swatch'); s.style.background = k.fill; return s; });
    });
    panel.appendChild(element('h2', 'Lines'));
    data.relations.forEach(function (r) {
      boxes.relations[r.name] = checkbox(panel, state.relations.has(r.name), r.name.replace('_', ' '), function (on) { set(state.relations, r.name, on); refresh(true); },
        function () { const s = element('span', undefined, 'line'); s.style.borderTopColor = r.colour; s.style.borderTopStyle = r.style === 'dashed' ? 'dashed' : r.style === 'dotted' ? 'dotted' : 'solid'; return s; });
    });
    if (data.statements) {
      panel.appendChild(element('h2', 'Confidence at least'));
      const label = element('label');
      const slider = element('input');
      slider.type = 'range'; slider.min = '0'; slider.max = '1'; slider.step = '0.05'; slider.value = '0'; slider.id = 'confidence';
      const shown = element('span', '0.00');
      slider.addEventListener('input', function () { state.minConfidence = Number(slider.value); shown.textContent = state.minConfidence.toFixed(2); refresh(false); });
      label.appendChild(slider); label.appendChild(shown);
      panel.appendChild(label);
    }
    const dates = docs.map(function (d) { return d.date; }).filter(Boolean).sort();
    if (dates.length) {
      panel.appendChild(element('h2', 'Documents dated'));
      ['from', 'to'].forEach(function (end) {
        const label = element('label', undefined);
        label.appendChild(element('span', end));
        const input = element('input');
        input.type = 'date'; input.id = 'date-' + end;
        input.min = dates[0]; input.max = dates[dates.length - 1];
        input.addEventListener('change', function () { state[end] = input.value; refresh(false); });
        label.appendChild(input);
        panel.appendChild(label);
      });
      panel.appendChild(element('p', 'Undated sentences stay in.', 'meta'));
    }
  }
  function set(s, key, on) { if (on) s.add(key); else s.delete(key); }

  // ---- details -----------------------------------------------------------------
  function source(ev) {
    const d = docs[ev[0]];
    let text = d ? d.title : 'unknown document';
    if (d && d.date) text += ', ' + d.date;
    text += ' · confidence ' + ev[2].toFixed(2);
    return text;
  }
  function quote(parent, ev) {
    const q = element('blockquote');
    q.appendChild(element('span', ev[1]));
    q.appendChild(element('span', source(ev), 'source'));
    parent.appendChild(q);
  }
  function nodeLink(parent, i) {
    const a = element('a', nodes[i].label);
    a.addEventListener('click', function () { select({ node: i }, true); });
    parent.appendChild(a);
  }
  function sentences(parent, e) {
    const kept = keptEvidence(e);
    kept.forEach(function (ev) { quote(parent, ev); });
    const hidden = e.ev.length - kept.length;
    if (hidden > 0) parent.appendChild(element('p', hidden + ' more below the confidence or outside the dates set.', 'meta'));
    if (e.more) parent.appendChild(element('p', e.more + ' more sentences in the graph JSON (argnet evidence).', 'meta'));
  }
  function showNode(i) {
    const n = nodes[i];
    const box = $('details');
    box.textContent = '';
    box.appendChild(element('h2', n.label));
    let meta = n.look;
    if (n.mentions) meta += ' · ' + n.mentions + ' mentions';
    if (n.first) meta += ' · ' + (n.first === n.last ? n.first : n.first + ' to ' + n.last);
    box.appendChild(element('p', meta, 'meta'));
    if (n.aliases) box.appendChild(element('p', 'Also: ' + n.aliases.join(', '), 'meta'));
    if (n.doc !== undefined) {
      const d = docs[n.doc];
      box.appendChild(element('p', [d.id, d.date, d.author].filter(Boolean).join(' · '), 'meta'));
    }
    // Stances grouped by the other end: actors for a concept, concepts for an actor.
    const groups = new Map();
    const other = [];
    incident[i].forEach(function (k) {
      const e = edges[k];
      if (!STANCE[e.rel]) { other.push(k); return; }
      if (!keptEvidence(e).length && e.ev.length) return;
      const peer = e.s === i ? e.t : e.s;
      if (!state.kinds.has(nodes[peer].kind)) return;
      if (!groups.has(peer)) groups.set(peer, []);
      groups.get(peer).push(k);
    });
    if (groups.size) {
      box.appendChild(element('h3', 'Supports and critiques'));
      const order = Array.from(groups.keys()).sort(function (a, b) {
        const w = function (p) { return groups.get(p).reduce(function (s, k) { return s + edges[k].w; }, 0); };
        return w(b) - w(a) || nodes[a].label.localeCompare(nodes[b].label);
      });
      order.forEach(function (peer) {
        groups.get(peer).forEach(function (k) {
          const e = edges[k];
          const head = element('p');
          nodeLink(head, e.s);
          head.appendChild(document.createTextNode(' '));
          head.appendChild(element('span', e.rel, STANCE[e.rel]));
          head.appendChild(document.createTextNode(' '));
          nodeLink(head, e.t);
          head.appendChild(element('span', ' (' + e.w + ')', 'meta'));
          box.appendChild(head);
          sentences(box, e);
        });
      });
    }
    if (other.length) {
      box.appendChild(element('h3', 'Other lines'));
      const list = element('ul');
      other.slice(0, 60).forEach(function (k) {
        const e = edges[k];
        const li = element('li');
        nodeLink(li, e.s);
        li.appendChild(element('span', ' ' + e.rel.replace('_', ' ') + ' '));
        nodeLink(li, e.t);
        const open = element('a', ' sentences');
        open.addEventListener('click', function () { select({ edge: k }, false); });
        if (e.ev.length) li.appendChild(open);
        list.appendChild(li);
      });
      box.appendChild(list);
      if (other.length > 60) box.appendChild(element('p', (other.length - 60) + ' more.', 'meta'));
    }
  }
  function showEdge(k) {
    const e = edges[k];
    const box = $('details');
    box.textContent = '';
    const head = element('h2');
    nodeLink(head, e.s);
    head.appendChild(document.createTextNode(' '));
    head.appendChild(element('span', e.rel.replace('_', ' '), STANCE[e.rel] || ''));
    head.appendChild(document.createTextNode(' '));
    nodeLink(head, e.t);
    box.appendChild(head);
    box.appendChild(element('p', 'weight ' + e.w + ' · confidence ' + e.c.toFixed(2) + (e.main ? ' · on the main path' : ''), 'meta'));
    if (e.ev.length) sentences(box, e);
    else box.appendChild(element('p', 'No sentences: this line comes from the data, not from a text.', 'meta'));
  }
  function select(what, centre) {
    state.selected = what;
    if (what && what.node !== undefined) {
      const n = nodes[what.node];
      if (!state.kinds.has(n.kind)) { state.kinds.add(n.kind); if (boxes.kinds[n.kind]) boxes.kinds[n.kind].checked = true; }
      if (state.ego !== null) state.ego = what.node;
      computeVisible();
      showNode(what.node);
      if (centre && state.mode !== 'timeline') {
        const p = place(what.node);
        state.view.x = p[0]; state.view.y = p[1];
        state.view.scale = Math.max(state.view.scale, 1.2);
      }
    } else if (what) {
      showEdge(what.edge);
    }
    egoButtons();
    draw();
  }

  // ---- pointer ---------------------------------------------------------------------
  function hit(x, y) {
    const list = shownNodes();
    let best = null, bestD = Infinity;
    list.forEach(function (i) {
      const p = toScreen(place(i));
      const d = Math.hypot(p[0] - x, p[1] - y);
      if (d <= radiusOf(nodes[i]) + 3 && d < bestD) { best = { node: i }; bestD = d; }
    });
    if (best || state.mode !== 'network') return best;
    visible.edges.forEach(function (k) {
      const e = edges[k];
      const a = toScreen(place(e.s)), b = toScreen(place(e.t));
      const d = segmentDistance([x, y], a, b);
      if (d <= 5 && d < bestD) { best = { edge: k }; bestD = d; }
    });
    return best;
  }
  function segmentDistance(p, a, b) {
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const length = dx * dx + dy * dy;
    const t = length ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length)) : 0;
    return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
  }
  let drag = null;
  canvas.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, y: ev.clientY, moved: false }; canvas.style.cursor = 'grabbing'; });
  window.addEventListener('mousemove', function (ev) {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) {
      state.view.x -= dx / state.view.scale; state.view.y -= dy / state.view.scale;
      drag.x = ev.clientX; drag.y = ev.clientY;
      drawSoon();
    }
  });
  window.addEventListener('mouseup', function (ev) {
    if (!drag) return;
    const moved = drag.moved;
    drag = null;
    canvas.style.cursor = 'grab';
    if (moved) return;
    const box = canvas.getBoundingClientRect();
    const found = hit(ev.clientX - box.left, ev.clientY - box.top);
    if (found) select(found, false);
  });
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    const box = canvas.getBoundingClientRect();
    const x = ev.clientX - box.left, y = ev.clientY - box.top;
    const before = toWorld(x, y);
    state.view.scale *= Math.exp(-ev.deltaY * 0.0015);
    const after = toWorld(x, y);
    state.view.x += before[0] - after[0]; state.view.y += before[1] - after[1];
    drawSoon();
  }, { passive: false });
  window.addEventListener('resize', draw);

  // ---- search ------------------------------------------------------------------------
  const search = $('search');
  const suggestions = $('suggestions');
  let matches = [];
  let active = 0;
  function fold(text) { return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''); }
  const names = nodes.map(function (n) { return [fold(n.label)].concat((n.aliases || []).map(fold)); });
  function findNames(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const scored = [];
    names.forEach(function (list, i) {
      let best = Infinity;
      list.forEach(function (name, j) {
        const at = name.indexOf(q);
        if (at >= 0) best = Math.min(best, (at === 0 ? 0 : 2) + (j ? 1 : 0));
      });
      if (best < Infinity) scored.push([best, -nodes[i].size, nodes[i].label, i]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]); });
    return scored.slice(0, 12).map(function (s) { return s[3]; });
  }
  function showSuggestions() {
    suggestions.textContent = '';
    matches.forEach(function (i, k) {
      const li = element('li', nodes[i].label, k === active ? 'active' : '');
      li.setAttribute('role', 'option');
      li.appendChild(element('span', nodes[i].look, 'kind'));
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(i); });
      suggestions.appendChild(li);
    });
  }
  function choose(i) {
    matches = []; showSuggestions();
    search.value = nodes[i].label;
    if (state.mode === 'timeline') setMode('network');
    if (state.mode === 'coalitions' && coalitionOf[i] === undefined) setMode('network');
    select({ node: i }, true);
  }
  search.addEventListener('input', function () { matches = findNames(search.value); active = 0; showSuggestions(); });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') { active = Math.min(active + 1, matches.length - 1); showSuggestions(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { active = Math.max(active - 1, 0); showSuggestions(); ev.preventDefault(); }
    else if (ev.key === 'Enter' && matches.length) { choose(matches[active]); ev.preventDefault(); }
    else if (ev.key === 'Escape') { matches = []; showSuggestions(); }
  });
  search.addEventListener('blur', function () { matches = []; showSuggestions(); });

  // ---- modes and ego -------------------------------------------------------------------
  function setMode(mode) {
    state.mode = mode;
    document.querySelectorAll('#modes button').forEach(function (b) { b.classList.toggle('on', b.dataset.mode === mode); });
    $('timeline').hidden = mode !== 'timeline';
    $('legend').hidden = mode === 'timeline';
    $('status').hidden = mode === 'timeline';
    legend();
    fit();
    egoButtons();
    draw();
  }
  document.querySelectorAll('#modes button').forEach(function (b) {
    if (b.dataset.mode === 'coalitions' && !coalitions) { b.disabled = true; b.title = 'No two actors take a stance on the same concept.'; }
    b.addEventListener('click', function () { setMode(b.dataset.mode); });
  });
  function egoButtons() {
    const can = state.mode === 'network' && state.selected && state.selected.node !== undefined;
    document.querySelectorAll('#ego-tools button[data-radius]').forEach(function (b) {
      b.disabled = !can;
      b.classList.toggle('on', state.ego !== null && Number(b.dataset.radius) === state.radius);
    });
    $('ego-off').disabled = state.ego === null;
  }
  document.querySelectorAll('#ego-tools button[data-radius]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (!state.selected || state.selected.node === undefined) return;
      state.ego = state.selected.node;
      state.radius = Number(b.dataset.radius);
      refresh(true);
    });
  });
  $('ego-off').addEventListener('click', function () { state.ego = null; refresh(true); });
  function refresh(refit) {
    computeVisible();
    legend();
    if (refit) fit();
    if (state.selected) {
      if (state.selected.node !== undefined) showNode(state.selected.node);
      else showEdge(state.selected.edge);
    }
    egoButtons();
    draw();
  }

  // ---- downloads -------------------------------------------------------------------------
  function escapeXml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    }).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  }
  function viewSvg() {
    if (state.mode === 'timeline') return new XMLSerializer().serializeToString($('timeline').querySelector('svg'));
    const s = size();
    const items = scene();
    const out = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + s.w + '" height="' + s.h + '" viewBox="0 0 ' + s.w + ' ' + s.h + '" font-family="Helvetica, Arial, sans-serif">',
      '<rect width="100%" height="100%" fill="#ffffff"/>'];
    const n = function (v) { return Number(v).toFixed(1); };
    items.lines.forEach(function (l) {
      out.push('<line x1="' + n(l.a[0]) + '" y1="' + n(l.a[1]) + '" x2="' + n(l.b[0]) + '" y2="' + n(l.b[1]) + '" stroke="' + l.colour + '" stroke-width="' + n(l.width) + '" stroke-opacity="' + l.alpha.toFixed(2) + '"' + (l.dash.length ? ' stroke-dasharray="' + l.dash.join(' ') + '"' : '') + '/>');
      const head = l.arrow && arrowHead(l);
      if (head) out.push('<polygon points="' + head.map(function (p) { return n(p[0]) + ',' + n(p[1]); }).join(' ') + '" fill="' + l.colour + '" fill-opacity="' + l.alpha.toFixed(2) + '"/>');
    });
    items.marks.forEach(function (m) {
      const x = m.p[0], y = m.p[1], r = m.r;
      const paint = ' fill="' + m.fill + '" stroke="#616161" opacity="' + m.alpha + '"';
      if (m.kind === 'actor' || m.kind === 'document') out.push('<rect x="' + n(x - r) + '" y="' + n(y - r * 0.8) + '" width="' + n(2 * r) + '" height="' + n(1.6 * r) + '"' + paint + '/>');
      else if (m.kind === 'source') out.push('<polygon points="' + [[x, y - r], [x + r, y], [x, y + r], [x - r, y]].map(function (p) { return n(p[0]) + ',' + n(p[1]); }).join(' ') + '"' + paint + '/>');
      else out.push('<circle cx="' + n(x) + '" cy="' + n(y) + '" r="' + n(r) + '"' + paint + '/>');
    });
    items.labels.forEach(function (l) {
      out.push('<text x="' + n(l.p[0]) + '" y="' + n(l.p[1]) + '" font-size="12" text-anchor="middle" opacity="' + l.alpha + '" stroke="#ffffff" stroke-width="3" paint-order="stroke">' + escapeXml(l.text) + '</text>');
    });
    out.push('</svg>');
    return out.join('\n');
  }
  function save(blob, extension) {
    const a = element('a');
    a.href = URL.createObjectURL(blob);
    a.download = (data.name || 'argnet').replace(/[^\w.-]+/g, '_') + '-' + state.mode + '.' + extension;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  $('save-svg').addEventListener('click', function () { save(new Blob([viewSvg()], { type: 'image/svg+xml' }), 'svg'); });
  $('save-png').addEventListener('click', function () {
    if (state.mode !== 'timeline') { canvas.toBlob(function (b) { if (b) save(b, 'png'); }); return; }
    const image = new Image();
    const url = URL.createObjectURL(new Blob([viewSvg()], { type: 'image/svg+xml' }));
    image.onload = function () {
      const c = document.createElement('canvas');
      c.width = image.width * 2; c.height = image.height * 2;
      const g = c.getContext('2d');
      g.scale(2, 2); g.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      c.toBlob(function (b) { if (b) save(b, 'png'); });
    };
    image.src = url;
  });

  // ---- start ---------------------------------------------------------------------------------
  buildFilters();
  computeVisible();
  legend();
  fit();
  egoButtons();
  draw();
  // For tests and measurements: the page is ready, and a way in.
  window.argnet = {
    ready: true,
    readyAt: performance.now(),
    screenPoint: function (id) {
      const i = nodes.findIndex(function (n) { return n.id === id; });
      if (i < 0) return null;
      const box = canvas.getBoundingClientRect();
      const p = toScreen(place(i));
      return [p[0] + box.left, p[1] + box.top];
    },
    edgePoint: function (source, target, relation, t) {
      const k = edges.findIndex(function (e) { return nodes[e.s].id === source && nodes[e.t].id === target && e.rel === relation; });
      if (k < 0 || !visible.edge[k]) return null;
      const box = canvas.getBoundingClientRect();
      const a = toScreen(place(edges[k].s)), b = toScreen(place(edges[k].t));
      if (t === undefined) t = 0.5;
      return [a[0] + t * (b[0] - a[0]) + box.left, a[1] + t * (b[1] - a[1]) + box.top];
    },
    visibleCounts: function () { return [visible.nodes.length, visible.edges.length]; },
    // Milliseconds to draw one frame (the median of five), as panning does.
    frameMs: function (quick) {
      const times = [];
      for (let k = 0; k < 5; k++) { const t = performance.now(); draw(quick); times.push(performance.now() - t); }
      times.sort(function (a, b) { return a - b; });
      return times[2];
    },
  };
})();
