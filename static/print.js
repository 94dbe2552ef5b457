// Shows the Print buttons and makes them print the page. Without JavaScript
// the buttons stay hidden and the browser's own Print command does the same.
(function () {
  document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
