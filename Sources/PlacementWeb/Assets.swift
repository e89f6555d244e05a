import PlacementReports

/// The app's one stylesheet and one script, served from /static/. No fonts or files from
/// elsewhere: the system's sans-serif, colours that meet WCAG 2.1 AA on white. The typeface
/// and the charts' rules are the documents' (`HTMLPage`); the rest is the app's own layout.
enum Assets {
    static let css = """
        :root { --ink: #1b1f24; --muted: #4f5a66; --line: #cfd6dd; --head: #eef2f6; --accent: #1f5fa6; --accent-dark: #174a82;
                --ok: #1d6b3a; --warn: #8a5a00; --err: #a1261a; --bg: #f7f9fb; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--bg);
               font: 15px/1.5 \(HTMLPage.fontFamily); }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2b300; outline-offset: 1px; }
        .skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px; z-index: 2; }
        header.top { display: flex; justify-content: space-between; align-items: center; gap: 16px; flex-wrap: wrap;
                     background: #fff; border-bottom: 3px solid var(--accent); padding: 10px 24px; }
        .brand { font-weight: 700; font-size: 17px; color: var(--ink); text-decoration: none; }
        .tools { display: flex; gap: 14px; align-items: center; }
        .who { color: var(--muted); }
        nav { background: #fff; border-bottom: 1px solid var(--line); padding: 0 16px; }
        nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; }
        nav a { display: block; padding: 9px 10px; text-decoration: none; color: var(--ink); border-bottom: 3px solid transparent; }
        nav a[aria-current="page"] { border-bottom-color: var(--accent); font-weight: 600; color: var(--accent-dark); }
        main { max-width: 1320px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 26px; margin: 6px 0 12px; }
        h2 { font-size: 19px; margin: 24px 0 8px; padding-bottom: 3px; border-bottom: 1px solid var(--line); }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 10px; margin: 8px 0 16px; }
        .card { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: 10px 12px; }
        .card .label { color: var(--muted); font-size: 13px; }
        .card .value { font-size: 22px; font-weight: 700; white-space: nowrap; }
        ul.plain { margin: 0; padding-left: 16px; }
        .card .change { font-size: 13px; color: var(--muted); }
        .table-wrap { overflow-x: auto; background: #fff; border: 1px solid var(--line); margin: 6px 0 14px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        caption { text-align: left; font-weight: 600; padding: 8px 10px; }
        th, td { padding: 6px 10px; border-top: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: var(--head); border-top: 0; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        button.sort { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: var(--ink); }
        button.sort::after { content: " ⇅"; color: var(--muted); }
        form.filters, form.stack { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: flex-end; background: #fff;
                                   border: 1px solid var(--line); padding: 10px 12px; margin: 8px 0 14px; }
        form.inline { display: inline; margin: 0; }
        form.row-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-end; margin: 0; }
        .field { display: flex; flex-direction: column; gap: 2px; }
        .field label { font-size: 13px; color: var(--muted); font-weight: 600; }
        input, select, textarea { font: inherit; padding: 5px 7px; border: 1px solid #7a8794; border-radius: 3px; background: #fff; color: var(--ink); }
        button { font: inherit; padding: 6px 14px; border-radius: 3px; border: 1px solid var(--accent-dark); background: var(--accent); color: #fff; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent-dark); }
        button:disabled { opacity: .6; cursor: progress; }
        .notice { padding: 8px 12px; border-left: 4px solid var(--accent); background: #fff; margin: 8px 0; }
        .notice.error { border-left-color: var(--err); color: var(--err); }
        .notice.ok { border-left-color: var(--ok); color: var(--ok); }
        .notice.warn { border-left-color: var(--warn); color: var(--warn); }
        .muted { color: var(--muted); }
        .badge { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 3px; font-size: 12px; border: 1px solid currentColor; }
        .badge.accepted { color: var(--ok); } .badge.declined { color: var(--err); } .badge.proposed { color: var(--accent-dark); }
        ul.attention { background: #fff; border: 1px solid var(--line); padding: 10px 10px 10px 30px; margin: 6px 0 14px; }
        iframe.document { width: 100%; height: 78vh; border: 1px solid var(--line); background: #fff; }
        .downloads { display: flex; flex-wrap: wrap; gap: 10px; margin: 6px 0 10px; }
        .login-main h1 { max-width: 380px; margin: 40px auto 0; }
        .login { max-width: 380px; margin: 12px auto 40px; background: #fff; border: 1px solid var(--line); padding: 18px 22px; }
        .login form { display: flex; flex-direction: column; gap: 10px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; border: 1px solid var(--line); padding: 10px 14px; }
        dl.facts dt { color: var(--muted); font-weight: 600; } dl.facts dd { margin: 0; }
        ol.reasons { background: #fff; border: 1px solid var(--line); padding: 10px 10px 10px 34px; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .nowrap { white-space: nowrap; }
        span.long { cursor: help; border-bottom: 1px dotted var(--muted); }
        #audit td { overflow-wrap: anywhere; }
        details.reasons summary { cursor: pointer; }
        details.reasons ul { margin-top: 4px; }
        .badge.withdrawn { color: var(--warn); } .badge.stale { color: var(--warn); } .badge.bridging { color: var(--accent-dark); }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 10px 16px; margin: 8px 0 10px; }
        .charts figure { margin: 0; background: #fff; border: 1px solid var(--line); padding: 8px 10px; }
        \(HTMLPage.chartStyle)
        .plan-progress { display: flex; gap: 12px; align-items: center; background: #fff; border: 1px solid var(--line); padding: 12px; margin: 8px 0 14px; }
        .plan-progress progress { width: 420px; height: 18px; }
        .check { display: flex; gap: 6px; align-items: center; }
        .field.check { flex-direction: row; align-self: center; }
        .field.check label { font-size: 15px; color: var(--ink); font-weight: normal; }
        td .decide { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-start; }
        details.decision > summary { list-style: none; cursor: pointer; display: inline-block; padding: 5px 12px; border: 1px solid var(--accent-dark);
                                     border-radius: 3px; color: var(--accent-dark); background: #fff; }
        details.decision > summary::-webkit-details-marker { display: none; }
        details.decision > summary::after { content: " ▾"; }
        details.decision[open] > summary { background: var(--head); }
        details.decision form { margin-top: 6px; }
        .toc { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 0 0 8px; padding: 0; list-style: none; }
        details.csv-list { flex-basis: 100%; } details.csv-list > summary { cursor: pointer; color: var(--accent-dark); }
        details.csv-list ul { margin: 6px 0 0; }
        details.long-table > summary { cursor: pointer; color: var(--accent-dark); margin: 6px 0; }
        fieldset { border: 1px solid var(--line); background: #fff; margin: 8px 0; padding: 8px 12px 12px; }
        legend { font-weight: 600; padding: 0 4px; }
        fieldset .fields, form.scenario > .fields { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: flex-end; }
        fieldset.groups { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0; }
        fieldset.written { display: flex; flex-direction: column; gap: 2px; margin: 0; }
        form.scenario { margin: 8px 0 14px; }
        form.scenario > button { margin-top: 6px; }
        @media print {
          header.top .tools, nav, form, .skip, .downloads { display: none !important; }
          body { background: #fff; } main { max-width: none; padding: 0; }
          .table-wrap { overflow: visible; border: 0; } thead { display: table-header-group; } tr { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        .field span.label { font-size: 13px; color: var(--muted); font-weight: 600; }
        .field label.file-button { display: inline-block; align-self: flex-start; padding: 5px 12px; border: 1px solid var(--accent-dark);
                                   border-radius: 3px; background: #fff; color: var(--accent-dark); font-size: 15px; cursor: pointer; }
        .field input.sr-only:focus + label.file-button { outline: 3px solid #f2b300; outline-offset: 1px; }
        .file-chosen { font-size: 14px; color: var(--muted); max-width: 36em; overflow-wrap: anywhere; }
        """

