//! The text the extractor reads: paragraphs and sentences mapped back to
//! source lines, with page chrome, bylines and source lists set apart.

use crate::model::SourceEntry;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaKind {
    Heading,
    Paragraph,
    Bullet,
    TableRow,
}

/// A stretch of a paragraph's text that comes from one source line.
#[derive(Clone, Debug)]
pub struct Part {
    pub line: usize,
    /// Byte offset in the source line where this part's text starts (None: not known, e.g. HTML).
    pub src_offset: Option<usize>,
    /// Byte offset of this part in the paragraph text.
    pub offset: usize,
    pub len: usize,
}

#[derive(Clone, Debug)]
pub struct Para {
    pub kind: ParaKind,
    pub text: String,
    pub parts: Vec<Part>,
    /// Links: byte range in `text` and href.
    pub links: Vec<(usize, usize, String)>,
}

impl Para {
    /// `text[start..end]` with the source line breaks kept (the paragraph
    /// joins its lines with spaces): for quoting what was read line by line.
    pub fn text_with_lines(&self, start: usize, end: usize) -> String {
        let mut s = self.text[start..end].to_string();
        for p in self.parts.iter().skip(1) {
            // the space joining this part to the one before
            if p.offset > start && p.offset <= end {
                let at = p.offset - 1 - start;
                if s.as_bytes().get(at) == Some(&b' ') {
                    s.replace_range(at..at + 1, "\n");
                }
            }
        }
        s
    }

    /// Source line and byte offset in that line of a paragraph offset.
    pub fn locate(&self, at: usize) -> (usize, Option<usize>) {
        let p = self
            .parts
            .iter()
            .rev()
            .find(|p| p.offset <= at)
            .unwrap_or(&self.parts[0]);
        (p.line, p.src_offset.map(|o| o + (at - p.offset).min(p.len)))
    }
}

#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub lines: Vec<String>,
    pub paras: Vec<Para>,
    pub sources: Vec<SourceEntry>,
    pub has_source_list: bool,
    pub source_list_line: Option<usize>,
    /// Lines that are page chrome, bylines or repeated blocks: no claims there.
    pub skipped: BTreeSet<usize>,
}

static SOURCE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:#+\s*)?(?:\*\*)?(sources?|references|notes|citations|footnotes)(?:\*\*)?\s*:?\s*(?P<rest>\[\d+\].*)?$").expect("source heading")
});
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*\u{2022}]\s+)?(?:\[(\d{1,3})\]|(\d{1,3})[.)]|\^(\d{1,3}))\s*(.*)$")
        .expect("entry")
});
static INLINE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(\d{1,3})\]").expect("inline marker"));
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s\])>"']+"#).expect("url"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)").expect("md link"));
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{1,2},?\s+\d{4}(?-u:\b)|(?-u:\b)\d{4}-\d{2}-\d{2}(?-u:\b)|(?-u:\b)\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}(?-u:\b)|(?-u:\b)min(?:ute)?s?\s+read(?-u:\b)|(?-u:\b)\d{1,2}:\d{2}\s*(?:am|pm)(?-u:\b)").expect("date line")
});

/// Masks URLs with spaces (keeping byte offsets) so their digits are not read as figures.
pub fn mask_urls(s: &str) -> String {
    let mut out = s.to_string();
    let ranges: Vec<(usize, usize)> = URL.find_iter(s).map(|m| (m.start(), m.end())).collect();
    for (a, b) in ranges.into_iter().rev() {
        out.replace_range(a..b, &" ".repeat(b - a));
    }
    out
}

/// Words in `s`, counted up to 17 (callers only ask "at most 8" or "at most 16").
fn words(s: &str) -> usize {
    s.split_whitespace().take(17).count()
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(['.', '!', '?', ':', '"', '\u{201d}', ')', ']']) || t.is_empty()
}

