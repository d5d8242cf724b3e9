//! The timeline strip: events grouped by day in date order, vague references
//! ("now", "recently") and unresolved ones apart at the end; the selected event's value, its range for a duration, its
//! sentence and the entities in it below.

use super::border::Bordered;
use super::Put;
use crate::date::Date;
use crate::display;
use crate::timeline::{Event, Place, TimexType};
use crate::ui::action::Action;
use crate::ui::app::{App, Focus, Shown};
use crate::ui::keymap::Context;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Renders the timeline strip.
pub struct TimelineStrip<'a>(pub &'a App);

/// A piece of the band: a day heading or an event chip (index into `events`).
struct Piece {
    text: String,
    event: Option<usize>,
    style: Style,
}

impl Widget for TimelineStrip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let shown = app.visible_events();
        let filter = if app.timeline_filter {
            ", filtered by entity"
        } else {
            ""
        };
        let border = if app.focus == Focus::Timeline {
            theme.border_focused
        } else {
            theme.border
        };
        let title = format!(
            " Timeline ({} of {} events{filter}) ",
            shown.len(),
            app.events.len()
        );
        Bordered::new(border, title).render(area, buf);
        let inner = Bordered::inner(area);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let width = usize::from(inner.width);
        let no_events = format!(
            "no events mention the selected entity ({}: show all)",
            app.key_hint(Action::ToggleTimelineFilter)
        );
        if shown.is_empty() {
            let msg = if app.extracting {
                "finding dates…"
            } else if app.events.is_empty() {
                "no dated events"
            } else {
                &no_events
            };
            buf.put(inner.x, inner.y, msg, width, theme.dim);
            return;
        }
        draw_band(app, &band(app, &window(app, shown, width)), inner, buf);
        let Some(e) = app.event.and_then(|i| app.events.get(i)) else {
            let hint = move_hint(app);
            if inner.height > 1 {
                buf.put(inner.x, inner.y + 1, &hint, width, theme.dim);
            }
            return;
        };
        let lines = [summary(app, e), context(app, e)];
        for (i, line) in lines
            .iter()
            .enumerate()
            .take(usize::from(inner.height.saturating_sub(1)))
        {
            buf.put(
                inner.x,
                inner.y + 1 + i as u16,
                display::truncate(line, width),
                width,
                theme.dim,
            );
        }
    }
}

/// Events grouped under the label of the point they name ("1943", "Jul 2001",
/// "Oct 16 2007"), in time order, vague and unresolved ones apart at the end.
/// An event whose expression is just the date under which it stands is a dot;
/// any other ("recently", "the next two years") shows its words.
fn band(app: &App, shown: &[usize]) -> Vec<Piece> {
    let theme = &app.theme;
    let mut pieces = Vec::new();
    // Events are in time order: neighbours with the same value share a heading,
    // which is then made once.
    let mut titles: Vec<String> = Vec::with_capacity(shown.len());
    for (k, &j) in shown.iter().enumerate() {
        let e = &app.events[j];
        let same = k
            .checked_sub(1)
            .map(|p| &app.events[shown[p]])
            .is_some_and(|p| {
                (p.kind(), p.value(), p.resolved()) == (e.kind(), e.value(), e.resolved())
            });
        let title = match titles.last() {
            Some(t) if same => t.clone(),
            _ => heading(&app.events[j]),
        };
        titles.push(title);
    }
    let mut i = 0;
    while i < shown.len() {
        let title = titles[i].clone();
        let len = titles[i..].iter().take_while(|&t| *t == title).count();
        let group = &shown[i..i + len];
        if !pieces.is_empty() {
            pieces.push(Piece {
                text: "│".into(),
                event: None,
                style: theme.dim,
            });
        }
        pieces.push(Piece {
            text: title,
            event: None,
            style: theme.heading,
        });
        for &j in group {
            let e = &app.events[j];
            let mut style = if e.resolved() {
                Style::default()
            } else {
                theme.dim
            };
            if app.event == Some(j) {
                style = style.patch(theme.cursor);
            }
            pieces.push(Piece {
                text: chip(app, e),
                event: Some(j),
                style,
            });
        }
        i += len;
    }
    pieces
}

