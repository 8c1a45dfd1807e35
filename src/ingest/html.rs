//! HTML ingest: turns an HTML page into the blocks of visible article text the
//! extractor reads, each with the line of the HTML source where its text
//! starts, plus the page's metadata (title, date, author, site, URL).
//!
//! The page is read with html5ever's tokenizer (not its tree builder): the
//! tokenizer reports the source line of every token, which the tree builder
//! loses. A light stack of open elements stands in for the tree: it drops
//! boilerplate (scripts, navigation, share bars, comments...), finds block
//! boundaries and links, and copes with missing or stray end tags.
//!
//! Work is linear in the input: the input is fed in chunks, every element is
//! pushed and popped at most once, searches for implied end tags look at a
//! bounded number of open elements, the stack depth is capped, and tags with
//! an absurd number of attributes are trimmed before tokenizing (the
//! tokenizer's duplicate-attribute check is quadratic in their number).

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, TokenizerResult};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

/// What kind of block a piece of text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableRow,
    Other,
}

/// A link inside a block: the byte range of the link text within `TextBlock::text`, and its href.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

/// One block of visible article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBlock {
    /// 1-based line of the HTML source where the block's text starts.
    pub line: usize,
    /// Decoded text (entities decoded, runs of whitespace collapsed to one space, trimmed).
    pub text: String,
    pub kind: BlockKind,
    pub links: Vec<Link>,
}

/// Metadata of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlMeta {
    /// `<meta property="og:title">`, else `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// Raw value of `<meta property="article:published_time">`, `<meta name="date">`,
    /// `<meta itemprop="datePublished">`, `<time datetime=...>` (first found, in that
    /// order of preference; a `<time>` inside the article beats one outside it).
    pub published: Option<String>,
    /// `<meta name="author">`, else `<meta property="article:author">`.
    pub author: Option<String>,
    /// `<meta property="og:site_name">`.
    pub site_name: Option<String>,
    /// `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
}

/// A parsed page: its article text blocks, in document order, and its metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlDoc {
    pub blocks: Vec<TextBlock>,
    pub meta: HtmlMeta,
}

/// Parses an HTML page. Never panics, whatever the input (malformed HTML, binary junk, a 100 MB
/// line): linear time.
///
/// If `<article>` or `<main>` elements hold text, only their text is kept; otherwise all the
/// text of the page outside boilerplate. If dropping elements by their class or id leaves no
/// text at all (the article itself had, say, `class="post has-comments"`), the page is read
/// again without that rule.
pub fn parse(src: &str) -> HtmlDoc {
    // the tokenizer's buffers hold at most 4 GiB; no real page comes near this
    let mut cut = src.len().min(MAX_INPUT);
    while !src.is_char_boundary(cut) {
        cut -= 1;
    }
    let src = cap_attributes(&src[..cut]);
    let (doc, class_skips) = run(&src, true);
    if doc.blocks.is_empty() && class_skips > 0 {
        let (relaxed, _) = run(&src, false);
        if !relaxed.blocks.is_empty() {
            return relaxed;
        }
    }
    doc
}

/// Input past this many bytes is ignored.
const MAX_INPUT: usize = 1 << 31;
/// Input is handed to the tokenizer in pieces of about this many bytes.
const CHUNK: usize = 64 * 1024;
/// Open elements beyond this depth are not pushed (browsers cap the DOM depth too).
const MAX_DEPTH: usize = 1024;
/// How many open elements a search for an implied end tag looks at.
const SCOPE_LIMIT: usize = 64;
/// Attributes of one tag beyond this count are blanked out before tokenizing.
const MAX_ATTRS: usize = 100;

/// Elements whose whole content is boilerplate.
const BOILERPLATE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "textarea",
];

/// An element whose class or id contains one of these (case-insensitive) is boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "sidebar",
    "share",
    "social",
    "comment",
    "cookie",
    "newsletter",
    "subscribe",
    "related",
    "advert",
    "promo",
    "breadcrumb",
];

/// Elements that never have content (never pushed on the stack).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements that limit the search for an implied end tag (the spec's "scope").
const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "object", "applet", "marquee", "button",
];

/// Where the search for an open `<li>` stops.
const LIST_SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "object", "applet", "marquee", "button",
    "ul", "ol",
];

/// Where the search for an open `<dd>` or `<dt>` stops.
const DL_SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "object", "applet", "marquee", "button",
    "dl",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dd",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements allowed inside `<head>`; any other start tag ends the head.
const HEAD_CONTENT: &[&str] = &[
    "html", "head", "title", "meta", "link", "style", "script", "noscript", "base", "template",
];

/// HTML start tags that end foreign (SVG, MathML) content.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// The block an element starts, if it is block-level.
fn block_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "p" | "blockquote" => BlockKind::Paragraph,
        "li" => BlockKind::ListItem,
        "tr" => BlockKind::TableRow,
        "div" | "section" | "article" | "main" | "pre" | "dd" | "dt" | "dl" | "figcaption"
        | "figure" | "td" | "th" | "table" | "thead" | "tbody" | "tfoot" | "caption" | "ul"
        | "ol" | "address" | "details" | "summary" | "fieldset" | "legend" | "center" | "hr"
        | "nav" | "header" | "footer" | "aside" | "form" | "menu" | "hgroup" | "dialog"
        | "search" | "listing" | "body" | "html" => BlockKind::Other,
        _ => return None,
    })
}

