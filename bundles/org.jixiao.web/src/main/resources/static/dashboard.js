// The dashboard's charts, drawn from /api/v1/dashboard above the tables the page already shows. The page is complete
// without this script (the tables carry every figure); a chart that cannot be drawn leaves its table alone.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || typeof window.echarts === 'undefined') {
    return;
  }
  var text = root.dataset;

  // A chart's box shows only once there is something to draw in it (CSS hides it before).
  function chart(name) {
    var el = root.querySelector('[data-chart="' + name + '"]');
    if (!el) {
      return null;
    }
    el.classList.add('drawn');
    return window.echarts.init(el);
  }

  function ranking(board) {
    var c = board.ranking.length === 0 ? null : chart('ranking');
    if (!c) {
      return null;
    }
    // Best at the top: a horizontal bar chart lists its categories from the bottom up.
    var rows = board.ranking.slice().reverse();
    c.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }) },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
      series: [{ type: 'bar', name: text.estimate, data: rows.map(function (r) { return Number(r.estimate); }),
        label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: '#c8161d' } }]
    });
    return c;
  }

  // The unit in focus: each indicator's completion, coloured by whether it is met, with actual and target on hover.
  function focus(board) {
    var f = board.focus;
    var c = !f || f.indicators.length === 0 ? null : chart('focus');
    if (!c) {
      return null;
    }
    var rows = f.indicators.slice().reverse();
    var colours = { MET: '#2e7d32', NOT_MET: '#c8161d', NOT_JUDGED: '#9e9e9e' };
    c.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map(function (i) { return i.name; }),
        axisLabel: { width: 160, overflow: 'truncate' } },
      tooltip: { formatter: function (p) {
        var esc = window.echarts.format.encodeHTML;
        var i = rows[p.dataIndex];
        var figure = function (v) { return v === null || v === undefined ? '—' : esc(String(v)) + ' ' + esc(i.unit); };
        return esc(i.project) + ' · ' + esc(i.name) + '<br>' + esc(text.actual) + '：' + figure(i.actual) + '<br>'
          + esc(text.target) + '：' + esc(i.comparison) + ' ' + figure(i.target);
      } },
      series: [{ type: 'bar', name: text.completion, data: rows.map(function (i) {
        return { value: i.completion === null || i.completion === undefined ? 0 : i.completion,
          itemStyle: { color: colours[i.state] } };
      }), label: { show: true, position: 'right', formatter: '{c}%' } }]
    });
    return c;
  }

  function heatmap(board) {
    var c = board.indicators.length === 0 ? null : chart('heatmap');
    if (!c) {
      return null;
    }
    var data = [];
    board.units.forEach(function (u, y) {
      board.indicators.forEach(function (i, x) {
        var v = u.completion[i.key];
        data.push([x, y, v === null || v === undefined ? '-' : v]);
      });
    });
    c.setOption({
      grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: board.indicators.map(function (i) { return i.name; }),
        axisLabel: { interval: 0, rotate: 30, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'category', inverse: true, data: board.units.map(function (u) { return u.name; }) },
      visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#f4d6d4', '#f0b400', '#2e7d32'] }, text: ['100%', '0%'] },
      tooltip: { formatter: function (p) {
        // The tooltip is HTML: names typed by users are escaped.
        var esc = window.echarts.format.encodeHTML;
        var i = board.indicators[p.value[0]];
        return esc(board.units[p.value[1]].name) + '<br>' + esc(i.project) + ' · ' + esc(i.name) + '：'
          + p.value[2] + '%';
      } },
      series: [{ type: 'heatmap', name: text.completion, data: data, label: { show: true } }]
    });
    // A click opens the unit's row of the table below.
    c.on('click', function (p) {
      var unit = board.units[p.value[1]];
      if (unit) {
        window.location.hash = 'unit-' + unit.id;
      }
    });
    return c;
  }

  function nodes(board) {
    var c = board.units.length === 0 ? null : chart('nodes');
    if (!c) {
      return null;
    }
    var states = [['DONE', text.done, '#2e7d32'], ['DONE_LATE', text.late, '#f0b400'],
      ['OVERDUE', text.overdue, '#c8161d'], ['PENDING', text.pending, '#9e9e9e']];
    return countsPerUnit(c, board.units, states.map(function (s) {
      return { type: 'bar', stack: 'nodes', name: s[1], itemStyle: { color: s[2] },
        data: board.units.map(function (u) { return u.timeNodes[s[0]]; }) };
    }));
  }

  // A chart of whole counts, one column of bars per unit.
  function countsPerUnit(c, units, series) {
    c.setOption({
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: units.map(function (u) { return u.name; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    return c;
  }

  function trend(board) {
    var t = board.trend;
    var c = !t || t.months === 0 ? null : chart('trend');
    if (!c) {
      return null;
    }
    var months = [];
    for (var m = 1; m <= t.months; m++) {
      months.push(text.month.replace('{m}', m));
    }
    c.setOption({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: t.series.map(function (line) {
        return { type: 'line', name: line.name, connectNulls: false,
          data: line.values.map(function (v) { return v === null || v === undefined ? '-' : Number(v); }) };
      })
    });
    return c;
  }

  // Each campaign: every unit's responses beside the campaign's minimum.
  function campaigns(board) {
    return (board.campaigns || []).map(function (k) {
      var c = k.units.length === 0 ? null : chart('campaign-' + k.id);
      if (!c) {
        return null;
      }
      return countsPerUnit(c, k.units, [{ type: 'bar', name: text.responses, data: k.units.map(function (u) {
        return { value: u.responses, itemStyle: { color: u.belowMinimum ? '#f0b400' : '#2e7d32' } };
      }), markLine: { symbol: 'none', data: [{ yAxis: k.minimum, name: text.minimum }],
        label: { formatter: text.minimum + ' {c}' }, lineStyle: { color: '#c8161d' } } }]);
    });
  }

  fetch(root.dataset.api, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (board) {
      var drawn = [focus(board), ranking(board), heatmap(board), trend(board), nodes(board)].concat(campaigns(board))
        .filter(Boolean);
      window.addEventListener('resize', function () {
        drawn.forEach(function (c) { c.resize(); });
      });
    })
    .catch(function () { /* the tables stand without the charts */ });
}());
