//! The one place the reader's state changes: [`App::update`] applies an
//! [`Action`] (a key's, or news from the background), files what it says
//! among the notices, and returns the effect for the edge to carry out.

use super::*;

impl App {
    /// Applies `action`; returns what the edge must do. A key press reads the
    /// notice shown; what the action says is queued (see [`Notices`]).
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // Set outside `update` (by the library view): it was on screen, first.
        if let Some(n) = self.notice.take() {
            if self.notices.current() != Some(n.as_str()) {
                self.notices.answer(n);
            }
        }
        let source = Source::of(&action);
        if source == Source::User {
            self.notices.dismiss();
        }
        let effect = self.apply(action);
        self.refresh_shown();
        if let Some(n) = self.notice.take() {
            self.notices.say(source, n);
        }
        self.notice = self.notices.current().map(str::to_owned);
        effect
    }

    /// Queues `msg` for the status line, after the notices not read yet.
    pub fn say(&mut self, msg: impl Into<String>) {
        self.notices.push(msg);
        self.notice = self.notices.current().map(str::to_owned);
    }

    /// Shows `msg` at once, the answer to what the user just did (from outside
    /// `update`, e.g. the library saying where a walk across briefs is); older
    /// unread notices wait behind it.
    pub fn answer(&mut self, msg: impl Into<String>) {
        self.notices.answer(msg);
        self.notice = self.notices.current().map(str::to_owned);
    }

    /// Applies `action`: the body of [`App::update`].
    fn apply(&mut self, action: Action) -> Option<Effect> {
        let background = action.is_from_loading_or_terminal()
            || matches!(action, Action::SearchStep | Action::CorrectionNotSaved(_));
        if self.mode == Mode::Correct && !background {
            return self.update_correcting(action);
        }
        if self.mode == Mode::Map && !background {
            return self.update_map(action);
        }
        match action {
            Action::Quit => return self.quit(),
            Action::Annotate => self.annotate(),
            Action::ToggleNotes => self.toggle_panel(),
            Action::NextNote => self.step_note(1),
            Action::PrevNote => self.step_note(-1),
            Action::Edit(op) => self.edit_note(op),
            Action::EditorSave => return self.save_editor(),
            Action::EditorCancel => self.cancel_editor(),
            Action::EditorDiscard(yes) => self.discard(yes),
            Action::NoteOpen => self.panel_open(),
            Action::NoteEdit => self.panel_edit(),
            Action::NoteDelete => return self.panel_delete(),
            Action::NoteUndo => return self.panel_undo(),
            Action::NoteFilter => self.panel_filter(),
            Action::NoteConfirm => return self.panel_confirm(),
            Action::NoteMove => return self.panel_move_note(),
            Action::NotesOpened(set, notice) => return self.notes_opened(*set, notice),
            Action::NotesUnavailable(why) => {
                self.notes.unavailable = Some(why);
            }
            Action::NotesSaved(set, error) => self.notes_saved(*set, error),
            Action::MoveDown if self.mode == Mode::Notes => self.panel_move(1),
            Action::MoveUp if self.mode == Mode::Notes => self.panel_move(-1),
            Action::GoTop if self.mode == Mode::Notes => self.panel_move(isize::MIN / 2),
            Action::GoBottom if self.mode == Mode::Notes => self.panel_move(isize::MAX / 2),
            Action::Input(c) if self.mode == Mode::NotesFilter => {
                self.panel_filter_edit(|f| f.push(c))
            }
            Action::InputBackspace if self.mode == Mode::NotesFilter => {
                self.panel_filter_edit(|f| {
                    f.pop();
                })
            }
            Action::InputSubmit if self.mode == Mode::NotesFilter => self.panel_filter_done(true),
            Action::InputCancel if self.mode == Mode::NotesFilter => self.panel_filter_done(false),
            Action::ToggleMap => self.toggle_map(),
            Action::ToggleHelp => {
                self.mode = if self.mode == Mode::Help {
                    // Back to the map when the help was opened over it.
                    if self.map.is_some() {
                        Mode::Map
                    } else {
                        Mode::Normal
                    }
                } else {
                    Mode::Help
                };
                self.help = HelpScroll::default();
            }
            a if self.mode == Mode::Help && help::scrolls(&a) => {
                self.help = self.help.after(&self.help_content(), self.screen, &a);
            }
            Action::FocusNext => self.focus = cycle(self.focus, 1),
            Action::FocusPrev => self.focus = cycle(self.focus, 2),
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveLeft => self.step_event(-1),
            Action::MoveRight => self.step_event(1),
            Action::PageDown => self.scroll(self.page() as isize),
            Action::PageUp => self.scroll(-(self.page() as isize)),
            Action::HalfPageDown => self.scroll((self.view.height / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll(-((self.view.height / 2).max(1) as isize)),
            Action::ScrollBy(n) => self.scroll(n as isize),
            Action::Click { col, row } => self.click(col, row),
            Action::Wheel { col, row, delta } => self.wheel(col, row, delta),
            Action::GoTop => return self.go_end(false),
            Action::GoBottom => return self.go_end(true),
            Action::Activate => self.activate(),
            Action::NextMatch => self.step_match(1),
            Action::PrevMatch => self.step_match(-1),
            Action::NextEvent => self.step_event(1),
            Action::PrevEvent => self.step_event(-1),
            Action::StartSearch => self.start_prompt(),
            Action::ToggleTimelineFilter => self.toggle_timeline_filter(),
            Action::NextSentence => {
                self.move_cursor(|app, s| (s + 1).min(app.doc.sentences().len().saturating_sub(1)))
            }
            Action::PrevSentence => self.move_cursor(|_, s| s.saturating_sub(1)),
            Action::NextParagraph => self.move_cursor(|app, s| {
                let doc = &app.doc;
                let p = doc.paragraph_of(s);
                doc.paragraphs()
                    .get(p + 1)
                    .map_or(s, |_| doc.sentences_of(p + 1).start)
            }),
            Action::PrevParagraph => self.move_cursor(|app, s| {
                let doc = &app.doc;
                let p = doc.paragraph_of(s);
                let first = doc.sentences_of(p).start;
                if s > first || p == 0 {
                    first
                } else {
                    doc.sentences_of(p - 1).start
                }
            }),
            Action::StartSelection => self.toggle_selection(),
            Action::SelectParagraph => self.select_paragraph(),
            Action::WordForward => self.move_head(cursor::WordMotion::Forward),
            Action::WordEnd => self.move_head(cursor::WordMotion::End),
            Action::WordBack => self.move_head(cursor::WordMotion::Back),
            Action::ClearSelection => self.clear(),
            Action::Input(c) => self.edit_prompt(|s| s.push(c)),
            Action::InputBackspace => self.edit_prompt(|s| {
                s.pop();
            }),
            Action::InputSubmit => {
                if self.mode == Mode::Search
                    && self.search.hits.is_empty()
                    && !self.search.query.is_empty()
                {
                    self.notice = Some(
                        if self.search.partial {
                            prompt::PARTIAL_NO_MATCH
                        } else {
                            "no match"
                        }
                        .into(),
                    );
                }
                self.mode = Mode::Normal;
            }
            Action::InputCancel => {
                match self.mode {
                    Mode::Search => self.search = Search::default(),
                    Mode::Filter => self.set_filter(String::new()),
                    _ => {}
                }
                self.mode = Mode::Normal;
            }
            Action::RetypeEntity => self.start_retype(),
            Action::NotAnEntity => return self.not_an_entity(),
            Action::MergeEntity => self.start_merge(),
            Action::AddEntity => self.start_add(),
            Action::UndoCorrection => return self.undo_correction(),
            Action::PickKind(_)
            | Action::ShowTimeline
            | Action::ShowProfile
            | Action::ShowShared => {}
            Action::CorrectionNotSaved(why) => {
                self.notice = Some(format!(
                    "correction not saved (kept for this session): {why}"
                ));
            }
            Action::Resize(w, h) => self.resize(w, h),
            Action::Loaded(flow) => {
                self.replace_document(*flow);
                return Some(Effect::OpenNotes);
            }
            Action::TailRead(tail) => self.show_tail(tail),
            Action::LoadFailed(reason) => {
                self.loading = false;
                self.notice = Some(format!("could not read the rest of the file: {reason}"));
            }
            Action::SearchStep => self.search_step(),
            Action::WorkerLost => {
                self.extracting = false;
                self.loading = false;
                self.notice = Some("entity and date extraction stopped unexpectedly".into());
            }
            Action::Extracted(data) => self.take_extraction(*data, true),
            Action::ExtractedPrefix(data) => self.take_extraction(*data, false),
        }
        None
    }
}
