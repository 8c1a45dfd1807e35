//! Extraction: raw articles in, claims out.
//!
//! An article is read into paragraphs and sentences mapped back to source
//! lines ([`document`]); figures are found in each sentence ([`numbers`]) and
//! given a metric ([`metric`]), an entity, a period ([`periods`]) and their
//! sourcing ([`sourcing`]). Metadata missing from the manifest is inferred
//! from the text ([`meta`]).

pub mod coordinate;
pub mod document;
pub mod flat;
pub mod glue;
pub mod meta;
pub mod metric;
pub mod multiple;
pub mod numbers;
pub mod period_rows;
pub mod periods;
pub mod rates;
pub mod sourcing;
pub mod table;
pub mod voice;

use crate::knowledge::Knowledge;
use crate::model::{Article, ArticleMeta, Basis, Claim, Figure, Kind, MetricId, Span, Unit};
use crate::period::{PeriodFrom, PeriodRef};
use document::{Doc, Para, ParaKind};
use regex::Regex;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

/// What a sentence of an article taught: a fiscal calendar or an exchange rate, with the
/// entity the article is about, and where (path, line, the sentence as written).
#[derive(Clone, Debug, PartialEq)]
pub struct Learned {
    pub entity: String,
    pub what: Taught,
    pub path: String,
    pub line: usize,
    pub sentence: String,
}

/// What was learned.
#[derive(Clone, Debug, PartialEq)]
pub enum Taught {
    /// The entity's fiscal calendar: its year's end month, and whether the year is named
    /// by the calendar year it starts in.
    Calendar { fy_end: u8, named_by_start: bool },
    /// An exchange rate the text states or a translation implies ([`rates`]); it is the
    /// text's, not the entity's.
    Rate(crate::knowledge::fx::TextRate),
}

/// Whether a claim file may pair this metric with this kind of figure (as the loader checks).
pub(crate) fn fits(k: &Knowledge, m: &MetricId, kind: crate::model::Kind) -> bool {
    k.metrics.validate(m).is_ok()
        && (kind == crate::model::Kind::Streak
            || k.metrics.measures[&m.measure].kinds.contains(&kind))
}

/// Fiscal calendars and exchange rates taught by an article's own text, for an article
/// whose claims come from a curated claim file: the same sentences teach the same as in
/// extraction.
pub fn learn_from_lines(path: &Path, entity: &str, lines: &[String]) -> Vec<Learned> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // a calendar names the fiscal year; a rate needs a figure
        let lower = line.to_ascii_lowercase();
        if !lower.contains("fiscal")
            && !lower.contains("fy")
            && !lower.bytes().any(|b| b.is_ascii_digit())
        {
            continue;
        }
        for (ss, se) in document::bounded(line, document::sentences(line)) {
            let sentence = &line[ss..se];
            out.extend(learned_at(
                sentence,
                sentence,
                &rates::learn_rates(sentence),
                entity,
                path,
                |_| i + 1,
            ));
        }
    }
    out
}

/// What a sentence teaches: `text` as written (for `claimcheck knowledge`), `sentence` as
/// read (URLs masked), `rates` the rates read from it; `line_at` gives the line of a byte
/// offset in the sentence.
fn learned_at(
    text: &str,
    sentence: &str,
    rates: &[rates::Found],
    entity: &str,
    path: &Path,
    line_at: impl Fn(usize) -> usize,
) -> Vec<Learned> {
    let learned = |what: Taught, line: usize| Learned {
        entity: entity.to_string(),
        what,
        path: path.display().to_string(),
        line,
        sentence: text.to_string(),
    };
    let mut out = Vec::new();
    if let Some((fy_end, named_by_start)) = meta::learn_calendar(sentence) {
        out.push(learned(
            Taught::Calendar {
                fy_end,
                named_by_start,
            },
            line_at(0),
        ));
    }
    for r in rates {
        out.push(learned(Taught::Rate(r.rate.clone()), line_at(r.start)));
    }
    out
}

/// The result of reading one raw article.
pub struct Extracted {
    pub article: Article,
    pub claims: Vec<Claim>,
    pub learned: Vec<Learned>,
}

fn front_matter(lines: &[String]) -> (usize, ArticleMeta) {
    let mut meta = ArticleMeta::default();
    if lines.first().map(|l| l.trim()) != Some("---") {
        return (0, meta);
    }
    let Some(end) = lines
        .iter()
        .skip(1)
        .position(|l| l.trim() == "---" || l.trim() == "...")
    else {
        return (0, meta);
    };
    let yaml = lines[1..=end].join("\n");
    if let Ok(serde_yaml::Value::Mapping(m)) = serde_yaml::from_str::<serde_yaml::Value>(&yaml) {
        let get = |k: &str| {
            m.get(serde_yaml::Value::String(k.into()))
                .and_then(|v| match v {
                    serde_yaml::Value::String(s) => Some(s.clone()),
                    serde_yaml::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
        };
        meta.title = get("title");
        meta.author = get("author");
        meta.outlet = get("outlet").or(get("source")).or(get("site"));
        meta.entity = get("entity").or(get("company"));
        meta.url = get("url").or(get("canonical"));
        meta.published = get("date").or(get("published")).and_then(|d| {
            d.get(..10)
                .and_then(|s| s.parse().ok())
                .or_else(|| meta::parse_date_text(&d))
        });
        meta.primary = matches!(
            m.get(serde_yaml::Value::String("primary".into())),
            Some(serde_yaml::Value::Bool(true))
        );
    }
    (end + 2, meta)
}

fn merge_meta(base: &mut ArticleMeta, other: ArticleMeta) {
    base.title = base.title.take().or(other.title);
    base.author = base.author.take().or(other.author);
    base.outlet = base.outlet.take().or(other.outlet);
    base.entity = base.entity.take().or(other.entity);
    base.url = base.url.take().or(other.url);
    base.published = base.published.or(other.published);
    base.primary = base.primary || other.primary;
}

static PEER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)((?:u\.s\.|us|american|chinese|european|global|western|japanese|korean)?\s*(?:tech(?:nology)?\s+giants|hyperscalers|cloud\s+(?:leaders|providers|rivals)|peers|rivals|competitors|counterparts|(?:big|large)\s+tech)|(?:\w+\s+)?(?:carriers|operators|automakers|carmakers|chipmakers|banks|lenders|insurers|airlines|retailers|brokers|miners|producers|manufacturers|companies|firms)\s+(?:together|combined|collectively|as\s+a\s+group))(?-u:\b)").expect("peer")
});
static RIVAL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:rival|competitor|peer)s?\s+([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})|(?-u:\b)([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})(?:'s|\u{2019}s)").expect("rival")
});

/// The entity a figure is about: another company or a peer group named in
/// its clause before it, else the article's.
fn claim_entity(
    k: &Knowledge,
    lex: &metric::Lexicon,
    article_entity: &str,
    clause_before: &str,
) -> String {
    let main = crate::knowledge::entities::normalize_name(article_entity);
    let is_main = |n: &str| {
        let nn = crate::knowledge::entities::normalize_name(n);
        nn == main
            || k.entities.canonical(n) == Some(article_entity)
            || main.starts_with(&nn)
            || nn.starts_with(&main)
    };
    let mut best: Option<(usize, String)> = None;
    // a bracket closed before the figure describes something ("(games consoles, Rivalco
    // chips) Revenue was ..."): a company named in it is not the figure's
    let mut closed: Vec<(usize, usize)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in clause_before.char_indices() {
        match c {
            '(' => open.push(i),
            // (a bracket opened before the clause began closes in it)
            ')' => closed.push((open.pop().unwrap_or(0), i)),
            _ => {}
        }
    }
    let in_closed = |i: usize| closed.iter().any(|&(a, b)| i >= a && i < b);
    // known companies named before the figure (one pass of the names automaton)
    for (i, canonical) in lex.entity_mentions(clause_before) {
        if in_closed(i) {
            continue;
        }
        if canonical != article_entity && best.as_ref().is_none_or(|(b, _)| i > *b) {
            best = Some((i, canonical));
        }
    }
    for c in RIVAL_NAME.captures_iter(clause_before) {
        let g = c.get(1).or(c.get(2)).expect("name");
        let name = g.as_str();
        let first = name.split_whitespace().next().unwrap_or("");
        let generic = [
            "The", "Its", "This", "That", "A", "An", "In", "China", "U.S.", "US", "Europe", "Asia",
            "India", "Japan", "Korea",
        ]
        .contains(&first)
            // "Q2's 74.6 billion", "September's sales": a period, not a company
            || !matches!(
                crate::period::parse_label(name),
                crate::period::Expr::Unknown | crate::period::Expr::None
            )
            || k.metrics
                .scopes
                .values()
                .flatten()
                .any(|s| s.eq_ignore_ascii_case(name))
            || k.metrics
                .subjects
                .values()
                .flatten()
                .any(|s| s.eq_ignore_ascii_case(name));
        if generic || is_main(name) {
            continue;
        }
        if best.as_ref().is_none_or(|(b, _)| g.start() > *b) {
            best = Some((
                g.start(),
                k.entities.canonical(name).unwrap_or(name).to_string(),
            ));
        }
    }
    if let Some(m) = PEER.find_iter(clause_before).last() {
        if best.as_ref().is_none_or(|(b, _)| m.start() > *b) {
            let t = m.as_str().trim();
            best = Some((m.start(), t.to_string()));
        }
    }
    // the article's own entity named after the other one takes the figure back
    if let Some((pos, name)) = best {
        let own_after = k
            .entities
            .get(article_entity)
            .map(|e| {
                std::iter::once(e.name.as_str())
                    .chain(e.aliases.iter().map(|a| a.as_str()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_else(|| vec![article_entity])
            .iter()
            .any(|n| clause_before.rfind(n).is_some_and(|i| i > pos));
        if !own_after {
            return name;
        }
    }
    article_entity.to_string()
}

/// Author bios, contact blocks and "About me" notes: no claims there.
fn is_boilerplate(para: &Para, author: Option<&str>) -> bool {
    static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[\w.+-]+@[\w-]+\.[\w.]+|(?-u:\b)(?:tel|phone|fax)(?-u:\b)\s*[:.]?\s*\+?\d|^\W*about\s+(?:me|the\s+author|the\s+writer|this\s+newsletter)(?-u:\b)|^\W*disclosures?(?-u:\b)").expect("contact")
    });
    let t = para.text.trim();
    if CONTACT.is_match(t) {
        return true;
    }
    author.is_some_and(|a| {
        let a = a.trim();
        a.len() >= 4 && t.starts_with(a) && t.split_whitespace().count() > 12
    })
}

/// "13% from a year earlier": the words between a figure and a relative label
/// that make the label the figure's comparison basis.
fn is_basis_gap(gap: &str) -> bool {
    static GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?:from|than|over|on|compared\s+(?:with|to)|versus|vs\.?|against)\s*(?:the\s+)?)?$").expect("basis gap")
    });
    GAP.is_match(gap)
}

