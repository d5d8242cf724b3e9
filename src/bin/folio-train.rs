//! Trains folio's entity tagger: `folio-train TRAIN_DIR OUT_DIR [--bits N] [--epochs N]`
//! (defaults: 2^20 feature rows, 12 epochs: the shipped model).
//! Reads every `*.conll` file of TRAIN_DIR (BIO tags, see `../shared/eval/ner-train`)
//! and writes OUT_DIR/ner.model and OUT_DIR/lexicon.txt (copy both to `assets/`).

use folio::entities::classes::WordClasses;
use folio::entities::gazetteer::Gazetteer;
use folio::entities::train::train;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut paths = Vec::new();
    let mut bits = 20u32;
    let mut epochs = 12usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bits" => {
                bits = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(bits)
                    .clamp(10, 24)
            }
            "--epochs" => epochs = args.next().and_then(|v| v.parse().ok()).unwrap_or(epochs),
            "-h" | "--help" => {
                println!("usage: folio-train TRAIN_DIR OUT_DIR [--bits N] [--epochs N]");
                return ExitCode::SUCCESS;
            }
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let [train_dir, out_dir] = paths.as_slice() else {
        eprintln!("usage: folio-train TRAIN_DIR OUT_DIR [--bits N] [--epochs N]");
        return ExitCode::from(2);
    };
    let gaz = Gazetteer::builtin();
    let classes = WordClasses::builtin();
    let trained = match train(train_dir, &gaz, &classes, bits, epochs) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("folio-train: {e}");
            return ExitCode::FAILURE;
        }
    };
    let write = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        std::fs::create_dir_all(out_dir)?;
        std::fs::write(out_dir.join(name), bytes)
    };
    let model = trained.model.to_bytes();
    if let Err(e) =
        write("ner.model", &model).and_then(|()| write("lexicon.txt", trained.lexicon.as_bytes()))
    {
        eprintln!("folio-train: {}: {e}", out_dir.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {} ({} bytes) and lexicon.txt",
        out_dir.join("ner.model").display(),
        model.len()
    );
    ExitCode::SUCCESS
}
