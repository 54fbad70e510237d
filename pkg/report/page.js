// cnplan report: draws the data block with ECharts. Charts and long tables
// are built when they scroll into view (and all at once before printing),
// so a page of a thousand documents opens quickly.
(function () {
  'use strict';
  var startedAt = Math.round(performance.now());
  var data = JSON.parse(document.getElementById('cnplan-data').textContent);
  var S = data.strings, docs = data.documents;
  // Points are arrays in the order of point_fields; name their elements
  // when an indicator is first drawn.
  function decode(ind) {
    if (ind.decoded) return;
    ind.decoded = true;
    ind.groups.forEach(function (g) {
      g.points = g.points.map(function (a) {
        var p = {};
        data.point_fields.forEach(function (f, i) { p[f] = a[i]; });
        return p;
      });
    });
  }
  var FONTS = getComputedStyle(document.documentElement).getPropertyValue('--fonts');
  var COLOR = { target: '#c0392b', actual: '#2471a3' };
  var KIND = { target: '目标', actual: '实际' };
  var SIGN = { '>=': '≥', '<=': '≤', '~': '约' };
  var CMP = { '>=': '不低于', '<=': '不高于', '~': '约', '=': '等于', 'range': '区间' };
  // A bound points the way the figure may go: ▶ at least, ◀ at most.
  var SYMBOL = { '>=': 'path://M0,0L10,5L0,10Z', '<=': 'path://M10,0L0,5L10,10Z', '~': 'diamond' };
  var ROW_PX = 26, MAX_ROWS = 40, TABLE_ROWS = 100;
  var charts = [], pending = [];

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c != null) e.append(c); });
    return e;
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
    });
  }
  function num(v) { return v == null ? '' : String(+v.toPrecision(12)); }
  function figure(p, unit) {
    return (SIGN[p.comparator] || '') + num(p.value) + (p.value_max != null ? '–' + num(p.value_max) : '') + (unit || '');
  }
  function place(d) {
    var r = d.region || {};
    return [r.province, r.city, r.county].filter(Boolean).join(' ');
  }
  function period(d) { return d.period ? d.period.start + '–' + d.period.end : ''; }

  // Build when visible: el gets drawn by fn once it nears the viewport.
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) draw(e.target); });
  }, { rootMargin: '400px' }) : null;
  function later(target, fn) {
    target._draw = fn;
    pending.push(target);
    if (observer) observer.observe(target); else draw(target);
  }
  function draw(target) {
    if (!target._draw) return;
    var fn = target._draw;
    target._draw = null;
    if (observer) observer.unobserve(target);
    fn();
  }
  function renderAll() { pending.forEach(draw); pending = []; }

  function chart(box, height, option, onClick) {
    box.style.height = height + 'px';
    var c = echarts.init(box, null, { renderer: 'svg' });
    option.animation = false;
    option.textStyle = { fontFamily: FONTS };
    c.setOption(option);
    if (onClick) c.on('click', function (e) { onClick(e.data); });
    charts.push(c);
    return c;
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () {
    renderAll();
    charts.forEach(function (c) { c.resize({ width: 680 }); });
  });
  window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.resize(); }); });

  // A sortable, filterable table. cols: {zh, en, get(row), num}. Rows come
  // TABLE_ROWS at a time (laying out thousands would hold up the page);
  // the filter narrows the rest.
  function table(cols, rows, onRow) {
    var input = el('input', { type: 'search', placeholder: '筛选 filter…', 'aria-label': 'filter' });
    var note = el('div', { class: 'note' });
    var more = el('button', { type: 'button', class: 'more' });
    var limit = TABLE_ROWS;
    more.addEventListener('click', function () { limit += TABLE_ROWS; fill(); });
    var tbody = el('tbody');
    var sortCol = -1, sortDir = 1;
    var head = cols.map(function (c, i) {
      var th = el('th', { scope: 'col', title: '点击排序' }, [c.zh, el('code', { text: c.en })]);
      th.addEventListener('click', function () {
        sortDir = sortCol === i ? -sortDir : 1;
        sortCol = i;
        head.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
        fill();
      });
      return th;
    });
    var cells = rows.map(function (r) { return cols.map(function (c) { var v = c.get(r); return v == null ? '' : v; }); });
    var haystack = cells.map(function (cs) { return cs.join(' ').toLowerCase(); });
    function fill() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var idx = [];
      for (var i = 0; i < rows.length; i++) {
        if (terms.every(function (t) { return haystack[i].indexOf(t) >= 0; })) idx.push(i);
      }
      if (sortCol >= 0) {
        var isNum = cols[sortCol].num;
        idx.sort(function (a, b) {
          var x = cells[a][sortCol], y = cells[b][sortCol];
          if (isNum) { x = x === '' ? -Infinity : +x; y = y === '' ? -Infinity : +y; }
          return (x < y ? -1 : x > y ? 1 : a - b) * sortDir;
        });
      }
      tbody.textContent = '';
      idx.slice(0, limit).forEach(function (i) {
        var tr = el('tr', onRow ? { class: 'clickable' } : {}, cells[i].map(function (v, j) {
          return el('td', { class: cols[j].num ? 'num' : cols[j].wide ? 'wide' : '', text: v });
        }));
        if (onRow) tr.addEventListener('click', function () { onRow(rows[i]); });
        tbody.append(tr);
      });
      note.textContent = idx.length > limit ? '显示前 ' + limit + ' 行，共 ' + idx.length + ' 行；可用筛选缩小范围。'
        : idx.length + ' 行' + (idx.length < rows.length ? '（共 ' + rows.length + ' 行）' : '');
      more.textContent = '再显示 ' + Math.min(TABLE_ROWS, idx.length - limit) + ' 行';
      more.hidden = idx.length <= limit;
    }
    input.addEventListener('input', function () { limit = TABLE_ROWS; fill(); });
    fill();
    return el('div', { class: 'tablebox' }, [input,
      el('div', { class: 'scroll' }, [el('table', {}, [el('thead', {}, [el('tr', {}, head)]), tbody])]), note, more]);
  }

  // The provenance panel: the sentence a figure came from, and where.
  var panel = document.getElementById('source');
  function showSource(title, rows, sentence, mark) {
    panel.textContent = '';
    var close = el('button', { type: 'button', 'aria-label': '关闭', text: '×' });
    close.addEventListener('click', function () { panel.hidden = true; });
    var dl = el('dl');
    rows.forEach(function (r) { if (r[1] !== '' && r[1] != null) dl.append(el('dt', { text: r[0] }), el('dd', { text: r[1] })); });
    var quote = el('blockquote', { class: 'sentence' });
    // The figure as a whole number in the sentence: 20 not inside 2025.
    var m = mark ? new RegExp('(?<![0-9.])' + mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![0-9])').exec(sentence) : null;
    var at = m ? m.index : -1;
    if (at >= 0) quote.append(sentence.slice(0, at), el('mark', { text: mark }), sentence.slice(at + mark.length));
    else quote.textContent = sentence;
    panel.append(close, el('h4', { text: title }), dl, quote);
    panel.hidden = false;
  }
  function showPoint(p, unit) {
    var d = docs[p.doc];
    showSource(S[p.indicator] + '：' + figure(p, unit) + (p.year ? '（' + p.year + '年）' : ''), [
      ['文件 file', d.file], ['地区 region', d.label], ['行 line', p.line], ['章节 section', S[p.section]],
      ['类型 kind', KIND[p.kind] + (p.baseline ? '（基数）' : '')], ['原文数值 original', p.original || ''],
      ['属性 attribute', p.attribute || '']], S[p.text], num(p.original ? null : p.value));
  }

  function summary() {
    var t = 0, dl = 0, u = 0;
    docs.forEach(function (d) { t += d.targets; dl += d.deadlines; u += d.units; });
    document.getElementById('summary').textContent = docs.length + ' 份文件' +
      (data.errors.length ? '（另有 ' + data.errors.length + ' 份读取失败）' : '') + ' · ' + t + ' 个目标与数据 · ' +
      dl + ' 个时间节点 · ' + u + ' 条责任分工 · ' + data.indicators.length + ' 项指标可比较';
  }

  function overview() {
    var sec = document.getElementById('overview');
    sec.append(table([
      { zh: '地区', en: 'label', get: function (d) { return d.label; } },
      { zh: '标题', en: 'title', wide: true, get: function (d) { return d.title; } },
      { zh: '省', en: 'region.province', get: function (d) { return (d.region || {}).province; } },
      { zh: '市', en: 'region.city', get: function (d) { return (d.region || {}).city; } },
      { zh: '县', en: 'region.county', get: function (d) { return (d.region || {}).county; } },
      { zh: '区划代码', en: 'region.code', get: function (d) { return (d.region || {}).code; } },
      { zh: '发文单位', en: 'issuer', get: function (d) { return d.issuer.join('、'); } },
      { zh: '日期', en: 'published', get: function (d) { return d.published; } },
      { zh: '规划期', en: 'period', get: period },
      { zh: '目标', en: 'targets', num: true, get: function (d) { return d.targets; } },
      { zh: '时间节点', en: 'deadlines', num: true, get: function (d) { return d.deadlines; } },
      { zh: '责任分工', en: 'units', num: true, get: function (d) { return d.units; } },
      { zh: '文件', en: 'file', get: function (d) { return d.file; } }
    ], docs));
    if (data.errors.length) {
      sec.append(el('h3', { class: 'errors', text: '读取失败 errors（' + data.errors.length + '）' }),
        el('ul', { class: 'errors' }, data.errors.map(function (e) { return el('li', { text: e.file + '：' + e.error }); })));
    }
  }

  // Some room either side of the marks, ends on round numbers; counts and
  // rates do not go below 0.
  function pad(v) { return (v.max - v.min) * 0.08 || Math.abs(v.min) * 0.1 || 1; }
  function step(v) { return Math.pow(10, Math.floor(Math.log10(v.max - v.min + 2 * pad(v)))) / 2; }
  function padMin(v) {
    var m = Math.floor((v.min - pad(v)) / step(v)) * step(v);
    return v.min >= 0 && m < 0 ? 0 : +m.toPrecision(10);
  }
  function padMax(v) { return +(Math.ceil((v.max + pad(v)) / step(v)) * step(v)).toPrecision(10); }

  function indicatorChart(box, ind, g) {
    var rows = [], rowOf = {};
    g.points.forEach(function (p) { if (!(p.doc in rowOf)) { rowOf[p.doc] = rows.length; rows.push(docs[p.doc].label); } });
    function item(p) {
      return { value: [p.value, rowOf[p.doc]], symbol: SYMBOL[p.comparator] || 'circle', p: p };
    }
    var single = { target: [], actual: [] }, ranges = [];
    g.points.forEach(function (p) {
      if (p.value_max != null) ranges.push({ value: [p.value, p.value_max, rowOf[p.doc]], p: p });
      else single[p.kind].push(item(p));
    });
    var label = { show: true, position: 'top', fontSize: 10, color: '#555', formatter: function (e) { return e.data.p.year || ''; } };
    function scatter(kind) {
      return { name: KIND[kind], type: 'scatter', data: single[kind], symbolSize: 11, label: label, labelLayout: { hideOverlap: true },
        itemStyle: kind === 'target' ? { color: COLOR.target } : { color: '#fff', borderColor: COLOR.actual, borderWidth: 2 } };
    }
    var n = rows.length, shown = Math.min(n, MAX_ROWS);
    var option = {
      color: [COLOR.target, COLOR.actual, '#7d3c98'],
      legend: { top: 0, data: [KIND.target, KIND.actual, '区间'] },
      grid: { left: 150, right: 36, top: 36, bottom: 30 },
      xAxis: { type: 'value', min: padMin, max: padMax, name: g.unit ? '单位：' + g.unit : '', nameLocation: 'end', nameGap: 6, nameTextStyle: { align: 'right', verticalAlign: 'top', padding: [22, 0, 0, 0] }, splitLine: { lineStyle: { color: '#eee' } } },
      yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { width: 140, overflow: 'truncate' },
        splitLine: { show: true, lineStyle: { color: '#f4f4f4' } } },
      tooltip: { trigger: 'item', confine: true, formatter: function (e) {
        var p = e.data.p;
        return '<b>' + esc(docs[p.doc].label) + '</b><br>' + esc(KIND[p.kind] + (p.baseline ? '（基数）' : '')) + '：' +
          esc(figure(p, g.unit)) + (p.year ? '（' + p.year + '年）' : '') + (p.original ? '<br>原文：' + esc(p.original) : '') +
          '<br>' + esc(S[p.indicator]) + '<br><span style="color:#888">点击查看出处</span>';
      } },
      series: [scatter('target'), scatter('actual'), {
        name: '区间', type: 'custom', data: ranges, encode: { x: [0, 1], y: 2 },
        renderItem: function (params, api) {
          var p = ranges[params.dataIndex].p, color = COLOR[p.kind];
          var a = api.coord([api.value(0), api.value(2)]), b = api.coord([api.value(1), api.value(2)]);
          var cap = 6, style = { stroke: color, lineWidth: 3 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: style },
            { type: 'line', shape: { x1: a[0], y1: a[1] - cap, x2: a[0], y2: a[1] + cap }, style: style },
            { type: 'line', shape: { x1: b[0], y1: b[1] - cap, x2: b[0], y2: b[1] + cap }, style: style },
            { type: 'text', x: (a[0] + b[0]) / 2, y: a[1] - 8, style: { text: String(p.year || ''), fontSize: 10, fill: '#555', align: 'center', verticalAlign: 'bottom' } }
          ] };
        }
      }]
    };
    if (n > MAX_ROWS) {
      option.dataZoom = [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: shown - 1, right: 4, width: 14 },
        { type: 'inside', yAxisIndex: 0, startValue: 0, endValue: shown - 1 }];
      option.grid.right = 40;
    }
    chart(box, 80 + ROW_PX * shown, option, function (item) { showPoint(item.p, g.unit); });
  }

  function indicatorTable(ind) {
    var rows = [];
    ind.groups.forEach(function (g) { g.points.forEach(function (p) { rows.push({ p: p, unit: g.unit }); }); });
    return table([
      { zh: '地区', en: 'label', get: function (r) { return docs[r.p.doc].label; } },
      { zh: '类型', en: 'kind', get: function (r) { return r.p.kind + (r.p.baseline ? ' (baseline)' : ''); } },
      { zh: '比较', en: 'comparator', get: function (r) { return r.p.comparator; } },
      { zh: '数值', en: 'value', num: true, get: function (r) { return num(r.p.value); } },
      { zh: '上限', en: 'value_max', num: true, get: function (r) { return num(r.p.value_max); } },
      { zh: '单位', en: 'unit', get: function (r) { return r.unit; } },
      { zh: '年份', en: 'year', num: true, get: function (r) { return r.p.year; } },
      { zh: '原文指标', en: 'indicator', wide: true, get: function (r) { return S[r.p.indicator]; } },
      { zh: '行', en: 'line', num: true, get: function (r) { return r.p.line; } }
    ], rows, function (r) { showPoint(r.p, r.unit); });
  }

  function indicators() {
    var sec = document.getElementById('indicators');
    if (!data.indicators.length) {
      sec.append(el('p', { class: 'muted', text: '没有在两份及以上文件中出现的指标（可用 --min-docs 1 或 --indicator 选择）。' }));
      return;
    }
    var legend = el('p', { class: 'legend' });
    legend.innerHTML = '<b class="t">●</b> 目标 target　<b class="a">○</b> 实际/基数 actual　' +
      '▶ 不低于 ≥　◀ 不高于 ≤　◆ 约 ~　● 等于 =　├─┤ 区间 range　标签为年份；点击任一标记或表格行查看原句。';
    sec.append(legend);
    data.indicators.forEach(function (ind, i) {
      var left = el('div'), card = el('article', { class: 'card', id: 'indicator-' + i }, [
        el('h3', { text: ind.indicator }), el('div', { class: 'key', text: 'indicator_key: ' + ind.key + ' · ' + ind.docs + ' 份文件' }),
        el('div', { class: 'pair' }, [left, el('div', { class: 'side' })])]);
      sec.append(card);
      later(card, function () {
        decode(ind);
        ind.groups.forEach(function (g) {
          if (g.apart) left.append(el('div', { class: 'apart', text: '单位“' + g.unit + '”无法换算为“' + ind.groups[0].unit + '”，单独显示' }));
          var box = el('div', { class: 'chart' });
          left.append(box);
          indicatorChart(box, ind, g);
        });
        card.querySelector('.side').append(indicatorTable(ind));
      });
    });
  }

  function deadlines() {
    var sec = document.getElementById('deadlines');
    if (!data.timelines.length) { sec.append(el('p', { class: 'muted', text: '文件中没有时间节点。' })); return; }
    data.timelines.forEach(function (tl) {
      var d = docs[tl.doc], box = el('div', { class: 'chart' }), side = el('div');
      var card = el('article', { class: 'card' }, [el('h3', { text: d.label + '　' + d.title }),
        el('div', { class: 'key', text: d.file + ' · ' + tl.items.length + ' 个时间节点' }), box, side]);
      sec.append(card);
      later(card, function () {
        var dated = tl.items.filter(function (it) { return it.date; });
        function show(it) {
          showSource((it.date || '日期未定') + '　' + it.text, [['文件 file', d.file], ['地区 region', d.label], ['行 line', it.line],
            ['任务 task', S[it.task]], ['责任单位 bodies', it.bodies.join('、')], ['章节 section', S[it.section]]], S[it.sentence], it.text);
        }
        if (dated.length) {
          chart(box, 70 + ROW_PX * dated.length, {
            grid: { left: 230, right: 110, top: 20, bottom: 30 },
            // Whole years, so that one date is not drawn on an axis of days.
            xAxis: { type: 'time', splitLine: { show: true, lineStyle: { color: '#eee' } },
              min: function (v) { return new Date(new Date(v.min).getFullYear(), 0, 1).getTime(); },
              max: function (v) { return new Date(new Date(v.max).getFullYear() + 1, 0, 1).getTime(); } },
            yAxis: { type: 'category', inverse: true, data: dated.map(function (it) { return S[it.task] || it.text; }),
              axisLabel: { width: 220, overflow: 'truncate' } },
            tooltip: { trigger: 'item', confine: true, formatter: function (e) {
              var it = e.data.it;
              return '<b>' + esc(it.date) + '</b>（' + esc(it.text) + '）<br>' + esc(S[it.task]) +
                (it.bodies.length ? '<br>责任单位：' + esc(it.bodies.join('、')) : '') + '<br><span style="color:#888">点击查看出处</span>';
            } },
            series: [{ type: 'scatter', symbolSize: 10, itemStyle: { color: COLOR.target },
              data: dated.map(function (it, k) { return { value: [it.date, k], it: it }; }),
              label: { show: true, position: 'right', fontSize: 11, formatter: function (e) { return e.data.it.text; } } }]
          }, function (item) { show(item.it); });
        } else box.remove();
        side.append(table([
          { zh: '日期', en: 'date', get: function (it) { return it.date; } },
          { zh: '期限', en: 'text', get: function (it) { return it.text; } },
          { zh: '任务', en: 'task', wide: true, get: function (it) { return S[it.task]; } },
          { zh: '责任单位', en: 'bodies', get: function (it) { return it.bodies.join('、'); } },
          { zh: '行', en: 'line', num: true, get: function (it) { return it.line; } }
        ], tl.items, show));
      });
    });
  }

  function bodies() {
    var sec = document.getElementById('bodies');
    if (!data.bodies.length) { sec.append(el('p', { class: 'muted', text: '文件中没有责任单位。' })); return; }
    var top = data.bodies.slice(0, 20), box = el('div', { class: 'chart' });
    sec.append(el('p', { class: 'legend', text: '任务 = 点名该单位的责任分工条数；目标 = 该单位负责的任务中的数字目标。前 ' + top.length + ' 个单位：' }), box);
    later(box, function () {
      chart(box, 70 + ROW_PX * top.length, {
        color: ['#2471a3', '#c0392b'],
        legend: { top: 0 },
        grid: { left: 190, right: 30, top: 30, bottom: 30 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: top.map(function (b) { return b.name; }), axisLabel: { width: 180, overflow: 'truncate' } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, formatter: function (ps) {
          var b = top[ps[0].dataIndex];
          return '<b>' + esc(b.name) + '</b><br>任务 ' + b.tasks + ' · 目标 ' + b.targets + ' · ' + b.per_doc.length + ' 份文件<br>' +
            b.per_doc.slice(0, 8).map(function (c) { return esc(docs[c.doc].label) + '：任务 ' + c.tasks + '，目标 ' + c.targets; }).join('<br>');
        } },
        series: [{ name: '任务 tasks', type: 'bar', data: top.map(function (b) { return b.tasks; }), label: { show: true, position: 'right' } },
          { name: '目标 targets', type: 'bar', data: top.map(function (b) { return b.targets; }), label: { show: true, position: 'right' } }]
      });
    });
    var across = el('div'), per = el('div');
    sec.append(el('h3', { text: '全部文件 across documents' }), across, el('h3', { text: '各文件 per document' }), per);
    later(across, function () {
      across.append(table([
        { zh: '单位', en: 'name', get: function (b) { return b.name; } },
        { zh: '文件数', en: 'documents', num: true, get: function (b) { return b.per_doc.length; } },
        { zh: '任务', en: 'tasks', num: true, get: function (b) { return b.tasks; } },
        { zh: '目标', en: 'targets', num: true, get: function (b) { return b.targets; } }
      ], data.bodies));
    });
    later(per, function () {
      var rows = [];
      data.bodies.forEach(function (b) { b.per_doc.forEach(function (c) { rows.push({ b: b, c: c }); }); });
      rows.sort(function (x, y) { return x.c.doc - y.c.doc; });
      per.append(table([
        { zh: '地区', en: 'label', get: function (r) { return docs[r.c.doc].label; } },
        { zh: '单位', en: 'name', get: function (r) { return r.b.name; } },
        { zh: '任务', en: 'tasks', num: true, get: function (r) { return r.c.tasks; } },
        { zh: '目标', en: 'targets', num: true, get: function (r) { return r.c.targets; } },
        { zh: '文件', en: 'file', get: function (r) { return docs[r.c.doc].file; } }
      ], rows));
    });
  }

  summary();
  overview();
  indicators();
  deadlines();
  bodies();
  window.cnplan = { data: data, charts: charts, renderAll: renderAll, ready: true, startedAt: startedAt, readyAt: Math.round(performance.now()) };
})();
