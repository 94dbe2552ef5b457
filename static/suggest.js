// Places while typing: fills the place field's datalist from /api/v1/places.
// Optional: without JavaScript the field takes the same places typed whole.
(function () {
  var input = document.querySelector('input[list="near-suggestions"]');
  var list = document.getElementById('near-suggestions');
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var asked = '';
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var typed = input.value.trim();
      if (typed.length < 2 || typed === asked) return;
      asked = typed;
      fetch('/api/v1/places?limit=8&q=' + encodeURIComponent(typed), { headers: { accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (places) {
          if (typed !== asked) return;
          list.textContent = '';
          places.forEach(function (place) {
            var option = document.createElement('option');
            option.value = place.label;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 200);
  });
})();