/// The group heading of an event: the timeline's label of its value, or
/// "vague" ("now", "recently") or "unresolved" for the groups kept apart.
fn heading(e: &Event) -> String {
    match e.place() {
        Place::Vague => "vague".to_string(),
        Place::Unresolved => "unresolved".to_string(),
        Place::Dated | Place::Undated => crate::timeline::label(&e.timex()),
    }
}

/// The band on one line, scrolled so the selected chip is visible.
fn draw_band(app: &App, pieces: &[Piece], inner: Rect, buf: &mut Buffer) {
    let width = usize::from(inner.width);
    let (starts, offset) = positions(app, pieces, width);
    for (p, &start) in pieces.iter().zip(&starts) {
        let Some(x) = start.checked_sub(offset) else {
            continue;
        };
        if x >= width {
            break;
        }
        buf.put(
            inner.x + x as u16,
            inner.y,
            display::escape_controls(&p.text),
            width - x,
            p.style,
        );
    }
}

/// The events that can reach a band `width` columns wide: each chip takes at
/// least two columns, so half a width's worth either side of the selected one
/// fills the band (and one more pushes the first group's heading off its left edge).
fn window(app: &App, shown: &Shown, width: usize) -> Vec<usize> {
    shown.around(app.event, width / 2 + 2)
}

/// The column each piece starts at, and how far the band is scrolled so the
/// selected chip fits in `width` columns.
fn positions(app: &App, pieces: &[Piece], width: usize) -> (Vec<usize>, usize) {
    let mut starts = Vec::with_capacity(pieces.len());
    let mut col = 0;
    for p in pieces {
        starts.push(col);
        col += display::width(&p.text) + 1;
    }
    let sel = pieces
        .iter()
        .position(|p| p.event.is_some() && p.event == app.event);
    let offset = sel.map_or(0, |s| {
        (starts[s] + display::width(&pieces[s].text)).saturating_sub(width.saturating_sub(1))
    });
    (starts, offset)
}

/// The event (index into `app.events`) whose chip covers column `col` of a band
/// `width` columns wide, as rendering lays it out.
pub fn event_at(app: &App, width: usize, col: usize) -> Option<usize> {
    let shown = app.visible_events();
    if shown.is_empty() || col >= width {
        return None;
    }
    let pieces = band(app, &window(app, shown, width));
    let (starts, offset) = positions(app, &pieces, width);
    let at = col + offset;
    pieces
        .iter()
        .zip(&starts)
        .find(|(p, &start)| at >= start && at < start + display::width(&p.text))
        .and_then(|(p, _)| p.event)
}

/// An event's chip: a dot for a plain calendar date, else its expression cut short.
fn chip(app: &App, e: &Event) -> String {
    let calendar = e.value().starts_with(|c: char| c.is_ascii_digit());
    if e.resolved() && matches!(e.kind(), TimexType::Date) && calendar {
        "●".to_string()
    } else {
        display::truncate(app.doc.slice(e.span()), 18)
    }
}

/// Value, type and expression; a duration as a range from its anchor where one is known.
fn summary(app: &App, e: &Event) -> String {
    let t = e.timex();
    let flag = if t.resolved { "" } else { " (unresolved)" };
    let mut s = format!(
        "{}{flag} · {} · “{}”",
        t.value,
        t.kind.name(),
        app.doc.slice(t.span)
    );
    if t.kind == TimexType::Duration {
        if let Some(from) = t.day.or(app.doc.published_at(t.span.start).date) {
            if let Some(to) = add_period(from, &t.value) {
                s.push_str(&format!(" · {from} → {to}"));
            }
        }
    }
    s
}