/// The basis a change's own comparison base gives it: "up 12% from $4.6 billion in
/// Q2 2025" for a Q3 2025 figure is quarter on quarter; from Q3 2024, year on year.
/// `None` when no base period follows the figure in its clause or either period is
/// not a quarter of a known year.
fn base_basis(
    sentence: &str,
    f: &numbers::Found,
    ms: &[periods::Mention],
    own_label: &str,
) -> Option<crate::model::Basis> {
    use crate::period::Expr;
    static FROM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[^,;]{0,40}?(?-u:\b)(?:from|compared\s+(?:with|to)|versus|vs\.?)(?-u:\b)")
            .expect("from")
    });
    let rest = &sentence[f.end..numbers::floor_char(sentence, f.end + 80)];
    let m = FROM.find(rest)?;
    // another figure, or a basis of the figure's own, before the "from": not its base
    // ("rose 7% sequentially and 31% from a year earlier")
    let gap = &rest[..m.end()];
    let dated = |g: &str| {
        // digits of a period label ("in the second quarter of 2026") are no figure
        let mut g = g.to_string();
        for p in periods::find(&g).iter().rev() {
            g.replace_range(p.start..p.end, "");
        }
        g.bytes().any(|b| b.is_ascii_digit())
    };
    if dated(gap) || metric::own_basis(gap).is_some() {
        return None;
    }
    // the base's period, before the clause ends
    let stop = rest[m.end()..]
        .find([',', ';'])
        .map_or(rest.len(), |i| m.end() + i);
    let base = ms
        .iter()
        .find(|x| x.start >= f.end + m.end() && x.end <= f.end + stop)?;
    // "from $2.1 billion in the previous quarter": a base named relative to the figure's own
    match base.expr {
        Expr::Prior { quarters: 1 } => return Some(crate::model::Basis::Qoq),
        Expr::Prior { quarters: 4 } => return Some(crate::model::Basis::Yoy),
        _ => {}
    }
    let own = periods::find(own_label).into_iter().next()?;
    let index = |e: &Expr| match e {
        Expr::Quarter {
            q, year: Some(y), ..
        } => Some(*y * 4 + i32::from(*q)),
        _ => None,
    };
    match index(&own.expr)? - index(&base.expr)? {
        1 => Some(crate::model::Basis::Qoq),
        4 => Some(crate::model::Basis::Yoy),
        _ => None,
    }
}

/// Whether the words before a period label make it a comparison ("from the", "than in").
fn is_basis_lead(before: &str) -> bool {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?-u:\b)from|(?-u:\b)than|(?-u:\b)over|(?-u:\b)versus|(?-u:\b)vs\.?|(?-u:\b)compared\s+(?:with|to))\s+(?:in\s+)?(?:the\s+|its\s+)?$").expect("basis lead")
    });
    LEAD.is_match(metric::tail(before, 30))
}

/// Whether the label `m`, after the figure `f`, belongs to a comparison that
/// comes between them: another figure introduced by a comparison marker ("than
/// the 30% rise in the second quarter", "compared to 1.85 in Q2"), or a percent
/// change whose base the label is ("$8.4 billion, up 12% from Q2").
fn compared_after(
    sentence: &str,
    figures: &[numbers::Found],
    f: &numbers::Found,
    m: &periods::Mention,
) -> bool {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against|relative\s+to|(?:previous|prior|earlier|former|old)\s+(?:\w+\s+){0,2}(?:record|high|peak|best))(?-u:\b)[^,;]{0,30}$").expect("comparison marker")
    });
    if m.start < f.end {
        return false;
    }
    let between = figures
        .iter()
        .filter(|g| g.start >= f.end && g.end <= m.start && m.start - g.end <= 60);
    for g in between {
        let lead = &sentence[numbers::floor_char(sentence, g.start.saturating_sub(40))..g.start];
        if MARKER.is_match(lead) {
            return true;
        }
        if matches!(g.unit, Unit::Percent | Unit::Pp | Unit::Bp)
            && !matches!(
                m.expr,
                crate::period::Expr::Trailing { .. } | crate::period::Expr::YearToDate
            )
            && is_basis_lead(&sentence[..m.start])
        {
            return true;
        }
    }
    false
}

/// "the highest since the second quarter of 2021", "the biggest gain in four quarters": a
/// point or a window the figure is measured against, never the figure's own period.
fn is_reference_point(sentence: &str, m: &periods::Mention) -> bool {
    static SINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:since|as\s+far\s+back\s+as|dating\s+back\s+to)\s+(?:the\s+|its\s+|a\s+)?(?:(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?|(?:late|early|mid)[\s-]+)?$")
            .expect("since lead")
    });
    static IN_LEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)in\s+$").expect("in lead"));
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:quarters|years|months)$")
            .expect("count of periods")
    });
    let before = metric::tail(&sentence[..m.start], 40);
    SINCE.is_match(before) || COUNT.is_match(&m.text) && IN_LEAD.is_match(before)
}

/// "a rebound from the June quarter", "slower than in the second quarter", "the best
/// since 2021": a label a sentence compares with, which dates neither its figures nor
/// the sentences after it. ("Results from the third quarter" name their own period.)
fn is_compared_point(sentence: &str, m: &periods::Mention) -> bool {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[^\w])(\w+\s+)?(?:from|than|versus|vs\.?|compared\s+(?:with|to)|relative\s+to|against)\s+(?:in\s+)?(?:the\s+|its\s+|a\s+)?$")
            .expect("compared point")
    });
    static OWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:results|figures|numbers|data|reports?|earnings|accounts|statements?)\s+$",
        )
        .expect("own results")
    });
    // "compared with $1.85 in the second quarter": the label of the compared value
    static VALUE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:from|than|versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:the\s+|a\s+)?[^\s,;]*\d[^\s,;]*(?:\s+[^\s\d,;]+){0,3}?\s+(?:in|for|during|at)\s+(?:the\s+|its\s+)?$")
            .expect("compared value lead")
    });
    if is_reference_point(sentence, m) {
        return true;
    }
    let before = metric::tail(&sentence[..m.start], 80);
    VALUE_LEAD.is_match(before)
        || LEAD
            .captures(metric::tail(before, 50))
            .is_some_and(|c| !c.get(1).is_some_and(|w| OWN.is_match(w.as_str())))
}

/// "fourth quarter guidance", "2026 outlook": a label naming the period of a forecast.
fn names_outlook(after: &str) -> bool {
    static OUTLOOK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s-]*(?:revenue\s+|sales\s+|earnings\s+)?(?:guidance|outlook|forecasts?|targets?|expectations|projections?|estimates?|consensus)(?-u:\b)")
            .expect("outlook noun")
    });
    OUTLOOK.is_match(after)
}

/// "rose from 41.2% in the same period last year to 43.5%": a label between an earlier
/// value after "from" and the current one after "to" is the earlier value's, never the
/// current one's.
fn is_base_before_to(
    sentence: &str,
    figures: &[numbers::Found],
    f: &numbers::Found,
    m: &periods::Mention,
) -> bool {
    static TO_GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^[\s,]*to\s*$").expect("to gap"));
    static OWN_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,]*(?:(?:in|for|during|at)\s+)?(?:the\s+|its\s+)?$").expect("own gap")
    });
    static FROM_LEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)from\s*$").expect("from lead"));
    if m.end > f.start || !TO_GAP.is_match(&sentence[m.end..f.start]) {
        return false;
    }
    figures.iter().any(|g| {
        g.end <= m.start
            && OWN_GAP.is_match(&sentence[g.end..m.start])
            && FROM_LEAD.is_match(metric::tail(&sentence[..g.start], 12))
    })
}

fn is_comparison_lead(before: &str) -> bool {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:unchanged|flat|steady|than|compared|versus|vs\.?|from)\s+(?:from\s+|with\s+|to\s+|in\s+|on\s+)?(?:the\s+|its\s+)?$").expect("comparison lead")
    });
    LEAD.is_match(metric::tail(before, 30))
}

