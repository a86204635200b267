// Playbook editor: add, remove and reorder rows of the form's lists, then give every field the
// indexed name the server reads (stages[0].steps[2].title), so names always follow what is shown.
(function () {
  'use strict';
  var form = document.getElementById('editor');
  if (!form) { return; }

  function pathOf(field) {
    var parts = [];
    var item = field.closest('[data-item]');
    while (item) {
      var list = item.parentElement.closest('[data-list]');
      var siblings = Array.prototype.filter.call(list.children, function (c) { return c.hasAttribute('data-item'); });
      parts.unshift(list.getAttribute('data-list') + '[' + siblings.indexOf(item) + ']');
      item = list.closest('[data-item]');
    }
    var name = parts.join('.');
    var own = field.getAttribute('data-field');
    return own ? name + '.' + own : name;
  }

  function renumber() {
    form.querySelectorAll('[data-field]').forEach(function (field) { field.name = pathOf(field); });
  }

  var addTargets = { step: 'steps', task: 'tasks' };

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button || !form.contains(button)) { return; }
    var item = button.closest('[data-item]');
    if (button.hasAttribute('data-add')) {
      var kind = button.getAttribute('data-add');
      var list = button.hasAttribute('data-to')
        ? form.querySelector('[data-list="' + button.getAttribute('data-to') + '"]')
        : item.querySelector('[data-list="' + addTargets[kind] + '"]');
      var node = document.getElementById('tpl-' + kind).content.firstElementChild.cloneNode(true);
      list.appendChild(node);
      renumber();
      var first = node.querySelector('input[type=text], textarea');
      if (first) { first.focus(); }
    } else if (button.hasAttribute('data-remove')) {
      item.remove();
      renumber();
    } else if (button.hasAttribute('data-move')) {
      var moved = button.closest('.tools').parentElement;
      if (Number(button.getAttribute('data-move')) < 0) {
        var previous = moved.previousElementSibling;
        if (previous && previous.hasAttribute('data-item')) { moved.parentElement.insertBefore(moved, previous); }
      } else {
        var next = moved.nextElementSibling;
        if (next && next.hasAttribute('data-item')) { moved.parentElement.insertBefore(next, moved); }
      }
      renumber();
    }
  });

  form.addEventListener('submit', renumber);
  var deleteForm = document.getElementById('delete-form');
  if (deleteForm) {
    deleteForm.addEventListener('submit', function (event) {
      if (!window.confirm('Delete this playbook? Incidents started from it keep their copy.')) { event.preventDefault(); }
    });
  }
})();
