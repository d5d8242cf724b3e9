//! The map of places: coastlines (ratatui's world map) and country borders in
//! braille, zoomed to the places with a margin, each place a marker and its name
//! with its mention count, the selected one reversed and pointed at, so the map
//! reads without colour. The reader and the library view both draw it.

use super::Put;
use crate::places::Located;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::canvas::{Canvas, Line, Map, MapResolution};
use ratatui::widgets::{Block, Borders, Widget};

/// What the map shows.
pub struct PlaceMap<'a> {
    /// Most mentioned first.
    pub places: &'a [Located],
    /// The selected place, an index into `places`.
    pub cursor: usize,
    /// Place entities without coordinates, said in the title.
    pub unplaced: usize,
    /// Entities are still being found: say so instead of "no place".
    pub pending: bool,
    /// What the places are of, for the message when none has coordinates:
    /// "this brief", "the library".
    pub scope: &'a str,
    pub theme: &'a Theme,
}

/// Longitude and latitude bounds: `([west, east], [south, north])`.
pub type Bounds = ([f64; 2], [f64; 2]);

/// The marker of a place: a dot for a city, a diamond for an area (a country,
/// region, sea, lake, river), filled when it is mentioned three times or more.
pub fn marker(p: &Located) -> &'static str {
    match (p.place.feature == "city", p.mentions >= 3) {
        (true, true) => "●",
        (true, false) => "•",
        (false, true) => "◆",
        (false, false) => "◇",
    }
}

/// The places the view is zoomed to: all of them when they fit in a region;
/// when a few lie far away (Washington in a brief on the Caspian), the region
/// holding three quarters of the mentions or more, if the selected place is in
/// it; else all (the whole world).
pub fn in_view(places: &[Located], cursor: usize) -> Vec<&Located> {
    const HALF_LON: f64 = 45.0;
    const HALF_LAT: f64 = 30.0;
    let all: Vec<&Located> = places.iter().collect();
    let (w, e) = places.iter().fold((180.0f64, -180.0f64), |(w, e), p| {
        (w.min(p.place.lon), e.max(p.place.lon))
    });
    if places.is_empty() || e - w <= 2.0 * HALF_LON {
        return all;
    }
    let total: usize = places.iter().map(|p| p.mentions).sum();
    let around = |c: &Located| -> Vec<&Located> {
        places
            .iter()
            .filter(|p| {
                (p.place.lon - c.place.lon).abs() <= HALF_LON
                    && (p.place.lat - c.place.lat).abs() <= HALF_LAT
            })
            .collect()
    };
    let weight = |v: &[&Located]| v.iter().map(|p| p.mentions).sum::<usize>();
    let best = places
        .iter()
        .map(around)
        .max_by_key(|v| weight(v))
        .unwrap_or_default();
    let selected = places.get(cursor);
    let holds_selected = selected.is_none_or(|s| best.iter().any(|p| std::ptr::eq(*p, s)));
    if weight(&best) * 4 >= total * 3 && holds_selected {
        best
    } else {
        all
    }
}

/// The bounds that hold every place with a margin, shaped so a degree of
/// latitude takes about as many dots as a degree of longitude on a `cols`×`rows`
/// area (a cell is about twice as tall as wide); the whole world when the places
/// are spread over it.
pub fn bounds(places: &[&Located], cols: u16, rows: u16) -> Bounds {
    const WORLD: Bounds = ([-180.0, 180.0], [-90.0, 90.0]);
    if places.is_empty() {
        return WORLD;
    }
    let (mut w, mut e, mut s, mut n) = (180.0f64, -180.0f64, 90.0f64, -90.0f64);
    for p in places {
        w = w.min(p.place.lon);
        e = e.max(p.place.lon);
        s = s.min(p.place.lat);
        n = n.max(p.place.lat);
    }
    // A margin of a sixth of the span, at least four degrees, so labels fit.
    let mx = ((e - w) / 6.0).max(4.0);
    let my = ((n - s) / 6.0).max(3.0);
    // Names run to the right of their markers: a little more room on that side.
    let (mut w, mut e, mut s, mut n) = (w - mx, e + mx + (e - w) / 6.0, s - my, n + my);
    // Degrees per dot: braille is 2 dots a column, 4 a row, and a row is about two
    // columns tall, so a square degree needs lon/(2·cols) = lat/(2·rows)… keep the
    // larger scale in both directions.
    let (cols, rows) = (f64::from(cols.max(1)), f64::from(rows.max(1)));
    let per_col = (e - w) / cols;
    let per_row = (n - s) / rows;
    let scale = per_col.max(per_row / 2.0);
    let (cx, cy) = ((w + e) / 2.0, (s + n) / 2.0);
    let (half_x, half_y) = (scale * cols / 2.0, scale * 2.0 * rows / 2.0);
    w = cx - half_x;
    e = cx + half_x;
    s = cy - half_y;
    n = cy + half_y;
    if e - w >= 200.0 {
        return WORLD;
    }
    // Slide inside the globe rather than show the edge of the world.
    let shift = |lo: &mut f64, hi: &mut f64, min: f64, max: f64| {
        if *hi - *lo >= max - min {
            (*lo, *hi) = (min, max);
        } else if *lo < min {
            *hi += min - *lo;
            *lo = min;
        } else if *hi > max {
            *lo -= *hi - max;
            *hi = max;
        }
    };
    shift(&mut w, &mut e, -180.0, 180.0);
    shift(&mut s, &mut n, -90.0, 90.0);
    ([w, e], [s, n])
}

