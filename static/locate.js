// "Use my location": fills the search form with the browser's position.
// Optional: without JavaScript the form works with a place name or ZIP code.
// Its words come from the form's data- attributes, in the page's language.
(function () {
  var form = document.querySelector('form[role="search"]');
  if (!form || !navigator.geolocation || !form.dataset.locate) return;
  var near = form.querySelector('#near');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = form.dataset.locate;
  var status = document.createElement('span');
  status.setAttribute('role', 'status');
  near.parentNode.appendChild(button);
  near.parentNode.appendChild(status);
  button.addEventListener('click', function () {
    status.textContent = ' ' + form.dataset.locating;
    navigator.geolocation.getCurrentPosition(function (position) {
      ['lat', 'lon'].forEach(function (name, i) {
        var input = form.querySelector('input[name="' + name + '"]') || document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = (i === 0 ? position.coords.latitude : position.coords.longitude).toFixed(4);
        form.appendChild(input);
      });
      near.value = '';
      form.submit();
    }, function () {
      status.textContent = ' ' + form.dataset.locateFailed;
    });
  });
})();
