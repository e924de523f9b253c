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
})();