fn bullet_marker(s: &str) -> Option<usize> {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    for m in ["- ", "* ", "\u{2022} ", "\u{2013} ", "+ "] {
        if t.starts_with(m) {
            return Some(lead + m.len());
        }
    }
    // "~Revenue: ...": a tilde glued to a word marks an item ("~5%" is "about 5%")
    if t.starts_with('~') && t[1..].starts_with(char::is_alphabetic) {
        return Some(lead + 1);
    }
    None
}

/// The longest line read as a table row, in bytes.
const MAX_ROW: usize = 600;

/// Whether a line looks like a flattened table row: several numbers separated by wide gaps or bars.
pub fn is_table_row(s: &str) -> bool {
    static GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\S(?: {2,}|\t+| \| |\|)\S").expect("gap"));
    let t = s.trim();
    // a row is short: a long line is prose (and scanning it as cells would cost a pass per cell)
    // a row holds at least two numbers
    if t.starts_with(['-', '*'])
        || t.len() > MAX_ROW
        || t.bytes().filter(u8::is_ascii_digit).nth(1).is_none()
    {
        return false;
    }
    // "Revenue$412 million$388 million+6%": a row whose cells scraping glued together
    if super::glue::is_glued_row(t) {
        return true;
    }
    let cells = GAP.find_iter(s).count();
    let tokens: Vec<&str> = t
        .split([' ', '\t', '|'])
        .filter(|w| !w.is_empty())
        .collect();
    let numeric = |w: &str| {
        let w = w.trim_matches(|c: char| "$€£¥₩()+-\u{2212}%,".contains(c));
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let nums = tokens.iter().filter(|w| numeric(w)).count();
    if cells >= 1 && nums >= 2 {
        return true;
    }
    // single-space tables: a short label, then only numbers, no sentence
    let trailing = tokens
        .iter()
        .rev()
        .take_while(|w| numeric(w) || ["pts", "pp", "bps"].contains(&w.to_lowercase().as_str()))
        .count();
    trailing >= 2 && tokens.len() <= 14 && !t.ends_with('.') && tokens.len() - trailing <= 6
}

/// Builds paragraphs from plain text or Markdown lines. `skip_until` lines (front matter) are ignored.
/// A headline or deck in title case ("Acme Posts Record Quarter With 40% Jump"):
/// most of its longer words capitalised. Such a line is a unit of its own even
/// when the body follows on the next line with no blank line between.
pub(crate) fn title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && caps * 10 >= long.len() * 7
}

/// A short label with every word capitalised ("Harbour Towing", "Results and Outlook").
fn capitalised_label(line: &str) -> bool {
    let ws: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !ws.is_empty()
        && ws.len() <= 6
        && ws.iter().all(|w| {
            // (a period code opens on a digit: "3Q2025 Highlights")
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "and" | "&" | "of" | "the" | "for" | "in")
        })
}