    /// Sorting of tables by a column header, and a busy state on long forms; the pages work
    /// without it.
    static let js = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("table.sortable").forEach(function (table) {
            table.querySelectorAll("button.sort").forEach(function (button) {
              button.addEventListener("click", function () {
                var col = Number(button.dataset.col);
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                var asc = button.dataset.dir !== "asc";
                table.querySelectorAll("button.sort").forEach(function (b) { delete b.dataset.dir; b.parentElement.removeAttribute("aria-sort"); });
                button.dataset.dir = asc ? "asc" : "desc";
                button.parentElement.setAttribute("aria-sort", asc ? "ascending" : "descending");
                function key(row) {
                  var cell = row.cells[col]; var marked = cell && cell.querySelector("[data-sort]");
                  var text = cell ? (cell.dataset.sort || (marked && marked.dataset.sort) || cell.textContent.trim()) : "";
                  var d = /^(\\d{2})-(\\d{2})-(\\d{4})$/.exec(text);
                  if (d) { return Number(d[3] + d[2] + d[1]); }
                  var n = text.replace(/\\./g, "").replace(",", ".").replace(/[^0-9.\\-]/g, "");
                  return (n !== "" && /^[\\d.\\s,\\-]+/.test(text)) ? Number(n) : text.toLowerCase();
                }
                rows.sort(function (a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1); });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
          });
          // A running plan: ask for its progress until it is done, then show it.
          document.querySelectorAll("[data-progress]").forEach(function (box) {
            var bar = box.querySelector("progress"), text = box.querySelector("[data-progress-text]");
            function poll() {
              fetch(box.dataset.progress, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (p) {
                if (p.total > 0) { bar.max = p.total; bar.value = p.done; text.textContent = p.text; }
                if (p.finished) { window.location.reload(); } else { window.setTimeout(poll, 400); }
              }).catch(function () { window.setTimeout(poll, 2000); });
            }
            window.setTimeout(poll, 200);
          });
          // A file input drawn by its own label: the chosen files' names, in the page's words.
          document.querySelectorAll("input[type=file][data-chosen]").forEach(function (input) {
            var shown = document.getElementById(input.dataset.chosen);
            input.addEventListener("change", function () {
              var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
              shown.textContent = names.length ? names.join(", ") : shown.dataset.none;
            });
          });
          document.querySelectorAll("form[data-busy]").forEach(function (form) {
            form.addEventListener("submit", function () {
              var b = form.querySelector("button[type=submit]");
              if (b) { b.disabled = true; b.textContent = form.dataset.busy; }
              var p = form.querySelector("progress"); if (p) { p.hidden = false; }
            });
          });
        });
        """
}