/// The tokenizer state the content of an element is read in (what the tree builder would ask for).
fn raw_state(name: &str) -> Option<TokenSinkResult<()>> {
    Some(match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// Whitespace that is collapsed: HTML's ASCII whitespace and the no-break space.
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{A0}')
}

/// Collapses runs of whitespace to one space and trims.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_ws).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

fn has_boilerplate_class(tag: &Tag) -> bool {
    ["class", "id"].iter().any(|n| {
        attr(tag, n).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            BOILERPLATE_WORDS.iter().any(|w| v.contains(w))
        })
    })
}

/// What holds for the content of an open element.
#[derive(Clone, Copy, Debug)]
struct Ctx {
    /// Inside boilerplate: the text is dropped.
    skip: bool,
    /// Inside `<head>`: not article text (unless text there ends the head).
    head: bool,
    /// Inside `<article>` or `<main>`.
    content: bool,
    /// Children are SVG or MathML elements.
    foreign: bool,
    /// Kind of the innermost block element.
    kind: BlockKind,
    /// The innermost block element is an `<h1>`.
    h1: bool,
    /// Index in `State::hrefs` of the innermost `<a href>` (unique per element).
    link: Option<usize>,
}

const ROOT: Ctx = Ctx {
    skip: false,
    head: false,
    content: false,
    foreign: false,
    kind: BlockKind::Other,
    h1: false,
    link: None,
};

struct Open {
    name: LocalName,
    /// Context of the element's content.
    ctx: Ctx,
    /// The element itself is SVG or MathML.
    foreign: bool,
}

/// Text of the block being read.
#[derive(Default)]
struct Seg {
    text: String,
    /// Whitespace was seen after the last character.
    space: bool,
    line: usize,
    links: Vec<Link>,
    /// The link the last character belongs to (to extend it).
    open_link: Option<usize>,
    kind: Option<BlockKind>,
    h1: bool,
    content: bool,
}

/// A table row being read: one block per row unless it turns out to be layout.
#[derive(Default)]
struct Row {
    /// The text of each cell (a data cell holds at most one block of text).
    cells: Vec<Option<Seg>>,
    /// The row is page layout (a cell holds headings, lists, several paragraphs or a table):
    /// its blocks are emitted one by one.
    layout: bool,
}

struct Emitted {
    block: TextBlock,
    content: bool,
    h1: bool,
}

#[derive(Default)]
struct MetaSlots {
    og_title: Option<String>,
    title_tag: Option<String>,
    published_time: Option<String>,
    date: Option<String>,
    date_published: Option<String>,
    time_in_content: Option<String>,
    time: Option<String>,
    author: Option<String>,
    article_author: Option<String>,
    site_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

fn set_once(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            *slot = Some(v.to_string());
        }
    }
}

struct State {
    class_rule: bool,
    class_skips: usize,
    stack: Vec<Open>,
    counts: HashMap<LocalName, usize>,
    seg: Seg,
    rows: Vec<Row>,
    hrefs: Vec<String>,
    blocks: Vec<Emitted>,
    meta: MetaSlots,
    title: Option<String>,
}

impl State {
    fn new(class_rule: bool) -> Self {
        State {
            class_rule,
            class_skips: 0,
            stack: Vec::new(),
            counts: HashMap::new(),
            seg: Seg::default(),
            rows: Vec::new(),
            hrefs: Vec::new(),
            blocks: Vec::new(),
            meta: MetaSlots::default(),
            title: None,
        }
    }

    fn ctx(&self) -> Ctx {
        self.stack.last().map_or(ROOT, |o| o.ctx)
    }

    fn count(&self, name: &LocalName) -> usize {
        self.counts.get(name).copied().unwrap_or(0)
    }

    fn is_open(&self, name: &str) -> bool {
        self.count(&LocalName::from(name)) > 0
    }

    // ---- text ----

    fn text(&mut self, s: &str, line: usize) {
        if let Some(title) = &mut self.title {
            title.push_str(s);
            return;
        }
        let mut ctx = self.ctx();
        if ctx.skip {
            return;
        }
        if ctx.head {
            // text in the head ends it (as in a browser); whitespace does not
            if s.chars().all(is_ws) || !self.is_open("head") {
                return;
            }
            self.close_to("head");
            ctx = self.ctx();
            if ctx.skip || ctx.head {
                return;
            }
        }
        let seg = &mut self.seg;
        for (i, c) in s.char_indices() {
            if is_ws(c) {
                seg.space = !seg.text.is_empty();
                continue;
            }
            if seg.text.is_empty() {
                // the tokenizer reports the line after the token's last character
                let later = s[i..].bytes().filter(|&b| b == b'\n').count();
                seg.line = line.saturating_sub(later).max(1);
                seg.kind = Some(ctx.kind);
                seg.h1 = ctx.h1;
                seg.content = ctx.content;
            } else if seg.space {
                seg.text.push(' ');
            }
            seg.space = false;
            let at = seg.text.len();
            seg.text.push(c);
            match ctx.link {
                Some(id) if seg.open_link == Some(id) => {
                    if let Some(l) = seg.links.last_mut() {
                        l.end = seg.text.len();
                    }
                }
                Some(id) => {
                    seg.links.push(Link {
                        start: at,
                        end: seg.text.len(),
                        href: self.hrefs[id].clone(),
                    });
                    seg.open_link = Some(id);
                }
                None => seg.open_link = None,
            }
        }
    }