pub fn from_lines(lines: Vec<String>, skip_until: usize) -> Doc {
    let mut doc = Doc {
        lines,
        ..Default::default()
    };
    // repeated short lines are page chrome ("Dec.29 2025", "Share this")
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &doc.lines {
        let t = l.trim();
        if !t.is_empty() && words(t) <= 8 {
            *seen.entry(t).or_default() += 1;
        }
    }
    let repeated: BTreeSet<String> = seen
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(t, _)| t.to_string())
        .collect();
    let n = doc.lines.len();
    let mut i = skip_until;
    let mut in_sources = false;
    let mut current: Option<Para> = None;
    let flush = |cur: &mut Option<Para>, paras: &mut Vec<Para>| {
        if let Some(p) = cur.take() {
            if !p.text.trim().is_empty() {
                paras.push(p);
            }
        }
    };
    while i < n {
        let raw = doc.lines[i].clone();
        let line_no = i + 1;
        let t = raw.trim();
        // source lists: "Sources:" heading, or "Source: [1] ... [2] ..." on one line
        if let Some(c) = SOURCE_HEADING.captures(t) {
            flush(&mut current, &mut doc.paras);
            doc.has_source_list = true;
            doc.source_list_line.get_or_insert(line_no);
            in_sources = true;
            doc.skipped.insert(line_no);
            if let Some(rest) = c.name("rest") {
                parse_inline_entries(rest.as_str(), line_no, &mut doc.sources);
            }
            i += 1;
            continue;
        }
        if in_sources {
            if t.is_empty() {
                i += 1;
                continue;
            }
            if let Some(c) = ENTRY.captures(t) {
                let marker = c
                    .get(1)
                    .or(c.get(2))
                    .or(c.get(3))
                    .expect("marker")
                    .as_str()
                    .to_string();
                let rest = c.get(4).map(|m| m.as_str()).unwrap_or("");
                if INLINE_MARKER.find_iter(t).count() > 1 {
                    parse_inline_entries(t, line_no, &mut doc.sources);
                } else {
                    let url = URL
                        .find(rest)
                        .map(|m| m.as_str().trim_end_matches(['.', ',']).to_string());
                    let title = URL
                        .replace_all(rest, "")
                        .trim()
                        .trim_matches(['[', ']', ',', ' '])
                        .to_string();
                    doc.sources.push(SourceEntry {
                        marker,
                        line: line_no,
                        title,
                        url,
                    });
                }
                doc.skipped.insert(line_no);
                i += 1;
                continue;
            }
            in_sources = false;
        }
        if t.is_empty() {
            // a blank line ends a paragraph, unless the page export split a sentence
            let continues = current
                .as_ref()
                .is_some_and(|p| p.kind == ParaKind::Paragraph && !ends_sentence(&p.text))
                || current
                    .as_ref()
                    .is_some_and(|p| p.kind == ParaKind::Bullet && p.text.trim().is_empty());
            if !continues {
                flush(&mut current, &mut doc.paras);
            }
            i += 1;
            continue;
        }
        // a byline or date line: short, dated, not a sentence that goes on
        static TIME_OR_READ: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\d{1,2}:\d{2}\s*(?:am|pm)|(?-u:\b)min(?:ute)?s?\s+read(?-u:\b)|^(?:published|updated|posted|by)(?-u:\b)").expect("time")
        });
        let w = words(t);
        let short_meta = w <= 16
            && !t.ends_with(',')
            && !t.contains('%')
            && !t.contains('$')
            && DATE_LINE.is_match(t)
            && (w <= 8 || TIME_OR_READ.is_match(t));
        if repeated.contains(t) || short_meta || t.starts_with("<!--") {
            flush(&mut current, &mut doc.paras);
            doc.skipped.insert(line_no);
            i += 1;
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let (kind, body_off) = if t.starts_with('#') {
            let hashes = t.len() - t.trim_start_matches('#').len();
            (
                ParaKind::Heading,
                lead + hashes + (t[hashes..].len() - t[hashes..].trim_start().len()),
            )
        } else if t == "-" || t == "*" || t == "\u{2022}" {
            flush(&mut current, &mut doc.paras);
            current = Some(Para {
                kind: ParaKind::Bullet,
                text: String::new(),
                parts: vec![],
                links: vec![],
            });
            i += 1;
            continue;
        } else if let Some(off) = bullet_marker(&raw) {
            (ParaKind::Bullet, off)
        } else if is_table_row(&raw) {
            (ParaKind::TableRow, lead)
        } else {
            (ParaKind::Paragraph, lead)
        };
        let body = &raw[body_off..];
        let body_trim = body.trim_end();
        let continuing = match (&current, kind) {
            (Some(p), ParaKind::Paragraph) if p.kind == ParaKind::Bullet && p.text.is_empty() => {
                true
            }
            (Some(p), ParaKind::Paragraph) => {
                let lower =
                    body_trim.starts_with(|c: char| c.is_lowercase() || c == ',' || c == '.');
                // a short line in title case on its own ("More Home Systems") is a heading
                // over the lines after it, not the start of a wrapped sentence
                let heading_line = p.parts.len() == 1 && capitalised_label(&p.text);
                match p.kind {
                    ParaKind::Paragraph => (!ends_sentence(&p.text) && !heading_line) || lower,
                    // a bullet rarely ends with a full stop ("- Revenue: $4.1 billion"): a
                    // line after it continues it only when indented under it or in mid-sentence
                    ParaKind::Bullet => {
                        lower || !ends_sentence(&p.text) && raw.starts_with([' ', '\t'])
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        // a short line with no closing punctuation between paragraphs is a heading
        let is_heading_like = kind == ParaKind::Paragraph
            && !continuing
            // (a headline in title case may be longer)
            && (words(body_trim) <= 12 || words(body_trim) <= 24 && title_case(body_trim))
            && !ends_sentence(body_trim)
            && body_trim
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !body_trim.ends_with(',')
            && (title_case(body_trim) || doc.lines.get(i + 1).is_none_or(|l| l.trim().is_empty()))
            && doc.lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .is_none_or(|l| !l.trim_start().starts_with(|c: char| c.is_lowercase()));
        if !continuing {
            flush(&mut current, &mut doc.paras);
            current = Some(Para {
                kind: if is_heading_like {
                    ParaKind::Heading
                } else {
                    kind
                },
                text: String::new(),
                parts: vec![],
                links: vec![],
            });
        }
        let p = current.as_mut().expect("paragraph");
        if !p.text.is_empty() {
            p.text.push(' ');
        }
        let offset = p.text.len();
        p.text.push_str(body_trim);
        p.parts.push(Part {
            line: line_no,
            src_offset: Some(body_off),
            offset,
            len: body_trim.len(),
        });
        for m in MD_LINK.captures_iter(body_trim) {
            let g = m.get(0).expect("link");
            p.links
                .push((offset + g.start(), offset + g.end(), m[2].to_string()));
        }
        if kind == ParaKind::TableRow || kind == ParaKind::Heading && !t.starts_with('#') {
            flush(&mut current, &mut doc.paras);
        }
        i += 1;
    }
    flush(&mut current, &mut doc.paras);
    doc
}

/// "[1] Title [https://...] [2] Another [https://...]" on one line.
fn parse_inline_entries(s: &str, line: usize, out: &mut Vec<SourceEntry>) {
    let marks: Vec<(usize, usize, String)> = INLINE_MARKER
        .captures_iter(s)
        .map(|c| {
            let m = c.get(0).expect("marker");
            (m.start(), m.end(), c[1].to_string())
        })
        .collect();
    for (i, (_, end, marker)) in marks.iter().enumerate() {
        let next = marks.get(i + 1).map(|m| m.0).unwrap_or(s.len());
        let body = &s[*end..next];
        let url = URL
            .find(body)
            .map(|m| m.as_str().trim_end_matches([']', '.', ',']).to_string());
        let title = URL
            .replace_all(body, "")
            .replace("[]", "")
            .trim()
            .to_string();
        out.push(SourceEntry {
            marker: marker.clone(),
            line,
            title,
            url,
        });
    }
}

/// Splits a paragraph's text into sentences (byte ranges).
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    const ABBREV: [&str; 24] = [
        "u.s", "u.k", "inc", "corp", "co", "ltd", "e.g", "i.e", "vs", "mr", "ms", "dr", "st", "no",
        "approx", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    ];
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'.' || c == b'!' || c == b'?' {
            // a decimal point or an abbreviation does not end a sentence
            let next = text[i + 1..].chars().next();
            let digit_after = next.is_some_and(|n| n.is_ascii_digit());
            let word: String = text[..i]
                .chars()
                .rev()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '.')
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
                .to_lowercase();
            let abbrev = ABBREV.contains(&word.as_str())
                || word.len() == 1 && word.chars().all(|c| c.is_alphabetic());
            let ws_after =
                next.is_none_or(|n| n.is_whitespace() || n == '"' || n == '\u{201d}' || n == '[');
            // "2,4 Mrd. € im Quartal", "approx. one third": what follows continues the sentence
            let continues = text[i + 1..].trim_start().chars().next().is_some_and(|n| {
                n.is_lowercase() || matches!(n, '€' | '$' | '£' | '¥' | '₩' | '%')
            });
            if !digit_after && ws_after && !abbrev && !continues {
                // take closing quotes and citation markers along: "... quarter [1]."
                let mut end = i + 1;
                while end < b.len() && (b[end] == b'"' || b[end] == b')') {
                    end += 1;
                }
                out.push((start, end));
                start = end;
            }
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    // list items run together on one line end where the next item starts
    let out = split_items(text, out);
    // trim leading whitespace of each sentence
    out.into_iter()
        .map(|(s, e)| {
            let lead = text[s..e].len() - text[s..e].trim_start().len();
            (s + lead, e)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// A dash or bullet mark between words, then a capitalised word: where a list
/// flattened onto one line starts its next item ("... spending [4] - Operating
/// income rose ...").
static ITEM_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s[-\u{2013}\u{2022}]\s+\p{Lu}").expect("item mark"));
/// A citation cluster ("[4]", "[9][10]") followed by a capitalised word: the
/// end of a sentence that carries no full stop before its markers.
static CITED_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\d{1,3}(?:,\s*\d{1,3})*\](?:\[\d{1,3}(?:,\s*\d{1,3})*\])*\s+(?:[-\u{2013}\u{2022}]\s+)?\p{Lu}")
        .expect("cited end")
});

/// Cuts sentences where a flattened list starts a new item: after a citation
/// cluster followed by a capitalised word, and, in a text holding at least
/// three " - Capitalised" marks (a list, not a dash in prose), at each mark.
/// The mark itself belongs to neither piece.
fn split_items(text: &str, sentences: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let is_list = ITEM_MARK.find_iter(text).take(3).count() == 3;
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of one piece, start of the next)
    for m in CITED_END.find_iter(text) {
        let close = m.as_str().rfind(']').map_or(m.end(), |i| m.start() + i + 1);
        // the next piece starts at the capital letter
        let cap = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
        cuts.push((close, cap));
    }
    if is_list {
        for m in ITEM_MARK.find_iter(text) {
            let cap = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
            cuts.push((m.start(), cap));
        }
    }
    if cuts.is_empty() {
        return sentences;
    }
    cuts.sort_unstable();
    cuts.dedup_by_key(|c| c.1);
    // sentences and cuts are both in text order: one pass over each
    let mut out = Vec::with_capacity(sentences.len() + cuts.len());
    let mut ci = 0;
    for (s, e) in sentences {
        while ci < cuts.len() && cuts[ci].0 <= s {
            ci += 1;
        }
        let mut from = s;
        while ci < cuts.len() && cuts[ci].0 < e {
            let (end, next) = cuts[ci];
            if next < e && end > from && next >= from {
                out.push((from, end));
                from = next;
            }
            ci += 1;
        }
        out.push((from, e));
    }
    out
}

/// Longest sentence the extractor looks at in one piece; longer runs of text
/// with no full stop (a 100 MB line) are cut at spaces, so work stays linear.
pub const MAX_SENTENCE: usize = 2000;

/// Cuts over-long sentences at whitespace into pieces of at most [`MAX_SENTENCE`] bytes.
pub fn bounded(text: &str, sentences: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(sentences.len());
    for (mut s, e) in sentences {
        while e - s > MAX_SENTENCE {
            let mut cut = s + MAX_SENTENCE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let piece = &text[s..cut];
            let at = piece
                .rfind(char::is_whitespace)
                .filter(|i| *i > MAX_SENTENCE / 2)
                .map(|i| s + i)
                .unwrap_or(cut);
            out.push((s, at));
            s = at;
            while s < e && text[s..].starts_with(char::is_whitespace) {
                s += text[s..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
            }
        }
        if s < e {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod title_tests {
    use super::*;

    #[test]
    fn a_title_case_headline_is_its_own_unit_even_without_a_blank_line() {
        let lines: Vec<String> = [
            "Norrvik Posts Record Third Quarter With 40% Profit Surge",
            "Norrvik just posted its best quarter, with operating profit up 40% to $2.1 billion.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let doc = from_lines(lines, 0);
        assert_eq!(doc.paras.len(), 2, "{:?}", doc.paras);
        assert_eq!(doc.paras[0].kind, ParaKind::Heading);
        // a hard-wrapped sentence is not split
        let lines: Vec<String> = [
            "Norrvik said on Tuesday that its operating profit for the",
            "quarter rose 40% to $2.1 billion.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(from_lines(lines, 0).paras.len(), 1);
        assert!(title_case("Acme Trims Its 2026 Outlook After Weak Orders"));
        assert!(!title_case("Acme trims its 2026 outlook after weak orders"));
        // a long headline in title case is its own unit too, not the start of the lead
        let lines: Vec<String> = [
            "Stronger Sales of Freight Drones and Sensors Deliver a Record Quarter for Norrvik",
            "Norrvik reported a strong quarter. Operating profit rose 40% to $2.1 billion.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let doc = from_lines(lines, 0);
        assert_eq!(doc.paras.len(), 2, "{:?}", doc.paras);
        assert_eq!(doc.paras[0].kind, ParaKind::Heading);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Doc {
        from_lines(crate::ingest::split_lines(s), 0)
    }

    #[test]
    fn a_line_after_a_bullet_continues_it_only_when_indented_or_in_mid_sentence() {
        let d = doc("Title of the piece\n\n- Revenue: $4.1 billion vs. $4.0 billion\nThe group also said costs fell.\n");
        let kinds: Vec<ParaKind> = d.paras.iter().map(|p| p.kind).collect();
        assert_eq!(kinds[1..], [ParaKind::Bullet, ParaKind::Paragraph]);
        let w = doc("Title of the piece\n\n- Revenue: $4.1 billion, the highest\n  In any quarter so far\n- Costs: $1 billion\n");
        assert_eq!(
            w.paras[1].text,
            "Revenue: $4.1 billion, the highest In any quarter so far"
        );
        let m = doc(
            "Title of the piece\n\n- Revenue: $4.1 billion, the highest\nin any quarter so far\n",
        );
        assert_eq!(m.paras.len(), 2);
    }

    #[test]
    fn a_short_title_case_line_is_a_heading_over_the_lines_after_it() {
        let d = doc(
            "Quarterly Review\nHarbour Towing Services\nRevenue increased $58 million or 4%.\n",
        );
        let kinds: Vec<ParaKind> = d.paras.iter().map(|p| p.kind).collect();
        assert_eq!(kinds[1..], [ParaKind::Heading, ParaKind::Paragraph]);
        // a shorter label still stands apart from the sentence under it
        let t = doc("Quarterly Review\nHarbour Towing\nRevenue increased $58 million or 4%.\n");
        assert_eq!(t.paras.len(), 3);
        // a wrapped sentence still runs on
        let w =
            doc("Title of the piece\n\nThe company said that revenue\nrose 4% in the quarter.\n");
        assert_eq!(
            w.paras[1].text,
            "The company said that revenue rose 4% in the quarter."
        );
    }

    #[test]
    fn split_sentences_across_blank_lines() {
        let d =
            doc("Title of the piece\n\nIn Q2 2024,\n\nthe firm posted 7% growth. It was fine.\n");
        let p = d
            .paras
            .iter()
            .find(|p| p.kind == ParaKind::Paragraph)
            .unwrap();
        assert_eq!(
            p.text,
            "In Q2 2024, the firm posted 7% growth. It was fine."
        );
        assert_eq!(p.locate(p.text.find("7%").unwrap()), (5, Some(16)));
        assert_eq!(d.paras[0].kind, ParaKind::Heading);
    }

    #[test]
    fn sentences_respect_decimals_and_abbreviations() {
        let t = "U.S. sales rose 4.5% to $1.2 billion. Margins held [2]. Done";
        let s: Vec<&str> = sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            vec![
                "U.S. sales rose 4.5% to $1.2 billion.",
                "Margins held [2].",
                "Done"
            ]
        );
        // a currency or a lower-case word after an abbreviation's point continues the sentence
        let t = "Der Umsatz stieg auf 2,4 Mrd. € im Quartal. Der Gewinn fiel.";
        assert_eq!(sentences(t).len(), 2);
        let t = "Sales were approx. one third higher. Costs fell.";
        assert_eq!(sentences(t).len(), 2);
    }

    #[test]
    fn flattened_list_items_are_sentences() {
        let split = |t: &str| -> Vec<String> {
            sentences(t)
                .into_iter()
                .map(|(a, b)| t[a..b].to_string())
                .collect()
        };
        // a citation cluster then a capitalised word ends the item
        let t =
            "Sales of the toy line climbed 14% [2][5] - Margin slipped to 31% [3] Outlook Trimmed";
        assert_eq!(
            split(t),
            vec![
                "Sales of the toy line climbed 14% [2][5]",
                "Margin slipped to 31% [3]",
                "Outlook Trimmed"
            ]
        );
        // three or more dash marks before capitals: a list; each mark starts an item
        let t = "Key Points - Orders grew 8% - Backlog hit $2 billion - Churn fell to 3%";
        assert_eq!(
            split(t),
            vec![
                "Key Points",
                "Orders grew 8%",
                "Backlog hit $2 billion",
                "Churn fell to 3%"
            ]
        );
        // one dash in prose, or a mid-sentence citation before a lower-case word, cuts nothing
        let t = "Orders grew 8% - Acme's best quarter - on demand [2] in Europe.";
        assert_eq!(split(t).len(), 1);
    }

    #[test]
    fn source_lists() {
        let d = doc("Body [1] text [2].\n\nSources:\n[1] First report https://example.com/a\n[2]\nA long biography follows here.\n");
        assert_eq!(d.sources.len(), 2);
        assert_eq!(d.sources[0].url.as_deref(), Some("https://example.com/a"));
        assert!(d.sources[1].is_empty());
        assert_eq!(d.source_list_line, Some(3));
        let d = doc("Text [1].\n\nSource: [1] A title [https://example.com/x] [2] Another [https://example.com/y]\n");
        assert_eq!(d.sources.len(), 2);
        assert_eq!(d.sources[1].title, "Another");
    }

    #[test]
    fn chrome_is_skipped() {
        let d = doc("Head\n\nMonday, Mar 3, 2025 8:00 am ET 3min read\n\nBody 5% here.\n\nJan.2 2025\n\nJan.2 2025\n\nJan.2 2025\n");
        assert!(d.skipped.contains(&3));
        assert!(d.skipped.contains(&9));
        assert!(d.paras.iter().all(|p| !p.text.contains("Jan.2")));
    }

    #[test]
    fn bullets_and_tables() {
        let d = doc("- First point 5%.\n- Second 6%.\n\nRevenue    4,512    3,987    13%\n");
        assert_eq!(
            d.paras
                .iter()
                .filter(|p| p.kind == ParaKind::Bullet)
                .count(),
            2
        );
        assert_eq!(d.paras.last().unwrap().kind, ParaKind::TableRow);
    }

    #[test]
    fn a_label_opening_on_a_period_code_heads_the_line_after_it() {
        let d =
            doc("Vellora posts its results.\n\n2Q2026 Key Figures\nSales: +9% YoY, margin: 31%\n");
        let texts: Vec<&str> = d.paras.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.contains(&"2Q2026 Key Figures"), "{texts:?}");
        assert!(texts.contains(&"Sales: +9% YoY, margin: 31%"), "{texts:?}");
    }

    #[test]
    fn a_tilde_glued_to_a_word_marks_an_item() {
        let d = doc("Vellora posts its results.\n\n~Adjusted EBITDA: $41 million.\n\n~5% of sales came from services.\n");
        assert_eq!(d.paras[1].kind, ParaKind::Bullet);
        assert_eq!(d.paras[1].text, "Adjusted EBITDA: $41 million.");
        assert_ne!(d.paras[2].kind, ParaKind::Bullet);
    }

    #[test]
    fn urls_masked() {
        let m = mask_urls("see https://x.com/2025/11 now");
        assert_eq!(m.len(), "see https://x.com/2025/11 now".len());
        assert!(m.starts_with("see ") && m.ends_with(" now") && !m.contains('2'));
    }
}