/// Picks the period label for a figure at `at..end` in a sentence; `window` is
/// the stretch between the neighbouring figures ("6.5% in Q2 from 6.1% in the prior quarter").
fn period_for(
    text: &str,
    ms: &[periods::Mention],
    at: usize,
    end: usize,
    clause: (usize, usize),
    window: (usize, usize),
    others: &[(usize, usize)],
) -> Option<(periods::Mention, PeriodFrom, Option<String>)> {
    static COMPARED_LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:from|versus|vs\.?|against|compared\s+(?:with|to))\s*$")
            .expect("compared lead")
    });
    static OWN_LABEL_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:in|for|during|at)\s+(?:the\s+)?$").expect("own label gap")
    });
    // "(prior year: 13.7%)": a label followed by a colon belongs to the next figure
    // (whatever figure that is: "19.0%, up 50 basis points (H1 FY25: 18.5%)")
    let labels_next = |m: &periods::Mention| {
        let after = text[m.end..].trim_start();
        let lower = after.get(..4).unwrap_or(after).to_ascii_lowercase();
        after.starts_with(':')
            || after.starts_with('=')
            || (lower.starts_with("of ") || lower.starts_with("was "))
                && after.split_whitespace().nth(1).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit() || "$€£¥₩".contains(c))
                })
    };
    // a relative label ("a year earlier") belongs to the figure next to it, not to figures further away
    let candidates: Vec<&periods::Mention> = ms
        .iter()
        .filter(|m| !m.is_bare_year() || ms.iter().all(|o| o.is_bare_year()))
        .filter(|m| {
            !m.is_relative()
                || m.start >= window.0
                    && m.end <= window.1
                    && m.start >= clause.0
                    && m.end <= clause.1
        })
        .filter(|m| !(m.start >= end && labels_next(m)))
        .filter(|m| {
            !(m.is_relative()
                && m.end <= at
                && window.0 > 0
                && is_basis_gap(&text[window.0.min(m.start)..m.start]))
        })
        .collect();
    let dist = |m: &periods::Mention| {
        if m.end <= at {
            at - m.end
        } else {
            m.start.saturating_sub(end)
        }
    };
    // a label right after the figure (before the next figure) is its own; one before it, after the previous figure, next
    let after_own = candidates
        .iter()
        .filter(|m| m.start >= end && m.end <= window.1 && m.start >= clause.0 && m.end <= clause.1)
        .filter(|m| !labels_next(m))
        .min_by_key(|m| dist(m));
    let before_own = candidates
        .iter()
        .filter(|m| m.end <= at && m.start >= window.0 && m.start >= clause.0)
        .min_by_key(|m| dist(m));
    let in_clause = after_own.or(before_own).or_else(|| {
        candidates
            .iter()
            .filter(|m| m.start >= clause.0 && m.end <= clause.1)
            .min_by_key(|m| dist(m))
    });
    // "full-year operating profit of ¥1.9 billion for the fiscal year ending March 2027":
    // the year the clause names says which full year
    let in_clause = match in_clause {
        Some(m) if matches!(m.expr, crate::period::Expr::FullYear) => candidates
            .iter()
            .filter(|n| n.start >= clause.0 && n.end <= clause.1)
            .filter(|n| {
                matches!(
                    n.expr,
                    crate::period::Expr::Year { .. }
                        | crate::period::Expr::YearEnding { year: Some(_), .. }
                )
            })
            .min_by_key(|n| dist(n))
            .or(Some(m)),
        x => x,
    };
    let (chosen, from) = match in_clause {
        Some(m) => ((*m).clone(), PeriodFrom::Clause),
        None => {
            // from another clause, not the label of an earlier value another figure is
            // compared with ("up 160 basis points from 59.8% in the second quarter of fiscal 2025")
            let compared = |m: &periods::Mention| {
                others.iter().any(|&(b, e)| {
                    e <= m.start
                        && OWN_LABEL_GAP.is_match(&text[e..m.start])
                        && COMPARED_LEAD.is_match(metric::tail(&text[..b], 16))
                })
            };
            let m = candidates
                .iter()
                .filter(|m| !compared(m))
                .min_by_key(|m| dist(m))?;
            ((*m).clone(), PeriodFrom::Sentence)
        }
    };
    // a label with no year takes one from a bare year in the sentence ("In 2025, ... in Q3")
    let mut context = None;
    if chosen.is_relative() {
        context = ms
            .iter()
            .filter(|m| !m.is_relative() && !m.is_bare_year())
            .min_by_key(|m| dist(m))
            .or_else(|| ms.iter().find(|m| m.is_bare_year()))
            .map(|m| m.text.clone());
    } else if !chosen.has_year() {
        context = ms.iter().find(|m| m.is_bare_year()).map(|m| m.text.clone());
    }
    Some((chosen, from, context))
}

/// Reads a raw article (text, Markdown or HTML) into an article and its claims.
pub fn article(
    path: &Path,
    text: &str,
    meta: Option<ArticleMeta>,
    k: &Knowledge,
) -> (Article, Vec<Claim>) {
    let lex = metric::Lexicon::new(k);
    let e = extract(path, text, meta, k, &lex);
    (e.article, e.claims)
}

/// A paragraph read as a flattened table, if it is one (then true): its cells'
/// claims, and notes on the rows refused. A header alone is kept for the rows of
/// the paragraphs after it.
fn read_flat(
    cx: &flat::Cx,
    text: &str,
    header: &mut Option<flat::Header>,
    claims: &mut Vec<Claim>,
    notes: &mut Vec<crate::model::Note>,
) -> bool {
    let note = |at: usize, message: String| crate::model::Note {
        line: cx.para.locate(at).0,
        message,
    };
    match flat::read(text, header.as_ref()) {
        flat::Outcome::NotATable => {
            *header = None;
            false
        }
        flat::Outcome::HeaderOnly(h) => {
            *header = Some(h);
            false
        }
        flat::Outcome::Refused(why) => {
            *header = None;
            notes.push(note(0, why));
            true
        }
        flat::Outcome::Table {
            header: h,
            rows,
            refused,
            end,
        } => {
            claims.extend(flat::claims(cx, &h, &rows));
            notes.extend(refused.into_iter().map(|(at, why)| note(at, why)));
            if end < text.len() {
                notes.push(note(
                    end,
                    "text after a table on the same line not read".into(),
                ));
            }
            // rows of a header read before may go on in the next paragraph
            if !(end == text.len() && header.as_ref() == Some(&h)) {
                *header = None;
            }
            true
        }
    }
}

