// A small rich-text editor for textareas marked data-richtext (bimtek minutes): bold, italic, headings, lists,
// without typing HTML. Without this file the textarea stays: the server makes paragraphs of blank lines and
// sanitises whatever is sent (core.sanitize.clean_rich_text), so nothing here is a security boundary.
(function () {
  "use strict";

  var ALLOWED = {
    P: 1, BR: 1, STRONG: 1, B: 1, EM: 1, I: 1, U: 1, H3: 1, H4: 1, UL: 1, OL: 1, LI: 1, BLOCKQUOTE: 1,
    TABLE: 1, THEAD: 1, TBODY: 1, TR: 1, TH: 1, TD: 1, A: 1, HR: 1
  };
  var RENAMED = { B: "STRONG", I: "EM", H2: "H3" }; // what the browser's commands write -> what we store
  var DROPPED = { SCRIPT: 1, STYLE: 1, IFRAME: 1, OBJECT: 1, EMBED: 1, TEMPLATE: 1, NOSCRIPT: 1, SVG: 1, MATH: 1 };

  function escapeText(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  // Plain text (no tags) as paragraphs, as the server does.
  function textToHtml(text) {
    return text.replace(/\r\n?/g, "\n").trim().split(/\n[ \t]*\n+/).filter(function (p) {
      return p.trim();
    }).map(function (p) {
      return "<p>" + p.trim().split("\n").map(function (line) { return escapeText(line.trim()); }).join("<br>") + "</p>";
    }).join("");
  }

  // Copy only allowed elements (no attributes but a link's href) from parsed, inert HTML into `target`.
  function copyClean(source, target) {
    Array.prototype.forEach.call(source.childNodes, function (node) {
      if (node.nodeType === 3) {
        target.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === 1 && !DROPPED[node.tagName]) {
        if (ALLOWED[node.tagName]) {
          var copy = document.createElement(RENAMED[node.tagName] || node.tagName);
          var href = node.tagName === "A" ? node.getAttribute("href") || "" : "";
          if (/^(https?:|mailto:)/i.test(href)) {
            copy.setAttribute("href", href);
          }
          copyClean(node, copy);
          target.appendChild(copy);
        } else {
          copyClean(node, target); // keep the text of unknown wrappers (span, div, font)
        }
      }
    });
  }

  function load(editor, value) {
    var html = /<\s*\/?\s*[a-zA-Z!][^>]*>/.test(value) ? value : textToHtml(value);
    var parsed = new DOMParser().parseFromString(html, "text/html"); // inert: nothing runs, nothing loads
    editor.textContent = "";
    copyClean(parsed.body, editor);
  }

  // Labels come from the page (data-richtext-labels, translated by the server); these are the fallbacks.
  var DEFAULT_LABELS = {
    toolbar: "Format notulen", bold: "Tebal", italic: "Miring", heading: "Judul bagian", heading_short: "Judul",
    paragraph: "Paragraf biasa", bullets: "• Daftar berbutir", bullets_short: "• Daftar",
    numbers: "1. Daftar bernomor", numbers_short: "1. Daftar"
  };

  function labelsOf(textarea) {
    var labels = {};
    var given = {};
    try {
      given = JSON.parse(textarea.getAttribute("data-richtext-labels") || "{}");
    } catch (error) {
      given = {};
    }
    Object.keys(DEFAULT_LABELS).forEach(function (key) {
      labels[key] = typeof given[key] === "string" ? given[key] : DEFAULT_LABELS[key];
    });
    return labels;
  }

  function buttons(t) {
    return [
      { label: "B", title: t.bold, cls: "fw-bold", run: function () { document.execCommand("bold"); } },
      { label: "I", title: t.italic, cls: "fst-italic", run: function () { document.execCommand("italic"); } },
      { label: t.heading_short, title: t.heading, run: function () { document.execCommand("formatBlock", false, "h3"); } },
      { label: "¶", title: t.paragraph, run: function () { document.execCommand("formatBlock", false, "p"); } },
      { label: t.bullets_short, title: t.bullets, run: function () { document.execCommand("insertUnorderedList"); } },
      { label: t.numbers_short, title: t.numbers, run: function () { document.execCommand("insertOrderedList"); } }
    ];
  }

  function enhance(textarea) {
    var labels = labelsOf(textarea);
    var wrapper = document.createElement("div");
    wrapper.className = "richtext border rounded";
    var toolbar = document.createElement("div");
    toolbar.className = "richtext-toolbar btn-toolbar gap-1 p-1 border-bottom bg-light";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", labels.toolbar);
    var editor = document.createElement("div");
    editor.className = "richtext-editor minutes p-2";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    var label = textarea.id && document.querySelector("label[for='" + textarea.id + "']");
    if (label) {
      // The label names the editor now; the hidden textarea only carries the value.
      editor.id = textarea.id + "-editor";
      label.id = label.id || textarea.id + "-label";
      label.htmlFor = editor.id;
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () { editor.focus(); });
    }
    if (textarea.getAttribute("aria-describedby")) {
      editor.setAttribute("aria-describedby", textarea.getAttribute("aria-describedby"));
    }
    buttons(labels).forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-outline-dark " + (spec.cls || "");
      button.textContent = spec.label;
      button.title = spec.title;
      button.setAttribute("aria-label", spec.title);
      button.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the selection
      button.addEventListener("click", function () {
        editor.focus();
        spec.run();
        sync();
      });
      toolbar.appendChild(button);
    });
    load(editor, textarea.value);
    if (!editor.innerHTML) {
      editor.innerHTML = "<p><br></p>";
    }
    function sync() {
      var clean = document.createElement("div");
      copyClean(editor, clean);
      Array.prototype.forEach.call(clean.querySelectorAll("p, h3, h4, li"), function (block) {
        if (!block.textContent.trim() && !block.querySelector("hr, table")) {
          block.parentNode.removeChild(block); // the empty lines Enter leaves behind
        }
      });
      Array.prototype.forEach.call(clean.querySelectorAll("ul, ol"), function (list) {
        if (!list.children.length) {
          list.parentNode.removeChild(list);
        }
      });
      textarea.value = clean.textContent.trim() || clean.querySelector("hr, table") ? clean.innerHTML : "";
    }
    editor.addEventListener("input", sync);
    editor.addEventListener("blur", sync);
    editor.addEventListener("focus", function () {
      document.execCommand("defaultParagraphSeparator", false, "p");
    });
    editor.addEventListener("paste", function (event) {
      // Pasted HTML (Word, a web page) is reduced to the allowed elements; plain text becomes paragraphs.
      var data = event.clipboardData;
      if (!data) {
        return;
      }
      event.preventDefault();
      var html = data.getData("text/html");
      var holder = document.createElement("div");
      load(holder, html || data.getData("text/plain"));
      document.execCommand("insertHTML", false, holder.innerHTML);
      sync();
    });
    if (textarea.form) {
      textarea.form.addEventListener("submit", sync, true);
    }
    wrapper.appendChild(toolbar);
    wrapper.appendChild(editor);
    textarea.hidden = true;
    textarea.parentNode.insertBefore(wrapper, textarea);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.execCommand) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-richtext]"), enhance);
  });
})();
