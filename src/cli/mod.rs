//! Command-line arguments → validated options → the reader or a report.
//! Parsed once here; nothing downstream sees raw argument strings.

mod corrections;
mod export;
mod json_record;
mod library;
mod library_list;
mod man;
pub mod notes;
mod notes_all;
pub mod open;
mod output;
mod places;
mod report;
mod search;
mod suggest;

use crate::date::Date;
use crate::display::escape_controls;
use crate::document::Document;
use crate::formats;
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// folio — a terminal reader for news and intelligence briefs.
#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    about,
    args_conflicts_with_subcommands = true,
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// Briefs to open; with none, the bundled sample brief.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) that relative dates are resolved against; in a
    /// library, of the briefs without a date of their own.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, global = true)]
    pub published: Option<Date>,

    /// No notices on standard error (errors are still reported).
    #[arg(long, short = 'q', global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Timings and counts of reading, indexing and extraction on standard error.
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// -1 quiet, 0 normal, 1 verbose: set once from the command line.
static VERBOSITY: std::sync::atomic::AtomicI8 = std::sync::atomic::AtomicI8::new(0);

/// Prints a notice (`folio: …`, escaped) to stderr unless `--quiet`.
pub(crate) fn notice(msg: &str) {
    if VERBOSITY.load(std::sync::atomic::Ordering::Relaxed) >= 0 {
        eprintln!("folio: {}", escape_controls(msg));
    }
}

/// Prints timings and counts to stderr with `--verbose`.
pub(crate) fn verbose(msg: &str) {
    if VERBOSITY.load(std::sync::atomic::Ordering::Relaxed) > 0 {
        eprintln!("folio: {}", escape_controls(msg));
    }
}

/// The exit statuses, shown under `--help` and in the man page.
pub const EXIT_CODES: &str = "Exit status: 0 success, also when whatever reads the output closes it early (folio man | head); 1 bad input (missing, unreadable or binary file; a folder without briefs; notes import whose notes all fail to anchor, without --force; library --entity NAME that no entity, or several, are written as); 2 usage error (bad arguments, an unknown command, a flag the command cannot apply such as timeline --no-corrections).\n\nInput formats: plain text, Markdown (.md), HTML pages (.html), RSS/Atom feeds (.rss, .atom, or sniffed); in a library, one brief per feed item. folio text FILE prints the text that every offset indexes.";

/// Reports printed to stdout instead of opening the reader.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the brief's entities: a table with one row per entity, or one record per mention (--json, --format jsonl|csv).
    Entities(ReportArgs),
    /// List the brief's dated events (a chronological table, or JSON with --json).
    Timeline(ReportArgs),
    /// List the brief's places with coordinates: one row or record per place (where it is, mentions).
    Places(ReportArgs),
    /// List your entity corrections (id, action, names, date), or delete one with --delete ID.
    Corrections(corrections::CorrectionsArgs),
    /// Print a brief's annotations, or every brief's in a folder (Markdown, JSON or W3C), or import W3C annotations.
    Notes(notes::NotesArgs),
    /// List a library's briefs, newest first, or an entity's mentions across them.
    Library(LibraryArgs),
    /// Find a word or phrase in the text of every brief (ignoring case; several words match as that phrase), newest brief first.
    Search(SearchArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the plain text that every offset indexes (a Markdown, HTML or feed file's converted text).
    Text {
        /// The brief to read.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Only this item of a feed (0 for the first): the text that a library
        /// record with this "item" indexes.
        #[arg(long, value_name = "N")]
        item: Option<usize>,
    },
    /// Print the man page (roff) to stdout.
    Man,
    /// Check the config file (its path to stdout, problems to stderr), or print the default one.
    Config {
        /// Print a commented config file with every setting at its default.
        #[arg(long)]
        default: bool,
    },
}

/// Arguments of `folio library`.
#[derive(Debug, Args)]
pub struct LibraryArgs {
    /// Folders (searched recursively for .txt, .md, .html, .rss and .atom briefs) or brief files.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Print this entity's concordance: every mention with the words around it. Any
    /// way the briefs write it finds it ("Putin", "NATO"), ignoring case.
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output format: a table, a JSON array, JSON Lines or CSV with a header row
    /// (one record per brief, or per mention with --entity; offsets in code points);
    /// default: `[export] format` in the config, else table.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<crate::config::ExportFormat>,
    /// Print timings of opening, indexing and a concordance as JSON (for scripts/bench-library).
    #[arg(long, hide = true)]
    pub stats: bool,
}

/// Arguments of `folio search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Folders (searched recursively for .txt, .md, .html, .rss and .atom briefs) or brief files.
    #[arg(value_name = "PATH", required = true, num_args = 1..)]
    pub paths: Vec<PathBuf>,
    /// What to find: a word, or several words (or a quoted phrase) found as that phrase,
    /// with any whitespace between them; case is ignored.
    #[arg(value_name = "QUERY", required = true)]
    pub query: String,
    /// Same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output format: a table, a JSON array, JSON Lines or CSV with a header row (one
    /// record per hit: file, start, end, text, context; offsets in code points into
    /// `folio text FILE`); default: `[export] format` in the config, else table.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<crate::config::ExportFormat>,
}

