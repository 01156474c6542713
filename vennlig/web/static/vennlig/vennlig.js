// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Inbox filters apply as soon as one changes.
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Remote images in a customer's HTML load only when the agent asks for them.
  document.querySelectorAll("[data-load-remote]").forEach(function (button) {
    button.addEventListener("click", function () {
      button.parentNode.querySelectorAll("img[data-remote-src]").forEach(function (img) {
        img.src = img.getAttribute("data-remote-src");
      });
      button.hidden = true;
    });
  });

  // Tone coach: check the draft a moment after the agent stops typing.
  var toneForm = document.querySelector("form[data-tone-url]");
  if (toneForm) {
    var toneTimer = null;
    var toneBox = document.getElementById("tone-coach");
    var draft = toneForm.querySelector("textarea");
    var token = (toneForm.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
    draft.addEventListener("input", function () {
      clearTimeout(toneTimer);
      toneTimer = setTimeout(function () {
        fetch(toneForm.getAttribute("data-tone-url"), {
          method: "POST",
          body: new URLSearchParams({ text: draft.value }),
          headers: { "X-CSRFToken": token },
          credentials: "same-origin"
        }).then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) { if (html !== null) toneBox.innerHTML = html; })
          .catch(function () {});
      }, 450);
    });
  }

  // Reply templates: put the chosen text in the reply box, then let the coach look at it.
  var picker = document.querySelector("[data-template-picker]");
  if (picker) {
    picker.addEventListener("change", function () {
      var box = document.querySelector("form[data-tone-url] textarea");
      if (box && picker.value) {
        box.value = picker.value;
        box.dispatchEvent(new Event("input"));
        box.focus();
      }
      picker.value = "";
    });
  }

  // Collision warning: tell the server we are here (and typing), show who else is.
  var conv = document.querySelector("[data-presence-url]");
  if (!conv) return;
  var url = conv.getAttribute("data-presence-url");
  var target = document.getElementById("presence");
  var csrf = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  var typingUntil = 0;

  function beat(extra) {
    var body = new URLSearchParams({ typing: Date.now() < typingUntil ? "1" : "0" });
    if (extra) Object.keys(extra).forEach(function (k) { body.set(k, extra[k]); });
    return fetch(url, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": csrf },
      credentials: "same-origin",
      keepalive: !!extra
    }).then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null && target) target.innerHTML = html; })
      .catch(function () {});
  }

  var reply = document.querySelector("form[data-typing] textarea");
  if (reply) {
    reply.addEventListener("input", function () {
      var wasTyping = Date.now() < typingUntil;
      typingUntil = Date.now() + 8000;
      if (!wasTyping) beat();
    });
  }
  setInterval(beat, 5000);
  window.addEventListener("pagehide", function () { beat({ leaving: "1" }); });
})();
