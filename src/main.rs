//! The `folio` binary: parse arguments, hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    folio::cli::run(folio::cli::Cli::parse())
}
