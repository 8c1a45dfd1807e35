//! HTML report: one self-contained page for editors. The findings, each an
//! element with class `finding` (and `data-rule`, `data-severity`,
//! `data-articles`), with filters by rule, severity and article; each finding
//! shows its articles' lines side by side with the figures marked and the
//! period readings explained. Then, per article, every claim the tool read.
//!
//! Nothing is loaded from anywhere: the style and the small filter script are
//! inline, and a Content-Security-Policy forbids everything else. Everything
//! that comes from articles goes through [`escape`].

use super::markdown::{article_severities, finding_articles, quoted_lines, role_name, Piece};
use super::Report;
use crate::model::{Article, Claim};
use crate::rules::{file_name, Role};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A link when `url` is http(s), else the escaped text.
fn link(url: &str, text: &str) -> String {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            escape(u),
            escape(text)
        )
    } else {
        escape(text)
    }
}

fn role_class(r: Option<Role>) -> &'static str {
    match r {
        Some(Role::Conflicting) => "conflicting",
        Some(Role::Reference) => "reference",
        Some(Role::Subject) => "subject",
        Some(Role::Context) => "context",
        None => "plain",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

const STYLE: &str = r#"
:root{--fg:#1d2330;--muted:#5b6474;--bg:#fff;--panel:#f5f6f8;--line:#dde1e7;
--err:#b42318;--err-bg:#fde8e6;--warn:#9a5b00;--warn-bg:#fff1d6;--info:#175cd3;--info-bg:#e4edfd;
--ref:#1a7f37;--ref-bg:#dcf3e2;--ctx-bg:#e9ecf1}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:1.2rem 1.5rem 3rem}
h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
h3{font-size:1.05rem;margin:1.4rem 0 .3rem}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
a{color:var(--info)}
.lead{color:var(--muted);margin:.2rem 0 .8rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.25rem .55rem;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.overview{display:flex;flex-wrap:wrap;gap:0 2rem;align-items:flex-start}
.filters{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.55rem .8rem;margin:.4rem 0 1rem}
.filters label{font-weight:600;font-size:.9rem}
.filters select{margin-left:.35rem;font:inherit;font-weight:400;padding:.15rem .3rem}
.filters output{color:var(--muted);font-size:.9rem;margin-left:auto}
[hidden]{display:none!important}
.finding{border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;padding:.7rem 1rem;margin:0 0 1rem;background:var(--bg)}
.finding[data-severity=error]{border-left-color:var(--err)}
.finding[data-severity=warning]{border-left-color:var(--warn)}
.finding>header{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}
.num{color:var(--muted);font-size:.85rem}
.badge{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border-radius:4px;padding:.05rem .4rem}
.badge.error{color:var(--err);background:var(--err-bg)}
.badge.warning{color:var(--warn);background:var(--warn-bg)}
.badge.info{color:var(--info);background:var(--info-bg)}
.rule{font-weight:600}
.message{margin:.35rem 0 .6rem;font-weight:500}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:.7rem}
.side{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;min-width:0}
.side h4{margin:0 0 .3rem;font-size:.9rem}
.side h4 .meta{color:var(--muted);font-weight:400}
.quote{margin:.3rem 0;padding:.35rem .5rem;background:var(--bg);border-left:3px solid var(--line);font-size:.92rem;overflow-wrap:anywhere}
.quote .ln{color:var(--muted);font-family:ui-monospace,monospace;font-size:.8rem;margin-right:.4rem}
.gap{color:var(--muted)}
mark{border-radius:3px;padding:0 .15rem;font-weight:700;color:inherit;white-space:nowrap}
.from{color:var(--muted);font-size:.85em}
mark.conflicting{background:var(--err-bg);outline:1px solid var(--err)}
mark.subject{background:var(--warn-bg);outline:1px solid var(--warn)}
mark.reference{background:var(--ref-bg);outline:1px solid var(--ref)}
mark.context,mark.plain{background:var(--ctx-bg)}
.readings{list-style:none;margin:.3rem 0 0;padding:0;font-size:.86rem}
.readings li{margin:.25rem 0}
.readings .why,.readings .how,.readings .alt,.readings .src{display:block;color:var(--muted);padding-left:1rem}
.role{font-size:.72rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.help{margin:.6rem 0 .2rem;font-size:.92rem}
.help b{color:var(--info)}
.finding footer{color:var(--muted);font-size:.8rem;margin-top:.4rem}
details.body>summary{cursor:pointer;list-style-position:outside;margin-left:1rem}
details.body:not([open])>summary{color:var(--muted)}
details.help>summary{cursor:pointer}
details.help>summary .more{color:var(--muted)}
.article{margin-bottom:2rem}
.article .meta{color:var(--muted);margin:.1rem 0 .4rem}
table.claims{width:100%}
table.claims td{font-size:.86rem}
table.claims .how{display:block;color:var(--muted);font-size:.8rem}
.none{color:var(--muted);font-style:italic}
.sources{font-size:.88rem}
.errors li{color:var(--err)}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8ec;--muted:#9aa3b2;--bg:#16191f;--panel:#1f232b;--line:#343a46;
--err:#ff7b72;--err-bg:#4a1d1b;--warn:#e3b341;--warn-bg:#3f3113;--info:#79b8ff;--info-bg:#182f4f;--ref:#56d364;--ref-bg:#173a22;--ctx-bg:#2d333e}}
"#;

/// Findings shown open; the ones after start folded.
pub const OPEN_FINDINGS: usize = 20;

/// Help texts longer than this are folded to their first words.
const HELP_FOLD: usize = 240;

/// A finding's help line; a long one folded behind its opening words.
fn help(h: &str) -> String {
    if h.chars().count() <= HELP_FOLD {
        return format!("<p class=\"help\"><b>help</b> {}</p>\n", escape(h));
    }
    let cut: String = h.chars().take(120).collect();
    let cut = match cut.rfind(' ') {
        Some(i) => &cut[..i],
        None => &cut[..],
    };
    format!(
        "<details class=\"help\"><summary><b>help</b> {}<span class=\"more\"> … (more)</span></summary><p>{}</p></details>\n",
        escape(cut),
        escape(h)
    )
}

const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var items = document.querySelectorAll('.finding');
  var rule = document.getElementById('filter-rule');
  var sev = document.getElementById('filter-severity');
  var art = document.getElementById('filter-article');
  var shown = document.getElementById('shown');
  // the filters live in the URL (#rule=…&severity=…&article=…): a link keeps them
  function fromHash() {
    var h = location.hash.slice(1);
    if (h.indexOf('=') < 0) return;
    var p = new URLSearchParams(h);
    rule.value = p.get('rule') || '';
    sev.value = p.get('severity') || '';
    art.value = p.get('article') || '';
  }
  function toHash() {
    var p = new URLSearchParams();
    if (rule.value) p.set('rule', rule.value);
    if (sev.value) p.set('severity', sev.value);
    if (art.value) p.set('article', art.value);
    var h = p.toString();
    if (h || location.hash.indexOf('=') >= 0) {
      history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    }
  }
  // following a link to a folded finding opens it
  function openTarget() {
    var id = location.hash.slice(1);
    if (!id || id.indexOf('=') >= 0) return;
    var el = document.getElementById(id);
    var d = el && el.querySelector('details.body');
    if (d) d.open = true;
  }
  function apply() {
    var n = 0;
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var ok = (!rule.value || el.getAttribute('data-rule') === rule.value) &&
        (!sev.value || el.getAttribute('data-severity') === sev.value) &&
        (!art.value || el.getAttribute('data-articles').split(' ').indexOf(art.value) >= 0);
      el.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n + ' of ' + items.length + ' shown';
  }
  [rule, sev, art].forEach(function (s) {
    s.addEventListener('change', function () { apply(); toHash(); });
  });
  form.addEventListener('reset', function () { setTimeout(function () { apply(); toHash(); }, 0); });
  window.addEventListener('hashchange', function () { fromHash(); apply(); openTarget(); });
  fromHash();
  apply();
  openTarget();
})();
"#;

/// "fiscal Q3 …" reading notes for one claim, as list items.
fn reading(report: &Report, id: usize, role: Option<Role>) -> String {
    let c = &report.claims[id];
    let p = &c.period;
    let mut s = String::new();
    let _ = write!(
        s,
        "<li><mark class=\"{}\">{}</mark>",
        role_class(role),
        escape(c.figure.text.trim())
    );
    if let Some(r) = role {
        let _ = write!(s, " <span class=\"role\">{}</span>", role_name(r));
    }
    let label = if p.label.is_empty() {
        "no period stated".to_string()
    } else {
        format!("period “{}”{}", escape(&p.label), from_note(p.from))
    };
    let _ = write!(s, " · {label} → <b>{}</b>", escape(&p.key().to_string()));
    if let Some(r) = p.reading() {
        let _ = write!(s, "<span class=\"how\">how: {}</span>", escape(&r.how));
    }
    if let Some(w) = &p.why {
        let _ = write!(s, "<span class=\"why\">why: {}</span>", escape(w));
    }
    let alts: Vec<String> = p
        .readings
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != p.chosen)
        .map(|(_, r)| escape(&r.key.to_string()))
        .collect();
    if !alts.is_empty() {
        let _ = write!(
            s,
            "<span class=\"alt\">other readings: {}</span>",
            alts.join(", ")
        );
    }
    let _ = write!(
        s,
        "<span class=\"src\">sourcing: {}</span>",
        sourcing(&report.articles[c.article], c)
    );
    s.push_str("</li>");
    s
}

