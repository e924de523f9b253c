// The time-to-clearance curve of the outcome dashboard: a Kaplan-Meier step chart drawn from the
// steps the page carries in the canvas's data-curve attribute, with censored injuries as ticks.
(function () {
  'use strict';

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

  function draw(canvas) {
    var steps = JSON.parse(canvas.dataset.curve || '[]');
    var styles = getComputedStyle(canvas);
    var lineColour = styles.getPropertyValue('--insights-curve').trim() || '#0f6e6e';
    var tickColour = styles.getPropertyValue('--insights-censored').trim() || '#b45309';
    // Chart is the global the Chart.js UMD bundle defines.
    new window.Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
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
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: 'Days since the primary\u2019s treatment started' } },
          y: { min: 0, max: 100, title: { display: true, text: 'Not yet cleared (%)' },
               ticks: { callback: function (v) { return v + '%'; } } }
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
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

  function start() {
    var canvas = document.getElementById('time-to-clearance');
    if (canvas && window.Chart) {
      draw(canvas);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
