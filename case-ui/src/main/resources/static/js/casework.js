// The clinician's case page: the body chart picks the injury's region and side, the condition
// list follows the region, the outcome form shows the chosen instrument's range and MCID, and a
// refused form's error summary takes the focus. Every control works without this file; it only
// makes them quicker to use.
(function () {
  'use strict';

  // The body chart fills the region and side fields of its form: those it names, or in a form
  // of several injuries (data-rows) those of the next row without a region, or of the row whose
  // region or side was focused last (to change it). The readout under the chart names the region pointed at or
  // focused, for those who cannot see the tooltip.
  function setupBodyChart() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-body-chart]'), function (chart) {
      var rows = chart.dataset.rows ? Array.prototype.slice.call(document.querySelectorAll(chart.dataset.rows)) : null;
      var activeRow = null;
      function fields() {
        if (rows) {
          var row = activeRow || rows.filter(function (r) { return !r.querySelector('[data-row-region]').value; })[0]
              || rows[rows.length - 1];
          return { region: row.querySelector('[data-row-region]'), side: row.querySelector('[data-row-side]') };
        }
        return { region: document.getElementById(chart.dataset.regionField),
          side: document.getElementById(chart.dataset.sideField) };
      }
      if (!fields().region || !fields().side) {
        return;
      }
      chart.hidden = false;
      var spots = Array.prototype.slice.call(chart.querySelectorAll('.spot'));
      var readout = chart.querySelector('[data-chart-readout]');

      function highlight() {
        var chosen = rows ? rows.map(function (r) {
          return { region: r.querySelector('[data-row-region]'), side: r.querySelector('[data-row-side]') };
        }) : [fields()];
        spots.forEach(function (spot) {
          var on = chosen.some(function (f) {
            return spot.dataset.region === f.region.value
                && (spot.dataset.side === f.side.value || f.side.value === 'BILATERAL' || spot.dataset.side === 'NOT_APPLICABLE');
          });
          spot.setAttribute('aria-pressed', on ? 'true' : 'false');
          spot.classList.toggle('is-selected', on);
        });
      }

      function choose(spot) {
        var f = fields();
        f.region.value = spot.dataset.region;
        f.side.value = spot.dataset.side;
        f.region.dispatchEvent(new Event('change', { bubbles: true }));
        f.side.dispatchEvent(new Event('change', { bubbles: true }));
        // The next region chosen goes to the next row without one, unless a row's region is focused.
        activeRow = null;
        highlight();
      }

      function name(spot) {
        if (readout) {
          readout.textContent = spot ? spot.dataset.name : '\u00a0';
        }
      }

      spots.forEach(function (spot) {
        spot.addEventListener('click', function () { choose(spot); });
        spot.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            choose(spot);
          }
        });
        spot.addEventListener('pointerenter', function () { name(spot); });
        spot.addEventListener('focus', function () { name(spot); });
        // Leaving a region names the focused one again, if any.
        spot.addEventListener('pointerleave', function () {
          name(spots.indexOf(document.activeElement) >= 0 ? document.activeElement : null);
        });
        spot.addEventListener('blur', function () { name(null); });
      });
      if (rows) {
        rows.forEach(function (row) {
          row.addEventListener('focusin', function (event) {
            if (event.target.matches('[data-row-region], [data-row-side]')) {
              activeRow = row;
            }
          });
          row.addEventListener('change', highlight);
        });
      } else {
        fields().region.addEventListener('change', highlight);
        fields().side.addEventListener('change', highlight);
      }
      highlight();
    });
  }

  function setupConditionFilter() {
    var region = document.getElementById('injury-bodyRegion');
    var condition = document.getElementById('injury-conditionCode');
    if (!region || !condition) {
      return;
    }
    function filter() {
      var groups = condition.querySelectorAll('optgroup');
      Array.prototype.forEach.call(groups, function (group) {
        var shown = !region.value || group.dataset.region === region.value;
        group.hidden = !shown;
        group.disabled = !shown;
      });
      var selected = condition.selectedOptions[0];
      if (selected && selected.parentElement.tagName === 'OPTGROUP' && selected.parentElement.disabled) {
        condition.value = '';
      }
    }
    region.addEventListener('change', filter);
    filter();
  }

  function setupInstrumentRange() {
    var instrument = document.querySelector('[data-instrument-select]');
    var score = document.getElementById('measure-score');
    var hint = document.getElementById('measure-range');
    if (!instrument || !score || !hint) {
      return;
    }
    var everyRange = hint.textContent;
    function describe() {
      var option = instrument.selectedOptions[0];
      if (!option || !option.value) {
        hint.textContent = everyRange;
        score.removeAttribute('min');
        score.removeAttribute('max');
        return;
      }
      var d = option.dataset;
      score.min = d.min;
      score.max = d.max;
      hint.textContent = option.value + ' scores run from ' + d.min + ' to ' + d.max + ' (' + d.better
          + ' is better). A change of ' + d.mcid + ' or more is clinically important (MCID).';
    }
    instrument.addEventListener('change', describe);
    describe();
  }

  // The summary at the top of a refused form: each link is named by its field's label, moves the
  // focus to that field, and the summary itself has the focus when the page opens, so the
  // clinician sees at once what to correct (the page is at the top otherwise).
  function setupErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) {
      return;
    }
    Array.prototype.forEach.call(summary.querySelectorAll('a[href^="#"]'), function (link) {
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) {
        return;
      }
      // A field's label, a group's legend, or for a whole injury of a visit its heading; a
      // checkbox inside its label is named by that label.
      var label = target.tagName === 'FIELDSET' ? target.querySelector('legend')
          : /^H[1-6]$/.test(target.tagName) ? target
          : document.querySelector('label[for="' + CSS.escape(target.id) + '"]') || target.closest('label');
      // On a form of several injuries the row's legend says which one ("Injury 2, Side: ...").
      var row = target.closest('fieldset.first-injury-row');
      if (label) {
        link.textContent = (row ? row.querySelector('legend').textContent.trim() + ', ' : '')
            + label.textContent.trim() + ': ' + link.textContent;
      }
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var control = target.tagName === 'FIELDSET' ? target.querySelector('input, select, textarea') : target;
        (label || target).scrollIntoView({ block: 'center' });
        if (control) {
          control.focus({ preventScroll: true });
        }
      });
    });
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: 'start' });
  }

  setupErrorSummary();
  setupBodyChart();
  setupConditionFilter();
  setupInstrumentRange();
}());