/// How a claim is sourced, in words, with links to cited sources.
fn sourcing(article: &Article, c: &Claim) -> String {
    let so = &c.sourcing;
    let mut parts = Vec::new();
    for m in &so.citations {
        match article.source(m) {
            Some(e) if !e.is_empty() => {
                let title = if e.title.trim().is_empty() {
                    e.url.clone().unwrap_or_default()
                } else {
                    e.title.trim().to_string()
                };
                let t = match &e.url {
                    Some(u) => link(u, &title),
                    None => escape(&title),
                };
                parts.push(format!("[{}] {t}", escape(m)));
            }
            Some(_) => parts.push(format!(
                "[{}] <span class=\"none\">empty entry</span>",
                escape(m)
            )),
            None => parts.push(format!(
                "[{}] <span class=\"none\">not in the source list</span>",
                escape(m)
            )),
        }
    }
    if let Some(l) = &so.link {
        parts.push(format!("link {}", link(l, l)));
    }
    if let Some(a) = &so.attribution {
        parts.push(format!("“{}”", escape(a)));
    }
    if let Some(r) = so.restates {
        parts.push(format!("restates line {r}"));
    }
    if parts.is_empty() {
        if article.meta.primary {
            "<span class=\"none\">primary source</span>".to_string()
        } else {
            "<span class=\"none\">none</span>".to_string()
        }
    } else {
        parts.join("; ")
    }
}