/// Arguments shared by the report commands.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The brief to read, or a folder of briefs (each JSON object then gains "file").
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Same as --format json: one JSON array, offsets in Unicode code points into `folio text FILE`.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Show the recognizer's own entities, without your stored corrections (entities only).
    #[arg(long)]
    pub no_corrections: bool,
    /// Output format: a table, a JSON array, JSON Lines or CSV with a header row
    /// (offsets in code points); default: `[export] format` in the config, else table.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<crate::config::ExportFormat>,
}

impl ReportArgs {
    /// The format asked for: --json, --format, the config's `[export] format`, or a table.
    pub fn resolved_format(&self) -> crate::config::ExportFormat {
        export_format(self.json, self.format)
    }
}

impl LibraryArgs {
    /// The format asked for: --json, --format, the config's `[export] format`, or a table.
    pub fn resolved_format(&self) -> crate::config::ExportFormat {
        export_format(self.json, self.format)
    }
}

/// --json, else --format, else the config's `[export] format` (its problems noted), else a table.
fn export_format(
    json: bool,
    format: Option<crate::config::ExportFormat>,
) -> crate::config::ExportFormat {
    use crate::config::ExportFormat;
    if json {
        return ExportFormat::Json;
    }
    format.unwrap_or_else(|| {
        let (config, warnings) = crate::config::load();
        for w in warnings.iter().filter(|w| w.setting.starts_with("export")) {
            notice(&w.to_string());
        }
        config.export
    })
}

/// A flag given to a command it cannot change: the usage error to report (status 2).
fn inapplicable(command: &Option<Command>) -> Option<&'static str> {
    match command {
        Some(Command::Timeline(args)) if args.no_corrections => Some(
            "--no-corrections changes only which entities are shown, and `folio timeline` shows none; use it with `folio entities`",
        ),
        _ => None,
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("'{s}' is not a date (expected YYYY-MM-DD)"))
}

/// A failure the user caused or can fix, reported as `folio: message` with exit status 1.
#[derive(Debug)]
pub struct Failure(pub String);

impl Failure {
    /// `folio: PATH: reason`, with the path escaped so a hostile name cannot drive the terminal.
    pub fn at(path: &Path, reason: impl std::fmt::Display) -> Failure {
        Failure(format!(
            "{}: {reason}",
            escape_controls(&path.display().to_string())
        ))
    }
}

/// Runs folio with parsed arguments and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let level = match (cli.quiet, cli.verbose) {
        (true, _) => -1,
        (false, true) => 1,
        (false, false) => 0,
    };
    VERBOSITY.store(level, std::sync::atomic::Ordering::Relaxed);
    if let Some(msg) = inapplicable(&cli.command) {
        eprintln!("folio: {msg}");
        return ExitCode::from(2);
    }
    let flags = |no_corrections| library::Flags {
        published: cli.published,
        no_corrections,
    };
    let result = match &cli.command {
        Some(Command::Entities(args)) if args.file.is_dir() => library::entities(
            std::slice::from_ref(&args.file),
            args.resolved_format(),
            flags(args.no_corrections),
        ),
        Some(Command::Timeline(args)) if args.file.is_dir() => library::timeline(
            std::slice::from_ref(&args.file),
            args.resolved_format(),
            flags(false),
        ),
        Some(Command::Places(args)) if args.file.is_dir() => places::library(
            std::slice::from_ref(&args.file),
            args.resolved_format(),
            flags(args.no_corrections),
        ),
        Some(Command::Places(args)) => open(&args.file, cli.published).and_then(|doc| {
            let corrections = corrections::for_report(args.no_corrections);
            places::brief(&doc, args.resolved_format(), &corrections)
        }),
        Some(Command::Entities(args)) => open(&args.file, cli.published).and_then(|doc| {
            let corrections = corrections::for_report(args.no_corrections);
            report::entities(&doc, args.resolved_format(), &corrections)
        }),
        Some(Command::Timeline(args)) => open(&args.file, cli.published)
            .and_then(|doc| report::timeline(&doc, args.resolved_format())),
        Some(Command::Notes(args)) => notes::run(args),
        Some(Command::Corrections(args)) => corrections::run(args),
        Some(Command::Library(args)) if args.stats => {
            library::stats(&args.paths, args.entity.as_deref(), flags(false))
        }
        Some(Command::Library(args)) => library_list::list(
            &args.paths,
            args.entity.as_deref(),
            args.resolved_format(),
            flags(false),
        ),
        Some(Command::Search(args)) => search::run(
            &args.paths,
            &args.query,
            export_format(args.json, args.format),
            cli.published,
        ),
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "folio", &mut script);
            output::emit_bytes(&script)
        }
        Some(Command::Text { file, item }) => text(file, *item),
        Some(Command::Man) => man::page()
            .map_err(|e| Failure(format!("cannot write the man page: {e}")))
            .and_then(|page| output::emit_bytes(&page)),
        Some(Command::Config { default: true }) => output::emit(crate::config::DEFAULT_FILE),
        Some(Command::Config { default: false }) => check_config(),
        None => {
            if let Some(msg) = mistyped_command(&cli.files) {
                eprintln!("folio: {msg}");
                return ExitCode::from(2);
            }
            open::run_reader(&cli.files, cli.published)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that closed the pipe (`folio man | head`) wanted no more: not an error.
        Err(_) if output::closed() => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("folio: {}", escape_controls(&msg));
            ExitCode::from(1)
        }
    }
}