/// The cell of a point inside `area`, as the canvas places its labels.
fn cell_of(area: Rect, b: &Bounds, lon: f64, lat: f64) -> Option<(u16, u16)> {
    let ([w, e], [s, n]) = *b;
    if !(w..=e).contains(&lon) || !(s..=n).contains(&lat) || area.width < 2 || area.height < 2 {
        return None;
    }
    let x = ((lon - w) * f64::from(area.width - 1) / (e - w)) as u16;
    let y = ((n - lat) * f64::from(area.height - 1) / (n - s)) as u16;
    Some((area.x + x, area.y + y))
}

impl Widget for PlaceMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut title = match self.places.len() {
            1 => " Map: 1 place ".to_owned(),
            n => format!(" Map: {n} places "),
        };
        if self.unplaced > 0 {
            title.push_str(&format!("({} not placed) ", self.unplaced));
        }
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(title)
            .title_bottom(" ● city  ◆ country, region, sea  ● ◆ 3+ mentions ");
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width < 4 || inner.height < 2 {
            return;
        }
        // Clear whatever was drawn beneath (the text pane).
        buf.set_style(inner, Style::default());
        for y in inner.top()..inner.bottom() {
            for x in inner.left()..inner.right() {
                buf[(x, y)].set_symbol(" ");
            }
        }
        if self.places.is_empty() {
            let msg = if self.pending {
                format!("finding the places of {}…", self.scope)
            } else {
                format!("no place in {} has coordinates (folio knows countries, regions, cities of 15,000 people or more, seas, lakes and rivers)", self.scope)
            };
            for (i, line) in crate::ui::wrap::wrap_str(&msg, usize::from(inner.width))
                .into_iter()
                .take(usize::from(inner.height))
                .enumerate()
            {
                buf.put(
                    inner.x,
                    inner.y + i as u16,
                    line,
                    usize::from(inner.width),
                    theme.dim,
                );
            }
            return;
        }
        let b = bounds(
            &in_view(self.places, self.cursor),
            inner.width,
            inner.height,
        );
        let coast = theme.dim.fg.unwrap_or(Color::Reset);
        let border = theme.border.fg.unwrap_or(Color::Reset);
        let ([w, e], [s, n]) = b;
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(b.0)
            .y_bounds(b.1)
            .paint(|ctx| {
                ctx.draw(&Map {
                    resolution: MapResolution::High,
                    color: coast,
                });
                ctx.layer();
                for line in crate::places::borders() {
                    for seg in line.windows(2) {
                        let (a, c) = (seg[0], seg[1]);
                        // Skip what lies wholly to one side of the view.
                        if (a.0 < w && c.0 < w)
                            || (a.0 > e && c.0 > e)
                            || (a.1 < s && c.1 < s)
                            || (a.1 > n && c.1 > n)
                        {
                            continue;
                        }
                        ctx.draw(&Line::new(a.0, a.1, c.0, c.1, border));
                    }
                }
            })
            .render(inner, buf);
        self.labels(inner, &b, buf);
        self.off_the_map(inner, &b, buf);
    }
}