fn article_meta(a: &Article) -> String {
    let m = &a.meta;
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &m.title {
        parts.push(match &m.url {
            Some(u) => link(u, t),
            None => escape(t),
        });
    } else if let Some(u) = &m.url {
        parts.push(link(u, u));
    }
    for v in [&m.outlet, &m.author].into_iter().flatten() {
        parts.push(escape(v));
    }
    if let Some(d) = m.published {
        parts.push(d.to_string());
    }
    if let Some(e) = &m.entity {
        parts.push(format!("about {}", escape(e)));
    }
    if m.primary {
        parts.push("primary source".into());
    }
    parts.join(" · ")
}

/// Renders the report as one self-contained HTML page.
pub fn render(report: &Report) -> String {
    let arts = report.article_summaries();
    let per_sev = article_severities(report);
    let sev = report.counts_by_severity();
    let n = report.findings.len();
    let mut s = String::with_capacity(64 * 1024);
    let headline = format!(
        "{} in {}",
        if n == 0 {
            "No findings".to_string()
        } else {
            plural(n, "finding", "findings")
        },
        plural(arts.len(), "article", "articles")
    );
    let sev_words: Vec<String> = [
        ("error", "errors"),
        ("warning", "warnings"),
        ("info", "info"),
    ]
    .iter()
    .filter_map(|(one, many)| sev.get(one).map(|&k| plural(k, one, many)))
    .collect();
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
    s.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(s, "<title>claimcheck: {}</title>", escape(&headline));
    let _ = writeln!(s, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    let _ = writeln!(
        s,
        "<header>\n<h1>claimcheck report</h1>\n<p class=\"lead\">{}{} · {} figures, {} compared across articles · claimcheck {}</p>\n<nav><a href=\"#findings\">Findings</a> · <a href=\"#articles\">Articles</a>{}</nav>\n</header>",
        escape(&headline),
        if sev_words.is_empty() {
            String::new()
        } else {
            format!(" ({})", sev_words.join(", "))
        },
        arts.iter().map(|a| a.figures).sum::<usize>(),
        arts.iter().map(|a| a.compared).sum::<usize>(),
        env!("CARGO_PKG_VERSION"),
        if report.errors.is_empty() {
            ""
        } else {
            " · <a href=\"#errors\">Unreadable inputs</a>"
        }
    );

    // overview tables
    s.push_str("<section class=\"overview\">\n");
    let mut by: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in &report.findings {
        *by.entry((f.rule, f.severity.name())).or_default() += 1;
    }
    if !by.is_empty() {
        s.push_str("<table><thead><tr><th>rule</th><th>severity</th><th>findings</th></tr></thead><tbody>\n");
        for ((r, sv), k) in &by {
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td><span class=\"badge {sv}\">{sv}</span></td><td class=\"n\">{k}</td></tr>",
                escape(r)
            );
        }
        s.push_str("</tbody></table>\n");
    }
    if !arts.is_empty() {
        s.push_str("<table><thead><tr><th>article</th><th>figures</th><th>compared</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>\n");
        for (i, (a, c)) in arts.iter().zip(&per_sev).enumerate() {
            let _ = writeln!(
                s,
                "<tr><td><a href=\"#a{i}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(file_name(&a.path)),
                a.figures,
                a.compared,
                c[0],
                c[1],
                c[2]
            );
        }
        s.push_str("</tbody></table>\n");
    }
    s.push_str("</section>\n");

    // findings
    let _ = writeln!(s, "<section id=\"findings\">\n<h2>Findings</h2>");
    if n == 0 {
        s.push_str(
            "<p class=\"none\">No findings: the figures that could be compared agree.</p>\n",
        );
    } else {
        let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &report.findings {
            *rules.entry(f.rule).or_default() += 1;
        }
        s.push_str("<form id=\"filters\" class=\"filters\" hidden>\n<label>Rule<select id=\"filter-rule\"><option value=\"\">all rules</option>");
        for (r, k) in &rules {
            let _ = write!(s, "<option value=\"{0}\">{0} ({k})</option>", escape(r));
        }
        s.push_str("</select></label>\n<label>Severity<select id=\"filter-severity\"><option value=\"\">all severities</option>");
        for sv in ["error", "warning", "info"] {
            if let Some(k) = sev.get(sv) {
                let _ = write!(s, "<option value=\"{sv}\">{sv} ({k})</option>");
            }
        }
        s.push_str("</select></label>\n<label>Article<select id=\"filter-article\"><option value=\"\">all articles</option>");
        for (i, (a, c)) in arts.iter().zip(&per_sev).enumerate() {
            let k = c[0] + c[1] + c[2];
            if k > 0 {
                let _ = write!(
                    s,
                    "<option value=\"a{i}\">{} ({k})</option>",
                    escape(file_name(&a.path))
                );
            }
        }
        let _ = writeln!(
            s,
            "</select></label>\n<button type=\"reset\">Show all</button>\n<output id=\"shown\">{n} of {n} shown</output>\n</form>"
        );
    }
    let mut anchor: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, f) in report.findings.iter().enumerate() {
        anchor.entry(f.fingerprint.as_str()).or_insert(i);
    }
    for (i, f) in report.findings.iter().enumerate() {
        let articles = finding_articles(report, f);
        let data_articles: Vec<String> = articles.iter().map(|a| format!("a{a}")).collect();
        let sv = f.severity.name();
        let _ = writeln!(
            s,
            "<article class=\"finding\" id=\"f{}\" data-rule=\"{}\" data-severity=\"{sv}\" data-articles=\"{}\" data-fingerprint=\"{}\">",
            i + 1,
            escape(f.rule),
            data_articles.join(" "),
            escape(&f.fingerprint)
        );
        // past the first findings, each starts folded: its message is its summary
        let _ = writeln!(
            s,
            "<header><span class=\"badge {sv}\">{sv}</span><code class=\"rule\">{}</code><span class=\"num\">#{}</span></header>\n<details class=\"body\"{}>\n<summary class=\"message\">{}</summary>",
            escape(f.rule),
            i + 1,
            if i < OPEN_FINDINGS { " open" } else { "" },
            escape(&f.message)
        );
        let quoted = quoted_lines(report, f, 110);
        if !quoted.is_empty() {
            s.push_str("<div class=\"sides\">\n");
            let mut by_article: BTreeMap<usize, Vec<&super::markdown::Quoted>> = BTreeMap::new();
            for q in &quoted {
                by_article.entry(q.article).or_default().push(q);
            }
            for (a, qs) in by_article {
                let art = &report.articles[a];
                let meta: Vec<String> = [&art.meta.outlet]
                    .into_iter()
                    .flatten()
                    .map(|v| escape(v))
                    .chain(art.meta.published.map(|d| d.to_string()))
                    .chain(art.meta.primary.then(|| "primary source".to_string()))
                    .collect();
                let _ = writeln!(
                    s,
                    "<section class=\"side\">\n<h4><a href=\"#a{a}\" title=\"{}\">{}</a> <span class=\"meta\">{}</span></h4>",
                    escape(&art.display_path()),
                    escape(file_name(&art.display_path())),
                    meta.join(" · ")
                );
                for q in &qs {
                    let _ = write!(
                        s,
                        "<p class=\"quote\"><span class=\"ln\">line {}</span>",
                        q.line
                    );
                    match &q.pieces {
                        Some(pieces) => {
                            for p in pieces {
                                match p {
                                    Piece::Text(t) => s.push_str(&escape(t)),
                                    Piece::Figure { text, claim, role } => {
                                        let c = &report.claims[*claim];
                                        let _ = write!(
                                            s,
                                            "<mark class=\"{}\" title=\"{}\">{}</mark>",
                                            role_class(*role),
                                            escape(&format!(
                                                "{}{} · {}",
                                                c.period.describe(),
                                                super::cell_place(c)
                                                    .map(|p| format!(" · {p}"))
                                                    .unwrap_or_default(),
                                                role.map(role_name).unwrap_or("")
                                            )),
                                            escape(text)
                                        );
                                    }
                                    Piece::Gap => s.push_str("<span class=\"gap\">…</span>"),
                                }
                            }
                        }
                        None => s.push_str("<span class=\"none\">article text not at hand</span>"),
                    }
                    s.push_str("</p>\n");
                }
                let items: Vec<String> = qs
                    .iter()
                    .flat_map(|q| q.claims.iter())
                    .map(|&(id, role)| reading(report, id, Some(role)))
                    .collect();
                if !items.is_empty() {
                    let _ = writeln!(s, "<ul class=\"readings\">{}</ul>", items.join(""));
                }
                s.push_str("</section>\n");
            }
            s.push_str("</div>\n");
        }
        if let Some(h) = &f.help {
            s.push_str(&help(h));
        }
        let _ = write!(
            s,
            "<footer>fingerprint <code>{}</code>",
            escape(&f.fingerprint)
        );
        if !f.related.is_empty() {
            let rel: Vec<String> = f
                .related
                .iter()
                .map(|r| match anchor.get(r.as_str()) {
                    Some(&j) => format!(
                        "<a href=\"#f{}\">#{} <code>{}</code></a>",
                        j + 1,
                        j + 1,
                        escape(r)
                    ),
                    None => format!("<code>{}</code>", escape(r)),
                })
                .collect();
            let _ = write!(s, " · related: {}", rel.join(", "));
        }
        s.push_str("</footer>\n</details>\n</article>\n");
    }
    s.push_str("</section>\n");

    // articles
    s.push_str("<section id=\"articles\">\n<h2>Articles: what the tool read</h2>\n");
    for (i, (a, sum)) in report.articles.iter().zip(&arts).enumerate() {
        let _ = writeln!(
            s,
            "<section class=\"article\" id=\"a{i}\">\n<h3><code>{}</code></h3>\n<p class=\"meta\">{}</p>",
            escape(&sum.path),
            article_meta(a)
        );
        let _ = writeln!(
            s,
            "<p>{} ({}), {} attributed to a metric, {} compared with other articles, {} against it (figures it states that a finding says are wrong).</p>",
            plural(sum.figures, "figure", "figures"),
            if a.claims_from.is_some() {
                "from a curated claim file"
            } else {
                "extracted from the text"
            },
            sum.attributed,
            sum.compared,
            plural(sum.findings, "finding", "findings")
        );
        let claims: Vec<usize> = (0..report.claims.len())
            .filter(|&c| report.claims[c].article == i)
            .collect();
        if !claims.is_empty() {
            s.push_str("<table class=\"claims\"><thead><tr><th>line</th><th>figure</th><th>value</th><th>metric</th><th>kind</th><th>entity</th><th>period: label → normalized</th><th>sourcing</th></tr></thead><tbody>\n");
            for id in claims {
                let c = &report.claims[id];
                let p = &c.period;
                let label = if p.label.is_empty() {
                    "<span class=\"none\">none stated</span>".to_string()
                } else {
                    format!("“{}”", escape(&p.label))
                };
                let mut period = format!(
                    "{label}{} → <b>{}</b>",
                    from_note(p.from),
                    escape(&p.key().to_string())
                );
                if let Some(r) = p.reading() {
                    let _ = write!(period, "<span class=\"how\">{}</span>", escape(&r.how));
                }
                if let Some(w) = &p.why {
                    let _ = write!(period, "<span class=\"how\">why: {}</span>", escape(w));
                }
                let mut kind = c.kind.name().to_string();
                if let Some(b) = c.basis {
                    let _ = write!(kind, " ({})", b.name());
                }
                if c.outlook {
                    kind.push_str(", outlook");
                }
                let value = format!(
                    "{}{} {}{}",
                    match c.figure.qualifier.name() {
                        "none" => String::new(),
                        q => format!("{q} "),
                    },
                    c.figure.value,
                    match c.figure.scale.name() {
                        "one" | "none" | "unit" => String::new(),
                        sc => format!("{sc} "),
                    },
                    c.figure.unit
                );
                let _ = writeln!(
                    s,
                    "<tr><td class=\"n\">{}</td><td><mark class=\"plain\">{}</mark></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    c.span.line,
                    escape(c.figure.text.trim()),
                    escape(value.trim()),
                    c.metric
                        .as_ref()
                        .map(|m| format!("<code>{}</code>", escape(&m.to_string())))
                        .unwrap_or_else(|| "<span class=\"none\">unattributed</span>".into()),
                    escape(&kind),
                    escape(&c.entity),
                    period,
                    sourcing(a, c)
                );
            }
            s.push_str("</tbody></table>\n");
        }
        if !a.sources.is_empty() {
            s.push_str("<p>Source list:</p>\n<ul class=\"sources\">\n");
            for e in &a.sources {
                let body = if e.is_empty() {
                    "<span class=\"none\">empty entry</span>".to_string()
                } else {
                    let mut b = escape(e.title.trim());
                    if let Some(u) = &e.url {
                        let _ = write!(b, " {}", link(u, u));
                    }
                    b
                };
                let _ = writeln!(
                    s,
                    "<li>[{}] {body} <span class=\"role\">line {}</span></li>",
                    escape(&e.marker),
                    e.line
                );
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</section>\n");
    }
    s.push_str("</section>\n");

    if !report.errors.is_empty() {
        s.push_str("<section id=\"errors\">\n<h2>Inputs that could not be read</h2>\n<ul class=\"errors\">\n");
        for e in &report.errors {
            let _ = writeln!(s, "<li>{}</li>", escape(&e.to_string()));
        }
        s.push_str("</ul>\n</section>\n");
    }
    let _ = writeln!(s, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>");
    s
}

/// " (from the sentence)": where a period label came from; nothing when it came from nowhere.
fn from_note(from: crate::period::PeriodFrom) -> String {
    match from {
        crate::period::PeriodFrom::None => String::new(),
        f => format!(" <span class=\"from\">(from the {})</span>", f.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_from_articles() {
        assert_eq!(
            escape("<script>alert(\"x\")</script>"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
        );
        assert_eq!(escape("AT&T's \"34%\""), "AT&amp;T&#39;s &quot;34%&quot;");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("RMB380 billion — 34%"), "RMB380 billion — 34%");
    }

    #[test]
    fn links_only_to_http() {
        assert_eq!(
            link("https://example.com/a?b=1&c=\"2\"", "x"),
            "<a href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\" rel=\"noopener noreferrer\">x</a>"
        );
        assert_eq!(link("javascript:alert(1)", "<b>"), "&lt;b&gt;");
        assert_eq!(link("data:text/html,x", "d"), "d");
    }
}