/// Reads a raw article with a prepared lexicon, returning also what it taught.
pub fn extract(
    path: &Path,
    text: &str,
    manifest: Option<ArticleMeta>,
    k: &Knowledge,
    lex: &metric::Lexicon,
) -> Extracted {
    let lines = crate::ingest::split_lines(text);
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let mut meta = manifest.unwrap_or_default();
    let mut doc = if is_html {
        let (d, m) = html_doc(text, lines);
        merge_meta(&mut meta, m);
        d
    } else {
        let (skip, fm) = front_matter(&lines);
        merge_meta(&mut meta, fm);
        document::from_lines(lines, skip)
    };
    flat::split_at_tables(&mut doc);
    // tables whose rows are periods are read from their lines, apart from the prose
    let period_tables = period_rows::find(&doc.lines, &doc.skipped, lex, k);
    period_rows::cut(&mut doc, &period_tables);
    if meta.published.is_none() && !is_html {
        meta.published = meta::published_from_lines(&doc.lines);
    }
    if meta.title.is_none() {
        meta.title = doc
            .paras
            .iter()
            .find(|p| p.text.split_whitespace().count() >= 3)
            .map(|p| p.text.chars().take(200).collect());
    }
    let body: String = doc
        .paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let entity = meta
        .entity
        .clone()
        .map(|e| k.entities.canonical(&e).unwrap_or(e.trim()).to_string())
        .or_else(|| meta::infer_entity(&body, lex))
        .unwrap_or_else(|| "(unknown entity)".to_string());
    meta.entity = Some(entity.clone());
    let european = numbers::is_european(&body);
    // a copy of the whole text: not kept while the paragraphs are read
    drop(body);
    let mut claims: Vec<Claim> = Vec::new();
    let mut learned = Vec::new();
    let entity_names: Vec<String> = k
        .entities
        .get(&entity)
        .map(|e| {
            std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .collect()
        })
        // a company the catalogue does not know: its name, and its first word
        // ("Norrvik" for "Norrvik Freight"), as writers shorten it
        .unwrap_or_else(|| {
            let first = entity.split_whitespace().next().unwrap_or_default();
            let mut v = vec![entity.clone()];
            if first.len() >= 4 && first != entity && first.starts_with(char::is_uppercase) {
                v.push(first.to_string());
            }
            v
        });
    let rows_cx = period_rows::Cx {
        lines: &doc.lines,
        k,
        entity: &entity,
    };
    for t in &period_tables {
        claims.extend(period_rows::claims(&rows_cx, t));
    }
    let mut heading_period: Option<periods::Mention> = None;
    let mut title_period: Option<periods::Mention> = None;
    let mut body_started = false;
    // "For the fourth quarter, the company expects:" labels the bullets that follow
    let mut lead_period: Option<periods::Mention> = None;
    // "On a non-GAAP basis:" qualifies the bullets that follow, until the next lead line
    let mut lead_scope: Option<String> = None;
    // "Payments Services:" leads the bullets of that segment
    let mut lead_subject: Option<metric::LeadSubject> = None;
    // "- Gross Margin:" names the measure of the bullets that follow ("- 52%, up 2 points")
    let mut lead_measure: Option<String> = None;
    // "Below is a summary of Acme's quarterly report:" sources the list that follows
    let mut lead_source: Option<String> = None;
    // "Here are Acme's results compared with the Fieldwire consensus:" makes the second
    // figure of "Revenue: $4.1 billion vs. $4.0 billion" the estimate
    let mut lead_vs_estimates = false;
    let mut table = table::State::default();
    // the first phrase giving the article's figures as the company's ("Acme reported")
    let mut article_voice: Option<String> = None;
    // "Results compared with the Fieldwire consensus:" names who compiled the estimates below
    let mut lead_provider: Option<String> = None;
    let vw = &k.metrics.voice;
    let name_words = &k.metrics.parts.name_words;
    // the header of a flattened table whose rows may follow in the next paragraphs
    let mut flat_header: Option<flat::Header> = None;
    let mut notes: Vec<crate::model::Note> = Vec::new();
    let mut columns = Columns::default();
    let mut caption: Option<(String, crate::model::Scale)> = None;
    // "Industrial Sensors:" and "Industrial Automation:" in one article: the catalogue's
    // "industrial" cannot tell them apart, so neither label names it
    let mut label_texts: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for para in &doc.paras {
        if let Some(l) = metric::colon_label(lex, &para.text) {
            if let Some(s) = l.subject {
                label_texts.entry(s).or_default().insert(l.text);
            }
        }
    }
    let shared_labels: Vec<String> = label_texts
        .into_iter()
        .filter(|(_, t)| t.len() > 1)
        .map(|(s, _)| s)
        .collect();
    // the part the previous paragraph's closing sentence is about ("Its Widgets segment
    // had a strong quarter."): a next paragraph that opens on a bare measure ("Sales rose
    // 4%") may be that part's or the company's, and the reader cannot tell which
    let mut closed_on_part = false;
    // under a section heading naming a part, to the next heading
    let mut section_part = false;
    // the company's first estimate of its results ("Acme estimated its quarterly profit")
    let mut preliminary = false;
    for para in &doc.paras {
        let masked = document::mask_urls(&para.text);
        let ptext = masked.as_str();
        // a table header's periods are its columns', not a section's
        if para.kind == ParaKind::Heading && !table::is_glued_header(ptext) {
            // a section heading's period lasts until the next heading; one without a period
            // ("Market reaction") goes back to the headline's
            // ("expects demand to grow through 2026": a horizon, not the period reported)
            let own = periods::find(ptext).into_iter().find(|m| {
                !m.is_relative()
                    && !matches!(
                        m.expr,
                        crate::period::Expr::Through(_)
                            | crate::period::Expr::Horizon { .. }
                            | crate::period::Expr::Trailing { .. }
                            | crate::period::Expr::YearToDate
                    )
            });
            // the headline: the first heading that names a period, before the body starts
            if title_period.is_none() && !body_started {
                title_period = own.clone();
            }
            heading_period = own.or_else(|| title_period.clone());
            // a section named for a part ("Home Systems") over a paragraph opening on a bare
            // measure: the part's figures, or the company's, the text does not say
            closed_on_part = !std::ptr::eq(para, &doc.paras[0])
                && metric::names_a_part(lex, k, ptext, &entity_names);
            section_part = closed_on_part;
            // a headline states figures too (it restates the body); other headings rarely do
            if !ptext.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
        }
        if is_boilerplate(para, meta.author.as_deref()) {
            continue;
        }
        if para.kind != ParaKind::Bullet && para.kind != ParaKind::TableRow {
            lead_period = None;
        }
        let is_lead = ptext.trim_end().ends_with(':');
        if is_lead {
            lead_scope = metric::lead_qualifier(k, ptext);
            lead_subject = metric::lead_subject(lex, k, ptext);
            lead_measure = metric::lead_measure(lex, ptext);
            lead_vs_estimates = voice::against_estimates(ptext, vw);
            if let Some((a, b)) =
                voice::frames(&voice::Words::new(ptext), &entity_names, vw, name_words)
            {
                lead_source = Some(format!("{} (line {})", &ptext[a..b], para.locate(a).0));
            }
            lead_provider = voice::provider(&voice::Words::new(ptext), vw)
                .map(|(a, b)| ptext[a..b].to_string());
        } else if para.kind != ParaKind::Bullet && para.kind != ParaKind::TableRow {
            lead_scope = None;
            lead_subject = None;
            lead_measure = None;
            lead_vs_estimates = false;
            // a sentence of the body ends the list a lead line sourced; a section label does not
            if para.kind == ParaKind::Paragraph && ptext.split_whitespace().nth(5).is_some() {
                lead_source = None;
            }
            lead_provider = None;
        }
        if para.kind == ParaKind::TableRow {
            if table.caption.is_none() {
                table.caption = caption.clone();
            }
            claims.extend(table.row(para, ptext, &doc, k, lex, &entity, european));
            notes.extend(
                table
                    .refused
                    .drain(..)
                    .map(|(line, message)| crate::model::Note { line, message }),
            );
            continue;
        }
        let cx = flat::Cx {
            para,
            doc: &doc,
            k,
            lex,
            entity: &entity,
            caption: caption.clone(),
            table: para.parts[0].line,
        };
        if read_flat(&cx, ptext, &mut flat_header, &mut claims, &mut notes) {
            continue;
        }
        body_started |=
            para.kind == ParaKind::Paragraph && ptext.split_whitespace().nth(20).is_some();
        table = table::State::default();
        if let Some(c) = table::caption(ptext) {
            caption = Some(c);
        }
        // a header line ("(in millions) Q3 2025 Q3 2024 Change") starts a table
        if table.header_line(ptext, european) {
            table.caption = caption.clone();
            table.id = para.parts[0].line;
            continue;
        }
        let mut para_period: Option<periods::Mention> = None;
        // "Widgets: Revenue was ... . Operating income fell ...": a paragraph that opens with
        // a part's label is about that part, sentence after sentence
        let para_label: Option<String> = metric::colon_label(lex, ptext)
            .filter(|l| !metric::is_generic_label(k, &l.text))
            .filter(|l| !lex.names_measure(&l.text))
            .and_then(|l| l.subject.or_else(|| metric::text_subject(k, &l.text)))
            .filter(|s| s != "company");
        let mut para_subject: Option<String> = para_label.clone();
        let para_first = claims.len();
        // the paragraph's earlier claims a figure may look back to, kept up to date
        // sentence by sentence (a claim is final once its sentence is read), so a
        // long paragraph is not searched again for every figure: the last guidance
        // claim, and the last flow level of each unit
        let mut indexed = para_first;
        let mut last_guidance: Option<usize> = None;
        let mut last_flow_level: Vec<usize> = Vec::new();
        let after_part = para.kind == ParaKind::Paragraph && closed_on_part;
        closed_on_part = false;
        let mut last_sentence = "";
        let mut sentence_no = 0usize;
        for (ss, se) in document::bounded(ptext, document::sentences(ptext)) {
            let sentence = &ptext[ss..se];
            sentence_no += 1;
            last_sentence = sentence;
            let sentence_rates = rates::learn_rates(sentence);
            for (i, c) in claims.iter().enumerate().skip(indexed) {
                if c.metric
                    .as_ref()
                    .is_some_and(|m| m.measure == "guidance-revenue")
                {
                    last_guidance = Some(i);
                }
                if c.kind == crate::model::Kind::Level
                    && c.basis != Some(crate::model::Basis::Estimate)
                    && c.metric
                        .as_ref()
                        .is_some_and(|m| k.metrics.class_of(m) == crate::period::PeriodClass::Flow)
                {
                    match last_flow_level
                        .iter_mut()
                        .find(|j| claims[**j].figure.unit == c.figure.unit)
                    {
                        Some(j) => *j = i,
                        None => last_flow_level.push(i),
                    }
                }
            }
            indexed = claims.len();
            learned.extend(learned_at(
                &para.text_with_lines(ss, se),
                sentence,
                &sentence_rates,
                &entity,
                path,
                |at| para.locate(ss + at).0,
            ));
            preliminary = preliminary || voice::preliminary(sentence, &entity_names, vw);
            // most sentences state no figure: only look for what a later sentence may inherit
            let may_have_figures = numbers::may_contain(sentence);
            // the sentence's words, cut once for every reading of who speaks in it
            let words =
                (article_voice.is_none() || may_have_figures).then(|| voice::Words::new(sentence));
            if let (None, Some(w)) = (&article_voice, &words) {
                if let Some((a, b)) = voice::frames(w, &entity_names, vw, name_words) {
                    let line = para.locate(ss + a).0;
                    article_voice = Some(format!("{} (line {line})", &sentence[a..b]));
                }
            }
            let ms = if may_have_figures || periods::may_contain(sentence) {
                periods::find(sentence)
            } else {
                Vec::new()
            };
            if !may_have_figures {
                let names_period = |m: &&periods::Mention| {
                    !m.is_relative()
                        && !m.is_bare_year()
                        && !matches!(m.expr, crate::period::Expr::LastYear(_))
                        && !is_compared_point(sentence, m)
                        && !matches!(m.expr, crate::period::Expr::Horizon { .. })
                        && !matches!(m.expr, crate::period::Expr::Month { year: None, .. })
                };
                // "our record third quarter and strong fourth quarter guidance": the
                // quarter reported, not the one a forecast is for, dates what follows
                if let Some(m) = ms
                    .iter()
                    .rev()
                    .filter(names_period)
                    .find(|m| !names_outlook(&sentence[m.end..]))
                    .or_else(|| ms.iter().rev().find(names_period))
                {
                    para_period = Some(m.clone());
                }
                if para.kind == ParaKind::Paragraph && sentence.trim_end().ends_with(':') {
                    lead_period = ms
                        .iter()
                        .find(|m| !m.is_relative() && !m.is_bare_year())
                        .cloned();
                }
                // a headline names what the story covers, not the subject of what follows
                if !document::title_case(sentence) {
                    if let Some(s) = metric::first_subject(lex, sentence) {
                        para_subject = para_label.clone().or(Some(s));
                    }
                }
                continue;
            }
            let figures = numbers::scan(sentence, european);
            let links: Vec<String> = para
                .links
                .iter()
                .filter(|(a, b, _)| *a < se && *b > ss)
                .map(|(_, _, h)| h.clone())
                .collect();
            let src = sourcing::of_sentence(sentence, &links);
            // an estimate is sourced only by who compiled it
            let words = words.unwrap_or_else(|| voice::Words::new(sentence));
            let provider = voice::provider(&words, vw).map(|(a, b)| sentence[a..b].to_string());
            let estimate_source = src
                .attribution
                .clone()
                .filter(|p| voice::names_someone(p, vw))
                .or_else(|| provider.clone())
                .or_else(|| {
                    // "..., Fieldwire reports": the sentence's source, though not the company's
                    voice::others_speaking(&words, vw, name_words)
                        .map(|(a, b)| sentence[a..b].to_string())
                })
                .or_else(|| lead_provider.clone());
            // other figures by anybody the sentence names as speaking
            let own_voice = src.attribution.clone().or_else(|| {
                voice::named_speaker(&words, &entity_names, vw, name_words)
                    .map(|(a, b)| sentence[a..b].to_string())
                    .or(provider)
            });
            // growth figures' metrics, for streaks in the same clause
            let mut clause_metric: Vec<((usize, usize), MetricId)> = Vec::new();
            let idx = metric::SentenceIndex::new(lex, sentence, &entity_names);
            let first_claim = claims.len();
            let mut placed: Vec<coordinate::Placed> = Vec::new();
            for (fi, f) in figures.iter().enumerate() {
                if ms.iter().any(|m| f.start >= m.start && f.end <= m.end) && f.unit == Unit::Count
                {
                    continue;
                }
                // the "$1" of "($1 = 0.9385 euros)" is the unit a rate is given per, no figure
                if f.value.is_point()
                    && f.value.lo.to_f64() == 1.0
                    && f.scale == crate::model::Scale::One
                    && sentence_rates.iter().any(|r| r.states(f.start, f.end))
                {
                    continue;
                }
                let cl = idx.clause(sentence.len(), f.start);
                let streak_of = clause_metric
                    .iter()
                    .find(|(c, _)| *c == cl)
                    .map(|(_, m)| m.clone());
                let mut a = metric::attribute(
                    lex,
                    k,
                    sentence,
                    &idx,
                    f,
                    streak_of.as_ref(),
                    para_subject.as_deref(),
                );
                // "- Gross Margin:" then "- 52%, up 2 points": a figure of a bullet that names
                // no measure before it is read as if its lead's label opened the bullet (a
                // measure after it, "from a -2% margin", is a later figure's)
                if let (None, Some(label), ParaKind::Bullet, false) =
                    (&a.metric, &lead_measure, para.kind, is_lead)
                {
                    if !lex.names_measure(&sentence[..f.start]) {
                        let text = format!(
                            "{label}: {}",
                            sentence.trim_start_matches(['-', '*', '\u{2022}', ' '])
                        );
                        let shift = text.len() - sentence.len();
                        let mut g = f.clone();
                        g.start += shift;
                        g.end += shift;
                        let gidx = metric::SentenceIndex::new(lex, &text, &entity_names);
                        let b = metric::attribute(
                            lex,
                            k,
                            &text,
                            &gidx,
                            &g,
                            streak_of.as_ref(),
                            para_subject.as_deref(),
                        );
                        if b.metric.is_some() {
                            a = b;
                        }
                    }
                }
                // "The midpoint implies sequential growth of about 8%": growth of the guidance
                // given earlier in the paragraph
                static GUIDE_REF: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"(?i)(?-u:\b)(?:guide|guidance|midpoint|outlook)(?-u:\b)")
                        .expect("guide ref")
                });
                static PART_WORD: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"(?i)(?-u:\b)(?:business|unit|segment|division|arm|alone)(?-u:\b)")
                        .expect("part word")
                });
                if a.metric.is_none()
                    && a.kind == crate::model::Kind::Growth
                    && f.unit == Unit::Percent
                    && GUIDE_REF.is_match(&sentence[cl.0..f.start])
                    && !PART_WORD.is_match(&sentence[cl.0..f.start])
                {
                    if let Some(g) = claims[indexed..]
                        .iter()
                        .rev()
                        .filter_map(|c| c.metric.as_ref())
                        .find(|m| m.measure == "guidance-revenue")
                        .or_else(|| last_guidance.and_then(|i| claims[i].metric.as_ref()))
                    {
                        a.metric = Some(g.clone());
                        a.outlook = true;
                        let l = sentence.to_ascii_lowercase();
                        a.basis = Some(
                            if l.contains("sequential")
                                || l.contains("quarter-over-quarter")
                                || l.contains("quarter on quarter")
                            {
                                crate::model::Basis::Qoq
                            } else {
                                crate::model::Basis::Yoy
                            },
                        );
                    }
                }
                // "Revenue rose 6% to $5.3 billion. Analysts had expected $5.2 billion.": the
                // estimate is of the level stated just before
                if a.metric.is_none()
                    && a.outlook
                    && matches!(f.unit, Unit::Currency(_))
                    && metric::is_estimate(sentence, cl.0, f)
                {
                    if let Some(prev) = claims[indexed..]
                        .iter()
                        .rev()
                        .find(|c| {
                            c.kind == crate::model::Kind::Level
                                && c.figure.unit == f.unit
                                && c.basis != Some(crate::model::Basis::Estimate)
                                && c.metric.as_ref().is_some_and(|m| {
                                    k.metrics.class_of(m) == crate::period::PeriodClass::Flow
                                })
                        })
                        .or_else(|| {
                            last_flow_level
                                .iter()
                                .map(|&i| &claims[i])
                                .find(|c| c.figure.unit == f.unit)
                        })
                    {
                        let mut m = prev.metric.clone().expect("metric");
                        if m.measure == "guidance-revenue" {
                            m.measure = "revenue".into();
                        }
                        a.metric = Some(m);
                        a.kind = crate::model::Kind::Level;
                        a.basis = Some(crate::model::Basis::Estimate);
                    }
                }
                // "estimates of $75 billion in sales and $1.10 in EPS": the next item of a
                // list of estimates is an estimate too
                static LIST_NEXT: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"(?i)^\s+(?:in|of|for)\s+[\w\s-]{1,30}?,?\s+(?:and|,)\s*$")
                        .expect("list next")
                });
                if a.basis != Some(crate::model::Basis::Estimate) && a.metric.is_some() {
                    let prev = figures
                        .iter()
                        .filter(|g| g.end <= f.start)
                        .max_by_key(|g| g.end);
                    let prev_claim = claims[first_claim..].last();
                    if let (Some(g), Some(pc)) = (prev, prev_claim) {
                        if pc.basis == Some(crate::model::Basis::Estimate)
                            && pc.figure.text == sentence[g.start..g.end]
                            && LIST_NEXT.is_match(&sentence[g.end..f.start])
                        {
                            a.basis = Some(crate::model::Basis::Estimate);
                            a.outlook = true;
                        }
                    }
                }
                // under a lead setting results against estimates, "$4.1 billion vs. $4.0
                // billion": the figure after "vs." is the estimate of the one before
                if lead_vs_estimates && para.kind == ParaKind::Bullet && !is_lead {
                    static VS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
                        Regex::new(r"(?i)(?:(?-u:\b)vs\.?|(?-u:\b)versus|(?-u:\b)against|(?-u:\b)compared\s+(?:with|to))\s*$")
                            .expect("vs before")
                    });
                    if VS_BEFORE.is_match(&sentence[..f.start]) {
                        if let Some(prev) = claims[first_claim..]
                            .iter()
                            .rev()
                            .find(|c| c.metric.is_some() && c.figure.unit == f.unit)
                        {
                            a.metric = prev.metric.clone();
                            a.kind = prev.kind;
                            a.basis = Some(crate::model::Basis::Estimate);
                        }
                    }
                }
                // "7% at constant currency", "4.8% on a like-for-like basis": not the reported growth
                static ORGANIC_AFTER: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"(?i)^\s*(?:(?:at|in|on)\s+(?:a\s+)?(?:constant[\s-]currenc(?:y|ies)|constant[\s-]exchange[\s-]rates?|like[\s-]for[\s-]like|comparable|organic)(?:\s+basis)?|organically|like[\s-]for[\s-]like|excluding\s+(?:currency|foreign[\s-]exchange|acquisitions))(?-u:\b)").expect("organic after")
                });
                if let Some(m) = a.metric.as_mut() {
                    if m.measure == "revenue"
                        && k.metrics.measures.contains_key("organic-revenue")
                        && ORGANIC_AFTER.is_match(&sentence[f.end..])
                    {
                        m.measure = "organic-revenue".into();
                    }
                }
                if let Some(l) = metric::colon_label(lex, &sentence[..f.start]) {
                    let shared = l
                        .subject
                        .as_ref()
                        .is_some_and(|s| shared_labels.contains(s));
                    if !l.complete
                        && shared
                        && a.metric.as_ref().map(|m| &m.subject) == l.subject.as_ref()
                    {
                        a.metric = None;
                    }
                }
                // "(\$4.67 billion)" after a money figure, or "..., reaching RMB 33.4 billion" after a
                // growth figure: the same metric, carried over
                let lead = metric::tail(&sentence[..f.start], 14).to_lowercase();
                let lead = lead.trim_end();
                let paren = lead.ends_with('(');
                // "rose to $512 million from $474 million": the earlier level of the same metric
                // (or "compared with $8.2 billion a year earlier", "versus $1.1 billion")
                let compared = {
                    let wide = metric::tail(&sentence[..f.start], 24).to_lowercase();
                    let wide = wide.trim_end();
                    ["compared with", "compared to", "versus", "vs.", "vs"]
                        .iter()
                        .any(|w| wide.ends_with(w))
                };
                let from_level = a.metric.is_none()
                    && (lead.ends_with("from") || compared && !lead.ends_with(" to"));
                let carried = (paren
                    || a.metric.is_none()
                        && (lead.ends_with(" to")
                            || lead.ends_with("reaching")
                            || lead.ends_with(" at"))
                    || from_level)
                    && matches!(f.unit, Unit::Currency(_));
                let mut carried_period = None;
                if carried {
                    if let Some(prev) = claims[first_claim..].iter().rev().find(|c| {
                        // only a measure that takes an amount ("margin ... at €1.9 billion" is not one)
                        c.metric.as_ref().is_some_and(|m| {
                            k.metrics
                                .measures
                                .get(&m.measure)
                                .is_some_and(|d| d.kinds.contains(&crate::model::Kind::Level))
                        }) && (!paren || matches!(c.figure.unit, Unit::Currency(_)))
                            && (!from_level
                                || c.figure.unit == f.unit
                                    && c.kind == crate::model::Kind::Level
                                    && !(c.figure.scale == crate::model::Scale::One
                                        && f.scale != crate::model::Scale::One))
                    }) {
                        a.metric = prev.metric.clone();
                        a.kind = crate::model::Kind::Level;
                        a.basis = None;
                        a.of = None;
                        a.outlook = prev.outlook;
                        if paren {
                            carried_period = Some(prev.period.clone());
                        }
                    }
                }
                // "accounting for 57% of revenue, up from 51% a year earlier": the same share, earlier;
                // "up 14% ... and 3% from the previous quarter": the same growth, another basis
                let pct = matches!(f.unit, Unit::Percent | Unit::Pp | Unit::Bp);
                // "gross margin was 47%, up 3 percentage points": points after a margin or a
                // share change that margin or share
                if a.metric.is_none() && matches!(f.unit, Unit::Pp | Unit::Bp) {
                    let prev = claims[first_claim..]
                        .iter()
                        .rev()
                        .find(|c| c.metric.is_some() && c.figure.unit == Unit::Percent);
                    if let Some(prev) = prev.filter(|c| {
                        matches!(
                            c.kind,
                            crate::model::Kind::Share | crate::model::Kind::Margin
                        )
                    }) {
                        a.metric = prev.metric.clone();
                        a.kind = crate::model::Kind::Growth;
                        a.of = prev.of.clone();
                        a.basis = metric::own_basis(&sentence[f.end..]);
                    }
                }
                if pct {
                    let prev = claims[first_claim..]
                        .iter()
                        .rev()
                        .find(|c| c.metric.is_some() && c.figure.unit == f.unit);
                    if let Some(prev) = prev {
                        let from = lead.ends_with("from")
                            || lead.ends_with("versus")
                            || lead.ends_with("vs.")
                            || lead.ends_with("compared with");
                        let level = matches!(
                            prev.kind,
                            crate::model::Kind::Share | crate::model::Kind::Margin
                        );
                        if from && level {
                            a.metric = prev.metric.clone();
                            a.kind = prev.kind;
                            a.basis = None;
                            a.of = prev.of.clone();
                        } else if a.metric.is_none()
                            && prev.kind == crate::model::Kind::Growth
                            && (lead.ends_with("and") || lead.ends_with(','))
                        {
                            a.metric = prev.metric.clone();
                            a.kind = crate::model::Kind::Growth;
                            let rest = metric::tail(
                                &sentence[..numbers::floor_char(sentence, f.end + 40)],
                                45,
                            )
                            .to_lowercase();
                            a.basis =
                                Some(if let Some(b) = metric::own_basis(&sentence[f.end..]) {
                                    b
                                } else if rest.contains("previous quarter")
                                    || rest.contains("prior quarter")
                                    || rest.contains("sequential")
                                    || rest.contains("quarter") && !rest.contains("year")
                                {
                                    crate::model::Basis::Qoq
                                } else {
                                    prev.basis.unwrap_or(crate::model::Basis::Yoy)
                                });
                        }
                    }
                }
                // "profit rose 42% from March, while sales rose 9% over the same period":
                // the same comparison as the growth before it in the sentence
                static SAME_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"(?i)^\s*(?:over|in|during|for|across)\s+the\s+same\s+(?:period|time|stretch)(?:\s*[,.;]|\s*$|\s+(?:while|and|but|as)(?-u:\b))")
                        .expect("same period")
                });
                if a.kind == crate::model::Kind::Growth && SAME_PERIOD.is_match(&sentence[f.end..])
                {
                    if let Some(b) = claims[first_claim..]
                        .iter()
                        .rev()
                        .find(|c| c.kind == crate::model::Kind::Growth && c.basis.is_some())
                        .and_then(|c| c.basis)
                    {
                        a.basis = Some(b);
                    }
                }
                if f.unit == Unit::Streak && a.metric.is_none() {
                    a.metric = claims
                        .iter()
                        .rev()
                        .take(3)
                        .find(|c| {
                            c.figure.value.lo.exponent >= 0
                                && !c.figure.value.is_point()
                                && c.metric.is_some()
                        })
                        .and_then(|c| c.metric.clone());
                }
                // the amounts of a written-out rate ("($1 = 0.9385 euros)") are the rate, not
                // figures of a metric
                if sentence_rates.iter().any(|r| r.states(f.start, f.end)) {
                    a.metric = None;
                }
                if let (Some(m), crate::model::Kind::Growth) = (&a.metric, a.kind) {
                    clause_metric.push((cl, m.clone()));
                }
                let claim_entity = claim_entity(k, lex, &entity, &sentence[cl.0..f.start]);
                let window = (
                    if fi > 0 { figures[fi - 1].end } else { 0 },
                    figures
                        .get(fi + 1)
                        .map(|n| n.start)
                        .unwrap_or(sentence.len()),
                );
                let is_plan = a
                    .metric
                    .as_ref()
                    .is_some_and(|m| k.metrics.class_of(m) == crate::period::PeriodClass::Plan);
                let is_change = a.kind == crate::model::Kind::Growth;
                let usable: Vec<periods::Mention> = ms
                    .iter()
                    .filter(|m| is_plan || !matches!(m.expr, crate::period::Expr::Horizon { .. }))
                    // "41% growth, faster than the 30% rise in the second quarter", "$8.4
                    // billion, up 12% from Q2": a label that belongs to a comparison after
                    // the figure is never the figure's own
                    .filter(|m| !compared_after(sentence, &figures, f, m))
                    // "the highest since the second quarter of 2021": a reference point
                    .filter(|m| !is_reference_point(sentence, m))
                    // "from 41.2% in the same period last year to 43.5%": the earlier value's
                    .filter(|m| !is_base_before_to(sentence, &figures, f, m))
                    // a change or a streak is stated for the sentence's period, never the one it compares with
                    .filter(|m| !((is_change || f.unit == Unit::Streak) && m.is_relative()))
                    // "grew 10% from the second quarter": the comparison, not the period
                    // (a span such as "over the past year" is the period itself)
                    // ("from July to September" is a span of months, not a base)
                    .filter(|m| {
                        let span = periods::is_month_span(&m.text)
                            || matches!(
                                m.expr,
                                crate::period::Expr::Trailing { .. }
                                    | crate::period::Expr::YearToDate
                            );
                        span || !(is_change && is_basis_lead(&sentence[..m.start]))
                    })
                    // "unchanged from the previous quarter", "less than a year earlier": a
                    // relative label after a comparison word is what the figure is set against
                    .filter(|m| !(m.is_relative() && is_comparison_lead(&sentence[..m.start])))
                    .cloned()
                    .collect();
                // "in the July-September quarter, the last of a fiscal year that ended on
                // Sept. 30, rose 6.4%", "Ledgerly, the app it bought in 2021, reached ...":
                // a label in an apposition describes something else
                // and a figure inside an aside ("Norrvik, which employs 9,000 people, cut 400
                // jobs over the past year") takes no label from outside it
                let plain: Vec<periods::Mention> = usable
                    .iter()
                    .filter(|m| !idx.in_other_aside(m.start, m.end, f.start))
                    .filter(|m| !idx.outside_own_aside(m.start, m.end, f.start))
                    .cloned()
                    .collect();
                let usable = plain;
                let found_period = carried_period
                    .clone()
                    .map(|p| (p.label, p.from, p.context))
                    .or_else(|| {
                        let others: Vec<(usize, usize)> = figures
                            .iter()
                            .filter(|g| g.start != f.start)
                            .map(|g| (g.start, g.end))
                            .collect();
                        period_for(sentence, &usable, f.start, f.end, cl, window, &others)
                            .map(|(m, from, ctx)| (m.text, from, ctx))
                    });
                // "up from the previous forecast of ¥830 billion": an earlier value, whatever the sentence's period
                static PREVIOUS: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"(?i)(?:previous|prior|earlier|original|old|initial)\s+(?:forecast|guidance|target|outlook|estimate|projection|plan)s?\s*(?:of|:|was|at|stood\s+at)?\s*$").expect("previous")
                });
                // "The company previously expected net income to fall 9% to ¥970 billion, and
                // revenue to ...": every figure after such a verb is the superseded forecast
                static SUPERSEDED: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(r"(?i)(?-u:\b)(?:previously|originally|initially|had\s+earlier|had\s+previously|had\s+originally)\s+(?:had\s+)?(?:expected|forecast|forecasted|projected|guided|estimated|predicted|targeted|anticipated|seen|called\s+for)(?-u:\b)").expect("superseded")
                });
                // (within the figure's last 300 bytes: a sentence as long as a file is
                // not searched again for every figure)
                let superseded = SUPERSEDED.is_match(
                    &sentence[numbers::floor_char(sentence, f.start.saturating_sub(300))..f.start],
                );
                let found_period =
                    if superseded || PREVIOUS.is_match(metric::tail(&sentence[..f.start], 40)) {
                        Some(("earlier value".to_string(), PeriodFrom::Clause, None))
                    } else {
                        found_period
                    };
                // "to $9.1 billion from $9.6 billion": with no label of its own, the earlier value
                // "from last year's 638 billion yen": the same period a year before
                let last_years =
                    lead.ends_with("last year's") || lead.ends_with("last year\u{2019}s");
                // the period of the figure an earlier value is set against: the label of the
                // sentence's last figure in the same unit, where that label names a period
                let partner_label = || {
                    claims[first_claim..]
                        .iter()
                        .rev()
                        .find(|c| c.figure.unit == f.unit)
                        .map(|c| c.period.label.clone())
                        .filter(|l| {
                            !l.is_empty()
                                && !matches!(
                                    crate::period::parse_label(l),
                                    crate::period::Expr::Prior { .. }
                                        | crate::period::Expr::Unknown
                                        | crate::period::Expr::None
                                )
                        })
                };
                // ("vs. $3.67 expected": an estimate of this period, not an earlier value)
                let is_earlier = (lead.ends_with("from")
                    || compared && !matches!(a.basis, Some(Basis::Estimate | Basis::VsEstimate)))
                    && (!pct
                        || matches!(
                            a.kind,
                            crate::model::Kind::Share | crate::model::Kind::Margin
                        ));
                // "from $474 million, or $1.95 a share, a year earlier": the relative label
                // after an earlier value is its own
                let later = || {
                    ms.iter().find(|m| {
                        m.is_relative()
                            && m.start >= f.end
                            && m.start <= f.end + 60
                            && !ms
                                .iter()
                                .any(|n| !n.is_relative() && n.start >= f.end && n.start < m.start)
                    })
                };
                // "from 37% last year": "last year" after an earlier value is the same period
                // a year before (alone it is no label: see periods.rs)
                let last_year = || {
                    static LAST_YEAR: LazyLock<Regex> = LazyLock::new(|| {
                        Regex::new(r"(?i)^[^.;:]{0,50}?(?-u:\b)(last\s+year)(?-u:\b)")
                            .expect("last year")
                    });
                    let rest = &sentence[f.end..];
                    let c = LAST_YEAR.captures(rest)?;
                    let g = c.get(1)?;
                    (!ms.iter()
                        .any(|n| n.start >= f.end && n.start < f.end + g.start()))
                    .then(|| g.as_str().to_string())
                };
                // the period the earlier value is a year (or a quarter) before: the sentence's
                // own label, else its partner's
                let context = || {
                    ms.iter()
                        .find(|n| !n.is_relative() && n.expr.year().is_some())
                        .map(|n| n.text.clone())
                        .or_else(partner_label)
                };
                // (looked for only after an earlier value: this runs for every figure)
                let own_after = if is_earlier {
                    later().map(|m| m.text.clone()).or_else(last_year)
                } else {
                    None
                };
                let found_period = match found_period {
                    // an earlier value's own label wins over the sentence's: "net profit for the
                    // first half was $840 million, compared to $790 million last year"
                    _ if last_years && a.metric.is_some() => {
                        Some(("last year".to_string(), PeriodFrom::Clause, context()))
                    }
                    _ if own_after.is_some() => {
                        own_after.map(|t| (t, PeriodFrom::Clause, context()))
                    }
                    None if is_earlier => {
                        Some(("earlier value".to_string(), PeriodFrom::Clause, None))
                    }
                    x => x,
                };
                // a plan's horizon is its own; the article's or a heading's year does not date it
                let found_period = match found_period {
                    None if is_plan => Some((String::new(), PeriodFrom::None, None)),
                    x => x,
                };
                let (label, from, context) = match found_period {
                    Some(x) => x,
                    None => match (&para_period, &lead_period, &heading_period) {
                        (Some(p), _, _) => (p.text.clone(), PeriodFrom::Paragraph, None),
                        (None, Some(l), _) if para.kind == ParaKind::Bullet => {
                            (l.text.clone(), PeriodFrom::Paragraph, None)
                        }
                        (None, _, Some(h)) => (h.text.clone(), PeriodFrom::Heading, None),
                        _ => (String::new(), PeriodFrom::Article, None),
                    },
                };
                // "up 64% from $530 million in Q1 2027": a change set against a base in the
                // quarter before its own is quarter on quarter; in the year before, year on year
                if a.kind == crate::model::Kind::Growth
                    && matches!(a.basis, Some(Basis::Yoy | Basis::Qoq))
                {
                    if let Some(b) = base_basis(sentence, f, &ms, &label) {
                        a.basis = Some(b);
                    }
                }
                let (line, src_off) = para.locate(ss + f.start);
                let fig_text = para.text[ss + f.start..ss + f.end].to_string();
                let column = match src_off {
                    Some(o) => columns.column(&doc.lines, line, o),
                    None => find_column(&doc.lines, line, &fig_text),
                };
                let mut value = f.value;
                if f.negative {
                    value = crate::model::Value {
                        lo: f.value.hi.negate(),
                        hi: f.value.lo.negate(),
                    };
                }
                let unit = match (&f.unit, f.yen_sign) {
                    (Unit::Currency(_), true) => {
                        let cur = k
                            .entities
                            .get(&claim_entity)
                            .and_then(|e| e.currency.clone());
                        Unit::Currency(if cur.as_deref() == Some("CNY") {
                            "CNY".into()
                        } else {
                            "JPY".into()
                        })
                    }
                    (u, _) => u.clone(),
                };
                // never a claim the claim-file loader would refuse: a metric that does not take
                // this kind of figure (after carrying and relabelling) is dropped
                // a run of quarters is counted the same whether the margin is GAAP or not
                if a.kind == crate::model::Kind::Streak {
                    if let Some(m) = a
                        .metric
                        .as_mut()
                        .filter(|m| m.scope.as_deref() == Some("non-gaap"))
                    {
                        m.scope = None;
                    }
                }
                // the company's figure of a measure its parts also report (so a part may
                // be meant)
                let company_figure = a.metric.as_ref().is_some_and(|m| {
                    m.subject == "company" && !k.metrics.is_company_level(&m.measure)
                });
                // a paragraph opening on a bare measure after one that closed on a part
                if (after_part && sentence_no == 1 || section_part)
                    && metric::opens_on_measure(lex, sentence)
                    && company_figure
                    && !idx.names_subject_before(f.start)
                {
                    a.metric = None;
                    a.basis = None;
                }
                // a bullet under "Payments Services:" is that segment's, unless it names its own
                if let (Some(l), ParaKind::Bullet) = (&lead_subject, para.kind) {
                    if company_figure
                        // "- Total Revenue: ..." names no part of its own; "- Cloud: ..." does
                        && metric::colon_label(lex, sentence)
                            .and_then(|l| l.subject)
                            .is_none_or(|s| s == "company")
                    {
                        match l {
                            metric::LeadSubject::Known(s) => {
                                if let Some(m) = a.metric.as_mut() {
                                    m.subject = s.clone();
                                }
                            }
                            metric::LeadSubject::Unknown(label) => {
                                match metric::text_subject(k, label) {
                                    Some(t) => {
                                        if let Some(m) = a.metric.as_mut() {
                                            m.subject = t;
                                        }
                                    }
                                    None => {
                                        a.metric = None;
                                        a.basis = None;
                                    }
                                }
                            }
                        }
                    }
                }
                // a bullet under "On a non-GAAP basis:" carries its lead's qualifier
                if let (Some(q), Some(m), ParaKind::Bullet) =
                    (&lead_scope, a.metric.as_mut(), para.kind)
                {
                    let applies = k
                        .metrics
                        .qualifiers
                        .iter()
                        .any(|x| &x.id == q && x.applies_to(&m.measure));
                    if m.scope.is_none() && applies && !is_lead {
                        m.scope = Some(q.clone());
                    }
                }
                if a.metric.as_ref().is_some_and(|m| !fits(k, m, a.kind)) {
                    a.metric = None;
                    a.basis = None;
                }
                // "up 15% from Q2's 74.6 billion": the comparison the base's label makes with
                // the figure's own quarter, when the text names no basis of its own
                if a.kind == crate::model::Kind::Growth
                    && metric::own_basis(&sentence[f.end..]).is_none()
                {
                    if let Some(b) = base_label_basis(&sentence[f.end..], &ms, f.end, &label) {
                        a.basis = Some(b);
                    }
                }
                placed.push((claims.len(), f.start, f.end));
                claims.push(Claim {
                    article: 0,
                    figure: Figure {
                        text: fig_text,
                        value,
                        unit,
                        scale: f.scale,
                        qualifier: f.qualifier,
                    },
                    metric: a.metric,
                    kind: a.kind,
                    basis: a.basis,
                    of: a.of,
                    entity: claim_entity,
                    period: PeriodRef {
                        label,
                        from,
                        context,
                        ..Default::default()
                    },
                    span: Span {
                        line,
                        column,
                        start: 0,
                        end: 0,
                    },
                    sourcing: if meta.primary {
                        // the company's own release is the source; it cites nobody
                        crate::model::Sourcing::default()
                    } else {
                        let estimate = matches!(a.basis, Some(Basis::Estimate | Basis::VsEstimate));
                        crate::model::Sourcing {
                            citations: sourcing::markers_after(sentence, f.end),
                            attribution: if estimate {
                                estimate_source.clone()
                            } else {
                                own_voice.clone()
                            },
                            ..src.clone()
                        }
                    },
                    outlook: a.outlook,
                    cell: None,
                    stated_scope: None,
                    multiple: None,
                });
            }
            multiple::mark(sentence, &placed, &mut claims);
            coordinate::respectively(
                sentence,
                &placed,
                &idx.measures_before(sentence.len()),
                &k.metrics.qualifiers,
                &mut claims,
            );
            if !meta.primary {
                // a figure the list made an estimate is sourced only by who compiled it
                for p in &placed {
                    let c = &mut claims[p.0];
                    if c.basis == Some(Basis::Estimate) {
                        c.sourcing.attribution = estimate_source.clone();
                    }
                }
            }
            let labels = |m: &&periods::Mention| {
                !m.is_relative()
                    && !m.is_bare_year()
                    // "the third quarter of last year" dates a past value, not what follows
                    && !matches!(m.expr, crate::period::Expr::LastYear(_))
                    && !is_compared_point(sentence, m)
                    && !matches!(m.expr, crate::period::Expr::Horizon { .. })
                    // "at the end of September" dates its own stock figure, not what follows
                    && !matches!(m.expr, crate::period::Expr::Month { year: None, .. })
            };
            // the sentence's own label, not one in an apposition describing it
            if let Some(m) = ms
                .iter()
                .rev()
                .filter(labels)
                .find(|m| !idx.in_other_aside(m.start, m.end, usize::MAX))
                .or_else(|| ms.iter().rev().find(labels))
            {
                para_period = Some(m.clone());
            }
            if !document::title_case(sentence) {
                if let Some(s) = metric::first_subject(lex, sentence) {
                    para_subject = para_label.clone().or(Some(s));
                }
            }
            if para.kind == ParaKind::Paragraph && sentence.trim_end().ends_with(':') {
                lead_period = ms
                    .iter()
                    .find(|m| !m.is_relative() && !m.is_bare_year())
                    .cloned();
            }
        }
        // a closing sentence that names a part as its subject and states no figure
        // introduces what follows
        if para.kind == ParaKind::Paragraph {
            closed_on_part = metric::head_names_part(k, last_sentence)
                && (!numbers::may_contain(last_sentence)
                    || numbers::scan(last_sentence, european).is_empty());
        }
        // the bullets under a lead line that gives them as the company's report are sourced
        // by it; an analysts' estimate only by who compiled it
        if let (Some(v), ParaKind::Bullet) = (&lead_source, para.kind) {
            for c in claims[para_first..].iter_mut() {
                if !c.sourcing.is_direct()
                    && !matches!(c.basis, Some(Basis::Estimate | Basis::VsEstimate))
                {
                    c.sourcing.voice = Some(v.clone());
                }
            }
        }
    }
    // "EPS of $3.72 (GAAP)": the default reading, stated; not a scope of the metric
    for c in claims.iter_mut() {
        if let Some(m) = c.metric.as_mut() {
            if m.scope
                .as_deref()
                .is_some_and(|s| k.metrics.is_default_scope(s))
            {
                c.stated_scope = m.scope.take();
            }
        }
    }
    if preliminary {
        preliminary_results(&mut claims, &entity);
    }
    if let (Some(v), false) = (&article_voice, meta.primary) {
        voice_covers(&mut claims, &entity, v);
    }
    summaries_restate(&doc, &mut claims);
    let markers = crate::ingest::scan_markers(&doc.lines, doc.source_list_line);
    let article = Article {
        path: path.to_path_buf(),
        lines: Some(doc.lines),
        meta,
        sources: doc.sources,
        has_source_list: doc.has_source_list,
        source_list_line: doc.source_list_line,
        markers,
        claims_from: None,
        suppressions: Vec::new(),
        notes,
    };
    Extracted {
        article,
        claims,
        learned,
    }
}

