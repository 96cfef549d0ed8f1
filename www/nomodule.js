// Runs only in browsers without ES modules (which cannot run bahth either):
// puts a clear message where the search box would have been.
(function () {
  var boxes = document.getElementsByTagName('bahth-search');
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].textContent = 'البحث يتطلّب متصفحًا حديثًا. حدّث متصفحك لاستخدامه.';
  }
})();