    fn soft_space(&mut self) {
        if !self.seg.text.is_empty() {
            self.seg.space = true;
        }
    }

    /// `<br>`: ends the block, but only separates words inside a data table row.
    fn line_break(&mut self) {
        if self.rows.last().is_some_and(|r| !r.layout) {
            self.soft_space();
        } else {
            self.flush();
        }
    }

    /// Ends the block being read.
    fn flush(&mut self) {
        let seg = std::mem::take(&mut self.seg);
        if seg.text.is_empty() {
            return;
        }
        if let Some(row) = self.rows.last_mut() {
            if !row.layout {
                let structural = matches!(seg.kind, Some(BlockKind::Heading | BlockKind::ListItem));
                let cell_full = row.cells.last().is_some_and(|c| c.is_some());
                if !structural && !cell_full {
                    match row.cells.last_mut() {
                        Some(cell) => *cell = Some(seg),
                        None => row.cells.push(Some(seg)),
                    }
                    return;
                }
                let last = self.rows.len() - 1;
                self.make_layout(last);
            }
        }
        self.push_block(seg);
    }

    fn push_block(&mut self, seg: Seg) {
        self.blocks.push(Emitted {
            block: TextBlock {
                line: seg.line,
                text: seg.text,
                kind: seg.kind.unwrap_or(BlockKind::Other),
                links: seg.links,
            },
            content: seg.content,
            h1: seg.h1,
        });
    }

    /// Turns a row into layout: what it holds so far becomes blocks of its own.
    fn make_layout(&mut self, i: usize) {
        let Some(row) = self.rows.get_mut(i) else {
            return;
        };
        if row.layout {
            return;
        }
        row.layout = true;
        let cells = std::mem::take(&mut row.cells);
        for seg in cells.into_iter().flatten() {
            self.push_block(seg);
        }
    }

    /// A row ended: a data row becomes one block, its cells joined with " | ".
    fn finish_row(&mut self, row: Row) {
        if row.layout || row.cells.iter().all(Option::is_none) {
            return;
        }
        let mut text = String::new();
        let mut links = Vec::new();
        let mut first: Option<(usize, bool)> = None;
        for (i, cell) in row.cells.into_iter().enumerate() {
            if i > 0 {
                text.push_str(" | ");
            }
            if let Some(seg) = cell {
                let off = text.len();
                first.get_or_insert((seg.line, seg.content));
                links.extend(seg.links.into_iter().map(|l| Link {
                    start: l.start + off,
                    end: l.end + off,
                    href: l.href,
                }));
                text.push_str(&seg.text);
            }
        }
        let lead = text.len() - text.trim_start().len();
        let text = text.trim().to_string();
        // a link may lie (partly) in the trimmed whitespace: keep what is left of it
        for l in &mut links {
            l.start = l.start.saturating_sub(lead).min(text.len());
            l.end = l.end.saturating_sub(lead).min(text.len());
        }
        links.retain(|l| l.start < l.end);
        let (line, content) = first.unwrap_or((1, false));
        self.blocks.push(Emitted {
            block: TextBlock {
                line,
                text,
                kind: BlockKind::TableRow,
                links,
            },
            content,
            h1: false,
        });
    }

    // ---- the stack ----

    fn pop_one(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if let Some(n) = self.counts.get_mut(&open.name) {
            *n -= 1;
            if *n == 0 {
                self.counts.remove(&open.name);
            }
        }
        let name = &*open.name;
        if name == "title" && !open.foreign {
            if let Some(t) = self.title.take() {
                set_once(&mut self.meta.title_tag, Some(&collapse(&t)));
            }
        }
        if !self.ctx().skip {
            if block_kind(name).is_some() {
                self.flush();
            } else if matches!(name, "sup" | "sub") {
                self.soft_space();
            }
        }
        if name == "tr" {
            if let Some(row) = self.rows.pop() {
                self.finish_row(row);
            }
        }
    }

