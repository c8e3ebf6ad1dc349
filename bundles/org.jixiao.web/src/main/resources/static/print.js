// A document's print button: shown only where it can work, as the browser's own print otherwise does the same.
(function () {
  'use strict';
  document.querySelectorAll('.print-button').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
}());