/// Character columns from byte offsets, counted forward along a line so a
/// very long line is not counted again for every figure.
#[derive(Default)]
struct Columns {
    line: usize,
    byte: usize,
    chars: usize,
}

impl Columns {
    fn column(&mut self, lines: &[String], line: usize, byte: usize) -> usize {
        let Some(l) = lines.get(line.wrapping_sub(1)) else {
            return 0;
        };
        let mut byte = byte.min(l.len());
        while !l.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.line != line || byte < self.byte {
            *self = Columns {
                line,
                byte: 0,
                chars: 0,
            };
        }
        self.chars += l[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars + 1
    }
}

/// Column of a figure in an HTML source line (entities may hide it: then 0).
fn find_column(lines: &[String], line: usize, fig: &str) -> usize {
    lines
        .get(line.saturating_sub(1))
        .and_then(|l| l.find(fig).map(|b| l[..b].chars().count() + 1))
        .unwrap_or(0)
}

/// An article that gives figures as what the company reported ("Acme reported ...")
/// sources the company's results that it states elsewhere as bare facts; not an
/// analysts' estimate, a share-price move (no metric) or the writer's own count of
/// a streak.
fn voice_covers(claims: &mut [Claim], entity: &str, voice: &str) {
    for c in claims.iter_mut() {
        if c.sourcing.is_direct()
            || c.entity != entity
            // (a table's cell of a column the catalogue does not know is the company's)
            || c.metric.is_none() && c.cell.is_none()
            || c.kind == Kind::Streak
            || matches!(c.basis, Some(Basis::Estimate | Basis::VsEstimate))
        {
            continue;
        }
        c.sourcing.voice = Some(voice.to_string());
    }
}

/// The basis a growth figure has against the period named right after it ("up 15% from
/// Q2's ...", "versus the third quarter of 2024"), set against the figure's own quarter:
/// the quarter before is quarter-on-quarter, the same quarter a year before is
/// year-on-year, any other is neither. `None` when no such base follows, or either
/// quarter is not known.
fn base_label_basis(after: &str, ms: &[periods::Mention], at: usize, own: &str) -> Option<Basis> {
    static BASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:from|over|versus|vs\.?|compared\s+(?:to|with))\s+(?:the\s+|a\s+)?$")
            .expect("base lead")
    });
    let m = ms
        .iter()
        .find(|m| m.start >= at && m.start - at <= 30 && BASE.is_match(&after[..m.start - at]))?;
    use crate::period::Expr;
    let (
        Expr::Quarter {
            q: qb, year: yb, ..
        },
        Expr::Quarter { q, year, .. },
    ) = (m.expr.clone(), crate::period::parse_label(own))
    else {
        return None;
    };
    let prev = if q == 1 { 4 } else { q - 1 };
    Some(match (qb == q, qb == prev) {
        // "Q3 2025 ... from Q3 2024"; the same quarter with no years is no comparison
        (true, _) if yb.is_some() && year.is_some_and(|y| Some(y) != yb) => Basis::Yoy,
        (true, _) => return None,
        (false, true) if yb.is_none() || year.is_none() || yb == year || q == 1 => Basis::Qoq,
        _ => Basis::Other,
    })
}

