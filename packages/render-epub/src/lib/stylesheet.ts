/**
 * The edition's stylesheet. EPUB reading systems apply the reader's own font, size, margins and colour theme,
 * so this sets structure and rhythm, not colours or fixed sizes, and uses only CSS that the older engines in
 * reading systems (and epubcheck 4.2's CSS parser) read: no custom properties, `:is()`, `clamp()` or `font`
 * shorthand with variables.
 */
export const epubStylesheet = `@charset "UTF-8";
body { margin: 0 5%; line-height: 1.5; hyphens: auto; -webkit-hyphens: auto; widows: 2; orphans: 2; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; hyphens: manual; -webkit-hyphens: manual; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; margin: 1.5em 0 0.75em; }
h2 { font-size: 1.3em; margin: 1.5em 0 0.5em; }
h3 { font-size: 1.15em; margin: 1.25em 0 0.5em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.4em; }
p { margin: 0 0 0.8em; }
a { color: inherit; text-decoration: underline; }
ul, ol { margin: 0 0 0.8em; padding-left: 1.5em; }
li > p { margin-bottom: 0.4em; }
blockquote { margin: 1em 1.5em; font-style: italic; }
blockquote em, blockquote i { font-style: normal; }
pre { white-space: pre-wrap; font-size: 0.9em; margin: 1em 0; }
code, pre { font-family: monospace; }
figure { margin: 1.5em 0; page-break-inside: avoid; break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; margin-top: 0.5em; }
figure > figcaption:first-child { margin: 0 0 0.5em; }
.table-scroll { overflow-x: auto; max-width: 100%; margin: 1em 0; }
figure > .table-scroll { margin: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid; padding: 0.25em 0.5em; text-align: left; vertical-align: top; hyphens: manual; -webkit-hyphens: manual; }
thead th { vertical-align: bottom; }
aside, .aside { margin: 1.5em 0; padding: 0.75em 1em; border: 1px solid; }
.aside > p:last-child { margin-bottom: 0; }
.aside-title { font-weight: bold; }
sup { line-height: 0; }
[role="doc-noteref"] { text-decoration: none; }
[role="doc-endnotes"] { margin-top: 2.5em; border-top: 1px solid; font-size: 0.9em; }
[role="doc-endnotes"] ol { padding-left: 0; list-style: none; }
[role="doc-endnotes"] li { margin: 0 0 0.6em; }
.note-label { float: left; min-width: 1.6em; font-weight: bold; }
.note-body { margin-left: 2em; }
[role="doc-backlink"] { text-decoration: none; }
[role="doc-pagebreak"]::after { content: attr(title); font-size: 0.7em; font-style: normal; font-weight: normal; border: 1px solid; border-radius: 3px; padding: 0 0.3em; margin: 0 0.3em; vertical-align: 0.15em; }
section > [role="doc-pagebreak"], body > [role="doc-pagebreak"], blockquote > [role="doc-pagebreak"] { display: block; text-align: right; margin: 1em 0; }
.titlepage { margin-top: 20%; text-align: center; }
.titlepage h1 { font-size: 2em; margin-bottom: 0.5em; }
.titlepage .subtitle { font-size: 1.25em; font-style: italic; }
.titlepage .authors, .titlepage .publisher, .titlepage .date { margin-top: 1.5em; }
nav ol { list-style: none; padding-left: 1.2em; }
nav > ol { padding-left: 0; }
nav li { margin: 0.3em 0; }
html[dir="rtl"] ul, html[dir="rtl"] ol { padding-left: 0; padding-right: 1.5em; }
html[dir="rtl"] th, html[dir="rtl"] td { text-align: right; }
html[dir="rtl"] .note-label { float: right; }
html[dir="rtl"] .note-body { margin-left: 0; margin-right: 2em; }
html[dir="rtl"] section > [role="doc-pagebreak"], html[dir="rtl"] body > [role="doc-pagebreak"] { text-align: left; }
html[dir="rtl"] nav ol { padding-left: 0; padding-right: 1.2em; }
html[dir="rtl"] nav > ol, html[dir="rtl"] [role="doc-endnotes"] ol { padding-right: 0; }
`
