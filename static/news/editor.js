/* The story editor: what you see is what the site shows, never a tag.
   Without JavaScript the form keeps a plain textarea (blank lines make paragraphs; the server
   converts, see news/bodytext.py). Here the textarea is replaced by an editable area with a few
   buttons; on submit its content is written, cleaned to the tags the server allows
   (news/richtext.py), into the hidden body_html field. The server cleans it again with nh3:
   this cleaning is for what the person sees, the server's is the one that counts.
   Pasted text from Word, Google Docs or WhatsApp is cleaned the same way before it is shown. */
(function () {
  "use strict";

  var BLOCK = { P: "p", DIV: "p", H1: "h2", H2: "h2", H3: "h3", H4: "h3", H5: "h3", H6: "h3",
    BLOCKQUOTE: "blockquote", UL: "ul", OL: "ol", LI: "p", PRE: "p", DT: "p", DD: "p",
    FIGCAPTION: "p", CAPTION: "p", TR: "p", ADDRESS: "p" };
  var CONTAINER = /^(BODY|HTML|SECTION|ARTICLE|MAIN|HEADER|FOOTER|ASIDE|NAV|FIGURE|TABLE|THEAD|TBODY|TFOOT|FORM|CENTER|DL|FIELDSET|DETAILS)$/;
  var SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|IFRAME|FRAME|OBJECT|EMBED|SVG|MATH|HEAD|TITLE|META|LINK|BASE|INPUT|BUTTON|SELECT|TEXTAREA|OPTION|CANVAS|VIDEO|AUDIO|SOURCE|PICTURE|MAP|AREA|SUMMARY)$/;

  function esc(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function safeHref(href) {
    href = (href || "").trim();
    return /^(https?:\/\/|mailto:|tel:)/i.test(href) ? href : null;
  }
  function styleOf(el) { return (el.getAttribute("style") || "").toLowerCase().replace(/\s+/g, ""); }
  function isBlock(el) { return el.nodeType === 1 && (BLOCK[el.tagName] || CONTAINER.test(el.tagName)); }
  function hasBlockInside(el) {
    for (var c = el.firstChild; c; c = c.nextSibling) if (isBlock(c)) return true;
    return false;
  }

  // One node of inline content as clean HTML: text, strong, em, a, br (and, from the editor
  // itself, the site's own photos). `after` says whether something precedes it on the line.
  function inlineNode(c, images, after) {
    if (c.nodeType === 3) return esc(c.nodeValue.replace(/\u00a0/g, " "));
    if (c.nodeType !== 1 || SKIP.test(c.tagName)) return "";
    var tag = c.tagName, style = styleOf(c);
    if (tag === "BR") return "<br>";
    if (tag === "IMG") {
      if (!images || !c.getAttribute("src")) return "";
      return '<img src="' + esc(c.getAttribute("src")) + '" alt="' + esc(c.getAttribute("alt") || "") + '">';
    }
    if (/mso-list:ignore/.test(style)) return "";  // Word's typed bullet glyphs
    var inner = inline(c, images);
    if (!inner.replace(/<br>/g, "").trim()) return inner;
    var bold = tag === "STRONG" || tag === "B" || /font-weight:(bold|[6-9]00)/.test(style);
    if ((tag === "B" || tag === "STRONG") && /font-weight:(normal|[1-4]00)/.test(style)) bold = false;  // Google Docs' wrapper
    if (tag === "EM" || tag === "I" || /font-style:italic/.test(style)) inner = "<em>" + inner + "</em>";
    if (bold) inner = "<strong>" + inner + "</strong>";
    var href = tag === "A" && safeHref(c.getAttribute("href"));
    // A video link goes back as its bare address: the server makes it a video link again.
    if (href && c.classList.contains("video-link")) inner = esc(href);
    else if (href) inner = '<a href="' + esc(href) + '">' + inner + "</a>";
    return (isBlock(c) && after ? "<br>" : "") + inner;
  }
  function inline(node, images) {
    var out = "";
    for (var c = node.firstChild; c; c = c.nextSibling) out += inlineNode(c, images, !!out);
    return out;
  }

  function trimmed(html) {
    return html.replace(/^(\s|&nbsp;|<br>)+|(\s|&nbsp;|<br>)+$/g, "");
  }

  // The blocks of `node` as clean HTML strings: p, h2, h3, blockquote, ul, ol; loose inline
  // content between blocks becomes a paragraph.
  function blocks(node, out, images) {
    var run = "";
    function flush() {
      var html = trimmed(run);
      if (html.replace(/<br>/g, "").trim()) out.push("<p>" + html + "</p>");
      run = "";
    }
    for (var c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && SKIP.test(c.tagName)) continue;
      var tag = c.nodeType === 1 ? c.tagName : "";
      if (CONTAINER.test(tag) || (/^(DIV|P|H[1-6])$/.test(tag) && hasBlockInside(c))) {
        flush(); blocks(c, out, images); continue;
      }
      if (tag === "IMG" && images) { flush(); out.push(inlineNode(c, images, false)); continue; }
      var name = BLOCK[tag];
      if (!name) { run += inlineNode(c, images, !!run.trim()); continue; }
      flush();
      if (name === "ul" || name === "ol") {
        var items = "";
        c.querySelectorAll("li").forEach(function (li) {
          var own = li.cloneNode(true);
          own.querySelectorAll("ul,ol").forEach(function (l) { l.remove(); });  // nested: own line
          var html = trimmed(inline(own, false));
          if (html) items += "<li>" + html + "</li>";
        });
        if (items) out.push("<" + name + ">" + items + "</" + name + ">");
      } else if (name === "blockquote") {
        var inner = [];
        blocks(c, inner, images);
        if (inner.length) out.push("<blockquote>" + inner.join("") + "</blockquote>");
      } else {
        var html = trimmed(inline(c, images));
        if (html.replace(/<br>/g, "").trim()) out.push("<" + name + ">" + html + "</" + name + ">");
      }
    }
    flush();
    return out;
  }

  function cleanHtml(root, images) { return blocks(root, [], images).join("\n"); }

  function textToHtml(text) {
    return text.replace(/\r\n?/g, "\n").split(/\n[ \t\u00a0]*\n/).map(function (p) {
      p = p.trim();
      return p ? "<p>" + esc(p).replace(/\n/g, "<br>") + "</p>" : "";
    }).join("");
  }

  function pastedHtml(data) {
    var html = data.getData("text/html");
    if (html) {
      // DOMParser's document is inert: no script runs, no image loads.
      var doc = new DOMParser().parseFromString(html, "text/html");
      var clean = cleanHtml(doc.body, false);
      if (clean) return clean;
    }
    return textToHtml(data.getData("text/plain") || "");
  }

  function setup(box) {
    var area = document.getElementById(box.getAttribute("data-editor-for"));
    var form = area && area.form;
    var field = form && form.elements.namedItem(area.name + "_html");
    if (!field || !document.execCommand) return;
    var surface = box.querySelector(".rt-surface");
    var buttons = box.querySelectorAll(".rt-button");
    var holder = box.parentNode;
    var saved = null;

    surface.innerHTML = cleanHtml(box.querySelector("template").content, true) || "<p><br></p>";
    surface.contentEditable = "true";
    surface.spellcheck = true;
    box.hidden = false;
    area.hidden = true;
    area.disabled = true;  // the HTML goes in body_html; the text version is not sent
    field.disabled = false;
    holder.querySelectorAll("[data-editor-plain]").forEach(function (el) { el.hidden = true; });
    holder.querySelectorAll("[data-editor-rich]").forEach(function (el) { el.hidden = false; });
    holder.querySelector("label").addEventListener("click", function (ev) { ev.preventDefault(); surface.focus(); });
    if (holder.classList.contains("field-error")) surface.setAttribute("aria-invalid", "true");
    document.execCommand("defaultParagraphSeparator", false, "p");

    function inSurface(node) { return node && surface.contains(node); }
    function rememberSelection() {
      var sel = window.getSelection();
      if (sel.rangeCount && inSurface(sel.anchorNode)) saved = sel.getRangeAt(0).cloneRange();
    }
    function restoreSelection() {
      surface.focus();
      if (!saved) return;
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(saved);
    }
    function ancestor(names) {
      var sel = window.getSelection();
      var node = sel.rangeCount ? sel.anchorNode : null;
      for (; node && node !== surface; node = node.parentNode) {
        if (node.nodeType === 1 && names.test(node.tagName)) return node;
      }
      return null;
    }
    function update() {
      if (!inSurface(window.getSelection().anchorNode)) return;
      rememberSelection();
      var state = {
        bold: document.queryCommandState("bold"),
        italic: document.queryCommandState("italic"),
        heading: !!ancestor(/^H[23]$/),
        ul: document.queryCommandState("insertUnorderedList"),
        ol: document.queryCommandState("insertOrderedList"),
        quote: !!ancestor(/^BLOCKQUOTE$/),
        link: !!ancestor(/^A$/)
      };
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", state[b.getAttribute("data-cmd")] ? "true" : "false"); });
    }
    // A list or quote made inside a paragraph (Chrome nests them: <p><ul>…) moves out of it;
    // the paragraph's text before and after stays, split around it.
    function lift(block) {
      var parent = block.parentNode;
      var after = parent.cloneNode(false);
      while (block.nextSibling) after.appendChild(block.nextSibling);
      parent.parentNode.insertBefore(block, parent.nextSibling);
      if (after.firstChild) block.parentNode.insertBefore(after, block.nextSibling);
      if (!parent.textContent.trim() && !parent.querySelector("img")) parent.remove();
    }
    // Browsers add <span style=…> when paragraphs merge or text is pasted: keep only our tags.
    // Text nodes are moved, never copied, so the caret can be put back where it was.
    function tidy() {
      var sel = window.getSelection();
      var a = sel.anchorNode, ao = sel.anchorOffset, f = sel.focusNode, fo = sel.focusOffset;
      var changed = false, nested;
      surface.querySelectorAll("[style],[class],span,font").forEach(function (el) {
        el.removeAttribute("style");
        el.removeAttribute("class");
        if (el.tagName === "SPAN" || el.tagName === "FONT") {
          while (el.firstChild) el.parentNode.insertBefore(el.firstChild, el);
          el.remove();
          changed = true;
        }
      });
      while ((nested = surface.querySelector(":is(p,h2,h3) > :is(p,ul,ol,blockquote,h2,h3,div)"))) {
        lift(nested);
        changed = true;
      }
      // Enter after bold or italic text leaves an empty <i><br></i>: a new paragraph starts plain.
      surface.querySelectorAll("b,i,strong,em").forEach(function (el) {
        if (el.textContent || el.querySelector("img")) return;
        var parent = el.parentNode, at = Array.prototype.indexOf.call(parent.childNodes, el);
        while (el.firstChild) parent.insertBefore(el.firstChild, el);
        el.remove();
        if (a === el) { a = parent; ao = at; }
        if (f === el) { f = parent; fo = at; }
        changed = true;
      });
      if (changed && a && f && surface.contains(a) && surface.contains(f)) sel.setBaseAndExtent(a, ao, f, fo);
    }
    function link() {
      var current = ancestor(/^A$/);
      var url = window.prompt(box.querySelector("[data-cmd=link]").getAttribute("data-prompt"),
        current ? current.getAttribute("href") : "https://");
      restoreSelection();
      if (url === null) return;
      url = url.trim();
      if (!url || url === "https://") { document.execCommand("unlink"); return; }
      if (!/^[a-z]+:/i.test(url)) url = "https://" + url;
      if (!safeHref(url)) return;
      if (window.getSelection().isCollapsed && !current) {
        document.execCommand("insertHTML", false, '<a href="' + esc(url) + '">' + esc(url) + "</a>");
      } else {
        document.execCommand("createLink", false, url);
      }
    }
    var COMMANDS = {
      bold: function () { document.execCommand("bold"); },
      italic: function () { document.execCommand("italic"); },
      heading: function () { document.execCommand("formatBlock", false, ancestor(/^H[23]$/) ? "p" : "h2"); },
      ul: function () { document.execCommand("insertUnorderedList"); },
      ol: function () { document.execCommand("insertOrderedList"); },
      quote: function () { document.execCommand("formatBlock", false, ancestor(/^BLOCKQUOTE$/) ? "p" : "blockquote"); },
      link: link
    };

    box.querySelector(".rt-toolbar").addEventListener("mousedown", function (ev) {
      if (ev.target.closest("button")) ev.preventDefault();  // keep the selection in the text
    });
    box.querySelector(".rt-toolbar").addEventListener("click", function (ev) {
      var btn = ev.target.closest("button");
      if (!btn) return;
      restoreSelection();
      COMMANDS[btn.getAttribute("data-cmd")]();
      tidy();
      update();
    });
    function insertClean(ev, data) {
      ev.preventDefault();
      var html = pastedHtml(data);
      if (html) document.execCommand("insertHTML", false, html);
      tidy();
    }
    surface.addEventListener("paste", function (ev) { insertClean(ev, ev.clipboardData); });
    surface.addEventListener("drop", function (ev) {
      if (!ev.dataTransfer) return;
      if (document.caretRangeFromPoint) {
        var range = document.caretRangeFromPoint(ev.clientX, ev.clientY);
        if (range) { var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range); }
      }
      insertClean(ev, ev.dataTransfer);
    });
    surface.addEventListener("input", tidy);
    surface.addEventListener("keyup", update);
    surface.addEventListener("mouseup", update);
    document.addEventListener("selectionchange", update);
    form.addEventListener("submit", function () { field.value = cleanHtml(surface, true); });
  }

  document.querySelectorAll(".rich-editor[data-editor-for]").forEach(setup);
})();
