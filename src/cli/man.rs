//! `folio man`: one man page for folio and all its commands (no `folio-entities(1)`
//! pages to go missing), generated from the clap definition, plus KEYS from the
//! live default keymap, ENVIRONMENT and FILES.

use super::{Cli, EXIT_CODES};
use crate::ui::keymap::{Context, Keymap};
use clap::CommandFactory;

/// The whole man page, as roff.
pub fn page() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut roff = String::new();
    commands(&cmd, &mut roff);
    section(&mut roff, "EXIT STATUS");
    for line in EXIT_CODES.lines().filter(|l| !l.trim().is_empty()) {
        paragraph(&mut roff, line);
    }
    keys(&mut roff);
    environment(&mut roff);
    files(&mut roff);
    out.extend_from_slice(roff.as_bytes());
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// COMMANDS: each subcommand (and `notes import`) with its usage, what it does and
/// its own options; the global options are under OPTIONS.
fn commands(cmd: &clap::Command, roff: &mut String) {
    section(roff, "COMMANDS");
    let mut stack: Vec<&clap::Command> = cmd.get_subcommands().collect();
    stack.reverse();
    while let Some(sub) = stack.pop() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let name = sub.get_bin_name().unwrap_or(sub.get_name());
        roff.push_str(&format!(".SS \"{}\"\n.nf\n", escape(name)));
        let usage = sub.clone().render_usage().to_string();
        for line in usage.trim_start_matches("Usage:").lines() {
            roff.push_str(&escape(line.trim()));
            roff.push('\n');
        }
        roff.push_str(".fi\n");
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            paragraph(roff, &about.to_string());
        }
        for arg in sub.get_arguments() {
            let id = arg.get_id().as_str();
            if arg.is_hide_set() || arg.is_global_set() || id == "help" || id == "version" {
                continue;
            }
            roff.push_str(".TP\n");
            roff.push_str(&arg_label(arg));
            roff.push('\n');
            if let Some(help) = arg.get_long_help().or_else(|| arg.get_help()) {
                roff.push_str(&escape(&help.to_string().replace('\n', " ")));
                roff.push('\n');
            }
        }
        let first = stack.len();
        stack.extend(sub.get_subcommands());
        stack[first..].reverse();
    }
}

/// `\fB\-\-format\fR \fIFORMAT\fR`, `\fB\-q\fR, \fB\-\-quiet\fR` or `\fIFILE\fR`.
fn arg_label(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .map(|names| {
            names
                .iter()
                .map(|n| format!("\\fI{}\\fR", escape(n)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let mut flags = Vec::new();
    if let Some(s) = arg.get_short() {
        flags.push(format!("\\fB\\-{}\\fR", escape(&s.to_string())));
    }
    if let Some(l) = arg.get_long() {
        flags.push(format!("\\fB\\-\\-{}\\fR", escape(l)));
    }
    let takes_value = arg.get_action().takes_values();
    match (flags.is_empty(), takes_value && !value.is_empty()) {
        (true, _) => {
            if value.is_empty() {
                format!("\\fI{}\\fR", escape(arg.get_id().as_str()))
            } else {
                value
            }
        }
        (false, true) => format!("{} {value}", flags.join(", ")),
        (false, false) => flags.join(", "),
    }
}

/// KEYS: every binding of the default keymap with what it does, as `?` shows them.
fn keys(roff: &mut String) {
    section(roff, "KEYS");
    paragraph(
        roff,
        "The reader's default bindings (the config file can change them; ? shows the live ones):",
    );
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for b in Keymap::default().bindings() {
        let what = b.action.describe();
        if what.is_empty() {
            continue;
        }
        let scope = match b.context {
            Context::Global => "",
            Context::Pane => " (text)",
            Context::Sidebar => " (entities)",
            Context::Timeline => " (timeline)",
            Context::Notes => " (annotations panel)",
            Context::Editor => " (note editor)",
            Context::Correct => " (choosing a correction)",
            Context::Library => " (library)",
            Context::Map => " (map)",
        };
        let label = format!("{}{scope}", b.label());
        match rows.iter_mut().find(|(_, w)| *w == what) {
            Some((keys, _)) => keys.push_str(&format!(", {label}")),
            None => rows.push((label, what)),
        }
    }
    for (keys, what) in rows {
        roff.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            escape(&keys),
            escape(what)
        ));
    }
}

/// ENVIRONMENT: the variables folio reads.
fn environment(roff: &mut String) {
    section(roff, "ENVIRONMENT");
    for (name, what) in [
        (
            "FOLIO_DATA_DIR",
            "Where annotations and corrections are kept, instead of the user data directory.",
        ),
        (
            "FOLIO_CACHE_DIR",
            "Where library indexes are cached, instead of the user cache directory.",
        ),
        (
            "FOLIO_CONFIG",
            "The config file to read, instead of config.toml in the user config directory.",
        ),
        (
            "NO_COLOR",
            "When set to anything, no colours: entity kinds keep their bold, underline and italic.",
        ),
        (
            "TERM",
            "dumb turns colour off; 256- and 16-colour terminals get matching palettes.",
        ),
    ] {
        roff.push_str(&format!(".TP\n\\fB{name}\\fR\n{}\n", escape(what)));
    }
}

/// FILES: the config file, the data directory and the cache directory (Linux paths).
fn files(roff: &mut String) {
    section(roff, "FILES");
    for (path, what) in [
        (
            "~/.config/folio/config.toml",
            "The config file: theme, colours, wrap width, mouse, export format and key bindings (FOLIO_CONFIG overrides the path; folio config \\-\\-default prints one).",
        ),
        (
            "~/.local/share/folio/",
            "The data directory (FOLIO_DATA_DIR overrides it): annotations/, one JSON file of notes per brief, and corrections.json, your entity corrections.",
        ),
        (
            "~/.cache/folio/",
            "The cache directory (FOLIO_CACHE_DIR overrides it): library indexes, rebuilt when lost.",
        ),
    ] {
        roff.push_str(&format!(".TP\n\\fI{}\\fR\n{}\n", escape(path), escape_keep(what)));
    }
    paragraph(
        roff,
        "The folders follow the XDG variables (XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME) on Linux and the platform's own folders elsewhere.",
    );
}

fn section(roff: &mut String, name: &str) {
    roff.push_str(&format!(".SH \"{name}\"\n"));
}

fn paragraph(roff: &mut String, text: &str) {
    roff.push_str(".PP\n");
    roff.push_str(&escape(text));
    roff.push('\n');
}

/// `s` as roff text: backslashes and hyphens escaped, no line taken for a request.
fn escape(s: &str) -> String {
    escape_keep(&s.replace('\\', "\\e").replace('-', "\\-"))
}

/// Guards lines that would start with `.` or `'` (roff requests); escapes already made are kept.
fn escape_keep(s: &str) -> String {
    s.lines()
        .map(|l| {
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_a_roff_request() {
        assert_eq!(escape(".TH x\n'y"), "\\&.TH x\n\\&'y");
        assert_eq!(escape("a-b \\ c"), "a\\-b \\e c");
    }
}