/// `from` plus a simple ISO 8601 period (`P2Y`, `P3M`, `P1W`, `P10D`), by the calendar:
/// a month or year later lands on the same day, or the month's last day.
fn add_period(from: Date, v: &str) -> Option<Date> {
    let body = v.strip_prefix('P')?;
    let unit = body.chars().last()?;
    let n: i64 = body[..body.len() - unit.len_utf8()].parse().ok()?;
    let months = match unit {
        'D' => return Some(from.add_days(n)),
        'W' => return Some(from.add_days(n * 7)),
        'M' => n,
        'Y' => n * 12,
        _ => return None,
    };
    let total = i64::from(from.year) * 12 + i64::from(from.month) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = total.rem_euclid(12) as u32 + 1;
    let day = from.day.min(crate::date::days_in_month(year, month));
    Date::new(year, month, day)
}

/// The event's sentence and the entities it mentions.
fn context(app: &App, e: &Event) -> String {
    let doc = &app.doc;
    let sentence = app
        .sentence_span_now(e.sentence())
        .map_or("", |s| doc.slice(s));
    let names: Vec<&str> = app
        .sentence_entities_now(e.sentence())
        .into_iter()
        .filter_map(|id| app.entities.entities.get(id).map(|x| x.name.as_str()))
        .collect();
    if names.is_empty() {
        sentence.to_string()
    } else {
        format!("[{}] {sentence}", names.join(", "))
    }
}

/// How to move between events, from the live keymap: "h/l or ←/→ here, < >
/// from anywhere: move between events · Enter: go to the passage".
fn move_hint(app: &App) -> String {
    let km = &app.keymap;
    let here: Vec<String> = km
        .keys_in(Context::Timeline, &Action::MoveLeft)
        .iter()
        .zip(km.keys_in(Context::Timeline, &Action::MoveRight))
        .map(|(l, r)| format!("{l}/{r}"))
        .collect();
    let here = if here.is_empty() {
        String::new()
    } else {
        format!("{} here, ", here.join(" or "))
    };
    format!(
        "{here}{} {} from anywhere: move between events · {}: go to the passage",
        app.key_hint(Action::PrevEvent),
        app.key_hint(Action::NextEvent),
        app.key_hint(Action::Activate)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use std::sync::Arc;

    #[test]
    fn the_window_of_events_draws_the_band_every_event_would() {
        // Dots (one column) under a few long-lived dates, and groups of one.
        let text: String = (0..160)
            .map(|i| {
                let (day, year) = if i < 100 {
                    (1, 1990 + i / 40)
                } else {
                    (1 + i % 28, 1800 + i)
                };
                if i % 4 == 0 {
                    format!("Talks resumed recently in Vienna, {day} March {year}.\n\n")
                } else {
                    format!("Officials met on {day} March {year}.\n\n")
                }
            })
            .collect();
        let mut app = App::with_extraction(Arc::new(Document::from_text(&text)), "t".into());
        assert!(app.events.len() >= 160, "{} events", app.events.len());
        for width in [20u16, 57, 156] {
            for event in [
                None,
                Some(0),
                Some(1),
                Some(45),
                Some(99),
                Some(app.events.len() - 1),
            ] {
                app.event = event;
                let area = Rect::new(0, 0, width, 1);
                let shown = app.visible_events();
                let [mut windowed, mut whole] = [Buffer::empty(area), Buffer::empty(area)];
                draw_band(
                    &app,
                    &band(&app, &window(&app, shown, usize::from(width))),
                    area,
                    &mut windowed,
                );
                draw_band(&app, &band(&app, &shown.to_vec()), area, &mut whole);
                assert_eq!(windowed, whole, "width {width}, event {event:?}");
            }
        }
    }

    #[test]
    fn periods_add_by_the_calendar() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(add_period(d(2007, 10, 18), "P2Y"), Some(d(2009, 10, 18)));
        assert_eq!(add_period(d(2008, 2, 29), "P1Y"), Some(d(2009, 2, 28)));
        assert_eq!(add_period(d(2007, 1, 31), "P1M"), Some(d(2007, 2, 28)));
        assert_eq!(add_period(d(2007, 12, 30), "P10D"), Some(d(2008, 1, 9)));
        assert_eq!(add_period(d(2007, 1, 1), "PXY"), None);
        assert_eq!(add_period(d(2007, 1, 1), "PT3H"), None);
    }
}