/// `folio FIRST …` where FIRST is no file but close to a command's name: the
/// usage error to report instead of "no such file".
fn mistyped_command(files: &[PathBuf]) -> Option<String> {
    let first = files.first()?.to_str()?;
    let cmd = <Cli as clap::CommandFactory>::command();
    let names: Vec<&str> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name())
        .collect();
    let like = suggest::commands_like(first, &names);
    (!like.is_empty()).then(|| suggest::message(first, &like))
}

/// `folio text FILE`: the document's whole text, header included, exactly as
/// offsets count it; to a terminal, controls are shown as markers instead. With
/// `item`, that feed item's text, as a library reads it.
fn text(path: &Path, item: Option<usize>) -> Result<(), Failure> {
    let doc = match item {
        None => open(path, None)?,
        Some(n) => feed_item(path, n)?,
    };
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        output::emit(&crate::display::escape_keep_lines(doc.text()))
    } else {
        output::emit(doc.text())
    }
}

/// Item `n` of the feed at `path` (0 for the first), as the library reads it.
fn feed_item(path: &Path, n: usize) -> Result<Document, Failure> {
    let mut briefs = formats::load(path).map_err(|e| Failure::at(path, e))?;
    if briefs.first().is_some_and(|b| b.item.is_none()) {
        return Err(Failure::at(path, "is not a feed, so it has no items"));
    }
    let count = briefs.len();
    if n >= count {
        let have = match count {
            0 => "has no items".to_owned(),
            1 => "has one item (0)".to_owned(),
            _ => format!("has {count} items (0 to {})", count - 1),
        };
        return Err(Failure::at(path, format!("{have}, not {n}")));
    }
    Ok(briefs.swap_remove(n).doc)
}

/// Prints the config file's path and reports its problems; bad input (status 1) if any.
fn check_config() -> Result<(), Failure> {
    let path =
        crate::config::path().ok_or_else(|| Failure("no config directory for this user".into()))?;
    let shown = escape_controls(&path.display().to_string()).into_owned();
    output::emit(&format!("{shown}\n"))?;
    if std::fs::symlink_metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        notice(&format!(
            "no config file at {shown}; using the defaults (`folio config --default` prints one)"
        ));
        return Ok(());
    }
    let (_, warnings) = crate::config::load();
    for w in &warnings {
        eprintln!("folio: {w}");
    }
    if warnings.is_empty() {
        Ok(())
    } else {
        Err(Failure(format!(
            "{} problem(s) in the config file",
            warnings.len()
        )))
    }
}

/// Reads a brief in any input format, applying `--published`.
pub fn open(path: &Path, published: Option<Date>) -> Result<Document, Failure> {
    let t0 = std::time::Instant::now();
    let mut doc = formats::read(path).map_err(|e| Failure::at(path, e))?;
    verbose(&format!(
        "{}: read {} bytes of text, {} paragraphs, in {:.1} ms",
        path.display(),
        doc.text().len(),
        doc.paragraphs().len(),
        t0.elapsed().as_secs_f64() * 1e3
    ));
    if let Some(d) = published {
        doc.set_published(d);
    }
    Ok(doc)
}