impl PlaceMap<'_> {
    /// The places outside the view, named on the map's last row.
    fn off_the_map(&self, inner: Rect, b: &Bounds, buf: &mut Buffer) {
        let off: Vec<String> = self
            .places
            .iter()
            .filter(|p| cell_of(inner, b, p.place.lon, p.place.lat).is_none())
            .map(|p| format!("{} {}", p.name, p.mentions))
            .collect();
        if off.is_empty() {
            return;
        }
        let line = format!("off the map: {}", off.join(", "));
        let y = inner.bottom() - 1;
        buf.put(
            inner.x,
            y,
            crate::display::truncate(&line, usize::from(inner.width)),
            usize::from(inner.width),
            self.theme.dim.add_modifier(Modifier::REVERSED),
        );
    }

    /// Markers and names on top of the map: the selected place first, then the
    /// most mentioned; a name that would cover another keeps only its marker.
    fn labels(&self, inner: Rect, b: &Bounds, buf: &mut Buffer) {
        let theme = self.theme;
        let mut taken = vec![false; usize::from(inner.width) * usize::from(inner.height)];
        let mut order: Vec<usize> = (0..self.places.len()).collect();
        order.sort_by_key(|&i| (i != self.cursor, std::cmp::Reverse(self.places[i].mentions)));
        let busy = self.places.iter().map(|p| p.mentions).max().unwrap_or(0);
        for i in order {
            let p = &self.places[i];
            let Some((x, y)) = cell_of(inner, b, p.place.lon, p.place.lat) else {
                continue;
            };
            let selected = i == self.cursor;
            let mut style = theme.kind(crate::entities::Kind::Place);
            if p.mentions * 3 >= busy * 2 {
                style = style.add_modifier(Modifier::BOLD);
            }
            if selected {
                style = style.patch(theme.cursor).add_modifier(Modifier::REVERSED);
            }
            let name = crate::display::truncate(&p.name, 24);
            let text = if selected {
                format!("{}▶{} {}", marker(p), name, p.mentions)
            } else {
                format!("{}{} {}", marker(p), name, p.mentions)
            };
            let len = crate::display::width(&text) as u16;
            let idx = |cx: u16, cy: u16| {
                usize::from(cy - inner.y) * usize::from(inner.width) + usize::from(cx - inner.x)
            };
            // The name to the right of the marker, else ending at it.
            let right_ok = x + len <= inner.right();
            let start = if right_ok {
                x
            } else {
                x.saturating_sub(len - 1).max(inner.x)
            };
            let free = (start..start + len.min(inner.right() - start)).all(|cx| !taken[idx(cx, y)]);
            if free || selected {
                let shown = if right_ok {
                    text
                } else {
                    let mut t = if selected {
                        format!("{name} {}◀", p.mentions)
                    } else {
                        format!("{name} {}", p.mentions)
                    };
                    t.push_str(marker(p));
                    t
                };
                let width = usize::from(inner.right() - start);
                buf.put(start, y, &shown, width, style);
                for cx in start..(start + len).min(inner.right()) {
                    taken[idx(cx, y)] = true;
                }
            } else if !taken[idx(x, y)] {
                buf.put(x, y, marker(p), 1, style);
                taken[idx(x, y)] = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::{lookup, Located};

    fn at(name: &str) -> Located {
        Located {
            entity: 0,
            name: name.to_owned(),
            mentions: 1,
            place: lookup(name)[0],
        }
    }

    #[test]
    fn bounds_hold_the_places_with_a_margin() {
        let places = [at("Astana"), at("Moscow"), at("Kabul")];
        let all: Vec<&Located> = places.iter().collect();
        let ([w, e], [s, n]) = bounds(&all, 60, 20);
        for p in &places {
            assert!(w < p.place.lon - 3.0 && p.place.lon + 3.0 < e, "{w} {e}");
            assert!(s < p.place.lat - 2.0 && p.place.lat + 2.0 < n, "{s} {n}");
        }
        assert!(e - w < 120.0, "zoomed in: {w}..{e}");
    }

    #[test]
    fn places_spread_over_the_world_show_all_of_it() {
        let places = [at("Lima"), at("Tokyo"), at("Oslo")];
        let all = in_view(&places, 0);
        assert_eq!(all.len(), 3);
        assert_eq!(bounds(&all, 60, 20), ([-180.0, 180.0], [-90.0, 90.0]));
    }

    #[test]
    fn a_far_place_with_few_mentions_is_left_out_of_the_view_unless_selected() {
        let mut places = vec![at("Baku"), at("Tehran"), at("Astana"), at("Washington")];
        places[0].mentions = 5;
        places[1].mentions = 4;
        places[2].mentions = 3;
        let near = in_view(&places, 0);
        assert_eq!(near.len(), 3, "Washington is off the map");
        let ([w, _], _) = bounds(&near, 60, 20);
        assert!(w > 0.0, "zoomed on the Caspian: {w}");
        assert_eq!(in_view(&places, 3).len(), 4, "selected: the whole world");
    }
}
