// Behaviour shared by every page. Inline scripts are forbidden by the Content-Security-Policy.
(function () {
  'use strict';

  // htmx requests carry the session's CSRF token, which the layout puts on <body>.
  document.addEventListener('htmx:configRequest', function (event) {
    var body = document.body;
    var header = body.getAttribute('data-csrf-header');
    var token = body.getAttribute('data-csrf-token');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // A form of the page (not the navigation's sign-out) that is sending says so and cannot be sent again meanwhile: its submit buttons are
  // disabled, read "Saving…" and are aria-busy. The server records a form sent twice once
  // anyway; this spares the clinician the doubt. Coming back to the page from the browser's
  // cache gives the buttons back.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || '').toLowerCase() !== 'post' || !form.closest('main')) {
      return;
    }
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    form.setAttribute('aria-busy', 'true');
    // Disabled after the browser has read the form, so a named submit button is still sent.
    setTimeout(function () {
      Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"], button:not([type])'), function (button) {
        button.dataset.label = button.textContent;
        button.textContent = button.dataset.busyLabel || 'Saving…';
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
      });
    }, 0);
  });

  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('form[data-submitting]'), function (form) {
      delete form.dataset.submitting;
      form.removeAttribute('aria-busy');
      Array.prototype.forEach.call(form.querySelectorAll('button[aria-busy]'), function (button) {
        button.textContent = button.dataset.label;
        button.disabled = false;
        button.removeAttribute('aria-busy');
      });
    });
  });

  // A table wider than its card scrolls inside the card. Such a region is reachable by keyboard
  // (focusable, named after its card's heading) only while it does scroll.
  function markScrollRegions() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute('tabindex')) {
        var card = wrap.closest('section, .card');
        var heading = card && card.querySelector('h2, h3');
        var table = wrap.querySelector('table');
        var name = (table && table.getAttribute('aria-label')) || (heading && heading.textContent.trim()) || 'Table';
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', name.replace(/\s+/g, ' ') + ' (scrolls sideways)');
        wrap.dataset.scrollRegion = 'true';
      } else if (!scrolls && wrap.dataset.scrollRegion === 'true') {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
        delete wrap.dataset.scrollRegion;
      }
    });
  }
  document.addEventListener('DOMContentLoaded', markScrollRegions);
  window.addEventListener('resize', markScrollRegions);
  document.addEventListener('toggle', markScrollRegions, true);
  document.addEventListener('htmx:afterSettle', markScrollRegions);

  // A filter form (the caseload's search, its checkboxes and menus) changed while the page's
  // scripts were still on their way, before htmx listened, is sent as soon as it does: the results
  // always answer what the form says. Compared with the values the page was rendered with, so an
  // untouched form sends nothing.
  function changedSinceRendered(form) {
    return Array.prototype.some.call(form.elements, function (field) {
      if (field.type === 'checkbox' || field.type === 'radio') {
        return field.checked !== field.defaultChecked;
      }
      if (field.tagName === 'SELECT') {
        // A menu with no option marked selected shows its first one.
        var rendered = 0;
        Array.prototype.forEach.call(field.options, function (option, index) {
          rendered = option.defaultSelected ? index : rendered;
        });
        return field.selectedIndex !== rendered;
      }
      return 'defaultValue' in field && field.value !== field.defaultValue;
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.htmx) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('form[hx-get]'), function (form) {
      if (changedSinceRendered(form)) {
        window.htmx.trigger(form, 'submit');
      }
    });
  });
})();
