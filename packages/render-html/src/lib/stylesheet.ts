/**
 * The stylesheet of Folio's HTML edition (also used by the EPUB edition).
 * Everything hangs off the `.folio` class, so the same rules serve a whole
 * document (`<body class="folio">`) and an embedded `<article class="folio">`.
 *
 * Colours meet WCAG AA (4.5:1 for text, 3:1 for the focus ring and rules that
 * carry meaning) in both schemes; the measure stays near 66 characters; the
 * layout holds from 320 CSS pixels up.
 */
export const stylesheet = `
.folio {
  --bg: #fffefb;
  --fg: #1c1b19;
  --muted: #57534e;
  --link: #1d4ed8;
  --visited: #6b21a8;
  --rule: #a8a29e;
  --tint: #f5f2ea;
  --accent: #8a6a1f;
  --focus: #b45309;
  --shade: rgb(0 0 0 / 0.22);
  --serif: "Iowan Old Style", "Charter", "Source Serif 4", "Noto Serif", "DejaVu Serif", Georgia, serif;
  --sans: "Inter", "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif;
  color-scheme: light dark;
  margin: 0;
  padding: 0 clamp(1rem, 5vw, 2.5rem) 4rem;
  background: var(--bg);
  color: var(--fg);
  font-family: var(--serif);
  font-size: clamp(1rem, 0.94rem + 0.3vw, 1.1875rem);
  line-height: 1.6;
  overflow-wrap: break-word;
  text-rendering: optimizeLegibility;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
@media (prefers-color-scheme: dark) {
  .folio {
    --bg: #16181d;
    --fg: #e7e5e4;
    --muted: #b4aea8;
    --link: #93c5fd;
    --visited: #d8b4fe;
    --rule: #6b6b73;
    --tint: #22252c;
    --accent: #d6b35c;
    --focus: #fbbf24;
    --shade: rgb(255 255 255 / 0.28);
  }
}
.folio > header, .folio > nav, .folio > main, .folio > .content, .folio > aside {
  max-width: 38rem;
  margin-inline: auto;
}
.folio p, .folio li, .folio dd, .folio figcaption {
  hyphens: auto;
  text-wrap: pretty;
}
.folio h1, .folio h2, .folio h3, .folio h4, .folio h5, .folio h6 {
  font-family: var(--sans);
  line-height: 1.25;
  text-wrap: balance;
  hyphens: manual;
  margin: 2em 0 0.6em;
}
.folio h1 { font-size: clamp(1.55rem, 1.05rem + 2.5vw, 2.6rem); font-weight: 700; margin-top: 0; }
.folio h2 { font-size: 1.5em; font-weight: 700; }
.folio h3 { font-size: 1.25em; font-weight: 700; }
.folio h4 { font-size: 1.1em; font-weight: 700; }
.folio h5, .folio h6 { font-size: 1em; font-weight: 700; }
.folio .numbering { color: var(--muted); font-variant-numeric: tabular-nums; }
.folio p { margin: 0 0 1em; }
.folio a { color: var(--link); text-decoration-thickness: 0.08em; text-underline-offset: 0.16em; }
.folio a:visited { color: var(--visited); }
.folio a:hover { text-decoration-thickness: 0.14em; }
.folio :focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
  border-radius: 2px;
}
.folio .skip-link {
  position: absolute;
  inset-inline-start: 0.75rem;
  top: 0.75rem;
  z-index: 10;
  padding: 0.5em 0.9em;
  background: var(--bg);
  color: var(--link);
  font-family: var(--sans);
  border: 2px solid var(--focus);
  border-radius: 4px;
  transform: translateY(-300%);
}
.folio .skip-link:focus, .folio .skip-link:focus-visible { transform: none; }
.folio > header {
  padding: clamp(2rem, 8vw, 4.5rem) 0 1.5rem;
  border-bottom: 1px solid var(--rule);
  font-family: var(--sans);
}
.folio > header p { margin: 0.35em 0; }
.folio > header .subtitle { font-size: 1.2em; color: var(--fg); }
.folio > header .authors, .folio > header .publisher, .folio > header [class$="-translation"], .folio > header .date { color: var(--muted); }
/* A name in another script lines up with the rest of the header, whatever its direction. */
.folio > header [class$="-translation"] { text-align: left; }
[dir="rtl"] .folio > header [class$="-translation"], .folio[dir="rtl"] > header [class$="-translation"] { text-align: right; }
.folio > header .date { margin-top: 0.8em; }
.folio > header h1.title-long { font-size: clamp(1.45rem, 1.05rem + 1.8vw, 2.1rem); }
.folio > nav {
  margin-block: 1.5rem 2.5rem;
  font-family: var(--sans);
  font-size: 0.95em;
}
.folio > nav h2 { font-size: 1em; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.5em; }
.folio > nav h2:is(:lang(ar), :lang(fa), :lang(ur), :lang(ps)) { letter-spacing: 0; }
.folio > nav ol { list-style: none; margin: 0; padding: 0; }
.folio > nav ol ol { padding-inline-start: 1.25em; }
.folio > nav li { margin: 0.3em 0; }
.folio ul, .folio ol { padding-inline-start: 1.6em; margin: 0 0 1em; }
.folio li { margin: 0.35em 0; }
.folio li > p:last-child { margin-bottom: 0; }
.folio ul > li::marker { color: var(--accent); }
.folio blockquote {
  margin: 1.5em 0;
  padding-inline-start: 1.2em;
  border-inline-start: 3px solid var(--rule);
  color: var(--fg);
  font-style: italic;
}
.folio blockquote :is(:lang(ar), :lang(fa), :lang(he), :lang(ur), :lang(ja), :lang(zh), :lang(ko)) { font-style: normal; }
/* A box set apart: tinted, and framed too, so that it stays a box where
   colours are forced (Windows contrast themes drop backgrounds). */
.folio .aside {
  margin: 1.5em 0;
  padding: 1em 1.2em;
  background: var(--tint);
  border: 1px solid var(--rule);
  border-inline-start: 4px solid var(--accent);
  border-radius: 0 4px 4px 0;
  font-family: var(--sans);
  font-size: 0.92em;
}
.folio .aside > :last-child { margin-bottom: 0; }
.folio .aside-title { font-weight: 700; font-size: 1.05em; margin-bottom: 0.5em; }
.folio .aside-callout { font-size: 1em; }
.folio > aside.colophon {
  margin-top: 3rem;
  padding-top: 1.5rem;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-family: var(--sans);
  font-size: 0.9em;
}
.folio pre {
  margin: 1.5em 0;
  padding: 1em;
  background: var(--tint);
  border-radius: 4px;
  white-space: pre-wrap;
  font-size: 0.85em;
}
.folio figure { margin: 2em 0; }
.folio img { max-width: 100%; height: auto; }
.folio figcaption { color: var(--muted); font-family: var(--sans); font-size: 0.88em; margin-top: 0.5em; }
.folio figure > figcaption:first-child { margin: 0 0 0.6em; }
/* A table wider than the screen scrolls in its own box (the page never does);
   shadows at the cut edges show there is more, and scroll away at the ends. */
.folio .table-scroll {
  overflow-x: auto;
  /* As wide as its table, so the shadows sit at the table's edges. */
  width: fit-content;
  max-width: 100%;
  margin: 1.5em 0;
  background:
    linear-gradient(to right, var(--bg) 40%, transparent) left / 2em 100% no-repeat local,
    linear-gradient(to left, var(--bg) 40%, transparent) right / 2em 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, var(--shade), transparent) left / 0.75em 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, var(--shade), transparent) right / 0.75em 100% no-repeat scroll;
  background-color: var(--bg);
}
.folio figure > .table-scroll { margin: 0; }
/* On a wide screen a wide table may run on past the text's measure, to a
   margin off the screen's edge, so its cells need not wrap word by word. */
@media (min-width: 48em) {
  .folio .table-scroll { width: max-content; max-width: min(60rem, calc(50vw + 17rem)); }
}
.folio table { border-collapse: collapse; font-family: var(--sans); font-size: 0.9em; min-width: 50%; }
.folio th, .folio td {
  padding: 0.4em 0.7em;
  border-bottom: 1px solid var(--rule);
  text-align: start;
  vertical-align: top;
  overflow-wrap: normal;
  hyphens: manual;
}
/* Long cell text wraps at a readable measure instead of stretching the table. */
.folio td { min-width: 4em; max-width: 20em; }
.folio thead th { border-bottom-width: 2px; vertical-align: bottom; }
.folio sup.noteref { line-height: 0; font-size: 0.75em; }
.folio sup.noteref a { padding: 0 0.15em; text-decoration: none; font-family: var(--sans); font-weight: 600; }
.folio .endnotes {
  margin-top: 3rem;
  padding-top: 1rem;
  border-top: 1px solid var(--rule);
  font-size: 0.92em;
}
.folio .endnotes ol { list-style: none; padding: 0; }
.folio .endnotes li { display: grid; grid-template-columns: 2.2em 1fr; gap: 0 0.4em; }
.folio .endnotes li:target { background: var(--tint); }
.folio .note-label { font-family: var(--sans); font-weight: 600; color: var(--muted); text-align: end; }
.folio .note-body > :last-child { margin-bottom: 0; }
.folio a[role="doc-backlink"] { padding: 0 0.2em; }
.folio .pagebreak::after {
  content: attr(title);
  display: inline-block;
  margin-inline: 0.3em;
  padding: 0 0.35em;
  border: 1px solid var(--rule);
  border-radius: 3px;
  color: var(--muted);
  font: 600 0.68rem/1.5 var(--sans);
  font-style: normal;
  vertical-align: 0.15em;
}
.folio .pagebreaks {
  display: flex;
  flex-wrap: wrap;
  justify-content: flex-end;
  gap: 0.3em;
  margin: 1.5em 0;
  border-top: 1px dashed var(--rule);
  line-height: 0;
}
.folio .pagebreaks .pagebreak::after {
  background: var(--bg);
  margin: 0;
  vertical-align: 0;
  transform: translateY(-50%);
}
@media (max-width: 30em) {
  .folio { line-height: 1.55; }
  .folio ul, .folio ol { padding-inline-start: 1.25em; }
  .folio .endnotes li { grid-template-columns: 1.8em 1fr; }
}
@media print {
  .folio {
    --bg: #fff;
    --fg: #000;
    --muted: #333;
    --link: #000;
    --visited: #000;
    --rule: #777;
    --tint: #f2f2f2;
    font-size: 11pt;
    padding: 0;
  }
  @page { margin: 2cm 2.2cm; }
  .folio .skip-link { display: none; }
  .folio > header, .folio > nav, .folio > main, .folio > .content, .folio > aside { max-width: none; }
  .folio h1, .folio h2, .folio h3, .folio h4, .folio h5, .folio h6 { break-after: avoid; }
  .folio p, .folio li { orphans: 3; widows: 3; }
  .folio figure, .folio table, .folio pre, .folio blockquote { break-inside: avoid; }
  .folio main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; word-break: break-all; }
  .folio > nav { break-after: page; }
}
`
