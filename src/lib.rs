//! folio: a terminal reader for news and intelligence briefs.
//!
//! Data flows one way:
//!
//! ```text
//! file ─▶ document::read_file ─▶ Document (text, header, paragraphs, sentences; byte spans)
//!              │
//!              ├─▶ entities::extract ─▶ Entities (entities, mentions)
//!              └─▶ timeline::build   ─▶ Vec<Event> (normalized dates, anchored to sentences)
//!                         │
//!                         ▼
//!              ui::App (state) ◀── ui::Action ◀── keys (ui::keymap)
//!                         │            update() returns Effects run at the edge (ui::terminal)
//!                         ▼
//!              ui::widgets render &App into a ratatui Buffer (never mutating it)
//! ```
//!
//! Offsets: every span inside folio is a byte range of `Document::text`. Code
//! points (JSON, W3C selectors) are converted in `document::offsets`; graphemes
//! and display columns in `display`. What a big brief holds millions of
//! (mentions, sentences, events) keeps its offsets as `u32`, narrowed in one
//! place (`document::offsets::narrow`); texts over `document::MAX_TEXT` are refused.

pub mod allocator;
pub mod annotations;
pub mod cli;
pub mod config;
pub mod date;
pub mod display;
pub mod document;
pub mod entities;
pub mod formats;
pub mod hash;
pub mod library;
pub mod places;
pub mod store;
pub mod timeline;
pub mod ui;
