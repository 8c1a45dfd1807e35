//! Measuring extraction against hand-labelled claim files (the gold set):
//! precision and recall for figures, metric attribution, period attribution and sourcing.

use crate::ingest::{claimfile, manifest};
use crate::knowledge::Knowledge;
use crate::model::{Article, Claim};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Precision and recall for one category.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pr {
    pub tp: usize,
    /// What the extractor said (denominator of precision).
    pub predicted: usize,
    /// What the gold says (denominator of recall).
    pub gold: usize,
}

impl Pr {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub figures: Pr,
    pub metric: Pr,
    pub period: Pr,
    pub sourcing: Pr,
    pub articles: usize,
    /// Misses and false positives, for looking at: (path, line, figure, what).
    pub notes: Vec<String>,
}

impl Scores {
    pub fn table(&self) -> String {
        let row = |n: &str, p: &Pr| {
            format!(
                "| {n:<9} | {:>9.3} | {:>6.3} | {:>4} | {:>9} | {:>4} |\n",
                p.precision(),
                p.recall(),
                p.tp,
                p.predicted,
                p.gold
            )
        };
        let mut s = format!("{} articles\n| category  | precision | recall |   tp | extracted | gold |\n|---|---|---|---|---|---|\n", self.articles);
        s += &row("figures", &self.figures);
        s += &row("metric", &self.metric);
        s += &row("period", &self.period);
        s += &row("sourcing", &self.sourcing);
        s
    }
}

fn overlaps(a: &Claim, b: &Claim) -> bool {
    if a.span.line != b.span.line {
        return false;
    }
    let (ta, tb) = (a.figure.text.trim(), b.figure.text.trim());
    ta.contains(tb)
        || tb.contains(ta)
        || a.figure.value == b.figure.value && a.figure.unit == b.figure.unit
}

/// Scores extraction on every claim file in `dirs` whose article is present.
/// `dirs` may hold a `sources.yaml` manifest for their articles.
pub fn score(dirs: &[PathBuf], knowledge: &Knowledge) -> Scores {
    let mut gold_articles: Vec<Article> = Vec::new();
    let mut gold_claims: Vec<Claim> = Vec::new();
    let mut ext_articles: Vec<Article> = Vec::new();
    let mut ext_claims: Vec<Claim> = Vec::new();
    let mut learned = Vec::new();
    let lex = crate::extract::metric::Lexicon::new(knowledge);
    let mut files: Vec<PathBuf> = Vec::new();
    for d in dirs {
        if let Ok(rd) = std::fs::read_dir(d) {
            files.extend(
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.to_string_lossy().ends_with(".claims.yaml")),
            );
        }
    }
    files.sort();
    for f in &files {
        let Ok((ga, gc)) = claimfile::load(f, knowledge) else {
            continue;
        };
        let Some(lines) = &ga.lines else { continue };
        let text = lines.join("\n");
        // metadata only from the manifest beside the article (not from the claim file)
        let meta = ga
            .path
            .parent()
            .map(|d| d.join("sources.yaml"))
            .filter(|m| m.exists())
            .and_then(|m| manifest::load(&m).ok())
            .and_then(|m| m.get(ga.path.file_name()?.to_str()?).cloned());
        let e = crate::extract::extract(&ga.path, &text, meta, knowledge, &lex);
        let ai = gold_articles.len();
        learned.extend(e.learned);
        gold_claims.extend(gc.into_iter().map(|mut c| {
            c.article = ai;
            c
        }));
        ext_claims.extend(e.claims.into_iter().map(|mut c| {
            c.article = ai;
            c
        }));
        gold_articles.push(ga);
        ext_articles.push(e.article);
    }
    let k = crate::with_learned(knowledge, &learned);
    crate::graph::periods::resolve_all(&gold_articles, &mut gold_claims, &k);
    crate::graph::periods::resolve_all(&ext_articles, &mut ext_claims, &k);
    let mut s = Scores {
        articles: gold_articles.len(),
        ..Default::default()
    };
    // match extracted to gold claims: same article and line, overlapping figure text
    let mut by_key: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, g) in gold_claims.iter().enumerate() {
        by_key.entry((g.article, g.span.line)).or_default().push(i);
    }
    let mut used = vec![false; gold_claims.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (j, e) in ext_claims.iter().enumerate() {
        let cand = by_key
            .get(&(e.article, e.span.line))
            .cloned()
            .unwrap_or_default();
        // the gold claim at the same column first: a table line repeats figures ("35%")
        let free = |g: &&usize| !used[**g] && overlaps(&gold_claims[**g], e);
        if let Some(&g) = cand
            .iter()
            .filter(free)
            .find(|&&g| e.span.column > 0 && gold_claims[g].span.column == e.span.column)
            .or_else(|| cand.iter().find(free))
        {
            used[g] = true;
            pairs.push((g, j));
        } else {
            s.notes.push(format!(
                "extra   {}:{} {:?}",
                file(&ext_articles[e.article].path),
                e.span.line,
                e.figure.text
            ));
        }
    }
    for (g, u) in used.iter().enumerate() {
        if !u {
            let c = &gold_claims[g];
            s.notes.push(format!(
                "missed  {}:{} {:?}",
                file(&gold_articles[c.article].path),
                c.span.line,
                c.figure.text
            ));
        }
    }
    s.figures = Pr {
        tp: pairs.len(),
        predicted: ext_claims.len(),
        gold: gold_claims.len(),
    };
    for (g, e) in &pairs {
        let (gc, ec) = (&gold_claims[*g], &ext_claims[*e]);
        let place = format!(
            "{}:{} {:?}",
            file(&gold_articles[gc.article].path),
            gc.span.line,
            gc.figure.text
        );
        // metric: the composed id and the kind
        if ec.metric.is_some() {
            s.metric.predicted += 1;
        }
        if gc.metric.is_some() {
            s.metric.gold += 1;
        }
        if gc.metric.is_some() && gc.metric == ec.metric && gc.kind == ec.kind {
            s.metric.tp += 1;
        } else if gc.metric.is_some() || ec.metric.is_some() {
            s.notes.push(format!(
                "metric  {place}: gold {} {} / got {} {}",
                gc.metric
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or("-".into()),
                gc.kind.name(),
                ec.metric
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or("-".into()),
                ec.kind.name()
            ));
        }
        // period: the normalized period in use
        s.period.predicted += 1;
        s.period.gold += 1;
        if gc.period.key() == ec.period.key() {
            s.period.tp += 1;
        } else {
            s.notes.push(format!(
                "period  {place}: gold {:?}={} / got {:?}={}",
                gc.period.label,
                gc.period.key(),
                ec.period.label,
                ec.period.key()
            ));
        }
        // sourcing: sourced or not (restating a line counts as sourced)
        let sourced = |c: &Claim| c.sourcing.is_direct() || c.sourcing.restates.is_some();
        s.sourcing.predicted += 1;
        s.sourcing.gold += 1;
        if sourced(gc) == sourced(ec) {
            s.sourcing.tp += 1;
        } else {
            s.notes.push(format!(
                "source  {place}: gold {} / got {}",
                sourced(gc),
                sourced(ec)
            ));
        }
    }
    s
}

fn file(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
