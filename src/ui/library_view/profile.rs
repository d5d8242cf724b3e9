//! The profile screen: an entity's mentions per month across the library, the
//! entities it keeps company with (named in the same sentences, most first),
//! each one key away from its own profile (`Enter`) and from the sentences
//! they share (`s`), and when it was first and last seen.

use super::{Cursor, LibEffect, LibraryView, Screen};
use crate::library::{EntityRef, Profile};
use crate::ui::action::Action;

/// An entity's profile on screen, the cursor on the entities it keeps company with.
pub struct ProfileView {
    pub profile: Profile,
    pub cursor: Cursor,
    /// Profiles gone through from here (`Esc` goes back through them).
    pub trail: Vec<EntityRef>,
    /// Where `Esc` goes after the trail.
    pub back: Screen,
}

/// Rows of the activity chart (its bars; labels take two more).
pub const CHART_ROWS: u16 = 6;

/// Rows of the company list on a screen `height` tall: below the header, the
/// chart with its title and labels, the list's title, above the status line.
pub fn company_height(height: u16) -> usize {
    usize::from(height.saturating_sub(CHART_ROWS + 8)).max(1)
}

impl LibraryView {
    /// Shows the profile of `e`; `Esc` comes back to the screen showing now.
    pub fn open_profile(&mut self, e: EntityRef) {
        let profile = self.lib.profile(e);
        if profile.mentions == 0 {
            self.notices.answer("no mentions");
            return;
        }
        let back = match (self.screen, &self.profile) {
            (Screen::Profile, Some(p)) => p.back,
            (screen, _) => screen,
        };
        self.profile = Some(ProfileView {
            profile,
            cursor: Cursor::default(),
            trail: Vec::new(),
            back,
        });
        self.screen = Screen::Profile;
    }

    /// An action on the profile screen.
    pub(super) fn profile_action(&mut self, a: Action) -> Option<LibEffect> {
        let page = company_height(self.height);
        let p = self.profile.as_mut()?;
        if p.cursor.step(&a, p.profile.related.len(), page) {
            return None;
        }
        match a {
            Action::ClearSelection => match p.trail.pop() {
                Some(prev) => {
                    let trail = std::mem::take(&mut p.trail);
                    self.open_profile(prev);
                    if let Some(p) = self.profile.as_mut() {
                        p.trail = trail;
                    }
                }
                None => self.screen = p.back,
            },
            Action::Activate => {
                let &(other, _) = p.profile.related.get(p.cursor.at)?;
                let mut trail = std::mem::take(&mut p.trail);
                trail.push(p.profile.entity);
                self.open_profile(other);
                if let Some(p) = self.profile.as_mut() {
                    p.trail = trail;
                }
            }
            Action::ShowShared => {
                let &(other, _) = p.profile.related.get(p.cursor.at)?;
                let e = p.profile.entity;
                self.open_shared(e, other);
            }
            _ => {}
        }
        None
    }
}