/// An article that gives the company's first estimate of its results: its figures of
/// the company's results are the preliminary ones (an analysts' estimate, or a figure
/// with a scope of its own, is left as it is).
fn preliminary_results(claims: &mut [Claim], entity: &str) {
    for c in claims.iter_mut() {
        if c.entity != entity
            || c.outlook
            || matches!(c.basis, Some(Basis::Estimate | Basis::VsEstimate))
        {
            continue;
        }
        // "up 12% from €366 million a year earlier": the earlier quarter's final figure
        if matches!(
            crate::period::parse_label(&c.period.label),
            crate::period::Expr::Prior { .. } | crate::period::Expr::LastYear(_)
        ) {
            continue;
        }
        if let Some(m) = c.metric.as_mut().filter(|m| m.scope.is_none()) {
            m.scope = Some("preliminary".into());
        }
    }
}

/// Summary bullets that restate a sourced body sentence share its sourcing.
fn summaries_restate(doc: &Doc, claims: &mut [Claim]) {
    // summary bullets, and the headline (the first paragraph when it is one line with no full stop)
    let headline = doc
        .paras
        .first()
        .filter(|p| !p.text[..p.parts[0].len].trim_end().ends_with('.'))
        .map(|p| p.parts[0].line);
    let bullet_lines: std::collections::BTreeSet<usize> = doc
        .paras
        .iter()
        .filter(|p| p.kind == ParaKind::Bullet)
        .flat_map(|p| p.parts.iter().map(|x| x.line))
        .chain(headline)
        .collect();
    // nothing restates: no index of every figure of the body
    if bullet_lines.is_empty() {
        return;
    }
    let mut body: BTreeMap<(String, String), Vec<(usize, bool)>> = BTreeMap::new();
    for c in claims.iter() {
        if !bullet_lines.contains(&c.span.line) {
            body.entry((c.figure.value.to_string(), c.figure.unit.to_string()))
                .or_default()
                .push((c.span.line, c.sourcing.is_direct()));
        }
    }
    for c in claims.iter_mut() {
        if bullet_lines.contains(&c.span.line) && !c.sourcing.is_direct() {
            if let Some(v) = body.get(&(c.figure.value.to_string(), c.figure.unit.to_string())) {
                let pick = v.iter().find(|(_, s)| *s).or(v.first());
                c.sourcing.restates = pick.map(|(l, _)| *l);
            }
        }
    }
}

