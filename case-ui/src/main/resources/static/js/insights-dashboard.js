// The charts of the outcome dashboard, drawn from the figures the page carries in data attributes:
// the time-to-clearance curve (a Kaplan-Meier step chart with its 95% band and censored injuries
// as ticks) and the cumulative incidence of the two competing outcomes.
(function () {
  'use strict';

  function colour(styles, name, fallback) {
    return styles.getPropertyValue(name).trim() || fallback;
  }

  // Before the first clearance the estimate is 1 with no band; once it reaches 0 it has none either.
  function bandEdge(steps, edge) {
    var points = [{ x: 0, y: 100 }];
    steps.forEach(function (s) {
      var value = s[edge] === null || s[edge] === undefined ? s.survival : s[edge];
      points.push({ x: s.day, y: value * 100 });
    });
    return points;
  }

  function survivalLine(steps) {
    var points = [{ x: 0, y: 100 }];
    steps.forEach(function (s) {
      points.push({ x: s.day, y: s.survival * 100 });
    });
    return points;
  }

  function censoredTicks(steps) {
    return steps.filter(function (s) { return s.censored > 0; }).map(function (s) {
      return { x: s.day, y: s.survival * 100, censored: s.censored };
    });
  }

  function percentAxis(title) {
    return { min: 0, max: 100, title: { display: true, text: title },
             ticks: { callback: function (v) { return v + '%'; } } };
  }

  function daysAxis() {
    return { type: 'linear', min: 0, title: { display: true, text: 'Days since the primary\u2019s treatment started' } };
  }

  function drawCurve(canvas) {
    var steps = JSON.parse(canvas.dataset.curve || '[]');
    var styles = getComputedStyle(canvas);
    var lineColour = colour(styles, '--insights-curve', '#0f6e6e');
    var bandColour = colour(styles, '--insights-band', 'rgba(15, 110, 110, 0.16)');
    var tickColour = colour(styles, '--insights-censored', '#b45309');
    // Chart is the global the Chart.js UMD bundle defines.
    new window.Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          {
            label: '95% band (upper)',
            data: bandEdge(steps, 'upper'),
            stepped: 'before',
            borderWidth: 0,
            pointRadius: 0,
            backgroundColor: bandColour,
            fill: '+1'
          },
          {
            label: '95% band',
            data: bandEdge(steps, 'lower'),
            stepped: 'before',
            borderWidth: 0,
            pointRadius: 0,
            backgroundColor: bandColour,
            fill: false
          },
          {
            label: 'Not yet cleared',
            data: survivalLine(steps),
            stepped: 'before',
            borderColor: lineColour,
            backgroundColor: lineColour,
            borderWidth: 2.5,
            pointRadius: 0,
            pointHitRadius: 8
          },
          {
            label: 'Censored (still open)',
            type: 'scatter',
            data: censoredTicks(steps),
            pointStyle: 'line',
            rotation: 90,
            pointRadius: 9,
            pointBorderWidth: 2.5,
            borderColor: tickColour,
            backgroundColor: tickColour
          }
        ]
      },
      options: {
        // Drawn at once: the figures are read, not watched, and a screenshot shows the final curve.
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: { x: daysAxis(), y: percentAxis('Not yet cleared (%)') },
        plugins: {
          legend: {
            position: 'bottom',
            // The band's upper edge is one half of one shaded area: the legend names it once.
            labels: { filter: function (item) { return item.datasetIndex !== 0; } }
          },
          tooltip: {
            filter: function (item) { return item.datasetIndex >= 2; },
            callbacks: {
              label: function (item) {
                var raw = item.raw;
                if (raw.censored) {
                  return raw.censored + ' still open at day ' + raw.x;
                }
                return 'Day ' + raw.x + ': ' + Math.round(raw.y) + '% not yet cleared';
              }
            }
          }
        }
      }
    });
    canvas.dataset.drawn = 'true';
  }

  function drawIncidence(canvas) {
    var points = JSON.parse(canvas.dataset.incidence || '[]');
    var styles = getComputedStyle(canvas);
    function line(field) {
      return points.map(function (p) { return { x: p.day, y: p[field] * 100 }; });
    }
    new window.Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Cleared without own treatment',
            data: line('clearedWithoutOwnTreatment'),
            borderColor: colour(styles, '--insights-curve', '#0f6e6e'),
            backgroundColor: colour(styles, '--insights-curve', '#0f6e6e'),
            borderWidth: 2.5,
            pointRadius: 4
          },
          {
            label: 'Given own treatment first',
            data: line('ownTreatment'),
            borderColor: colour(styles, '--insights-treated', '#7c4d9e'),
            backgroundColor: colour(styles, '--insights-treated', '#7c4d9e'),
            borderWidth: 2.5,
            borderDash: [6, 4],
            pointRadius: 4,
            pointStyle: 'rectRot'
          }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: daysAxis(), y: percentAxis('Share of injuries on the curve (%)') },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ' by day ' + item.raw.x + ': ' + Math.round(item.raw.y) + '%';
              }
            }
          }
        }
      }
    });
    canvas.dataset.drawn = 'true';
  }

  function start() {
    if (!window.Chart) {
      return;
    }
    var curve = document.getElementById('time-to-clearance');
    if (curve) {
      drawCurve(curve);
    }
    var incidence = document.getElementById('cumulative-incidence');
    if (incidence) {
      drawIncidence(incidence);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
