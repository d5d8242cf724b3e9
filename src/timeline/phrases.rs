//! Patterns led by a word: relative days ("yesterday", "tonight"), clock words
//! ("at noon", "at dawn"), sets ("every year", "daily"), the vague references
//! ("now", "recently") and spoken years; phrases led by "the" or a shift word
//! ("last week", "the following year") are in `determiners`.

use super::expr::{Base, Clock, Expr};
use super::lexicon::{self, Unit};
use super::scan::{Hit, Scanner};
use super::token::Kind;

impl Scanner<'_> {
    /// Patterns led by a word token.
    pub fn word_led(&self, i: usize) -> Hit {
        let w = self.w(i);
        if self.t.is_cap(i) {
            if let Some(hit) = self.month_quarter(i) {
                return Some(hit);
            }
            if let Some(hit) = self.holiday(i, 0) {
                return Some(hit);
            }
            if let Some(hit) = self.month_led(i) {
                return Some(hit);
            }
            if let Some(hit) = self.weekday_led(i, 0, false) {
                return Some(hit);
            }
        }
        if let Some(hit) = self.quarter(i, i) {
            return Some(hit);
        }
        if let Some(hit) = self.quarter_code(i) {
            return Some(hit);
        }
        let point = |k: usize, b: Base| Some((k, Expr::Point(b, None)));
        let reference = |k: usize, r: &'static str| Some((k, Expr::Ref(r)));
        match w {
            "today" | "yesterday" | "tomorrow" | "tonight" => {
                if self.generic_day(i) {
                    return None;
                }
                // "USA Today", "VOA Today": a title, not the day.
                if w == "today"
                    && self.t.is_cap(i)
                    && i > 0
                    && self.t.is_cap(i - 1)
                    && self.t.kind(i - 1) == Some(Kind::Word)
                {
                    return None;
                }
                let d = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                // Like "Friday night", "tonight" is annotated as the day.
                if w == "tonight" {
                    return point(i + 1, Base::Day(0));
                }
                if let Some(part) = lexicon::part_of_day(self.w(i + 1)) {
                    return Some((i + 2, Expr::Point(Base::Day(d), Some(Clock::Part(part)))));
                }
                point(i + 1, Base::Day(d))
            }
            // "rose overnight": the night before the story's day (TimeML: a TIME, `…TNI`);
            // not "the overnight rate" or "an overnight success".
            "overnight"
                if (i == 0 || !matches!(self.w(i - 1), "the" | "an" | "a"))
                    && !matches!(
                        self.w(i + 1),
                        "rate"
                            | "rates"
                            | "lending"
                            | "loan"
                            | "loans"
                            | "repo"
                            | "index"
                            | "success"
                            | "sensation"
                            | "stay"
                            | "stays"
                            | "bag"
                            | "train"
                            | "flight"
                            | "flights"
                            | "deposit"
                            | "deposits"
                            | "interbank"
                    ) =>
            {
                Some((
                    i + 1,
                    Expr::Point(Base::NarrativeDay(-1), Some(Clock::Part("NI"))),
                ))
            }
            // "at noon", "noon Thursday"; not "High Noon".
            "noon" | "midday" | "midnight"
                if self.clock_word_anchored(
                    i,
                    &["at", "by", "until", "before", "after", "around", "about"],
                ) =>
            {
                let hour = if w == "midnight" { 24 } else { 12 };
                self.with_day(i + 1, Clock::At { hour, minute: 0 })
            }
            // "at dawn", "dusk Friday", "until sunset on Tuesday": the part of that day (or
            // of the story's); not "the dawn of a new era" or "Dawn Smith".
            w if lexicon::day_edge(w).is_some()
                && self.clock_word_anchored(
                    i,
                    &[
                        "at", "by", "until", "till", "before", "after", "from", "since",
                    ],
                ) =>
            {
                let part = lexicon::day_edge(w)?;
                self.with_day(i + 1, Clock::Part(part))
            }
            // "for a while", "in a while", "for some time": a length with no unit; not
            // "some time ago" (a vague past), "at some time" nor "once in a while".
            "a" | "some"
                if i > 0
                    && matches!((w, self.w(i + 1)), ("a", "while") | ("some", "time"))
                    && matches!(self.w(i - 1), "for" | "in" | "after" | "within")
                    && i.checked_sub(2).is_none_or(|k| self.w(k) != "once")
                    && !matches!(self.w(i + 2), "ago" | "later" | "earlier") =>
            {
                Some((i + 2, Expr::Stretch))
            }
            "now" | "nowadays" | "presently" | "currently" => {
                // "from now on", "by now": not a time of its own.
                if i > 0 && matches!(self.w(i - 1), "from" | "by" | "since") {
                    return None;
                }
                reference(i + 1, "PRESENT_REF")
            }
            "current" => {
                if let Some(hit) = self.shifted(i, i + 1, 0) {
                    return Some(hit);
                }
                if matches!(self.w(i + 1), "account" | "accounts") {
                    return None;
                }
                reference(i + 1, "PRESENT_REF")
            }
            // "by mid-afternoon", "mid-morning yesterday": a part of the day; so are "by late
            // afternoon", "early morning raids" and "late at night".
            "mid" | "late" | "early" => {
                let k = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
                if w == "late" && self.w(k) == "at" && self.w(k + 1) == "night" {
                    return self.with_day(k + 2, Clock::Part("NI"));
                }
                match lexicon::part_of_day(self.w(k)) {
                    Some(part @ ("MO" | "AF" | "EV")) if !self.w(k).ends_with('s') => {
                        self.with_day(k + 1, Clock::Part(part))
                    }
                    Some("NI") if w == "late" && self.w(k) == "night" => {
                        self.with_day(k + 1, Clock::Part("NI"))
                    }
                    _ => None,
                }
            }
            // "at a later date", "at some future date": some time ahead.
            "later" | "future" if self.w(i + 1) == "date" => reference(i + 2, "FUTURE_REF"),
            // "shops close on weekends": every weekend.
            "weekends" if i > 0 && matches!(self.w(i - 1), "on" | "at" | "during") => {
                Some((i + 1, Expr::Set("XXXX-WXX-WE".into())))
            }
            "recently" | "lately" => reference(i + 1, "PAST_REF"),
            // "future quarters", "future years": some time ahead, no length given.
            "future" if matches!(lexicon::unit(self.w(i + 1)), Some((u, true)) if u != Unit::Weekend) => {
                reference(i + 2, "FUTURE_REF")
            }
            "these" if self.w(i + 1) == "days" => reference(i + 2, "PRESENT_REF"),
            // "the Communist Party daily Granma" is a newspaper.
            "daily" if self.t.is_cap(i + 1) || matches!(self.w(i + 1), "newspaper" | "paper") => {
                None
            }
            "daily" | "nightly" => Some((i + 1, Expr::Set("P1D".into()))),
            "weekly" => Some((i + 1, Expr::Set("P1W".into()))),
            "monthly" => Some((i + 1, Expr::Set("P1M".into()))),
            "yearly" => Some((i + 1, Expr::Set("P1Y".into()))),
            "hourly" => Some((i + 1, Expr::Set("PT1H".into()))),
            "every" | "each" | "per" => self.set(i),
            "the" => self.the(i),
            "that" => match lexicon::unit(self.w(i + 1)) {
                Some((Unit::Day, false)) => point(i + 2, Base::NarrativeDay(0)),
                Some((unit @ (Unit::Month | Unit::Year | Unit::Week), false)) => point(
                    i + 2,
                    Base::Offset {
                        unit,
                        n: 0,
                        narrative: true,
                    },
                ),
                // "that quarter": the quarter the story last named ("that quarter of the city"
                // is a district).
                Some((Unit::Quarter, false)) if self.w(i + 2) != "of" => {
                    point(i + 2, Base::ThatQuarter)
                }
                // "that summer": the season of the year the story is in.
                _ if lexicon::season(self.w(i + 1)).is_some() => {
                    let (code, _) = lexicon::season(self.w(i + 1))?;
                    point(i + 2, Base::ThatSeason { code })
                }
                // "that night", "that morning": the story's day, read as the day like "Friday night".
                _ if matches!(self.w(i + 1), "morning" | "afternoon" | "evening" | "night") => {
                    point(i + 2, Base::NarrativeDay(0))
                }
                _ => None,
            },
            // "until then", "by then": the day the story last named.
            "then"
                if i > 0
                    && matches!(self.w(i - 1), "until" | "by" | "till")
                    && !self.t.is_cap(i) =>
            {
                point(i + 1, Base::NarrativeDay(0))
            }
            "fiscal" | "fy" => self.fiscal_year(i),
            "someday" => Some((i + 1, Expr::SomeDay { opening: false })),
            // "dividends are paid quarterly"; "a quarterly dividend" is not a time.
            "quarterly" if matches!(self.w(i + 1), "." | "," | ";" | "") => {
                Some((i + 1, Expr::Set("P1Q".into())))
            }
            w if lexicon::season(w).is_some() => self.season(i),
            "year" if self.w(i + 1) == "-" && matches!(self.w(i + 2), "ago" | "earlier") => {
                let k = if self.w(i + 3) == "quarter" {
                    i + 4
                } else {
                    i + 3
                };
                point(k, Base::YearAgoQuarter)
            }
            "year" if self.w(i + 1) == "-" && self.w(i + 2) == "end" => point(
                i + 3,
                Base::Unit {
                    unit: Unit::Year,
                    shift: 0,
                },
            ),
            "year" if self.w(i + 1) == "end" => point(
                i + 2,
                Base::Unit {
                    unit: Unit::Year,
                    shift: 0,
                },
            ),
            "year"
                if matches!(self.w(i + 1), "'" | "’")
                    && self.w(i + 2) == "s"
                    && self.w(i + 3) == "end" =>
            {
                point(
                    i + 4,
                    Base::Unit {
                        unit: Unit::Year,
                        shift: 0,
                    },
                )
            }
            "nineteen" | "twenty" => self.spoken_year(i),
            // "earlier in the day", "later in the year": the day the story is on, the
            // year of publication.
            "earlier" | "later" if self.w(i + 1) == "in" && self.w(i + 2) == "the" => {
                match lexicon::unit(self.w(i + 3)) {
                    Some((Unit::Day, false)) => point(i + 4, Base::NarrativeDay(0)),
                    Some((unit @ (Unit::Week | Unit::Month | Unit::Year), false)) => {
                        point(i + 4, Base::Unit { unit, shift: 0 })
                    }
                    _ => None,
                }
            }
            _ => {
                if let Some(shift) = lexicon::shift(w) {
                    return self.shifted(i, i + 1, shift);
                }
                // "day-long", "decades-long"
                if let Some((unit, plural)) = lexicon::unit(w) {
                    if self.w(i + 1) == "-" && self.t.joined(i + 1) && self.w(i + 2) == "long" {
                        let n = (!plural).then_some(1.0);
                        return Some((i + 3, Expr::Duration { n, unit }));
                    }
                }
                // "for years", "within weeks"
                if let Some((unit, true)) = lexicon::unit(w) {
                    if i > 0
                        && matches!(self.w(i - 1), "for" | "within" | "in")
                        && unit != Unit::Weekend
                    {
                        return Some((i + 1, Expr::Duration { n: None, unit }));
                    }
                    // "in the days before the vote", "the years that followed": a stretch
                    // of time next to an event, marked without its article.
                    if i > 0
                        && self.w(i - 1) == "the"
                        && matches!(
                            unit,
                            Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade
                        )
                        && matches!(
                            self.w(i + 1),
                            "before" | "after" | "following" | "preceding" | "leading" | "that"
                        )
                    {
                        return Some((i + 1, Expr::Duration { n: None, unit }));
                    }
                    // "Hours later" is a length like "three hours later", and TimeBank
                    // marks "months ago" as one too (PXM), "ago" inside.
                    if unit != Unit::Weekend && !(i > 0 && self.t.kind(i - 1) == Some(Kind::Num)) {
                        let end = match self.w(i + 1) {
                            "later" | "earlier" => i + 1,
                            "ago" => i + 2,
                            // "after months of talks", "years of war" ("Days of Thunder" is a title).
                            "of" if unit != Unit::Quarter
                                && (!self.t.is_cap(i)
                                    || i == 0
                                    || matches!(self.w(i - 1), "." | "\"" | "“"))
                                && !matches!(
                                    self.w(i.wrapping_sub(1)),
                                    "the"
                                        | "these"
                                        | "those"
                                        | "many"
                                        | "all"
                                        | "more"
                                        | "few"
                                        // "the early hours of Sunday" is a time of day.
                                        | "early"
                                        | "small"
                                        | "wee"
                                ) =>
                            {
                                i + 1
                            }
                            _ => return None,
                        };
                        return Some((end, Expr::Duration { n: None, unit }));
                    }
                }
                None
            }
        }
    }

    /// Whether the lower-case clock word at `i` ("noon", "dawn") is a time:
    /// after one of `before` ("at noon") or before a day ("dusk Friday",
    /// "noon today", "midnight on Sept. 30"); not capitalized, as in "High Noon"
    /// or "Dawn Smith".
    fn clock_word_anchored(&self, i: usize, before: &[&str]) -> bool {
        let on = if self.w(i + 1) == "on" { i + 2 } else { i + 1 };
        !self.t.is_cap(i)
            && (i > 0 && before.contains(&self.w(i - 1))
                || lexicon::weekday(self.w(i + 1)).is_some()
                || matches!(self.w(i + 1), "today" | "yesterday" | "tomorrow")
                || (on == i + 2 && self.t.is_cap(on) && lexicon::weekday(self.w(on)).is_some())
                || matches!(
                    self.month_led(on),
                    Some((_, Expr::Point(Base::Cal { day: Some(_), .. }, None)))
                ))
    }

    /// Whether "today" or "tomorrow" at `i` means the present or future at large, not a
    /// day: "today's world", "many of today's computers", "the leaders of tomorrow".
    fn generic_day(&self, i: usize) -> bool {
        let before = if i > 0 { self.w(i - 1) } else { "" };
        if self.w(i) == "tomorrow" && before == "of" {
            return true;
        }
        let possessive = matches!(self.w(i + 1), "'" | "’") && self.w(i + 2) == "s";
        let of_many = before == "of"
            && i > 1
            && matches!(self.w(i - 2), "many" | "most" | "some" | "all" | "few");
        possessive
            && self.w(i) == "today"
            && (of_many
                || matches!(
                    self.w(i + 3),
                    "world"
                        | "youth"
                        | "society"
                        | "generation"
                        | "young"
                        | "children"
                        | "kids"
                        | "standards"
                        | "terms"
                        | "dollars"
                        | "culture"
                ))
    }

    /// "nineteen ninety-six", "nineteen eighty", "twenty ten".
    pub fn spoken_year(&self, i: usize) -> Hit {
        let century = match self.w(i) {
            "nineteen" => 1900,
            "twenty" => 2000,
            _ => return None,
        };
        let (e, n) = self.number(i + 1)?;
        let n = n? as i32;
        if !(10..100).contains(&n) || self.t.kind(i + 1) != Some(super::token::Kind::Word) {
            return None;
        }
        Some((
            e,
            Expr::Point(
                Base::Cal {
                    year: Some(century + n),
                    month: None,
                    day: None,
                },
                None,
            ),
        ))
    }
}