/// HTML pages: paragraphs from the parsed blocks, lines mapped to the source.
fn html_doc(text: &str, lines: Vec<String>) -> (Doc, ArticleMeta) {
    let parsed = crate::ingest::html::parse(text);
    let mut meta = ArticleMeta {
        title: parsed.meta.title.clone(),
        author: parsed.meta.author.clone(),
        outlet: parsed.meta.site_name.clone(),
        url: parsed.meta.url.clone(),
        ..Default::default()
    };
    meta.published = parsed.meta.published.as_deref().and_then(|d| {
        d.get(..10)
            .and_then(|s| s.parse().ok())
            .or_else(|| meta::parse_date_text(d))
    });
    // build a text rendering of the blocks, then read it like plain text, keeping source lines
    let mut block_lines: Vec<String> = Vec::new();
    let mut origin: Vec<usize> = Vec::new();
    for b in &parsed.blocks {
        let prefix = match b.kind {
            crate::ingest::html::BlockKind::ListItem => "- ",
            crate::ingest::html::BlockKind::Heading => "# ",
            _ => "",
        };
        block_lines.push(format!("{prefix}{}", b.text));
        origin.push(b.line);
        block_lines.push(String::new());
        origin.push(b.line);
    }
    let mut d = document::from_lines(block_lines, 0);
    for (pi, p) in d.paras.iter_mut().enumerate() {
        for part in &mut p.parts {
            part.line = origin.get(part.line - 1).copied().unwrap_or(1);
            part.src_offset = None;
        }
        let _ = pi;
    }
    // links from the blocks, by text position
    let mut paras: Vec<Para> = d.paras;
    for b in &parsed.blocks {
        for l in &b.links {
            let link_text = b.text.get(l.start..l.end).unwrap_or("");
            if let Some(p) = paras.iter_mut().find(|p| {
                !link_text.is_empty()
                    && p.text.contains(link_text)
                    && p.parts.iter().any(|x| x.line == b.line)
            }) {
                if let Some(i) = p.text.find(link_text) {
                    p.links.push((i, i + link_text.len(), l.href.clone()));
                }
            }
        }
    }
    d.paras = paras;
    d.source_list_line = d.source_list_line.and_then(|l| origin.get(l - 1).copied());
    for s in &mut d.sources {
        s.line = origin
            .get(s.line.saturating_sub(1))
            .copied()
            .unwrap_or(s.line);
    }
    d.skipped = d
        .skipped
        .iter()
        .filter_map(|l| origin.get(l - 1).copied())
        .collect();
    d.lines = lines;
    (d, meta)
}