    /// Pops elements until `len` remain.
    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            self.pop_one();
        }
    }

    /// Pops up to and including the nearest open `name`.
    fn close_to(&mut self, name: &str) {
        if let Some(i) = self.stack.iter().rposition(|o| &*o.name == name) {
            self.pop_to(i);
        }
    }

    /// Closes the nearest open element among `targets`, if it is found before one of `stops`
    /// within the last `SCOPE_LIMIT` open elements.
    fn close_implied(&mut self, targets: &[&str], stops: &[&str]) {
        if !targets.iter().any(|t| self.is_open(t)) {
            return;
        }
        let found = self
            .stack
            .iter()
            .enumerate()
            .rev()
            .take(SCOPE_LIMIT)
            .find(|(_, o)| {
                let n = &*o.name;
                targets.contains(&n) || stops.contains(&n)
            })
            .filter(|(_, o)| targets.contains(&&*o.name))
            .map(|(i, _)| i);
        if let Some(i) = found {
            self.pop_to(i);
        }
    }

    fn implied_end_tags(&mut self, name: &str) {
        const TABLE: &[&str] = &["table", "template", "html"];
        const SECTION: &[&str] = &["table", "thead", "tbody", "tfoot", "template", "html"];
        const ROW: &[&str] = &["tr", "table", "template", "html"];
        if CLOSES_P.contains(&name) {
            self.close_implied(&["p"], SCOPE);
        }
        match name {
            "li" => self.close_implied(&["li"], LIST_SCOPE),
            "dd" | "dt" => self.close_implied(&["dd", "dt"], DL_SCOPE),
            "tr" => self.close_implied(&["tr"], SECTION),
            "td" | "th" => self.close_implied(&["td", "th"], ROW),
            "thead" | "tbody" | "tfoot" => {
                self.close_implied(&["thead", "tbody", "tfoot"], TABLE);
            }
            "a" => self.close_implied(&["a"], SCOPE),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self.stack.last().is_some_and(|o| {
                    matches!(&*o.name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                }) =>
            {
                self.pop_one();
            }
            _ => {}
        }
    }

    // ---- tags ----

    fn start_tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if self.ctx().foreign && BREAKOUT.contains(&name) {
            while self.ctx().foreign {
                self.pop_one();
            }
        }
        if !HEAD_CONTENT.contains(&name) && self.is_open("head") {
            self.close_to("head");
        }
        self.implied_end_tags(name);

        let parent = self.ctx();
        let kind = block_kind(name);
        if !parent.skip {
            if name == "br" {
                self.line_break();
            } else if kind.is_some() {
                self.flush();
            } else if matches!(name, "sup" | "sub") {
                self.soft_space();
            }
        }
        match name {
            "meta" => self.meta_tag(&tag, parent),
            "link" if !parent.skip => {
                let canonical = attr(&tag, "rel")
                    .is_some_and(|r| r.split(is_ws).any(|t| t.eq_ignore_ascii_case("canonical")));
                if canonical {
                    set_once(&mut self.meta.canonical, attr(&tag, "href"));
                }
            }
            "time" if !parent.skip => {
                let dt = attr(&tag, "datetime");
                if parent.content {
                    set_once(&mut self.meta.time_in_content, dt);
                }
                set_once(&mut self.meta.time, dt);
            }
            _ => {}
        }

        let is_foreign_root = matches!(name, "svg" | "math");
        let foreign = parent.foreign || is_foreign_root;
        if VOID.contains(&name) || (foreign && tag.self_closing) {
            return TokenSinkResult::Continue;
        }
        let raw = if parent.foreign {
            None
        } else {
            raw_state(name)
        };
        if self.stack.len() >= MAX_DEPTH && raw.is_none() {
            return TokenSinkResult::Continue;
        }

        let mut ctx = parent;
        // the <header> of an article holds its headline and standfirst, not site boilerplate
        let article_header = name == "header" && parent.content;
        let tag_skip = BOILERPLATE_TAGS.contains(&name) && !article_header;
        // the rule by class or id spares the elements that hold the whole page or article
        // (WordPress puts "has-sidebar" and the like on <body>)
        let class_skip = self.class_rule
            && !article_header
            && !matches!(name, "html" | "body" | "article" | "main")
            && has_boilerplate_class(&tag);
        if class_skip && !tag_skip && !parent.skip {
            self.class_skips += 1;
        }
        ctx.skip |= tag_skip || class_skip;
        if name == "head" {
            ctx.head = true;
        }
        if name == "title" && !parent.foreign {
            ctx.skip = true;
            if self.meta.title_tag.is_none() && self.title.is_none() {
                self.title = Some(String::new());
            }
        }
        if matches!(name, "article" | "main") && !ctx.skip {
            ctx.content = true;
        }
        if let Some(k) = kind {
            ctx.kind = k;
            ctx.h1 = name == "h1";
        }
        if name == "a" {
            ctx.link = attr(&tag, "href")
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(|h| {
                    self.hrefs.push(h.to_string());
                    self.hrefs.len() - 1
                });
        }
        if is_foreign_root {
            ctx.foreign = true;
        } else if parent.foreign
            && matches!(
                name,
                "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext"
            )
        {
            // integration points: their content is HTML again
            ctx.foreign = false;
        }

        if name == "tr" && !parent.skip {
            // a row inside a row: the outer one is page layout (and so are the rows around it:
            // only the innermost row can still be a data row)
            if let Some(last) = self.rows.len().checked_sub(1) {
                self.make_layout(last);
            }
        }
        if matches!(name, "td" | "th") {
            if let Some(row) = self.rows.last_mut().filter(|r| !r.layout) {
                row.cells.push(None);
            }
        }
        if name == "tr" {
            self.rows.push(Row::default());
        }
        *self.counts.entry(tag.name.clone()).or_insert(0) += 1;
        self.stack.push(Open {
            name: tag.name,
            ctx,
            foreign,
        });
        raw.unwrap_or(TokenSinkResult::Continue)
    }

    fn end_tag(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        match name {
            // `</br>` is read as `<br>`
            "br" => {
                if !self.ctx().skip {
                    self.line_break();
                }
                return;
            }
            // these end tags do not close anything in a browser either
            "body" | "html" => return,
            _ => {}
        }
        if self.count(&tag.name) == 0 {
            // a stray `</p>` is an empty paragraph: a block boundary
            if name == "p" && !self.ctx().skip {
                self.flush();
            }
            return;
        }
        while let Some(open) = self.stack.last() {
            let done = open.name == tag.name;
            self.pop_one();
            if done {
                break;
            }
        }
    }

    fn meta_tag(&mut self, tag: &Tag, parent: Ctx) {
        if parent.skip {
            return;
        }
        let content = attr(tag, "content");
        let m = &mut self.meta;
        for key in ["property", "name"] {
            let Some(k) = attr(tag, key) else { continue };
            match k.trim().to_ascii_lowercase().as_str() {
                "og:title" => set_once(&mut m.og_title, content),
                "og:site_name" => set_once(&mut m.site_name, content),
                "og:url" => set_once(&mut m.og_url, content),
                "article:published_time" => set_once(&mut m.published_time, content),
                "article:author" => set_once(&mut m.article_author, content),
                "date" if key == "name" => set_once(&mut m.date, content),
                "author" if key == "name" => set_once(&mut m.author, content),
                _ => {}
            }
        }
        if attr(tag, "itemprop").is_some_and(|v| v.trim().eq_ignore_ascii_case("datepublished")) {
            set_once(&mut m.date_published, content);
        }
    }

    // ---- the end ----

    fn finish(mut self) -> (HtmlDoc, usize) {
        self.pop_to(0);
        if let Some(t) = self.title.take() {
            set_once(&mut self.meta.title_tag, Some(&collapse(&t)));
        }
        self.flush();
        while let Some(row) = self.rows.pop() {
            self.finish_row(row);
        }
        let in_content = self.blocks.iter().any(|b| b.content);
        let kept: Vec<Emitted> = self
            .blocks
            .into_iter()
            .filter(|b| b.content || !in_content)
            .collect();
        let h1 = kept.iter().find(|b| b.h1).map(|b| b.block.text.clone());
        let m = self.meta;
        let meta = HtmlMeta {
            title: m.og_title.or(m.title_tag).or(h1),
            published: m
                .published_time
                .or(m.date)
                .or(m.date_published)
                .or(m.time_in_content)
                .or(m.time),
            author: m.author.or(m.article_author),
            site_name: m.site_name,
            url: m.canonical.or(m.og_url),
        };
        let blocks = kept.into_iter().map(|b| b.block).collect();
        (HtmlDoc { blocks, meta }, self.class_skips)
    }
}

struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return st.start_tag(tag),
                TagKind::EndTag => st.end_tag(&tag),
            },
            Token::CharacterTokens(t) => {
                st.text(&t, usize::try_from(line_number).unwrap_or(usize::MAX));
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.state.borrow().stack.last().is_some_and(|o| o.foreign)
    }
}

/// One tokenizer pass over the page; also returns how many elements the class/id rule dropped.
fn run(src: &str, class_rule: bool) -> (HtmlDoc, usize) {
    let sink = Sink {
        state: RefCell::new(State::new(class_rule)),
    };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut rest = src;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        rest = tail;
        queue.push_back(StrTendril::from_slice(chunk));
        // the sink never asks to stop for a script or an encoding, so this runs once
        while !matches!(tok.feed(&queue), TokenizerResult::Done) && !queue.is_empty() {}
    }
    tok.end();
    tok.sink.state.into_inner().finish()
}

/// Elements whose content the tokenizer reads as raw text, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

/// Blanks out the attributes of a tag beyond the `MAX_ATTRS`th (newlines are kept, so lines
/// do not move). The tokenizer checks each new attribute against all earlier ones of its tag,
/// which is quadratic in their number. This scan follows the tokenizer's states for tags,
/// comments and raw text closely enough for that purpose: where it is unsure it skips ahead,
/// which at worst leaves a tag untrimmed.
fn cap_attributes(src: &str) -> Cow<'_, str> {
    let bytes = src.as_bytes();
    let len = bytes.len();
    let find = |from: usize, pat: &[u8]| -> Option<usize> {
        bytes
            .get(from..)?
            .windows(pat.len())
            .position(|w| w == pat)
            .map(|p| from + p)
    };
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(p) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let lt = i + p;
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        let after = bytes.get(lt + 2).copied().unwrap_or(0);
        if bytes[lt..].starts_with(b"<!--") {
            i = find(lt + 4, b"-->").map_or(len, |e| e + 3);
            continue;
        }
        if next == b'!' || next == b'?' || (next == b'/' && !after.is_ascii_alphabetic()) {
            // doctype, bogus comment: up to the next '>'
            i = find(lt + 1, b">").map_or(len, |e| e + 1);
            continue;
        }
        let end_tag = next == b'/';
        let name_start = lt + if end_tag { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let (tag_end, name_end, over) = scan_tag(bytes, name_start);
        if let Some(o) = over {
            blank.push((o, tag_end));
        }
        i = tag_end + 1;
        if end_tag || i >= len {
            continue;
        }
        let name = &bytes[name_start..name_end];
        if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
        if RAW_TEXT
            .iter()
            .any(|r| name.eq_ignore_ascii_case(r.as_bytes()))
        {
            // skip to the end tag `</name` followed by whitespace, '/' or '>'
            let mut j = i;
            i = len;
            while let Some(k) = find(j, b"</") {
                let n = k + 2;
                let fits = bytes
                    .get(n..n + name.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(name));
                let ends = matches!(
                    bytes.get(n + name.len()),
                    Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>')
                );
                if fits && ends {
                    i = k;
                    break;
                }
                j = n;
            }
        }
    }
    if blank.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = bytes.to_vec();
    for (start, end) in blank {
        for b in &mut out[start..end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // A blanked range starts at the first byte of an attribute name (after an ASCII byte) and
    // ends at a '>' or the end, and all its bytes became ASCII: the text stays valid UTF-8.
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// Reads a tag from its name at `start`: returns where it ends (the '>' or the end of the
/// input), where its name ends, and where its `MAX_ATTRS + 1`th attribute starts, if any.
fn scan_tag(bytes: &[u8], start: usize) -> (usize, usize, Option<usize>) {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        AfterQuoted,
        Unquoted,
        SelfClosing,
    }
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
    let mut j = start;
    while j < bytes.len() && !ws(bytes[j]) && bytes[j] != b'/' && bytes[j] != b'>' {
        j += 1;
    }
    let name_end = j;
    let mut st = S::BeforeName;
    let mut attrs = 0usize;
    let mut over = None;
    while j < bytes.len() {
        let b = bytes[j];
        st = match st {
            S::Quoted(q) => {
                if b == q {
                    S::AfterQuoted
                } else {
                    st
                }
            }
            _ if b == b'>' => return (j, name_end, over),
            S::Name => match b {
                b'=' => S::BeforeValue,
                b'/' => S::SelfClosing,
                _ if ws(b) => S::AfterName,
                _ => S::Name,
            },
            S::BeforeValue => match b {
                b'"' | b'\'' => S::Quoted(b),
                _ if ws(b) => S::BeforeValue,
                _ => S::Unquoted,
            },
            S::Unquoted => {
                if ws(b) {
                    S::BeforeName
                } else {
                    S::Unquoted
                }
            }
            S::AfterName if ws(b) => S::AfterName,
            S::AfterName if b == b'=' => S::BeforeValue,
            S::BeforeName | S::AfterName | S::AfterQuoted | S::SelfClosing => {
                if ws(b) {
                    S::BeforeName
                } else if b == b'/' {
                    S::SelfClosing
                } else {
                    attrs += 1;
                    if attrs > MAX_ATTRS && over.is_none() {
                        over = Some(j);
                    }
                    S::Name
                }
            }
        };
        j += 1;
    }
    (bytes.len(), name_end, over)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &HtmlDoc) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    fn summary(doc: &HtmlDoc) -> Vec<(usize, &str, BlockKind)> {
        doc.blocks
            .iter()
            .map(|b| (b.line, b.text.as_str(), b.kind))
            .collect()
    }

    #[test]
    fn boilerplate_dropped_article_kept_with_lines() {
        let html = "<!DOCTYPE html>
<html><head><title>Jobs report</title>
<style>p { color: red } /* 99% */</style>
<script>var s = \"<p>not 42% text</p>\"; if (a<b) {}</script>
</head>
<body>
<header><nav><a href=\"/\">Home</a> <a href=\"/m\">Markets 7%</a></nav></header>
<div>Outside the article: 11 items</div>
<article>
<h1>Jobs rise by 200,000</h1>
<p>Unemployment fell to 3.9%
in March, the lowest since 2019.</p>
<aside>Most read: 12 things</aside>
<p>

   Wages rose 4.1% &mdash; the fastest pace.</p>
<noscript>Enable JavaScript (100%)</noscript>
<ul><li>Item one: 5%</li><li>Item two: 6%</ul>
</article>
<footer>Copyright 2024, 3 rights</footer>
</body></html>
";
        let doc = parse(html);
        assert_eq!(
            summary(&doc),
            vec![
                (10, "Jobs rise by 200,000", BlockKind::Heading),
                (
                    11,
                    "Unemployment fell to 3.9% in March, the lowest since 2019.",
                    BlockKind::Paragraph
                ),
                (
                    16,
                    "Wages rose 4.1% \u{2014} the fastest pace.",
                    BlockKind::Paragraph
                ),
                (18, "Item one: 5%", BlockKind::ListItem),
                (18, "Item two: 6%", BlockKind::ListItem),
            ]
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Jobs report"));
    }

    #[test]
    fn whole_body_without_article_and_exact_lines() {
        // no <article>/<main>: the body counts; CRLF line ends; text after an entity; a long
        // run of whitespace before the text (the tokenizer's fast path)
        let html = "<body>\r\n<div class=\"content\">\r\n<p>&amp; co\r\nrose 3%</p>\r\n<p>\r\n\r\n                                        Deep 1%</p>\n<p>A<br>\nB</p></div>";
        let doc = parse(html);
        assert_eq!(
            summary(&doc),
            vec![
                (3, "& co rose 3%", BlockKind::Paragraph),
                (7, "Deep 1%", BlockKind::Paragraph),
                (8, "A", BlockKind::Paragraph),
                (9, "B", BlockKind::Paragraph),
            ]
        );
    }

    #[test]
    fn entities_decode() {
        let doc = parse("<p>R&amp;D rose 5&nbsp;% to &euro;1.2&nbsp;billion</p>");
        assert_eq!(texts(&doc), ["R&D rose 5 % to \u{20ac}1.2 billion"]);
        let doc = parse("<p>In 2023&ndash;24 &#8212; up&thinsp;2&#x25;</p>");
        assert_eq!(texts(&doc), ["In 2023\u{2013}24 \u{2014} up\u{2009}2%"]);
    }

    #[test]
    fn link_range_and_href() {
        let doc = parse(
            "<p>According to <a href=\"https://ons.gov.uk/x?a=1&amp;b=2\">the <b>ONS</b>\n figures</a>, output grew 0.6%. <a name=\"x\">Anchor</a> <a href=\"/b\"> again </a></p>",
        );
        let b = &doc.blocks[0];
        assert_eq!(
            b.text,
            "According to the ONS figures, output grew 0.6%. Anchor again"
        );
        assert_eq!(b.links.len(), 2);
        let l = &b.links[0];
        assert_eq!((l.start, l.end), (13, 28));
        assert_eq!(&b.text[l.start..l.end], "the ONS figures");
        assert_eq!(l.href, "https://ons.gov.uk/x?a=1&b=2");
        let l = &b.links[1];
        assert_eq!(&b.text[l.start..l.end], "again");
        assert_eq!(l.href, "/b");
    }

    #[test]
    fn table_rows() {
        let html = "<table>
<thead><tr><th>Item</th><th>2024</th><th>2023</th><th>Change</th></tr></thead>
<tbody>
<tr><td>Revenue</td><td>4,512</td><td>3,987</td><td><p>13%</p></td></tr>
<tr><td>Profit<td>512<br>(restated)<td>401<td><a href=\"/n\">28%</a>
<tr><td></td><td>x</td></tr>
</tbody></table>
<p>After the table.</p>";
        let doc = parse(html);
        assert_eq!(
            summary(&doc),
            vec![
                (2, "Item | 2024 | 2023 | Change", BlockKind::TableRow),
                (4, "Revenue | 4,512 | 3,987 | 13%", BlockKind::TableRow),
                (
                    5,
                    "Profit | 512 (restated) | 401 | 28%",
                    BlockKind::TableRow
                ),
                (6, "| x", BlockKind::TableRow),
                (8, "After the table.", BlockKind::Paragraph),
            ]
        );
        let row = &doc.blocks[2];
        assert_eq!(row.links.len(), 1);
        assert_eq!(&row.text[row.links[0].start..row.links[0].end], "28%");
    }

    #[test]
    fn layout_table_gives_separate_blocks() {
        let html = "<table><tr><td class=\"x\"><h1>Title 1</h1><p>Para one 2%.</p><p>Para two 3%.</p></td></tr></table>";
        let doc = parse(html);
        assert_eq!(
            summary(&doc),
            vec![
                (1, "Title 1", BlockKind::Heading),
                (1, "Para one 2%.", BlockKind::Paragraph),
                (1, "Para two 3%.", BlockKind::Paragraph),
            ]
        );
        // a table inside a cell: inner rows stay rows
        let html = "<table><tr><td><p>Intro 1</p><table><tr><td>a</td><td>1</td></tr></table><p>Outro 2</p></td></tr></table>";
        assert_eq!(texts(&parse(html)), ["Intro 1", "a | 1", "Outro 2"]);
    }

    #[test]
    fn meta_fields() {
        let html = "<html><head>
<meta property=\"og:title\" content=\"Inflation falls to 2.3% &amp; more\">
<title>Ignored | The Daily</title>
<meta name=\"date\" content=\"2024-05-21\">
<meta property=\"article:published_time\" content=\" 2024-05-22T07:00:00+01:00 \">
<meta name=\"author\" content=\"Jane Doe\">
<meta property=\"og:site_name\" content=\"The Daily\">
<meta property=\"og:url\" content=\"https://example.com/og\">
<link rel=\"Canonical\" href=\"https://example.com/a/1\">
</head><body><p>x</p></body></html>";
        let doc = parse(html);
        assert_eq!(
            doc.meta,
            HtmlMeta {
                title: Some("Inflation falls to 2.3% & more".into()),
                published: Some("2024-05-22T07:00:00+01:00".into()),
                author: Some("Jane Doe".into()),
                site_name: Some("The Daily".into()),
                url: Some("https://example.com/a/1".into()),
            }
        );
        assert_eq!(texts(&doc), ["x"]);

        // fallbacks: <title>, name=date over <time>, article:author, og:url
        let html = "<title>\n  Budget   deficit\n</title><meta property=\"article:author\" content=\"https://x/jo\"><meta property=\"og:url\" content=\"https://example.com/og\"><time datetime=\"2020-01-01\">x</time><meta name=\"date\" content=\"2024-05-21\"><p>y</p>";
        let m = parse(html).meta;
        assert_eq!(m.title.as_deref(), Some("Budget deficit"));
        assert_eq!(m.published.as_deref(), Some("2024-05-21"));
        assert_eq!(m.author.as_deref(), Some("https://x/jo"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/og"));
        assert_eq!(m.site_name, None);

        // the first <h1>; a <time> in the article beats one in a teaser before it
        let html = "<body><div><time datetime=\"2019-01-01\">old</time></div><article><h1>Head &amp; line</h1><p><time datetime=\"2024-03-04\">4 March</time></p></article></body>";
        let m = parse(html).meta;
        assert_eq!(m.title.as_deref(), Some("Head & line"));
        assert_eq!(m.published.as_deref(), Some("2024-03-04"));

        // itemprop, and an <svg> title is not the page title
        let html = "<svg><title>icon</title></svg><meta itemprop=\"datePublished\" content=\"2024-06-01\"><p>z</p>";
        let m = parse(html).meta;
        assert_eq!(m.title, None);
        assert_eq!(m.published.as_deref(), Some("2024-06-01"));
    }

    #[test]
    fn robust_against_malformed_input() {
        // unclosed tags and stray end tags
        let doc = parse("<div><p>One<p>Two</span></b><li>Three</div></section></p>More<p>Four");
        assert_eq!(texts(&doc), ["One", "Two", "Three", "More", "Four"]);
        assert_eq!(texts(&parse("<<<>>>")), ["<<<>>>"]);
        assert_eq!(parse(""), HtmlDoc::default());
        assert!(parse("<p>   </p><div>\n</div>").blocks.is_empty());
        // an unclosed script swallows the rest, as in a browser; an unclosed svg does not
        assert!(parse("<p>a</p><script>var x = 1;<p>b").blocks.len() == 1);
        assert_eq!(
            texts(&parse("<svg><path d=\"M0\"><p>Visible 5%</p>")),
            ["Visible 5%"]
        );
        // a paragraph in a header of the page stays out, the article's own header stays in
        let doc = parse("<header><p>Site 1</p></header><article><header class=\"entry-header\"><h1>Title 2</h1></header><p>Body 3</p></article>");
        assert_eq!(texts(&doc), ["Title 2", "Body 3"]);
        // head without end tag
        assert_eq!(
            texts(&parse("<head><title>t</title>Body text<p>p</p>")),
            ["Body text", "p"]
        );
        // footnote markers do not glue onto numbers
        assert_eq!(
            texts(&parse("<p>Up 12%<sup>3</sup> and 10<sub>2</sub></p>")),
            ["Up 12% 3 and 10 2"]
        );

        // 5 MB on one line
        let big = "<p>12% ".repeat(5 * 1024 * 1024 / 7);
        let doc = parse(&big);
        assert_eq!(doc.blocks.len(), 5 * 1024 * 1024 / 7);
        assert!(doc.blocks.iter().all(|b| b.line == 1 && b.text == "12%"));

        // deep nesting, many stray end tags, a tag with very many attributes
        let deep = format!(
            "{}x{}",
            "<div><span>".repeat(100_000),
            "</i>".repeat(100_000)
        );
        assert_eq!(texts(&parse(&deep)), ["x"]);
        let mut attrs = String::from("<p class=\"a\"");
        for i in 0..200_000 {
            attrs.push_str(&format!(" a{i}=\"{i}\""));
        }
        attrs.push_str(">Many attributes 1%</p>\n<p>Next 2%</p>");
        let doc = parse(&attrs);
        assert_eq!(summary(&doc)[1], (2, "Next 2%", BlockKind::Paragraph));

        // random bytes, decoded lossily
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut bytes = Vec::with_capacity(1 << 20);
        for _ in 0..(1 << 20) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // bias towards markup characters
            let b = (x >> 24) as u8;
            bytes.push(match b % 8 {
                0 => b'<',
                1 => b'>',
                2 => b"&/=\"' \n;#"[(b as usize / 8) % 9],
                _ => b,
            });
        }
        let junk = String::from_utf8_lossy(&bytes);
        let doc = parse(&junk);
        // the tokenizer counts LF, CR LF and a lone CR as one line end each
        let lines = 1 + junk.replace("\r\n", "\n").matches(['\n', '\r']).count();
        let max = doc.blocks.iter().map(|b| b.line).max().unwrap_or(1);
        assert!(doc.blocks.iter().all(|b| b.line >= 1), "a line below 1");
        assert!(max <= lines, "line {max} past the last line {lines}");
    }

    #[test]
    fn lines_match_the_source() {
        // generated pages: each block's first word must be on the line the block reports
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let seps = [" ", "\n", "\r\n", "  \n\n   ", "\t", "&nbsp;", "\r"];
        let tags = [
            "<p>", "</p>", "<div>", "<b>", "</b>", "<br>", "<li>", "<h2>", "</h2>",
        ];
        for round in 0..50 {
            let mut html = String::new();
            for w in 0..300 {
                match next(4) {
                    0 => html.push_str(tags[next(tags.len() as u64) as usize]),
                    1 => html.push_str(seps[next(seps.len() as u64) as usize]),
                    _ => {}
                }
                html.push_str(&format!("w{round}x{w}y"));
                if next(3) == 0 {
                    html.push_str(if next(2) == 0 { "&amp;" } else { "\n" });
                }
                html.push_str(seps[next(seps.len() as u64) as usize]);
            }
            let lines: Vec<&str> = html
                .split("\r\n")
                .flat_map(|l| l.split(['\n', '\r']))
                .collect();
            for b in parse(&html).blocks {
                let first = b.text.split([' ', '&']).next().unwrap_or("");
                assert!(
                    lines[b.line - 1].contains(first),
                    "{first:?} is not on line {}",
                    b.line
                );
            }
        }
    }

    #[test]
    fn class_and_id_boilerplate() {
        let html = "<body class=\"single has-sidebar\">
<article class=\"post comments-open\">
<p>Sales rose 8%.</p>
<div class=\"Share-Buttons\"><a href=\"#\">Share 1.2k</a></div>
<div id=\"comments\"><p>Great article, 10/10</p></div>
<section class=\"related-stories\"><p>Prices up 3%</p></section>
<ul class=\"breadcrumb\"><li>News</li></ul>
<p>Costs fell 2%.</p>
</article></body>";
        let doc = parse(html);
        assert_eq!(
            summary(&doc),
            vec![
                (3, "Sales rose 8%.", BlockKind::Paragraph),
                (8, "Costs fell 2%.", BlockKind::Paragraph),
            ]
        );
        // if the rule would drop everything, the page is read without it
        let doc = parse("<div class=\"comment-body\"><p>Only text 4%</p></div>");
        assert_eq!(texts(&doc), ["Only text 4%"]);
    }
}
