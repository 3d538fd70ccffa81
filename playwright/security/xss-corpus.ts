/**
 * XSS payloads for `<Markdown>`, rendered in real Chromium by `xss.spec.ts`.
 *
 * In each payload `$X` stands for script that records a hit: `top.__xss=<n>`, where `n` is the
 * payload's number (from 1). The test page turns any write to `top.__xss` into a recorded hit, so
 * a payload that executes names itself. Payloads that cannot reach the page's global (a
 * `data:` document has an opaque origin, `vbscript:` never runs in Chromium) are caught by the
 * DOM checks instead: their dangerous URL must not be in the rendered DOM at all.
 */

export type XssCategory =
  | 'raw-html'
  | 'mutation'
  | 'link'
  | 'entity'
  | 'whitespace'
  | 'reference'
  | 'autolink'
  | 'image'
  | 'title'
  | 'code'
  | 'nested';

export interface XssPayload {
  /** Number (from 1): the value the payload writes to `top.__xss` if it runs. */
  id: number;
  category: XssCategory;
  /** What it tries. */
  name: string;
  markdown: string;
}

/** `data:text/html` payload bodies are base64 so that the Markdown link syntax stays valid. */
const base64 = (html: string) => btoa(html);

const raw: ReadonlyArray<readonly [XssCategory, string, string]> = [
  // Raw HTML: never rendered as elements.
  ['raw-html', 'script element', '<script>$X</script>'],
  ['raw-html', 'script inline in a paragraph', 'Hello <script>$X</script> world'],
  ['raw-html', 'script with data: src', '<SCRIPT SRC=data:text/javascript,$X></SCRIPT>'],
  ['raw-html', 'img onerror, unquoted', '<img src=x onerror=$X>'],
  ['raw-html', 'img onerror inside text', 'Look: <img src="x" onerror="$X"> here'],
  ['raw-html', 'svg onload', '<svg onload=$X>'],
  ['raw-html', 'script inside svg', '<svg><script>$X</script></svg>'],
  ['raw-html', 'svg animate onbegin', '<svg><animate onbegin=$X attributeName=x dur=1s></svg>'],
  ['raw-html', 'iframe srcdoc', '<iframe srcdoc="<script>$X</script>"></iframe>'],
  ['raw-html', 'iframe javascript: src', '<iframe src="javascript:$X"></iframe>'],
  ['raw-html', 'details ontoggle', '<details open ontoggle=$X><summary>more</summary>text</details>'],
  ['raw-html', 'math href', '<math href="javascript:$X"><mtext>click</mtext></math>'],
  ['raw-html', 'button formaction', '<form><button formaction="javascript:$X">go</button></form>'],
  ['raw-html', 'form action', '<form action="javascript:$X"><input type=submit value=go></form>'],
  ['raw-html', 'svg xlink:href', '<svg><a xlink:href="javascript:$X"><text x="20" y="20">click</text></a></svg>'],
  ['raw-html', 'object data', '<object data="javascript:$X"></object>'],
  ['raw-html', 'object data:text/html', `<object data="data:text/html;base64,${base64('<script>alert(1)</script>')}">`],
  ['raw-html', 'embed src', '<embed src="javascript:$X">'],
  ['raw-html', 'style with url(javascript:)', '<style>body{background:url("javascript:$X")}</style>'],
  ['raw-html', 'style attribute expression()', '<div style="width:expression($X)">x</div>'],
  ['raw-html', 'meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:$X">'],
  ['raw-html', 'base href hijacking relative links', '<base href="javascript:$X//">\n\n[relative](page)'],
  ['raw-html', 'raw anchor', '<a href="javascript:$X">raw link</a>'],
  ['raw-html', 'raw anchor onclick', '<a href="#" onclick="$X">click</a>'],
  ['raw-html', 'autofocus onfocus', '<input autofocus onfocus=$X>'],
  ['raw-html', 'video source onerror', '<video><source onerror=$X></video>'],
  ['raw-html', 'body onload', '<body onload=$X>'],
  ['raw-html', 'link stylesheet', '<link rel=stylesheet href="javascript:$X">'],
  ['raw-html', 'handler on a multi-line HTML block', '<div\nonmouseover="$X">hover me</div>'],
  ['raw-html', 'raw anchor with entity-split scheme', '<a href="jav&#x09;ascript:$X">tab</a>'],
  // Mutation XSS: markup that re-parses into something else.
  ['mutation', 'nested script tags', '<scr<script>ipt>$X</scr</script>ipt>'],
  [
    'mutation',
    'math/style namespace confusion',
    '<math><mtext><table><mglyph><style><img src=x onerror=$X></style></mglyph></table></mtext></math>',
  ],
  ['mutation', 'noscript title', '<noscript><p title="</noscript><img src=x onerror=$X>">'],
  ['mutation', 'comment break-out', '<!--><img src=x onerror=$X>-->'],
  ['mutation', 'template content', '<template><img src=x onerror=$X></template>'],
  // Markdown links with dangerous schemes.
  ['link', 'javascript: link', '[click](javascript:$X)'],
  ['link', 'mixed-case scheme', '[click](JaVaScRiPt:$X)'],
  ['link', 'javascript:// with an encoded newline', '[click](javascript://%0A$X)'],
  ['link', 'vbscript: link', '[click](vbscript:msgbox(1))'],
  ['link', 'mixed-case vbscript', '[click](VbScRiPt:msgbox(1))'],
  ['link', 'data:text/html base64', `[click](data:text/html;base64,${base64('<script>alert(1)</script>')})`],
  ['link', 'data:text/html inline', '[click](data:text/html,<script>$X</script>)'],
  ['link', 'mixed-case data:', `[click](DATA:Text/HTML;base64,${base64('<script>alert(1)</script>')})`],
  ['link', 'angle-bracket destination', '[click](<javascript:$X>)'],
  ['link', 'escaped colon', '[click](javascript\\:$X)'],
  ['link', 'unknown scheme', '[click](file:///etc/passwd)'],
  ['link', 'in a list item', '- first\n- second [click](javascript:$X)'],
  ['link', 'in a table cell', '| a | b |\n| - | - |\n| [click](javascript:$X) | x |'],
  ['link', 'in a footnote', 'See the note[^1].\n\n[^1]: [click](javascript:$X)'],
  ['link', 'in a blockquote with emphasis', '> **[click](javascript:$X)**'],
  ['link', 'bare javascript: text (GFM autolink literal)', 'Visit javascript:$X now or www.example.com'],
  // Entity-obfuscated schemes: the parser decodes entities before the URL policy sees them.
  ['entity', 'decimal entity', '[click](&#106;avascript:$X)'],
  [
    'entity',
    'every letter a hex entity',
    '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;$X)',
  ],
  ['entity', 'zero-padded entity', '[click](&#0000106;avascript:$X)'],
  ['entity', 'named colon entity', '[click](javascript&colon;$X)'],
  ['entity', 'numeric colon entity', '[click](javascript&#58;$X)'],
  ['entity', 'tab entity inside the scheme', '[click](jav&#x09;ascript:$X)'],
  ['entity', 'newline entity inside the scheme', '[click](jav&#x0A;ascript:$X)'],
  ['entity', 'carriage-return entity inside the scheme', '[click](java&#13;script:$X)'],
  ['entity', 'leading control-character entity', '[click](&#x01;javascript:$X)'],
  ['entity', 'leading space entity', '[click](&#32;javascript:$X)'],
  // Whitespace and control characters that browsers strip from URLs.
  ['whitespace', 'literal tab in an angle-bracket destination', '[click](<jav\tascript:$X>)'],
  ['whitespace', 'literal newline in the destination', '[click](java\nscript:$X)'],
  ['whitespace', 'literal newline in an angle-bracket destination', '[click](<java\nscript:$X>)'],
  ['whitespace', 'leading control character', '[click](<\u0001javascript:$X>)'],
  ['whitespace', 'leading escape character', '[click](<\u001bjavascript:$X>)'],
  ['whitespace', 'trailing spaces inside the scheme', '[click](<javascript :$X>)'],
  ['whitespace', 'leading space in the destination', '[click]( javascript:$X)'],
  ['whitespace', 'zero-width space before the scheme', '[click](\u200bjavascript:$X)'],
  // Reference definitions.
  ['reference', 'full reference', '[click][evil]\n\n[evil]: javascript:$X'],
  ['reference', 'shortcut reference with a title', '[evil]\n\n[evil]: <javascript:$X> "title"'],
  ['reference', 'entity-obfuscated definition', '[click][r]\n\n[r]: &#106;avascript:$X'],
  ['reference', 'definition over several lines', '[click][r]\n\n[r]:\n  JAVASCRIPT:$X\n  "title"'],
  ['reference', 'definition before its use', '[r]: vbscript:msgbox(1)\n\nText with [a link][r].'],
  ['reference', 'image reference', '![alt][img]\n\n[img]: javascript:$X'],
  // Autolinks.
  ['autolink', 'javascript: autolink', '<javascript:$X>'],
  ['autolink', 'upper-case autolink', '<JAVASCRIPT:$X>'],
  ['autolink', 'vbscript: autolink', '<vbscript:msgbox(1)>'],
  ['autolink', 'data: autolink', `<data:text/html;base64,${base64('<script>alert(1)</script>')}>`],
  // Images.
  ['image', 'javascript: image', '![alt](javascript:$X)'],
  [
    'image',
    'svg data: image with a script',
    `![alt](data:image/svg+xml;base64,${base64('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')})`,
  ],
  ['image', 'handler in the image title', '![alt](x "onerror=$X")'],
  ['image', 'attribute break-out in the alt text', '![alt" onerror="$X](x)'],
  ['image', 'linked image, both javascript:', '[![img](javascript:$X)](javascript:$X)'],
  // Payloads in link titles.
  ['title', 'markup in a link title', '[click](https://example.com "\\"><img src=x onerror=$X>")'],
  ['title', 'attribute break-out in a single-quoted title', '[click](https://example.com \'x" onmouseover="$X\')'],
  ['title', 'javascript: link with a title', '[click](javascript:$X "title")'],
  ['title', 'handler after the title', '[click](https://example.com "t" onclick="$X")'],
  // HTML inside code: must show as text.
  ['code', 'script in a code span', '`<script>$X</script>`'],
  ['code', 'img onerror in a code span', 'Use `<img src=x onerror=$X>` carefully'],
  ['code', 'html in a fenced block', '```html\n<script>$X</script>\n<img src=x onerror=$X>\n```'],
  ['code', 'html in an indented block', 'Example:\n\n    <script>$X</script>\n    <svg onload=$X>'],
  // Combinations.
  ['nested', 'raw img as link text', '[<img src=x onerror=$X>](https://example.com)'],
  ['nested', 'raw script in a heading', '# Title <script>$X</script>'],
  ['nested', 'raw img in a blockquote', '> quote <img src=x onerror=$X>'],
  [
    'nested',
    'polyglot',
    "[click](javascript:/*--></title></style></textarea></script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+$X//'>)",
  ],
  ['nested', 'unclosed emphasis around a javascript: link', '**[click](javascript:$X'],
];

/** The corpus: each payload with its marker filled in. */
export const xssCorpus: readonly XssPayload[] = raw.map(([category, name, markdown], index) => ({
  id: index + 1,
  category,
  name,
  markdown: markdown.replaceAll('$X', `top.__xss=${index + 1}`),
}));
