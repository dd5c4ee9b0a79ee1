// The Copy button beside a new token: copies the secret with the Clipboard API, else selects it and
// asks the browser to copy the selection, and says which happened. Hidden until this script runs.
(function () {
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    const field = document.getElementById(button.dataset.copy);
    if (!field) {
      return;
    }
    button.hidden = false;

    function selected() {
      field.focus();
      field.select();
      let copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      button.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C';
    }

    button.addEventListener('click', function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = 'Copied';
        }, selected);
      } else {
        selected();
      }
    });
  });
})();
