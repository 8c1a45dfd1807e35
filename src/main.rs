//! The claimcheck command line: parses arguments and calls the library.

use claimcheck::report;
use claimcheck::rules::{self, Severity};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_CODES: &str = "Exit codes:
  0  nothing at or above --fail-on
  1  a finding (check) or a verdict (gate) at or above --fail-on
  2  usage error, bad configuration or knowledge, or an input that could not be read
     (the other inputs are still checked and reported)";

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Checks numeric claims across articles before they are published",
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    /// Compiler-style diagnostics with the article lines
    Text,
    /// The machine interface (docs/report-schema.json; gate: docs/gate-schema.json)
    Json,
    /// For a merge request comment or a newsroom wiki
    Markdown,
    /// SARIF 2.1.0, for code-scanning uploads
    Sarif,
    /// One self-contained page with filters
    Html,
    /// GitHub Actions workflow commands: annotations on the pull request's files
    Github,
    /// GitLab Code Quality report (JSON), for merge request widgets
    Gitlab,
    /// gate only: schema.org ClaimReview JSON-LD, one per judged draft claim
    Claimreview,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum ExtractFormat {
    /// One claim file per article (YAML documents separated by `---`)
    Yaml,
    /// {"articles": [{"path", "claims"}]}: the report's claim fields with periods
    /// resolved (start and end as ISO dates), for scorers and scripts
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Color {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    /// Always, even into a file or a pipe
    Always,
    /// Never
    Never,
}

/// Options `check` and `gate` share, validated in one place (the library's
/// `config::resolve`).
#[derive(Args)]
struct Shared {
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Extra knowledge folder (metrics.yaml, entities.yaml, fx.yaml) on top of the
    /// embedded knowledge; repeatable.
    #[arg(long = "knowledge", value_name = "DIR")]
    knowledge: Vec<PathBuf>,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Colour in text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Relative tolerance for currency conversions, between 0 and 1
    /// (default: the configuration's, else 0.05).
    #[arg(long, value_name = "RATIO")]
    fx_tolerance: Option<f64>,
    /// Turn a rule off; repeatable (`claimcheck rules` lists them).
    #[arg(long = "disable", value_name = "RULE")]
    disable: Vec<String>,
    /// Configuration file (default: a claimcheck.yaml among the paths, else the
    /// nearest one in the working directory or above).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The name standard input (`-`) goes by in reports; its extension says how
    /// to read it (draft.md, page.html). Default: <stdin>.
    #[arg(long, value_name = "NAME")]
    stdin_name: Option<PathBuf>,
    /// SARIF: artifact URIs are relative to DIR (default: the working directory),
    /// as code-scanning uploads expect.
    #[arg(long, value_name = "DIR", default_value = ".")]
    sarif_root: PathBuf,
}

impl Shared {
    fn flags(&self) -> claimcheck::config::Flags {
        claimcheck::config::Flags {
            config: self.config.clone(),
            knowledge: self.knowledge.clone(),
            disable: self.disable.clone(),
            fx_tolerance: self.fx_tolerance,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check claim files and articles (files or folders; `-` reads standard input).
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Articles (.txt .md .html ...), claim files (.yaml), sources.yaml, folders
        /// (walked recursively), or `-` for standard input.
        #[arg(required = true, value_name = "PATHS")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        shared: Shared,
        /// Exit 1 when a finding is at or above this severity: error, warning, info or never
        /// (default: the configuration's fail-on, else error).
        #[arg(long, value_name = "LEVEL")]
        fail_on: Option<String>,
        /// Report only findings not in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Write the current findings to FILE as a baseline (atomically), and exit 0
        /// unless an input could not be read.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
    },
    /// Check a draft claim by claim against trusted sources: verified, contradicted,
    /// mislabelled or unverifiable, plus the draft's own sourcing findings.
    #[command(after_help = EXIT_CODES)]
    Gate {
        /// The draft (any format `check` reads), or `-` for standard input.
        draft: PathBuf,
        /// Trusted sources: a release, a filing, vetted articles (files or folders).
        #[arg(long = "against", required = true, num_args = 1.., value_name = "SOURCE")]
        against: Vec<PathBuf>,
        #[command(flatten)]
        shared: Shared,
        /// Exit 1 on these verdicts and severities (comma-separated):
        /// verified, contradicted, mislabelled, unverifiable, error, warning, info; or never.
        #[arg(long, default_value = "contradicted,mislabelled", value_name = "LIST")]
        fail_on: String,
    },
    /// Extract the claims of raw articles and print them as claim files (YAML), or as
    /// JSON with their periods resolved.
    Extract {
        /// Articles or folders of articles.
        #[arg(required = true, value_name = "PATHS")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "yaml")]
        format: ExtractFormat,
        /// Write each article's claims beside it as NAME.claims.yaml (never overwrites an existing file).
        #[arg(long)]
        write: bool,
        /// Extra knowledge folder; repeatable.
        #[arg(long = "knowledge", value_name = "DIR")]
        knowledge: Vec<PathBuf>,
    },
    /// Print the knowledge in force: metrics, entities with fiscal calendars, FX coverage.
    /// With PATHS, also the fiscal calendars and exchange rates those articles teach.
    Knowledge {
        /// Articles whose fiscal-calendar and exchange-rate sentences to learn from (optional).
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
        /// Extra knowledge folder; repeatable.
        #[arg(long = "knowledge", value_name = "DIR")]
        knowledge: Vec<PathBuf>,
    },
    /// List the rules.
    Rules,
    /// Explain one rule: what it flags, why, an example. Without NAME, list the names.
    Rule {
        /// The rule (`claimcheck rules` lists them).
        name: Option<String>,
    },
}

fn parse_fail_on(s: &str) -> Result<Option<Severity>, String> {
    if s == "never" {
        return Ok(None);
    }
    Severity::parse(s)
        .map(Some)
        .ok_or_else(|| format!("--fail-on: '{s}' is not one of error, warning, info, never"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Gate {
            draft,
            against,
            shared,
            fail_on,
        } => {
            let mut verdicts = Vec::new();
            let mut severity: Option<Severity> = None;
            if fail_on != "never" {
                for part in fail_on.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    if let Some(v) = claimcheck::gate::Verdict::parse(part) {
                        verdicts.push(v);
                    } else if let Some(s) = Severity::parse(part) {
                        severity = Some(severity.map_or(s, |x| x.min(s)));
                    } else {
                        return usage(&format!(
                            "--fail-on: '{part}' is not a verdict (verified, contradicted, mislabelled, unverifiable), a severity (error, warning, info) or never"
                        ));
                    }
                }
            }
            let mut against = against;
            let resolved = match claimcheck::config::resolve(&shared.flags(), &mut against, &cwd())
            {
                Ok(r) => r,
                Err(e) => return usage(&e.to_string()),
            };
            let opts = resolved.options;
            let k = match claimcheck::load_knowledge(&opts.knowledge_dirs) {
                Ok(k) => k,
                Err(e) => return usage(&e.to_string()),
            };
            let paths: Vec<PathBuf> = std::iter::once(draft.clone())
                .chain(against.iter().cloned())
                .collect();
            let stdin = match read_stdin(&paths, shared.stdin_name.clone()) {
                Ok(s) => s,
                Err(e) => return usage(&e),
            };
            let g = claimcheck::gate::run(&[draft], &against, &opts, &k, stdin);
            let colored = use_color(shared.color, shared.output.as_deref());
            let text = match shared.format {
                Format::Json => report::gate::json(&g),
                Format::Markdown => report::gate::markdown(&g),
                Format::Sarif => {
                    report::sarif::render_with_root(&g.as_check_report(), &shared.sarif_root)
                }
                Format::Html => report::html::render(&g.as_check_report()),
                Format::Github => report::ci::github(&g.as_check_report()),
                Format::Gitlab => report::ci::gitlab(&g.as_check_report()),
                Format::Claimreview => report::claimreview::render(&g),
                Format::Text => report::gate::text(&g, colored),
            };
            if !emit(&text, shared.output.as_deref()) {
                return ExitCode::from(2);
            }
            print_errors(&g.report.errors, &shared);
            print_warnings(&g.report.warnings, &shared);
            if !g.report.errors.is_empty() {
                return ExitCode::from(2);
            }
            let failed = g.judgements.iter().any(|j| verdicts.contains(&j.verdict))
                || severity.is_some_and(|s| g.report.findings.iter().any(|f| f.severity >= s));
            ExitCode::from(u8::from(failed))
        }
        Command::Extract {
            paths,
            format,
            write,
            knowledge,
        } => {
            if write && format == ExtractFormat::Json {
                return usage("extract: --write writes claim files (YAML); not with --format json");
            }
            let k = match claimcheck::load_knowledge(&knowledge) {
                Ok(k) => k,
                Err(e) => return usage(&e.to_string()),
            };
            if format == ExtractFormat::Json {
                let r = claimcheck::extract_report(&paths, &k);
                if !emit_with(None, |w| report::json::render_extract_to(&r, w)) {
                    return ExitCode::from(2);
                }
                for e in &r.errors {
                    eprintln!("claimcheck: error: {e}");
                }
                return ExitCode::from(if r.errors.is_empty() { 0 } else { 2 });
            }
            let corpus = claimcheck::ingest::load_with(&paths, &k, None, false);
            let mut out = String::new();
            let mut status = 0u8;
            for (i, a) in corpus.articles.iter().enumerate() {
                let claims: Vec<&claimcheck::model::Claim> =
                    corpus.claims.iter().filter(|c| c.article == i).collect();
                let name = a
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let yaml = report::claimfile::render(a, &claims, &name);
                if write {
                    let stem = a
                        .path
                        .file_stem()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let target = a.path.with_file_name(format!("{stem}.claims.yaml"));
                    if target.exists() {
                        eprintln!("claimcheck: {}: exists; not overwritten", target.display());
                        status = 2;
                        continue;
                    }
                    if let Err(e) = claimcheck::atomic::write(&target, yaml.as_bytes()) {
                        eprintln!("claimcheck: {}: cannot write: {e}", target.display());
                        status = 2;
                    } else {
                        eprintln!("wrote {} ({} claims)", target.display(), claims.len());
                    }
                } else {
                    if !out.is_empty() {
                        out.push_str("---\n");
                    }
                    out.push_str(&yaml);
                }
            }
            print!("{out}");
            for e in &corpus.errors {
                eprintln!("claimcheck: error: {e}");
                status = 2;
            }
            ExitCode::from(status)
        }
        Command::Knowledge { paths, knowledge } => {
            let k = match claimcheck::load_knowledge(&knowledge) {
                Ok(k) => k,
                Err(e) => return usage(&e.to_string()),
            };
            let corpus = claimcheck::ingest::load(&paths, &k, None);
            let k = claimcheck::with_learned(&k, &corpus.learned);
            print!("{}", report::knowledge::render(&k));
            for e in &corpus.errors {
                eprintln!("claimcheck: error: {e}");
            }
            ExitCode::from(if corpus.errors.is_empty() { 0 } else { 2 })
        }
        Command::Rules => {
            let all = rules::registry();
            let width = all.iter().map(|r| r.id().len()).max().unwrap_or(0);
            let mut out = String::new();
            for r in &all {
                out.push_str(&format!(
                    "{:<width$}  {:<7}  {}\n",
                    r.id(),
                    r.default_severity().name(),
                    r.doc().summary
                ));
            }
            print!("{out}");
            ExitCode::SUCCESS
        }
        Command::Rule { name: None } => {
            let ids: Vec<&str> = rules::registry().iter().map(|r| r.id()).collect();
            println!("claimcheck rule NAME, where NAME is one of:");
            for id in ids {
                println!("  {id}");
            }
            ExitCode::SUCCESS
        }
        Command::Rule { name: Some(name) } => match rules::find(&name) {
            Some(r) => {
                let d = r.doc();
                println!(
                    "{} (default severity: {})\n\n{}\n\nWhat it does\n  {}\n\nWhy\n  {}\n\nExample\n{}",
                    r.id(),
                    r.default_severity().name(),
                    d.summary,
                    d.what,
                    d.why,
                    d.example.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
                );
                ExitCode::SUCCESS
            }
            None => {
                let ids: Vec<&str> = rules::registry().iter().map(|r| r.id()).collect();
                eprintln!("claimcheck: no rule '{name}'; rules: {}", ids.join(", "));
                ExitCode::from(2)
            }
        },
        Command::Check {
            paths,
            shared,
            fail_on,
            baseline,
            write_baseline,
        } => {
            if shared.format == Format::Claimreview {
                return usage("check: --format claimreview is gate's (a verdict per draft claim)");
            }
            let mut paths = paths;
            let resolved = match claimcheck::config::resolve(&shared.flags(), &mut paths, &cwd()) {
                Ok(r) => r,
                Err(e) => return usage(&e.to_string()),
            };
            if paths.is_empty() {
                return usage("check: nothing to check (only a configuration was given)");
            }
            let fail_on = match fail_on {
                Some(f) => match parse_fail_on(&f) {
                    Ok(f) => f,
                    Err(e) => return usage(&e),
                },
                None => resolved.config.fail_on.unwrap_or(Some(Severity::Error)),
            };
            let opts = resolved.options;
            let accepted = match baseline.as_deref().map(claimcheck::baseline::load) {
                Some(Ok(b)) => Some(b),
                Some(Err(e)) => return usage(&e.to_string()),
                None => None,
            };
            let stdin = match read_stdin(&paths, shared.stdin_name.clone()) {
                Ok(s) => s,
                Err(e) => return usage(&e),
            };
            let spinner = progress(&paths);
            // the JSON report quotes no article text: it need not be kept
            let report = if shared.format == Format::Json {
                claimcheck::check_without_text(&paths, &opts, stdin)
            } else {
                claimcheck::check(&paths, &opts, stdin)
            };
            if let Some(pb) = spinner {
                pb.finish_and_clear();
            }
            let mut report = match report {
                Ok(r) => r,
                Err(e) => return usage(&e.to_string()),
            };
            if let Some(path) = &write_baseline {
                let text = claimcheck::baseline::render(&report);
                if let Err(e) = claimcheck::atomic::write(path, text.as_bytes()) {
                    eprintln!("claimcheck: {}: cannot write: {e}", path.display());
                    return ExitCode::from(2);
                }
            }
            if let Some(accepted) = &accepted {
                claimcheck::baseline::apply(&mut report, accepted);
            }
            let colored = use_color(shared.color, shared.output.as_deref());
            let text = match shared.format {
                // written as it is serialized (below), never held as one string
                Format::Json => None,
                Format::Text => Some(report::text::render(&report, colored)),
                Format::Markdown => Some(report::markdown::render(&report)),
                Format::Sarif => Some(report::sarif::render_with_root(&report, &shared.sarif_root)),
                Format::Html => Some(report::html::render(&report)),
                Format::Github => Some(report::ci::github(&report)),
                Format::Gitlab => Some(report::ci::gitlab(&report)),
                Format::Claimreview => unreachable!("refused above"),
            };
            let written = match &text {
                Some(text) => emit(text, shared.output.as_deref()),
                None => emit_with(shared.output.as_deref(), |w| {
                    report::json::render_to(&report, w)
                }),
            };
            if !written {
                return ExitCode::from(2);
            }
            print_errors(&report.errors, &shared);
            print_warnings(&report.warnings, &shared);
            if write_baseline.is_some() {
                // writing the baseline is the job: findings do not fail it
                return ExitCode::from(if report.errors.is_empty() { 0 } else { 2 });
            }
            ExitCode::from(report.exit_code(fail_on) as u8)
        }
    }
}

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// Input errors on standard error, unless the report already shows them on
/// this terminal (text on standard output, standard output a terminal).
fn print_errors(errors: &[claimcheck::Error], shared: &Shared) {
    let on_terminal =
        shared.output.is_none() && shared.format == Format::Text && std::io::stdout().is_terminal();
    if on_terminal {
        return;
    }
    for e in errors {
        eprintln!("claimcheck: error: {e}");
    }
}

/// Input warnings on standard error, on the same terms as errors.
fn print_warnings(warnings: &[claimcheck::Error], shared: &Shared) {
    let on_terminal =
        shared.output.is_none() && shared.format == Format::Text && std::io::stdout().is_terminal();
    if on_terminal {
        return;
    }
    for e in warnings {
        eprintln!("claimcheck: warning: {e}");
    }
}

/// Standard input, read when one of the paths is `-`.
fn read_stdin(
    paths: &[PathBuf],
    name: Option<PathBuf>,
) -> Result<Option<claimcheck::ingest::Stdin>, String> {
    if !paths.iter().any(|p| p.as_os_str() == "-") {
        return Ok(None);
    }
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(Some(claimcheck::ingest::Stdin::new(buf, name)))
}

/// Inputs above which a check shows progress on a terminal.
const PROGRESS_ABOVE: usize = 300;

/// A spinner on standard error while a large check runs (more than
/// [`PROGRESS_ABOVE`] input files, standard error a terminal); None otherwise.
fn progress(paths: &[PathBuf]) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let inputs = claimcheck::ingest::discover(paths, &mut Vec::new());
    if inputs.len() <= PROGRESS_ABOVE {
        return None;
    }
    // a bar over the files read, fed by the library's counter from a polling thread
    let total = inputs.len() as u64;
    let pb = indicatif::ProgressBar::new(total);
    pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("checking {bar:40} {pos}/{len} files [{elapsed}]")
    {
        pb.set_style(style);
    }
    let poll = pb.clone();
    std::thread::spawn(move || {
        while !poll.is_finished() {
            let n =
                claimcheck::ingest::FILES_READ.load(std::sync::atomic::Ordering::Relaxed) as u64;
            poll.set_position(n.min(total));
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    });
    Some(pb)
}

/// Colour on a terminal unless NO_COLOR is set or --color says otherwise.
fn use_color(color: Color, output: Option<&std::path::Path>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Writes a report to FILE (atomically) or to standard output; false when it could not.
fn emit(text: &str, output: Option<&std::path::Path>) -> bool {
    match output {
        Some(path) => match claimcheck::atomic::write(path, text.as_bytes()) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("claimcheck: {}: cannot write: {e}", path.display());
                false
            }
        },
        None => std::io::stdout().lock().write_all(text.as_bytes()).is_ok(),
    }
}

/// Like [`emit`], for a report written as it is produced (buffered).
fn emit_with(
    output: Option<&std::path::Path>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> bool {
    match output {
        Some(path) => match claimcheck::atomic::write_with(path, fill) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("claimcheck: {}: cannot write: {e}", path.display());
                false
            }
        },
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            fill(&mut w).and_then(|()| w.flush()).is_ok()
        }
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("claimcheck: {msg}");
    ExitCode::from(2)
}
