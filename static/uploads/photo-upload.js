/* Photos that upload on a weak signal (loaded by every file input with data-photo, see
   balai/lib/upload_forms.py). A camera photo is scaled down in the browser (longest side
   data-photo, JPEG at 0.8, upright from its EXIF orientation), its size is checked against
   data-photo-max-bytes before anything is sent, and the form is sent with a progress bar. If
   the connection drops, the page and everything typed stay, and the button sends it again.
   A file the browser cannot read (not an image, HEIC…) is sent as it is: the server, which
   checks and re-encodes every upload anyway, says what is wrong with it. Without this script
   the form is an ordinary form and the server does everything. */
(function () {
  "use strict";
  var script = document.currentScript;
  var text = (script && script.dataset) || {};
  var QUALITY = 0.8;
  var KEEP_BELOW = 300 * 1024; // a photo already small and within the side is sent as it is
  var PHOTO = /^image\/(jpeg|png|webp)$/;

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function size(bytes) {
    if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / 1024 / 1024).toFixed(1).replace(".", ",") + " MB";
  }

  function decode(file) {
    var viaImg = function () {
      return new Promise(function (resolve, reject) {
        var img = new Image();
        var url = URL.createObjectURL(file);
        img.onload = function () { URL.revokeObjectURL(url); resolve(img); };
        img.onerror = function () { URL.revokeObjectURL(url); reject(new Error("decode")); };
        img.src = url; // browsers draw an <img> upright from its EXIF orientation
      });
    };
    if (!window.createImageBitmap) return viaImg();
    return createImageBitmap(file, { imageOrientation: "from-image" }).catch(viaImg);
  }

  function transparent(ctx, width, height) {
    var data = ctx.getImageData(0, 0, width, height).data;
    for (var i = 3; i < data.length; i += 4) if (data[i] < 255) return true;
    return false;
  }

  /* The file to send: scaled down and re-encoded, or the original when that is no smaller. */
  function shrink(file, side) {
    if (!PHOTO.test(file.type)) return Promise.resolve(file);
    return decode(file).then(function (source) {
      var width = source.naturalWidth || source.width;
      var height = source.naturalHeight || source.height;
      var scale = Math.min(1, side / Math.max(width, height));
      if (scale === 1 && file.size <= KEEP_BELOW) return file;
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      var ctx = canvas.getContext("2d");
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
      if (source.close) source.close();
      // A logo with a transparent background stays a PNG (the server keeps it so too).
      var png = file.type !== "image/jpeg" && transparent(ctx, canvas.width, canvas.height);
      var type = png ? "image/png" : "image/jpeg";
      return new Promise(function (resolve) {
        canvas.toBlob(resolve, type, QUALITY);
      }).then(function (blob) {
        canvas.width = canvas.height = 0;
        if (!blob || (scale === 1 && blob.size >= file.size)) return file;
        var name = (file.name.replace(/\.[^.]*$/, "") || "foto") + (png ? ".png" : ".jpg");
        return new File([blob], name, { type: type, lastModified: file.lastModified });
      });
    }).catch(function () {
      return file;
    });
  }

  function note(input, message, isError) {
    var box = input.photoNote;
    if (!box) {
      box = input.photoNote = document.createElement("p");
      box.className = "photo-note";
      box.id = (input.id || input.name) + "_photonote";
      box.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", box);
      var described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", (described ? described + " " : "") + box.id);
    }
    box.textContent = message || "";
    box.hidden = !message;
    box.classList.toggle("error-message", !!isError);
  }

  function tooBig(input, files) {
    var max = Number(input.dataset.photoMaxBytes) || Infinity;
    for (var i = 0; i < files.length; i++) {
      if (PHOTO.test(files[i].type) && files[i].size > max) {
        return fill(text.tooBig, { size: size(files[i].size), max: size(max) });
      }
    }
    return "";
  }

  /* Each input's files are prepared once, when chosen; the promise is kept for a retry. */
  function prepare(input) {
    if (!input.photoReady) {
      var originals = Array.prototype.slice.call(input.files || []);
      var side = Number(input.dataset.photo) || 1600;
      note(input, text.preparing);
      input.photoReady = Promise.all(originals.map(function (f) { return shrink(f, side); }))
        .then(function (files) {
          var before = 0, after = 0;
          files.forEach(function (f, i) {
            if (f !== originals[i]) { before += originals[i].size; after += f.size; }
          });
          var problem = tooBig(input, files);
          if (problem) note(input, problem, true);
          else note(input, after ? fill(text.scaled, { before: size(before), after: size(after) }) : "");
          return files;
        });
    }
    return input.photoReady;
  }

  function panel(form, submitter) {
    if (form.photoPanel) return;
    var box = form.photoPanel = document.createElement("div");
    box.className = "photo-progress";
    box.innerHTML = '<progress max="100" value="0" aria-hidden="true"></progress><p role="status"></p>';
    // Above the button, or above the row of actions it sits in.
    var place = submitter && submitter.form === form ? submitter.closest(".actions") || submitter : null;
    if (place && form.contains(place)) place.insertAdjacentElement("beforebegin", box);
    else form.appendChild(box);
  }

  function show(form, percent, message, isError) {
    var box = form.photoPanel;
    var bar = box.querySelector("progress");
    var line = box.querySelector("p");
    bar.hidden = percent === null;
    if (percent !== null) bar.value = percent;
    line.textContent = message;
    line.className = isError ? "error-message" : "";
    line.setAttribute("role", isError ? "alert" : "status");
  }

  function busy(form, on) {
    form.photoBusy = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
    form.querySelectorAll("button, input[type=submit]").forEach(function (b) { b.disabled = on; });
  }

  /* What a browser does with the answer to a form: open the page it redirects to, or show the
     page it sends back (the form again, with its errors). */
  function follow(form, xhr) {
    var location = xhr.getResponseHeader("X-Balai-Location");
    if (location) { window.location.assign(location); return; }
    var type = xhr.getResponseHeader("Content-Type") || "";
    if (xhr.status && xhr.status < 500 && xhr.status !== 413 && type.indexOf("text/html") === 0) {
      if (xhr.responseURL && xhr.responseURL !== window.location.href) {
        window.history.replaceState(null, "", xhr.responseURL);
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
      return;
    }
    busy(form, false);
    var max = Number(form.querySelector("[data-photo-max-bytes]").dataset.photoMaxBytes);
    show(form, null, xhr.status === 413 ? fill(text.tooBig, { size: size(form.photoBytes), max: size(max) })
      : fill(text.server, { status: xhr.status }), true);
  }

  function send(form, data, submitter) {
    var action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", new URL(action || window.location.href, document.baseURI).href);
    xhr.setRequestHeader("X-Balai-Upload", "1");
    var said = -1;
    xhr.upload.onprogress = function (ev) {
      if (!ev.lengthComputable) return;
      var percent = Math.floor((ev.loaded / ev.total) * 100);
      form.photoPanel.querySelector("progress").value = percent;
      // The words change every 10 %, so a screen reader is not told each step.
      if (percent - said >= 10 || percent === 100) {
        said = percent;
        show(form, percent, fill(text.sending, { percent: percent }));
      }
    };
    xhr.onload = function () { follow(form, xhr); };
    xhr.onerror = xhr.ontimeout = xhr.onabort = function () {
      busy(form, false);
      show(form, null, text.failed, true);
    };
    xhr.send(data);
  }

  function formData(form, submitter) {
    var data;
    try { data = new FormData(form, submitter || undefined); } catch (e) { data = new FormData(form); }
    if (submitter && submitter.name && !data.has(submitter.name)) {
      data.append(submitter.name, submitter.value);
    }
    return data;
  }

  function submit(ev) {
    var form = ev.target;
    var inputs = Array.prototype.filter.call(form.querySelectorAll("input[data-photo]"), function (i) {
      return i.files && i.files.length && !i.disabled;
    });
    if (!inputs.length || !window.FormData || !window.Promise) return; // an ordinary submission
    ev.preventDefault();
    if (form.photoBusy) return;
    var submitter = ev.submitter || null;
    panel(form, submitter);
    busy(form, true);
    show(form, 0, text.preparing);
    // The form data is read in a later task: a click's other submit listeners (the news editor
    // copies its text into the form) run after this one, and the promise callbacks of a
    // prepared photo would otherwise run between them.
    Promise.all(inputs.map(prepare)).then(function (lists) {
      return new Promise(function (resolve) { setTimeout(function () { resolve(lists); }, 0); });
    }).then(function (lists) {
      for (var i = 0; i < inputs.length; i++) {
        var problem = tooBig(inputs[i], lists[i]);
        if (problem) {
          busy(form, false);
          show(form, null, problem, true);
          inputs[i].focus();
          return;
        }
      }
      var data = formData(form, submitter);
      form.photoBytes = 0;
      inputs.forEach(function (input, i) {
        data.delete(input.name);
        lists[i].forEach(function (f) {
          data.append(input.name, f, f.name);
          form.photoBytes += f.size;
        });
      });
      send(form, data, submitter);
    });
  }

  function start() {
    document.querySelectorAll("input[type=file][data-photo]").forEach(function (input) {
      if (input.photoBound) return;
      input.photoBound = true;
      input.addEventListener("change", function () {
        input.photoReady = null;
        if (input.files && input.files.length) prepare(input);
        else note(input, "");
      });
      var form = input.form;
      if (form && !form.photoBound && form.method === "post") {
        form.photoBound = true;
        form.addEventListener("submit", submit);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
