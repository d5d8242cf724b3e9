//! Timeline normalization: a table of expressions with publication dates and
//! the TIMEX3 values expected, plus checks on a brief with a year-only date.

use folio::date::Date;
use folio::document::Document;
use folio::timeline::{self, Timex, TimexType};
use std::path::PathBuf;

/// What the reference is for a case.
#[derive(Clone, Copy)]
enum Pub {
    Day(&'static str),
    /// A Eurasia Daily Monitor volume: the year is known, the day is not.
    EdmVolume(u32),
    None,
}

fn doc(text: &str, published: Pub) -> Document {
    match published {
        Pub::Day(d) => {
            let mut doc = Document::from_text(text);
            doc.set_published(Date::parse(d).expect("test date"));
            doc
        }
        Pub::EdmVolume(v) => Document::from_text(&format!(
            "Publication: Eurasia Daily Monitor Volume: {v} Issue: 85\n\n{text}"
        )),
        Pub::None => Document::from_text(text),
    }
}

/// The timex whose text is `expr` in `text`, resolved against `published`.
fn find(text: &str, published: Pub, expr: &str) -> Timex {
    let d = doc(text, published);
    let all = timeline::extract(&d);
    for t in &all {
        assert_eq!(&d.text()[t.span.start..t.span.end], t.span.slice(d.text()));
    }
    all.iter()
        .find(|t| t.span.slice(d.text()) == expr)
        .cloned()
        .unwrap_or_else(|| {
            let found: Vec<&str> = all.iter().map(|t| t.span.slice(d.text())).collect();
            panic!("{expr:?} not found in {text:?}; found {found:?}")
        })
}

use TimexType::{Date as D, Duration as Du, Set as S, Time as T};

/// (publication, sentence, expression, type, value)
const TABLE: &[(Pub, &str, &str, TimexType, &str)] = &[
    // Weekdays and tense: 2007-04-27 is a Friday.
    (
        Pub::Day("2007-04-27"),
        "The minister arrived on Tuesday.",
        "Tuesday",
        D,
        "2007-04-24",
    ),
    (
        Pub::Day("2007-04-27"),
        "The minister will arrive on Tuesday.",
        "Tuesday",
        D,
        "2007-05-01",
    ),
    (
        Pub::Day("2007-04-27"),
        "Officials said Friday that talks failed.",
        "Friday",
        D,
        "2007-04-27",
    ),
    (
        Pub::Day("2007-04-27"),
        "The talks are to resume Monday in Astana.",
        "Monday",
        D,
        "2007-04-30",
    ),
    (
        Pub::Day("2007-04-27"),
        "He left last Friday.",
        "last Friday",
        D,
        "2007-04-20",
    ),
    (
        Pub::Day("2007-04-27"),
        "They meet next Friday.",
        "next Friday",
        D,
        "2007-05-04",
    ),
    (
        Pub::Day("2007-04-27"),
        "The deadline runs until Tuesday.",
        "Tuesday",
        D,
        "2007-05-01",
    ),
    (
        Pub::Day("2007-04-27"),
        "Rebels attacked Monday evening.",
        "Monday evening",
        T,
        "2007-04-23TEV",
    ),
    (
        Pub::Day("2007-04-27"),
        "Rebels attacked Monday night.",
        "Monday night",
        D,
        "2007-04-23",
    ),
    // Relative days.
    (
        Pub::Day("2007-04-27"),
        "He spoke yesterday.",
        "yesterday",
        D,
        "2007-04-26",
    ),
    (
        Pub::Day("2007-04-27"),
        "He speaks today.",
        "today",
        D,
        "2007-04-27",
    ),
    (
        Pub::Day("2007-04-27"),
        "He speaks tomorrow.",
        "tomorrow",
        D,
        "2007-04-28",
    ),
    // Full and partial dates.
    (
        Pub::Day("2007-04-27"),
        "He gave a briefing on April 23 in Astana.",
        "April 23",
        D,
        "2007-04-23",
    ),
    (
        Pub::Day("2007-04-27"),
        "The treaty was signed on April 23, 2005.",
        "April 23, 2005",
        D,
        "2005-04-23",
    ),
    (
        Pub::Day("2007-04-27"),
        "The treaty was signed on 23 April 2005.",
        "23 April 2005",
        D,
        "2005-04-23",
    ),
    (
        Pub::Day("2007-04-27"),
        "It was founded in November 1995.",
        "November 1995",
        D,
        "1995-11",
    ),
    (
        Pub::Day("2007-04-27"),
        "The vote is due in June.",
        "June",
        D,
        "2007-06",
    ),
    (
        Pub::Day("2007-04-27"),
        "It happened in 1998.",
        "1998",
        D,
        "1998",
    ),
    (
        Pub::Day("2007-04-27"),
        "The record was set on 2006-09-14.",
        "2006-09-14",
        D,
        "2006-09-14",
    ),
    (
        Pub::Day("2007-04-27"),
        "Sales rose last year.",
        "last year",
        D,
        "2006",
    ),
    (
        Pub::Day("2007-04-27"),
        "Sales rose this year.",
        "this year",
        D,
        "2007",
    ),
    (
        Pub::Day("2007-04-27"),
        "Prices fell last month.",
        "last month",
        D,
        "2007-03",
    ),
    (
        Pub::Day("2007-04-27"),
        "They met this week.",
        "this week",
        D,
        "2007-W17",
    ),
    (
        Pub::Day("2007-04-27"),
        "They met two weeks ago.",
        "two weeks ago",
        D,
        "2007-W15",
    ),
    (
        Pub::Day("2007-04-27"),
        "Output was lower a year earlier.",
        "a year earlier",
        D,
        "2006",
    ),
    (
        Pub::Day("2007-04-27"),
        "Unrest grew in the 1990s.",
        "the 1990s",
        D,
        "199X",
    ),
    (
        Pub::Day("2007-04-27"),
        "It was built in the 19th century.",
        "the 19th century",
        D,
        "18",
    ),
    (
        Pub::Day("2007-04-27"),
        "Exercises are planned this summer.",
        "this summer",
        D,
        "2007-SU",
    ),
    (
        Pub::Day("2007-04-27"),
        "Revenue in fiscal 2006 rose.",
        "fiscal 2006",
        D,
        "2006",
    ),
    (
        Pub::Day("2007-11-01"),
        "Profit rose in the third quarter.",
        "the third quarter",
        D,
        "2007-Q3",
    ),
    (
        Pub::Day("2008-01-20"),
        "It earned $2 million in the fourth quarter.",
        "the fourth quarter",
        D,
        "2007-Q4",
    ),
    (
        Pub::Day("2007-04-27"),
        "Officials recently said so.",
        "recently",
        D,
        "PAST_REF",
    ),
    (
        Pub::Day("2007-04-27"),
        "The army is now ready.",
        "now",
        D,
        "PRESENT_REF",
    ),
    (
        Pub::Day("2007-04-27"),
        "More may follow in the future.",
        "the future",
        D,
        "FUTURE_REF",
    ),
    (
        Pub::Day("2007-11-01"),
        "Profit rose in the third quarter. Sales for last year's quarter were lower.",
        "last year's quarter",
        D,
        "2006-Q3",
    ),
    (
        Pub::Day("2007-11-01"),
        "Profit rose in the third quarter, up from the same period last year.",
        "the same period last year",
        D,
        "2006-Q3",
    ),
    (
        Pub::Day("2007-11-01"),
        "Profit rose in the third quarter. A year earlier it fell.",
        "A year earlier",
        D,
        "2006-Q3",
    ),
    (
        Pub::Day("2007-11-01"),
        "Sales rose in the latest quarter.",
        "the latest quarter",
        D,
        "2007-Q3",
    ),
    // Year boundaries.
    (
        Pub::Day("2008-01-03"),
        "They met on Dec. 28.",
        "Dec. 28",
        D,
        "2007-12-28",
    ),
    (
        Pub::Day("2008-01-03"),
        "Prices fell last month.",
        "last month",
        D,
        "2007-12",
    ),
    (
        Pub::Day("2008-01-03"),
        "They met last week.",
        "last week",
        D,
        "2007-W52",
    ),
    (
        Pub::Day("2007-12-28"),
        "They will meet next week.",
        "next week",
        D,
        "2008-W01",
    ),
    (
        Pub::Day("2007-12-20"),
        "The pipeline will open in January.",
        "January",
        D,
        "2008-01",
    ),
    (
        Pub::Day("2008-02-06"),
        "Hiring surged last fall.",
        "last fall",
        D,
        "2007-FA",
    ),
    (
        Pub::Day("2008-01-01"),
        "He spoke yesterday.",
        "yesterday",
        D,
        "2007-12-31",
    ),
    // Leap days.
    (
        Pub::Day("2008-03-01"),
        "He spoke yesterday.",
        "yesterday",
        D,
        "2008-02-29",
    ),
    (
        Pub::Day("2009-03-01"),
        "He spoke yesterday.",
        "yesterday",
        D,
        "2009-02-28",
    ),
    (
        Pub::Day("2008-03-10"),
        "The ceasefire began on Feb. 29.",
        "Feb. 29",
        D,
        "2008-02-29",
    ),
    (
        Pub::Day("2008-03-04"),
        "He left on Friday.",
        "Friday",
        D,
        "2008-02-29",
    ),
    // Times.
    (
        Pub::Day("2007-04-27"),
        "The blast came at 10:35 a.m.",
        "10:35 a.m.",
        T,
        "2007-04-27T10:35",
    ),
    (
        Pub::Day("2007-04-27"),
        "Troops withdrew at noon Thursday.",
        "noon Thursday",
        T,
        "2007-04-26T12:00",
    ),
    (
        Pub::Day("2007-04-27"),
        "He spoke this morning.",
        "this morning",
        T,
        "2007-04-27TMO",
    ),
    (
        Pub::Day("2007-04-27"),
        "Shelling resumed last night.",
        "last night",
        T,
        "2007-04-26TNI",
    ),
    // Durations.
    (
        Pub::Day("2007-04-27"),
        "It will last for the next two years.",
        "the next two years",
        Du,
        "P2Y",
    ),
    (
        Pub::Day("2007-04-27"),
        "The siege lasted three hours.",
        "three hours",
        Du,
        "PT3H",
    ),
    (
        Pub::Day("2007-04-27"),
        "He was held for 10 days.",
        "10 days",
        Du,
        "P10D",
    ),
    (
        Pub::Day("2007-04-27"),
        "Talks dragged on for several years.",
        "several years",
        Du,
        "PXY",
    ),
    (
        Pub::Day("2007-04-27"),
        "Prices rose over the past two months.",
        "the past two months",
        Du,
        "P2M",
    ),
    (
        Pub::Day("2007-04-27"),
        "It is a five-year plan.",
        "five-year",
        Du,
        "P5Y",
    ),
    (
        Pub::Day("2007-04-27"),
        "Output grew for almost two decades.",
        "almost two decades",
        Du,
        "P20Y",
    ),
    (
        Pub::Day("2007-04-27"),
        "Talks lasted 5 1/2 hours.",
        "5 1/2 hours",
        Du,
        "PT5H30M",
    ),
    (
        Pub::Day("2007-04-27"),
        "The war ended about two years ago.",
        "about two years ago",
        Du,
        "P2Y",
    ),
    (
        Pub::Day("2007-04-27"),
        "The war ended nearly four years ago.",
        "nearly four years ago",
        D,
        "2003",
    ),
    (
        Pub::Day("2007-04-27"),
        "The envoy came a week or so ago.",
        "a week or so ago",
        D,
        "2007-W16",
    ),
    (
        Pub::Day("2007-04-27"),
        "A hearing is set for the week of May 7.",
        "the week of May 7",
        D,
        "2007-W19",
    ),
    (
        Pub::Day("1998-10-26"),
        "Turnout was low on Election Day, he said.",
        "Election Day",
        D,
        "1998-11-03",
    ),
    (
        Pub::Day("2000-01-07"),
        "The boy was found on Thanksgiving Day.",
        "Thanksgiving Day",
        D,
        "1999-11-25",
    ),
    (
        Pub::Day("1999-02-10"),
        "The summit will be held on April 24 and 25.",
        "25",
        D,
        "1999-04-25",
    ),
    (
        Pub::Day("2007-04-27"),
        "They emerged from a day-long meeting.",
        "day-long",
        Du,
        "P1D",
    ),
    (
        Pub::Day("2007-04-27"),
        "It will not change for a couple of years.",
        "a couple of years",
        Du,
        "P2Y",
    ),
    (
        Pub::Day("2007-04-27"),
        "He speaks tonight.",
        "tonight",
        D,
        "2007-04-27",
    ),
    (
        Pub::Day("2007-04-27"),
        "Guards stand there 24 hours a day.",
        "24 hours a day",
        S,
        "P1D",
    ),
    // Sets.
    (
        Pub::Day("2007-04-27"),
        "The exercise is held every year.",
        "every year",
        S,
        "P1Y",
    ),
    (
        Pub::Day("2007-04-27"),
        "The council meets weekly.",
        "weekly",
        S,
        "P1W",
    ),
    (
        Pub::Day("2007-04-27"),
        "Flights leave each Thursday.",
        "each Thursday",
        S,
        "XXXX-WXX-4",
    ),
    (
        Pub::Day("2007-04-27"),
        "It costs $5 a day.",
        "a day",
        S,
        "P1D",
    ),
    // A year-only reference (Eurasia Daily Monitor volume 4 is 2007).
    (
        Pub::EdmVolume(4),
        "He spoke on April 23 in Astana.",
        "April 23",
        D,
        "2007-04-23",
    ),
    (
        Pub::EdmVolume(4),
        "Sales rose last year.",
        "last year",
        D,
        "2006",
    ),
    (
        Pub::EdmVolume(4),
        "He arrived on Tuesday.",
        "Tuesday",
        D,
        "XXXX-WXX-2",
    ),
    (
        Pub::EdmVolume(4),
        "He spoke yesterday.",
        "yesterday",
        D,
        "XXXX-XX-XX",
    ),
    // Patterns of issue 17: some day, fractions, seasons with years, holidays, zones,
    // fiscal years, sets, dates a filing looks ahead to, vague references.
    (
        Pub::Day("2007-04-27"),
        "They hope to go home one day.",
        "one day",
        D,
        "FUTURE_REF",
    ),
    (
        Pub::Day("2007-04-27"),
        "One day, the guards simply left.",
        "One day",
        D,
        "PAST_REF",
    ),
    (
        Pub::Day("2007-04-27"),
        "Someday the line will reopen.",
        "Someday",
        D,
        "FUTURE_REF",
    ),
    (
        Pub::Day("2007-04-27"),
        "The strike lasted one day.",
        "one day",
        Du,
        "P1D",
    ),
    (
        Pub::Day("2007-04-27"),
        "The survey took two and a half years.",
        "two and a half years",
        Du,
        "P2Y6M",
    ),
    (
        Pub::Day("2007-04-27"),
        "Repairs need two-and-a-half months.",
        "two-and-a-half months",
        Du,
        "P2M15D",
    ),
    (
        Pub::Day("2007-04-27"),
        "The hearing ran an hour and a half.",
        "an hour and a half",
        Du,
        "PT1H30M",
    ),
    (
        Pub::Day("2007-04-27"),
        "The audit took a year and a half.",
        "a year and a half",
        Du,
        "P1Y6M",
    ),
    (
        Pub::Day("2007-04-27"),
        "Exports fell in spring 2006.",
        "spring 2006",
        D,
        "2006-SP",
    ),
    (
        Pub::Day("2007-04-27"),
        "Fall 2005 brought floods.",
        "Fall 2005",
        D,
        "2005-FA",
    ),
    (
        Pub::Day("2007-04-27"),
        "Ice closes the pass during winter.",
        "winter",
        D,
        "2007-WI",
    ),
    (
        Pub::Day("2007-04-27"),
        "The pipeline opened on Independence Day.",
        "Independence Day",
        D,
        "2006-07-04",
    ),
    (
        Pub::Day("2007-04-27"),
        "Shops will shut on Memorial Day.",
        "Memorial Day",
        D,
        "2007-05-28",
    ),
    (
        Pub::Day("2007-04-27"),
        "Pilgrims gathered on Good Friday.",
        "Good Friday",
        D,
        "2007-04-06",
    ),
    (
        Pub::Day("2013-03-15"),
        "The vote will fall on Easter Sunday.",
        "Easter Sunday",
        D,
        "2013-03-31",
    ),
    (
        Pub::Day("2007-04-27"),
        "Roses sold out before Valentine's Day.",
        "Valentine's Day",
        D,
        "2007-02-14",
    ),
    (
        Pub::Day("2007-04-27"),
        "Protests followed on Martin Luther King Day.",
        "Martin Luther King Day",
        D,
        "2007-01-15",
    ),
    (
        Pub::Day("2007-04-27"),
        "The ferry leaves at 0900 GMT.",
        "0900 GMT",
        T,
        "2007-04-27T09:00",
    ),
    (
        Pub::Day("2007-04-27"),
        "Polls close at 8 p.m. ET today.",
        "8 p.m. ET today",
        T,
        "2007-04-27T20:00",
    ),
    (
        Pub::Day("2007-04-27"),
        "Revenue rose in fiscal year 2006.",
        "fiscal year 2006",
        D,
        "2006",
    ),
    (
        Pub::Day("2007-04-27"),
        "The FY2006 results were weak.",
        "FY2006",
        D,
        "2006",
    ),
    (
        Pub::Day("2007-04-27"),
        "The festival is held every summer.",
        "every summer",
        S,
        "XXXX-SU",
    ),
    (
        Pub::Day("2007-04-27"),
        "The council meets each July.",
        "each July",
        S,
        "XXXX-07",
    ),
    (
        Pub::Day("2007-04-27"),
        "Mine may open someday, the minister said.",
        "someday",
        D,
        "FUTURE_REF",
    ),
    (
        Pub::Day("2007-09-26"),
        "The delegation planned to leave on Thursday.",
        "Thursday",
        D,
        "2007-09-27",
    ),
    (
        Pub::Day("2007-04-27"),
        "Dividends are paid quarterly.",
        "quarterly",
        S,
        "P1Q",
    ),
    (
        Pub::Day("2007-11-01"),
        "The company said the dividend is payable Jan. 15.",
        "Jan. 15",
        D,
        "2008-01-15",
    ),
    (
        Pub::Day("2007-11-01"),
        "The board said the rule became effective on Dec. 3.",
        "Dec. 3",
        D,
        "2007-12-03",
    ),
    (
        Pub::Day("2007-04-27"),
        "The treaty expires three years from today.",
        "three years from today",
        D,
        "2010",
    ),
    (
        Pub::Day("2007-04-27"),
        "I met the envoy the other day.",
        "the other day",
        D,
        "PAST_REF",
    ),
    (
        Pub::Day("2007-04-27"),
        "Prices may ease in the weeks ahead.",
        "the weeks ahead",
        Du,
        "PXW",
    ),
    (
        Pub::Day("2007-04-27"),
        "Tariffs fell in the 1980s.",
        "the 1980s",
        D,
        "198X",
    ),
    (
        Pub::Day("2013-03-15"),
        "Exports rose in the second half of last year.",
        "the second half of last year",
        D,
        "2012-H2",
    ),
    (
        Pub::Day("2013-03-15"),
        "Growth will slow in the first quarter of next year.",
        "the first quarter of next year",
        D,
        "2014-Q1",
    ),
    (
        Pub::Day("2013-03-15"),
        "The bill passed in the 2004 fiscal year.",
        "the 2004 fiscal year",
        D,
        "2004",
    ),
    // No reference at all: what is known is kept, nothing is guessed.
    (
        Pub::None,
        "He spoke on April 23 in Astana.",
        "April 23",
        D,
        "XXXX-04-23",
    ),
    (Pub::None, "It happened in 1998.", "1998", D, "1998"),
    (Pub::None, "He spoke today.", "today", D, "PRESENT_REF"),
    (
        Pub::None,
        "The exercise is held every year.",
        "every year",
        S,
        "P1Y",
    ),
    // Counted from the narrative: the length is the expression, "later" a signal.
    (
        Pub::Day("2012-03-09"),
        "The levee broke, and three days later the town flooded.",
        "three days",
        Du,
        "P3D",
    ),
    (
        Pub::Day("2012-03-09"),
        "A week earlier the engineers had warned of cracks.",
        "A week",
        Du,
        "P1W",
    ),
    (
        Pub::Day("2012-03-09"),
        "The pilot radioed a minute and a half later.",
        "a minute and a half",
        Du,
        "PT1M30S",
    ),
    // Tense: a past verb of lasting before "until" looks back; "takes effect" looks ahead.
    // 2013-05-15 is a Wednesday.
    (
        Pub::Day("2013-05-15"),
        "The negotiations ran until Monday without a deal.",
        "Monday",
        D,
        "2013-05-13",
    ),
    (
        Pub::Day("2013-05-15"),
        "The ceasefire was extended until Monday.",
        "Monday",
        D,
        "2013-05-20",
    ),
    (
        Pub::Day("2013-05-15"),
        "The new tariff takes effect Oct. 1, the ministry said.",
        "Oct. 1",
        D,
        "2013-10-01",
    ),
    // A clock time takes its day from "on Tuesday" after it; "local time" belongs to it.
    (
        Pub::Day("2013-05-15"),
        "The market reopened on Monday. Voting will end at 8 p.m. EST on Friday.",
        "8 p.m. EST",
        T,
        "2013-05-17T20:00",
    ),
    (
        Pub::Day("2013-05-15"),
        "The blast came at 3 p.m. local time, the police said.",
        "3 p.m. local time",
        T,
        "2013-05-15T15:00",
    ),
    // "9/11" by name.
    (
        Pub::Day("2013-05-15"),
        "Airport checks have been strict since 9/11.",
        "9/11",
        D,
        "2001-09-11",
    ),
    // Quarter and half codes; the current quarter is the one publication falls in.
    (
        Pub::Day("2013-05-15"),
        "Deliveries slipped in Q1 as the yard flooded.",
        "Q1",
        D,
        "2013-Q1",
    ),
    (
        Pub::Day("2013-05-15"),
        "Margins recovered in Q3 2012 after the price war.",
        "Q3 2012",
        D,
        "2012-Q3",
    ),
    (
        Pub::Day("2013-05-15"),
        "The chain opened forty shops in H2 of 2012.",
        "H2 of 2012",
        D,
        "2012-H2",
    ),
    (
        Pub::Day("2013-05-15"),
        "Bookings in the current quarter look weak.",
        "the current quarter",
        D,
        "2013-Q2",
    ),
    // "prior" is "previous".
    (
        Pub::Day("2013-05-15"),
        "The mill closed in 2009. The prior year it had cut its staff.",
        "The prior year",
        D,
        "2008",
    ),
    (
        Pub::Day("2013-05-15"),
        "The reservoir filled on June 2, 2011; the prior day it rained hard.",
        "the prior day",
        D,
        "2011-06-01",
    ),
    // Bare plural units counted from the story: "Hours later", "months ago".
    (
        Pub::Day("2013-05-15"),
        "The dam held. Hours later the valley flooded.",
        "Hours",
        Du,
        "PTXH",
    ),
    (
        Pub::Day("2013-05-15"),
        "Decades ago the square was a market.",
        "Decades ago",
        Du,
        "PXY",
    ),
    // "earlier in the day", "later in the year".
    (
        Pub::Day("2013-05-15"),
        "The envoy landed on May 3. Later in the day he met the rebels.",
        "Later in the day",
        D,
        "2013-05-03",
    ),
    (
        Pub::Day("2013-05-15"),
        "The council expects to vote later in the year.",
        "later in the year",
        D,
        "2013",
    ),
    // "half a" counts a half: fifty years, thirty minutes.
    (
        Pub::Day("2013-05-15"),
        "Half a century ago the mine opened.",
        "Half a century ago",
        D,
        "1963",
    ),
    (
        Pub::Day("2013-05-15"),
        "The crowd waited half an hour in the rain.",
        "half an hour",
        Du,
        "PT30M",
    ),
    // More fixed holidays; "May Day" needs its capital.
    (
        Pub::Day("2013-05-15"),
        "Unions marched on May Day.",
        "May Day",
        D,
        "2013-05-01",
    ),
    (
        Pub::Day("2013-05-15"),
        "The pubs were full on St. Patrick's Day.",
        "St. Patrick's Day",
        D,
        "2013-03-17",
    ),
    // Vague lengths: "after months of talks", "a several-year tenure", "eight trading days".
    (
        Pub::Day("2013-05-15"),
        "After months of haggling, the unions signed.",
        "months",
        Du,
        "PXM",
    ),
    (
        Pub::Day("2013-05-15"),
        "She left after a several-year stint abroad.",
        "several-year",
        Du,
        "PXY",
    ),
    (
        Pub::Day("2013-05-15"),
        "The index slid for six trading days in a row.",
        "six trading days",
        Du,
        "P6D",
    ),
    // A stretch next to an event, without its article.
    (
        Pub::Day("2013-05-15"),
        "Neighbours saw the van in the days before the raid.",
        "days",
        Du,
        "PXD",
    ),
    (
        Pub::Day("2013-05-15"),
        "In the years that followed, the town shrank.",
        "years",
        Du,
        "PXY",
    ),
    // The story's day: "that night", "until then".
    (
        Pub::Day("2013-05-15"),
        "The envoy reached Goma on May 2. That night the shelling stopped.",
        "That night",
        D,
        "2013-05-02",
    ),
    (
        Pub::Day("2013-05-15"),
        "The bonds mature on June 30. Until then they pay 4%.",
        "then",
        D,
        "2013-06-30",
    ),
    // "the year before," counted from the story's year.
    (
        Pub::Day("2013-05-15"),
        "The mill closed in 2009. The year before, it had cut its staff.",
        "The year before",
        D,
        "2008",
    ),
    // Weekdays in the plural recur.
    (
        Pub::Day("2013-05-15"),
        "The border post is shut on Sundays.",
        "Sundays",
        S,
        "XXXX-WXX-7",
    ),
    (
        Pub::Day("2013-05-15"),
        "The ferry sails on Thursday evenings.",
        "Thursday evenings",
        S,
        "XXXX-WXX-4TEV",
    ),
    // A span of years gives both years.
    (
        Pub::Day("2013-05-15"),
        "The 1995-97 drought emptied the wells.",
        "97",
        D,
        "1997",
    ),
    (
        Pub::Day("2013-05-15"),
        "The 2012-2013 budget was cut twice.",
        "2012",
        D,
        "2012",
    ),
    // A day of the story's month, by its ordinal.
    (
        Pub::Day("2013-05-15"),
        "The first ballots were counted on the 12th.",
        "the 12th",
        D,
        "2013-05-12",
    ),
    (
        Pub::Day("2013-05-15"),
        "The court will rule on the 3rd, officials said.",
        "the 3rd",
        D,
        "2013-06-03",
    ),
    // Vague stretches: "recent years" and "past years" are the past at large.
    (
        Pub::Day("2012-06-04"),
        "Ferry traffic has grown in recent years, the port said.",
        "recent years",
        D,
        "PAST_REF",
    ),
    (
        Pub::Day("2012-06-04"),
        "Tolls were cut in past years as well.",
        "past years",
        D,
        "PAST_REF",
    ),
    (
        Pub::Day("2012-06-04"),
        "Ferry traffic fell in recent months.",
        "recent months",
        Du,
        "PXM",
    ),
    (
        Pub::Day("2012-06-04"),
        "The loss will lower taxes in future quarters.",
        "future quarters",
        D,
        "FUTURE_REF",
    ),
    // Halves named by quarters: a date, not six months.
    (
        Pub::Day("2012-06-04"),
        "Shipping will stay weak through the first two quarters of 2013.",
        "the first two quarters of 2013",
        D,
        "2013-H1",
    ),
    (
        Pub::Day("2012-06-04"),
        "Sales should recover in the last half of 2012.",
        "the last half of 2012",
        D,
        "2012-H2",
    ),
    // "a year earlier" next to the end date of the period compared.
    (
        Pub::Day("2012-11-20"),
        "For the nine months ended Sept. 29, the mill earned $4 million, against $3 million a year earlier.",
        "a year earlier",
        D,
        "2011-09-29",
    ),
    // A weekday naming when something was said is not the period compared.
    (
        Pub::Day("2012-11-20"),
        "The mill said Friday that it earned $4 million in nine months, against $3 million a year earlier.",
        "a year earlier",
        D,
        "2011",
    ),
    // The month the story is in, for "the following month".
    (
        Pub::Day("2012-11-20"),
        "In May, the union rejected the offer. The following month, it went on strike.",
        "The following month",
        D,
        "2012-06",
    ),
    // Tense: possessives look back, "had been due to" and "had … by" too.
    (
        Pub::Day("2012-11-23"),
        "Lawyers said they would appeal Tuesday's ruling.",
        "Tuesday",
        D,
        "2012-11-20",
    ),
    (
        Pub::Day("2012-11-23"),
        "The offer had been due to expire Wednesday evening.",
        "Wednesday evening",
        T,
        "2012-11-21TEV",
    ),
    (
        Pub::Day("2012-11-23"),
        "Nine members had filed their reports by Wednesday.",
        "Wednesday",
        D,
        "2012-11-21",
    ),
    (
        Pub::Day("2012-11-23"),
        "Members must file their reports by Wednesday.",
        "Wednesday",
        D,
        "2012-11-28",
    ),
    // Parts of the day after "mid".
    (
        Pub::Day("2012-11-23"),
        "By mid-afternoon, the ferries were running again.",
        "mid-afternoon",
        T,
        "2012-11-23TAF",
    ),
    (
        Pub::Day("2012-11-23"),
        "Shares were up 3% at mid-morning yesterday.",
        "mid-morning yesterday",
        T,
        "2012-11-22TMO",
    ),
    // A spoken year after its month.
    (
        Pub::Day("1998-02-27"),
        "March nineteen ninety-six. The dam gave way.",
        "March nineteen ninety-six",
        D,
        "1996-03",
    ),
    // "just" does not make "a decade ago" a length.
    (
        Pub::Day("2012-11-23"),
        "Just a decade ago the town had no paved road.",
        "Just a decade ago",
        D,
        "2002",
    ),
    // Counted from a coming weekday. 2013-03-15 is a Friday.
    (
        Pub::Day("2013-03-15"),
        "The talks resume a week from Monday.",
        "a week from Monday",
        D,
        "2013-03-25",
    ),
    (
        Pub::Day("2013-03-15"),
        "The museum is closed on weekends.",
        "weekends",
        S,
        "XXXX-WXX-WE",
    ),
    (
        Pub::Day("2013-03-15"),
        "In the first half of the year, exports rose.",
        "the first half of the year",
        D,
        "2013-H1",
    ),
    // Arranged dates look ahead: "set for".
    (
        Pub::Day("2013-03-15"),
        "The vote is set for Dec. 15.",
        "Dec. 15",
        D,
        "2013-12-15",
    ),
    // A range of months lies in one stretch: both ends last year here.
    (
        Pub::Day("2013-03-15"),
        "From March to May, the river ran dry.",
        "March",
        D,
        "2012-03",
    ),
    (
        Pub::Day("2013-03-15"),
        "From March to May, the river ran dry.",
        "May",
        D,
        "2012-05",
    ),
    (
        Pub::Day("2013-03-15"),
        "Between November and February the pass was shut.",
        "November",
        D,
        "2012-11",
    ),
    // A day counted from a weekday. 2013-03-15 is a Friday.
    (
        Pub::Day("2013-03-15"),
        "The day before last Tuesday's hearing, the lawyers met.",
        "The day before last Tuesday",
        D,
        "2013-03-11",
    ),
    (
        Pub::Day("2013-03-15"),
        "The board will decide at a later date.",
        "later date",
        D,
        "FUTURE_REF",
    ),
    (
        Pub::Day("2013-03-15"),
        "For the week, the index rose 2%.",
        "the week",
        D,
        "2013-W11",
    ),
    // Any mention of the quarter keeps it the frame for "a year ago".
    (
        Pub::Day("2013-10-24"),
        "The mill reported third-quarter profit of $5 million. Its chief left. A new plant opened. \
         Prices rose. Demand was firm. Output in the quarter rose 4% from a year ago.",
        "a year ago",
        D,
        "2012-Q3",
    ),
    // The frame is the quarter reported on: not an earlier one named in contrast,
    // nor the quarter under way (a forecast).
    (
        Pub::Day("2013-10-24"),
        "Profit rose in the third quarter. After a flat second quarter, sales improved. \
         Costs were lower than a year ago.",
        "a year ago",
        D,
        "2012-Q3",
    ),
    (
        Pub::Day("2013-10-24"),
        "Profit rose in the third quarter. Losses will continue into the fourth quarter. \
         In the year-ago period, the mill lost money.",
        "the year-ago period",
        D,
        "2012-Q3",
    ),
    // News wire patterns (issue 17): the night before, fortnights, hyphenated lengths,
    // wire shorthand "end-2016", day ranges and "Q1" at a sentence end.
    (
        Pub::Day("2015-06-10"),
        "Police detained 12 people overnight after the match.",
        "overnight",
        T,
        "2015-06-09TNI",
    ),
    (
        Pub::Day("2015-06-10"),
        "The dockers' strike lasted a fortnight.",
        "a fortnight",
        Du,
        "P2W",
    ),
    (
        Pub::Day("2015-06-10"),
        "The ferry sank a fortnight ago.",
        "a fortnight ago",
        D,
        "2015-W22",
    ),
    (
        Pub::Day("2015-06-10"),
        "The ten-day fair opened in Leipzig.",
        "ten-day",
        Du,
        "P10D",
    ),
    (
        Pub::Day("2015-06-10"),
        "The month-long stoppage ended at dawn.",
        "month-long",
        Du,
        "P1M",
    ),
    (
        Pub::Day("2015-06-10"),
        "Water rationing will end by end-2016, the utility said.",
        "end-2016",
        D,
        "2016",
    ),
    (
        Pub::Day("2015-06-10"),
        "Ministers meet July 7-8 in Riga.",
        "8",
        D,
        "2015-07-08",
    ),
    (
        Pub::Day("2015-06-10"),
        "Ministers meet July 7-8 in Riga.",
        "July 7",
        D,
        "2015-07-07",
    ),
    (
        Pub::Day("2015-06-10"),
        "Orders for the new jet jumped in Q1.",
        "Q1",
        D,
        "2015-Q1",
    ),
    (
        Pub::Day("2015-06-10"),
        "The governor fell ill Monday night at a rally.",
        "Monday night",
        D,
        "2015-06-08",
    ),
    (
        Pub::Day("2015-06-10"),
        "Polls will close at 8 p.m. EDT on Thursday.",
        "8 p.m. EDT",
        T,
        "2015-06-11T20:00",
    ),
    (
        Pub::Day("2015-06-10"),
        "The index closed at 1530 GMT.",
        "1530 GMT",
        T,
        "2015-06-10T15:30",
    ),
    (
        Pub::Day("2015-06-10"),
        "The truce starts at noon Friday.",
        "noon Friday",
        T,
        "2015-06-12T12:00",
    ),
    (
        Pub::Day("2015-06-10"),
        "The port was busy in the late 1970s.",
        "late 1970s",
        D,
        "197X",
    ),
    (
        Pub::Day("2015-06-10"),
        "Snow is forecast in the coming days.",
        "coming days",
        Du,
        "PXD",
    ),
    (
        Pub::Day("2015-06-10"),
        "The mill will hire 200 workers in the next few years.",
        "the next few years",
        Du,
        "PXY",
    ),
    (
        Pub::Day("2015-06-10"),
        "The regulator fined the bank earlier this month.",
        "earlier this month",
        D,
        "2015-06",
    ),
    (
        Pub::Day("2015-06-10"),
        "A ruling is due later this month.",
        "later this month",
        D,
        "2015-06",
    ),
    (
        Pub::Day("2015-06-10"),
        "Dealers expect the euro to firm before year-end.",
        "year-end",
        D,
        "2015",
    ),
    (
        Pub::Day("2015-06-10"),
        "Ferry crossings resumed over the weekend.",
        "the weekend",
        D,
        "2015-W23-WE",
    ),
    (
        Pub::Day("2015-06-10"),
        "Protesters gave the mayor 48 hours to resign.",
        "48 hours",
        Du,
        "PT48H",
    ),
    (
        Pub::Day("2015-06-10"),
        "Toy shops were crowded before Christmas.",
        "Christmas",
        D,
        "2014-12-25",
    ),
    (
        Pub::Day("2015-06-10"),
        "The bridge opens on New Year's Day.",
        "New Year's Day",
        D,
        "2016-01-01",
    ),
    (
        Pub::Day("2015-06-10"),
        "The brewer lost money in fiscal 2012.",
        "fiscal 2012",
        D,
        "2012",
    ),
    (
        Pub::Day("2015-06-10"),
        "Robots will shape work in the 21st century.",
        "the 21st century",
        D,
        "20",
    ),
    (
        Pub::Day("2015-06-10"),
        "The deed was signed on 3 Dec 1998.",
        "3 Dec 1998",
        D,
        "1998-12-03",
    ),
    (
        Pub::Day("2015-06-10"),
        "The filing is dated 1998-12-03.",
        "1998-12-03",
        D,
        "1998-12-03",
    ),
    (
        Pub::Day("2015-06-10"),
        "Fares rose over the past 12 months.",
        "the past 12 months",
        Du,
        "P12M",
    ),
    (
        Pub::Day("2015-06-10"),
        "The club won the cup for the first time in 20 years.",
        "20 years",
        Du,
        "P20Y",
    ),
    (
        Pub::Day("2015-06-10"),
        "The minister spoke Monday evening.",
        "Monday evening",
        T,
        "2015-06-08TEV",
    ),
    (
        Pub::Day("2015-06-10"),
        "The two sides met the previous day.",
        "the previous day",
        D,
        "2015-06-09",
    ),
    (
        Pub::Day("2015-06-10"),
        "The airline said first-quarter profit rose.",
        "first-quarter",
        D,
        "2015-Q1",
    ),
    (
        Pub::Day("2015-06-10"),
        "Fishing fleets stayed in port this past weekend.",
        "this past weekend",
        D,
        "2015-W23-WE",
    ),
    (
        Pub::Day("2015-06-10"),
        "Reserves ran low in the second half of last year.",
        "the second half of last year",
        D,
        "2014-H2",
    ),    (
        Pub::Day("2015-06-10"),
        "Attendance fell in the 2014-15 season, the club said.",
        "the 2014-15 season",
        D,
        "2014",
    ),
    (
        Pub::Day("2015-06-10"),
        "Grants for the 2013/14 financial year were cut.",
        "the 2013/14 financial year",
        D,
        "2013",
    ),
    (
        Pub::Day("2014-05-20"),
        "The town doubled in size around the turn of the century.",
        "the turn of the century",
        D,
        "2000",
    ),
    (
        Pub::Day("2014-05-20"),
        "Tramlines were laid at the turn of the 20th century.",
        "the turn of the 20th century",
        D,
        "1900",
    ),
    (
        Pub::Day("2014-05-20"),
        "Gunmen raided the depot in the early hours of Sunday.",
        "the early hours of Sunday",
        D,
        "2014-05-18",
    ),
    (
        Pub::Day("2014-06-05"),
        "Shelling began in the small hours of June 3.",
        "the small hours of June 3",
        T,
        "2014-06-03TMO",
    ),
    (
        Pub::Day("2014-05-20"),
        "The convoy left in the early hours.",
        "the early hours",
        T,
        "2014-05-20TMO",
    ),
    (
        Pub::Day("2014-05-20"),
        "The ministers will meet in the first week of June.",
        "the first week of June",
        D,
        "2014-W23",
    ),
    (
        Pub::Day("2014-05-20"),
        "Turnout dropped in the last week of March.",
        "the last week of March",
        D,
        "2014-W13",
    ),
    (
        Pub::Day("2014-05-20"),
        "Protesters gathered on the eve of Friday's vote.",
        "the eve of Friday",
        D,
        "2014-05-15",
    ),
    (
        Pub::Day("2014-05-20"),
        "Markets are expected to be calm on the eve of the June 5 meeting.",
        "the eve of the June 5",
        D,
        "2014-06-04",
    ),
    (
        Pub::Day("2014-05-20"),
        "This time last year the bridge was closed.",
        "This time last year",
        D,
        "2013-05-20",
    ),
    (
        Pub::Day("2014-05-20"),
        "Sales were flat compared with the same time last year.",
        "the same time last year",
        D,
        "2013-05-20",
    ),
    (
        Pub::Day("2014-08-10"),
        "Profits rose in the April-June quarter.",
        "the April-June quarter",
        D,
        "2014-Q2",
    ),
    (
        Pub::Day("2014-08-10"),
        "Exports fell in the July-to-September quarter of 2013.",
        "the July-to-September quarter of 2013",
        D,
        "2013-Q3",
    ),
    (
        Pub::Day("2014-05-20"),
        "Shops close early during Ramadan.",
        "Ramadan",
        D,
        "2014-06-28",
    ),
    (
        Pub::Day("2014-08-10"),
        "Families travelled home for Eid al-Fitr.",
        "Eid al-Fitr",
        D,
        "2014-07-28",
    ),
    (
        Pub::Day("2014-08-10"),
        "The market will close for Eid ul-Adha.",
        "Eid ul-Adha",
        D,
        "2014-10-04",
    ),
    (
        Pub::Day("2014-01-10"),
        "Churches were full on Orthodox Christmas.",
        "Orthodox Christmas",
        D,
        "2014-01-07",
    ),
    (
        Pub::Day("2014-03-01"),
        "The Kazakh capital will celebrate Nauryz.",
        "Nauryz",
        D,
        "2014-03-21",
    ),    (
        Pub::Day("2014-05-20"),
        "The strike ended before Christmas 2013.",
        "Christmas 2013",
        D,
        "2013-12-25",
    ),
    (
        Pub::Day("2014-05-20"),
        "Stores will be busy in Christmas week.",
        "Christmas week",
        D,
        "2014-W52",
    ),
    (
        Pub::Day("2014-05-20"),
        "A truce is planned for the eve of Ramadan.",
        "the eve of Ramadan",
        D,
        "2014-06-27",
    ),
    (
        Pub::Day("2014-05-20"),
        "Markets will close for Yom Kippur.",
        "Yom Kippur",
        D,
        "2014-10-04",
    ),
    (
        Pub::Day("2014-05-20"),
        "The families met at Passover.",
        "Passover",
        D,
        "2014-04-15",
    ),
    // The day being told, counted in something else.
    (
        Pub::Day("2012-06-13"),
        "It's the third day of the strike at the port.",
        "the third day",
        D,
        "2012-06-13",
    ),
    (
        Pub::Day("2012-06-13"),
        "Today is the tenth day of the blockade.",
        "the tenth day",
        D,
        "2012-06-13",
    ),
    // A long sentence keeps its tense past the reach of its nearest verb.
    (
        Pub::Day("2012-02-13"),
        "The airline said two new flights would leave on Monday and Tuesday nights from March 30, with the third departing each Thursday from August 6.",
        "August 6",
        D,
        "2012-08-06",
    ),
    (
        Pub::Day("2012-01-07"),
        "The congressman said he subpoenaed the 6-year-old boy to testify before the oversight committee in Washington on Feb. 10, so he stays.",
        "Feb. 10",
        D,
        "2012-02-10",
    ),
    // Counted from the story's day or year, not from publication.
    (
        Pub::Day("2012-06-13"),
        "On May 5, 2010, he resigned. The following Monday, his deputy took over.",
        "The following Monday",
        D,
        "2010-05-10",
    ),
    (
        Pub::Day("2012-06-13"),
        "Shares closed lower on Oct. 27, 2011, down 4% from the previous Friday.",
        "the previous Friday",
        D,
        "2011-10-21",
    ),
    (
        Pub::Day("2012-06-13"),
        "He was elected in 2002. In the spring of 2003 the fighting resumed. By that summer, the city had fallen.",
        "that summer",
        D,
        "2003-SU",
    ),
    // "today's" names the day when it is one ("today's vote"), not the present at large.
    (
        Pub::Day("2012-06-13"),
        "Today's vote is the first since the war.",
        "Today",
        D,
        "2012-06-13",
    ),
    // Feasts of the moon and the Hebrew year, computed for any year.
    (
        Pub::Day("2012-06-13"),
        "Fireworks lit up Beijing for the Lunar New Year.",
        "Lunar New Year",
        D,
        "2012-01-23",
    ),
    (
        Pub::Day("2012-12-01"),
        "Rail traffic will peak before Chinese New Year.",
        "Chinese New Year",
        D,
        "2013-02-10",
    ),
    (
        Pub::Day("2012-10-01"),
        "Gold sales usually rise before Diwali.",
        "Diwali",
        D,
        "2012-11-13",
    ),
    (
        Pub::Day("2013-01-15"),
        "Jewellers did well last Diwali.",
        "last Diwali",
        D,
        "2012-11-13",
    ),
    (
        Pub::Day("2013-06-01"),
        "The first candle is lit on the eve of Hanukkah 2013.",
        "the eve of Hanukkah 2013",
        D,
        "2013-11-27",
    ),
    (
        Pub::Day("2012-11-20"),
        "The mayor will light the menorah at Hanukkah.",
        "Hanukkah",
        D,
        "2012-12-09",
    ),
    // A length with neither amount nor unit.
    (
        Pub::Day("2009-06-10"),
        "Refugees will stay in the camps for some time.",
        "some time",
        Du,
        "PXX",
    ),
    (
        Pub::Day("2009-06-10"),
        "The envoy waited for a while before he spoke.",
        "a while",
        Du,
        "PXX",
    ),
    // A year in passing does not move "at 3 p.m." or "that day" off the story's day.
    (
        Pub::Day("2009-06-10"),
        "The club won the title in 2008. The blast came at 3 p.m. local time.",
        "3 p.m. local time",
        T,
        "2009-06-10T15:00",
    ),
    (
        Pub::Day("2009-06-10"),
        "Shares fell on Monday, the worst since the 1987 crash. Brokers lost money that day.",
        "that day",
        D,
        "2009-06-08",
    ),
    // A headline's holiday before its story's first capital.
    (
        Pub::Day("2012-11-20"),
        "Curfew set for Hanukkah\n\nThe army said the curfew would hold.",
        "Hanukkah",
        D,
        "2012-12-09",
    ),
    // The eve of a feast of the moon: the day before it, in the year the tense picks.
    (
        Pub::Day("2012-11-20"),
        "Shops will close early on the eve of Hanukkah.",
        "the eve of Hanukkah",
        D,
        "2012-12-08",
    ),
    (
        Pub::Day("2012-10-01"),
        "Traders expect a rush on the eve of Diwali.",
        "the eve of Diwali",
        D,
        "2012-11-12",
    ),
    // Dawn and dusk: the part of the day they fall in, on the day named or the story's.
    (
        Pub::Day("2007-04-27"),
        "Troops crossed the river at dawn.",
        "dawn",
        T,
        "2007-04-27TMO",
    ),
    (
        Pub::Day("2007-04-27"),
        "The curfew lasts until sunset tomorrow.",
        "sunset tomorrow",
        T,
        "2007-04-28TEV",
    ),
    (
        Pub::Day("2007-04-27"),
        "Shelling went on from daybreak Wednesday.",
        "daybreak Wednesday",
        D,
        "2007-04-25",
    ),
    (
        Pub::Day("2007-04-27"),
        "The vigil ended at dusk on Thursday.",
        "dusk",
        T,
        "2007-04-26TEV",
    ),
    // Spans: the last day of "from December 3 to 9" is a day of its own, in the same month.
    (
        Pub::Day("2007-12-20"),
        "Talks ran from December 3 to 9 in Vienna.",
        "9",
        D,
        "2007-12-09",
    ),
    (
        Pub::Day("2007-10-20"),
        "The fair ran Oct. 3 through 5.",
        "5",
        D,
        "2007-10-05",
    ),
    (
        Pub::Day("2007-06-10"),
        "Output fell in the March–May period.",
        "May",
        D,
        "2007-05",
    ),
    (
        Pub::Day("2007-06-10"),
        "Rain fell between March and May.",
        "May",
        D,
        "2007-05",
    ),
    (
        Pub::Day("2007-04-27"),
        "Sales fell in the second quarter of fiscal year 2006.",
        "the second quarter of fiscal year 2006",
        D,
        "2006-Q2",
    ),
    // A winter written with the two years it straddles is dated by the first.
    (
        Pub::Day("2008-01-10"),
        "Snow fell early in the winter of 2004-05.",
        "the winter of 2004-05",
        D,
        "2004-WI",
    ),
    (
        Pub::Day("2008-01-10"),
        "Ice closed the port in winter 2006-07.",
        "winter 2006-07",
        D,
        "2006-WI",
    ),
    // A year's possessive period: "1998's first half".
    (
        Pub::Day("2001-06-10"),
        "Profit rose in 1998's first half.",
        "1998's first half",
        D,
        "1998-H1",
    ),
    (
        Pub::Day("2007-04-27"),
        "Profit fell in fiscal 2004's second quarter.",
        "fiscal 2004's second quarter",
        D,
        "2004-Q2",
    ),
    (
        Pub::Day("2007-04-27"),
        "Investors liked 1998's record profit.",
        "1998",
        D,
        "1998",
    ),
    // A quoted sentence's first words are capitalized, not a title like "This Week".
    (
        Pub::Day("2007-12-10"),
        "\"Last April, we lost,\" he said.",
        "Last April",
        D,
        "2007-04",
    ),
    // A quarter of a fiscal year is that year's quarter.
    (
        Pub::Day("2007-04-27"),
        "Profit fell in the fourth quarter of fiscal 2005.",
        "the fourth quarter of fiscal 2005",
        D,
        "2005-Q4",
    ),
    // Dozens and ranges of lengths (issue 17): "a dozen" belongs to the length; a range
    // is one length valued at its first number, as TimeBank values "two to three weeks".
    (
        Pub::Day("2015-06-10"),
        "The firm has been in business for a dozen years.",
        "a dozen years",
        Du,
        "P12Y",
    ),
    (
        Pub::Day("2015-06-10"),
        "The talks dragged on for half a dozen years.",
        "half a dozen years",
        Du,
        "P6Y",
    ),
    (
        Pub::Day("2015-06-10"),
        "Prices rose for three to five years.",
        "three to five years",
        Du,
        "P3Y",
    ),
    (
        Pub::Day("2015-06-10"),
        "Repairs take 5-10 days.",
        "5-10 days",
        Du,
        "P5D",
    ),
    (
        Pub::Day("2015-06-10"),
        "Each patient waits between two and six days.",
        "two and six days",
        Du,
        "P2D",
    ),
    // A clock time takes its day across a zone in words or a bracketed GMT time
    // (issue 17); "midnight on Sept. 30" is a time without "at" before it.
    (
        Pub::Day("2007-04-27"),
        "The quake struck at 4:31 a.m. (1131 GMT) on Monday.",
        "4:31 a.m.",
        T,
        "2007-04-23T04:31",
    ),
    (
        Pub::Day("2007-04-27"),
        "The quake struck at 4:31 a.m. (1131 GMT) on Monday.",
        "1131 GMT",
        T,
        "2007-04-23T11:31",
    ),
    (
        Pub::Day("2007-04-27"),
        "Voting ended at 7 p.m. Eastern time Thursday.",
        "7 p.m. Eastern time Thursday",
        T,
        "2007-04-26T19:00",
    ),
    (
        Pub::Day("2007-04-27"),
        "Polls opened at 9 a.m. Moscow time (0500 GMT) on Sunday.",
        "9 a.m. Moscow time",
        T,
        "2007-04-22T09:00",
    ),
    (
        Pub::Day("2007-04-27"),
        "The offer expires midnight on Sept. 30.",
        "midnight",
        T,
        "2007-09-30T24:00",
    ),
    // "coming" before "a month" and the verb "last" are not directions (issue 17).
    (
        Pub::Day("2007-08-18"),
        "The flights, coming a month after the decree, alarmed NATO.",
        "a month",
        Du,
        "P1M",
    ),
    (
        Pub::Day("2007-08-18"),
        "The talks will last two weeks.",
        "two weeks",
        Du,
        "P2W",
    ),
    // A day-first numeric date when the first number cannot be a month, and the early
    // morning hours (issue 17).
    (
        Pub::Day("2013-03-22"),
        "The law was passed on 21/03/2013.",
        "21/03/2013",
        D,
        "2013-03-21",
    ),
    (
        Pub::Day("2013-03-22"),
        "It was signed 3/4/2013.",
        "3/4/2013",
        D,
        "2013-03-04",
    ),
    (
        Pub::Day("2013-03-22"),
        "The bill passed in the early morning hours of Saturday.",
        "the early morning hours of Saturday",
        D,
        "2013-03-16",
    ),
    (
        Pub::Day("2013-03-22"),
        "Rebels attacked in the predawn hours.",
        "the predawn hours",
        T,
        "2013-03-22TMO",
    ),
    (
        Pub::Day("2016-11-20"),
        "Keep them in your prayers, and this Thanksgiving I hope you will join me.",
        "this Thanksgiving",
        D,
        "2016-11-24",
    ),
    // "two days later" is a length, as TimeML marks it, and the story moves by it (issue 17).
    (
        Pub::Day("2007-04-27"),
        "Talks began on March 3. Two days later, they collapsed. The next day, the envoy left.",
        "The next day",
        D,
        "2007-03-06",
    ),
    (
        Pub::Day("2013-03-22"),
        "The firm was founded in March 1995. Two years later, it went public. \
         The following year, it moved to Boston.",
        "The following year",
        D,
        "1998",
    ),
    (
        Pub::Day("2013-03-22"),
        "The plant opened in 2004. In the spring of that year, sales rose.",
        "the spring of that year",
        D,
        "2004-SP",
    ),
    // British copy: the weekday and a day-first date are one date, a day-first span's first
    // day takes the second's month, and a dotted clock with its am or pm is a time.
    (
        Pub::Day("2013-03-22"),
        "On Tuesday 19 March the court ruled.",
        "Tuesday 19 March",
        D,
        "2013-03-19",
    ),
    (
        Pub::Day("2013-03-22"),
        "Talks on 18-20 March failed.",
        "18",
        D,
        "2013-03-18",
    ),
    (
        Pub::Day("2013-03-22"),
        "Polls on 3 and 4 May 2012 were close.",
        "3",
        D,
        "2012-05-03",
    ),
    (
        Pub::Day("2013-03-22"),
        "The market opened at 8.30am on Monday.",
        "8.30am",
        T,
        "2013-03-18T08:30",
    ),
    // Two days of one month listed backwards are two days, not a turn of the year.
    (
        Pub::Day("2013-03-22"),
        "Riots broke out on March 21 and March 20.",
        "March 20",
        D,
        "2013-03-20",
    ),
    // "the year 2012" is one expression, the year named in full.
    (
        Pub::Day("2013-03-22"),
        "The year 1989 was the wall's last.",
        "The year 1989",
        D,
        "1989",
    ),
    // "the past hour" is an hour's length, like "the past two hours".
    (
        Pub::Day("2013-03-22"),
        "Within the past hour, shots rang out.",
        "the past hour",
        Du,
        "PT1H",
    ),
    // A span's end is a day before a verb, not only before "in" or "and".
    (
        Pub::Day("2013-03-22"),
        "Talks on March 19-20 failed.",
        "20",
        D,
        "2013-03-20",
    ),
    // A weekday in the present names the nearer one: 2013-01-03 is a Thursday.
    (
        Pub::Day("2013-01-03"),
        "The deadline is Friday.",
        "Friday",
        D,
        "2013-01-04",
    ),
    (
        Pub::Day("2013-01-03"),
        "The vote is on Tuesday.",
        "Tuesday",
        D,
        "2013-01-01",
    ),
    // A month's abbreviation ends no clause: the tense is read past "Sept." to "bought".
    (
        Pub::Day("1989-10-30"),
        "Crane holds 504,200 shares, including 254,200 bought from Sept. 14 to Thursday.",
        "Thursday",
        D,
        "1989-10-26",
    ),
    (
        Pub::Day("2013-03-22"),
        "The two-year-long dispute ended.",
        "two-year-long",
        Du,
        "P2Y",
    ),
    // A Unicode hyphen (U+2011, U+2010) joins words as "-" does.
    (
        Pub::Day("2013-03-22"),
        "Prices peaked in mid\u{2011}February.",
        "mid\u{2011}February",
        D,
        "2013-02",
    ),
    (
        Pub::Day("2013-03-22"),
        "The two\u{2010}year plan was dropped.",
        "two\u{2010}year",
        Du,
        "P2Y",
    ),
    // "that quarter": the quarter the story last named.
    (
        Pub::Day("2013-03-22"),
        "Sales slumped in the third quarter of 2011. That quarter the mill lost money.",
        "That quarter",
        D,
        "2011-Q3",
    ),
    (
        Pub::Day("2013-03-22"),
        "The mill expects a loss in the fourth quarter. In that quarter it will close a plant.",
        "that quarter",
        D,
        "2013-Q4",
    ),
    // "over the past decade" is a length; "in the past decade" the decade.
    (
        Pub::Day("2013-03-22"),
        "Rents have doubled over the past decade.",
        "the past decade",
        Du,
        "P10Y",
    ),
    (
        Pub::Day("2013-03-22"),
        "Rents will be frozen for the next century.",
        "the next century",
        Du,
        "P100Y",
    ),
    (
        Pub::Day("2013-03-22"),
        "Rents doubled in the past decade.",
        "the past decade",
        D,
        "200X",
    ),
    // Years before the common era, and years named with theirs.
    (
        Pub::Day("2013-03-22"),
        "Caesar was killed in 44 BC by senators.",
        "44 BC",
        D,
        "BC0044",
    ),
    (
        Pub::Day("2013-03-22"),
        "The town was founded around 500 B.C. by traders.",
        "500 B.C.",
        D,
        "BC0500",
    ),
    (
        Pub::Day("2013-03-22"),
        "The wall was begun in 122 A.D. and finished later.",
        "122 A.D.",
        D,
        "0122",
    ),
    // A part of the day with "late" or "early" before it.
    (
        Pub::Day("2013-03-22"),
        "By late afternoon the crowd had left.",
        "late afternoon",
        T,
        "2013-03-22TAF",
    ),
    (
        Pub::Day("2013-03-22"),
        "Early morning raids killed two.",
        "Early morning",
        T,
        "2013-03-22TMO",
    ),
    (
        Pub::Day("2013-03-22"),
        "The gunmen struck late at night.",
        "late at night",
        T,
        "2013-03-22TNI",
    ),
    // "a quarter of a century" is 25 years; "a quarter of an hour" 15 minutes.
    (
        Pub::Day("2013-03-22"),
        "Nearly a quarter of a century passed.",
        "Nearly a quarter of a century",
        Du,
        "P25Y",
    ),
    (
        Pub::Day("2013-03-22"),
        "He waited a quarter of an hour.",
        "a quarter of an hour",
        Du,
        "PT15M",
    ),
    (
        Pub::Day("2013-03-22"),
        "The mill lost money for several quarters of falling sales.",
        "several quarters",
        Du,
        "PXM",
    ),
    // "the night before": the day before the story's, as "the next morning" is the day after.
    (
        Pub::Day("2013-03-22"),
        "The dam burst on March 3. The night before, it had rained for hours.",
        "The night before",
        D,
        "2013-03-02",
    ),
    // "the year ended well" is the year; "the year ended March 31" a report's twelve months.
    (
        Pub::Day("2013-11-22"),
        "The year ended well for the bank.",
        "The year",
        D,
        "2013",
    ),
    (
        Pub::Day("2013-11-22"),
        "Revenue for the year ended March 31 rose.",
        "the year",
        Du,
        "P1Y",
    ),
];
#[test]
fn expression_table() {
    let mut failures = Vec::new();
    for &(published, text, expr, kind, value) in TABLE {
        let t = find(text, published, expr);
        if t.kind != kind || t.value != value {
            failures.push(format!(
                "{text:?}: {expr:?} gave {} {}, expected {} {value}",
                t.kind.name(),
                t.value,
                kind.name()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn unresolved_values_are_flagged_and_undated() {
    let t = find("He spoke on April 23 in Astana.", Pub::None, "April 23");
    assert!(!t.resolved);
    assert_eq!(t.day, None);
    let t = find("He spoke yesterday.", Pub::EdmVolume(4), "yesterday");
    assert!(!t.resolved);
    let t = find(
        "He spoke on April 23 in Astana.",
        Pub::EdmVolume(4),
        "April 23",
    );
    assert!(t.resolved);
    assert_eq!(t.day, Date::new(2007, 4, 23));
    // An expression of the story's year whose day is not known: its value, unresolved.
    let unresolved = |text: &str, expr: &str, value: &str| {
        let t = find(text, Pub::Day("2012-06-13"), expr);
        assert_eq!(t.value, value, "{expr}");
        assert!(!t.resolved, "{expr}");
        assert_eq!(t.day, None, "{expr}");
    };
    // The story's last day is in another year than the one it moved to: no week is known.
    unresolved(
        "The markets fell on March 3, 2011. In 2009 the talks began. The following Monday, they stalled.",
        "The following Monday",
        "2009-WXX-1",
    );
    // Nor is its day: "the next day" is some day of that year.
    unresolved(
        "The markets fell on March 3, 2011. In 2009 the mayor resigned. The next day, his deputy took over.",
        "The next day",
        "2009-XX-XX",
    );
    // "The day before last Tuesday's hearing" puts the story in this year again.
    let t = find(
        "In 1990 he left. The day before last Tuesday's hearing, he returned. He testified the next morning.",
        Pub::Day("2000-02-24"),
        "the next morning",
    );
    assert_eq!(t.value, "2000-02-23");
}

#[test]
fn day_is_the_first_day_of_the_period() {
    let cases = [
        ("They met this week.", "this week", (2007, 4, 23)),
        (
            "Profit will rise in the third quarter.",
            "the third quarter",
            (2007, 7, 1),
        ),
        ("It happened in 1998.", "1998", (1998, 1, 1)),
        ("The vote is due in June.", "June", (2007, 6, 1)),
    ];
    for (text, expr, (y, m, d)) in cases {
        assert_eq!(
            find(text, Pub::Day("2007-04-27"), expr).day,
            Date::new(y, m, d),
            "{expr}"
        );
    }
    assert_eq!(
        find(
            "It will last for two years.",
            Pub::Day("2007-04-27"),
            "two years"
        )
        .day,
        None
    );
}

#[test]
fn labels_read_like_a_person_would_write_them() {
    let cases = [
        ("He gave a briefing on April 23.", "April 23", "Apr 23 2007"),
        (
            "It will last for the next two years.",
            "the next two years",
            "2 years",
        ),
        (
            "The exercise is held every year.",
            "every year",
            "every year",
        ),
        (
            "Repairs will take two and a half years.",
            "two and a half years",
            "2 years 6 months",
        ),
        (
            "The hearing ran an hour and a half.",
            "an hour and a half",
            "1 hour 30 minutes",
        ),
        ("Tariffs fell in the 1980s.", "the 1980s", "1980s"),
        (
            "Such an action is unacceptable in the 21st century.",
            "the 21st century",
            "21st century",
        ),
        ("The envoy waited for a while.", "a while", "some time"),
        (
            "Flights leave each Thursday.",
            "each Thursday",
            "every Thursday",
        ),
        ("They met this week.", "this week", "week 17 2007"),
        (
            "Profit rose in the first quarter.",
            "the first quarter",
            "Q1 2007",
        ),
        ("Officials recently said so.", "recently", "the past"),
        (
            "He spoke this morning.",
            "this morning",
            "Apr 27 2007 morning",
        ),
        ("It happened in the 1990s.", "the 1990s", "1990s"),
        ("Rome burned in 390 BC.", "390 BC", "390 BC"),
    ];
    for (text, expr, label) in cases {
        assert_eq!(
            timeline::label(&find(text, Pub::Day("2007-04-27"), expr)),
            label,
            "{expr}"
        );
    }
    let t = find("He spoke on April 23.", Pub::None, "April 23");
    assert_eq!(timeline::label(&t), "Apr 23 (year unknown)");
}

#[test]
fn spans_are_exact_slices_in_multibyte_text() {
    let text =
        "Қазақстан — on April 23 🇰🇿 the minister said, “every year” and for the next two years.";
    let d = doc(text, Pub::Day("2007-04-27"));
    let all = timeline::extract(&d);
    let texts: Vec<&str> = all.iter().map(|t| t.span.slice(d.text())).collect();
    assert_eq!(texts, ["April 23", "every year", "the next two years"]);
    for t in &all {
        assert!(d.text().is_char_boundary(t.span.start) && d.text().is_char_boundary(t.span.end));
    }
}

#[test]
fn odd_input_never_panics() {
    let inputs = [
        "",
        "9",
        "April",
        "April 31",
        "Feb. 29, 2007",
        "the 99th century",
        "99999999999999999999 years",
        "at 25:99 p.m.",
        "the the the",
        "last",
        "every",
        "'",
        "’80s",
        "1/2/",
        "2007-13-45",
        "Tuesday,",
        "mid-",
        "the year-ago",
        "a",
        "nineteen",
        "the end of",
        "Қ 12 Қ",
    ];
    for s in inputs {
        for p in [Pub::Day("2007-04-27"), Pub::EdmVolume(4), Pub::None] {
            let d = doc(s, p);
            for t in timeline::extract(&d) {
                assert!(t.span.end <= d.text().len());
                let _ = timeline::label(&t);
            }
        }
    }
}

/// Random word salad from temporal vocabulary never panics and keeps spans on char boundaries.
#[test]
fn word_salad_never_panics() {
    const WORDS: [&str; 40] = [
        "the",
        "last",
        "next",
        "year",
        "years",
        "ago",
        "earlier",
        "April",
        "23",
        "1990s",
        "'",
        "s",
        "a",
        "week",
        "Tuesday",
        "night",
        "at",
        "10:35",
        "p",
        ".",
        "m",
        "-",
        "/",
        "2007",
        "quarter",
        "third",
        "every",
        "each",
        "fiscal",
        "mid",
        "early",
        "of",
        "Қазақстан",
        "—",
        "🇰🇿",
        "day",
        "before",
        "99999",
        "1/2",
        "Election",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..30 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
            text.push(if (seed >> 20).is_multiple_of(3) {
                ' '
            } else {
                '\u{a0}'
            });
        }
        for p in [Pub::Day("2008-02-29"), Pub::EdmVolume(4), Pub::None] {
            let d = doc(&text, p);
            for t in timeline::extract(&d) {
                assert!(d.text().get(t.span.start..t.span.end).is_some(), "{text:?}");
                let _ = timeline::label(&t);
            }
        }
    }
}

#[test]
fn build_orders_events_by_day() {
    let d = doc(
        "The treaty was signed on April 23, 2005. He spoke yesterday. It began in 1998. Officials recently said so.",
        Pub::Day("2007-04-27"),
    );
    let events = timeline::build(&d);
    let values: Vec<&str> = events.iter().map(|e| e.value()).collect();
    assert_eq!(values, ["1998", "2005-04-23", "2007-04-26", "PAST_REF"]);
}

/// The shared sample brief, when the shared material is present.
fn shared_brief() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|p| root.join(p).join("briefs/kazakhstan-csto-2007.txt"))
        .find(|p| p.is_file())
}

#[test]
#[cfg_attr(not(folio_shared), ignore = "needs ../shared (or FOLIO_SHARED)")]
fn shared_brief_dates() {
    let Some(path) = shared_brief() else {
        eprintln!("skipped: ../shared/briefs is absent");
        return;
    };
    let d = folio::document::read_file(&path).expect("shared brief reads");
    assert_eq!(d.published().year, Some(2007));
    let all = timeline::extract(&d);
    let get = |expr: &str| all.iter().find(|t| t.span.slice(d.text()) == expr);
    let april = get("April 23").expect("April 23 is found");
    assert_eq!(
        (april.kind, april.value.as_str(), april.resolved),
        (TimexType::Date, "2007-04-23", true)
    );
    let every = get("every year").expect("every year is found");
    assert_eq!((every.kind, every.value.as_str()), (TimexType::Set, "P1Y"));
    let next = all
        .iter()
        .find(|t| t.span.slice(d.text()).ends_with("two years"))
        .expect("two years is found");
    assert_eq!(
        (next.kind, next.value.as_str()),
        (TimexType::Duration, "P2Y")
    );
    let today = get("today").expect("today is found");
    assert!(
        today.value == "PRESENT_REF" || today.value.starts_with("2007"),
        "today: {}",
        today.value
    );
}

/// The number after a month-day is the span's last day only when it counts forward and
/// is not a quantity: "rose on March 3 to 9%" names one day.
#[test]
fn span_ends_are_days_only_when_they_count_forward() {
    for (text, day) in [
        ("Shares rose on March 3 to 9% of the float.", "March 3"),
        ("Stocks fell on March 3 to 9 cents.", "March 3"),
        ("The index rose on March 3-9 points.", "March 3"),
        ("Rates rose on March 3 to 9 percent.", "March 3"),
        (
            "From March 13 to 9 other cities, the tour went on.",
            "March 13",
        ),
    ] {
        let d = doc(text, Pub::Day("2007-04-27"));
        let found: Vec<&str> = timeline::extract(&d)
            .iter()
            .map(|t| t.span.slice(d.text()))
            .collect();
        assert_eq!(found, [day], "{text:?}");
    }
}

/// A capitalized word and "time" after a clock time are a zone only where a place's
/// time could stand: "This time" opens the next sentence.
#[test]
fn zones_in_words_stop_at_the_next_sentence() {
    for (text, time) in [
        (
            "The game began at 8 p.m. This time, the fans stayed.",
            "8 p.m.",
        ),
        ("It ended at 5 p.m. Half time was long.", "5 p.m."),
        ("He was seen at 6 a.m. Some time later he left.", "6 a.m."),
    ] {
        let d = doc(text, Pub::Day("2007-04-27"));
        let found: Vec<&str> = timeline::extract(&d)
            .iter()
            .map(|t| t.span.slice(d.text()))
            .collect();
        assert_eq!(found, [time], "{text:?}");
    }
}

#[test]
fn lookalikes_are_not_dates() {
    let texts = [
        "A 48-year-old man and a five-year-old boy were hurt.",
        "He told CBS's 60 Minutes that he would stay.",
        "The Communist Party daily Granma printed it.",
        "It was a scene from High Noon.",
        "Thousands joined the March for Life.",
        "You may go when you like.",
        "He paid $1990 for 2000 shares.",
        "She came a second time, with a quarter of the votes.",
        "The H1N1 virus spread, H1 visas ran out and the Q3x model sold well.",
        "Rebels struck in the early hours of the night.",
        "Quarters of the old city were dark.",
        "Dial 2012-4455 for tickets.",
        "Her office is on the 5th floor.",
        "The quarter-to-quarter comparison flattered the mill.",
        "The sisters shared the last half of the cake.",
        "The bank raised the overnight rate and called it an overnight success.",
        "A three-year-old girl was found safe.",
        "The dollar traded at 1.10-1.12 euros.",
        "Rates rose 8.30 percent, and 3.45 of them fell.",
        "At the last minute, in the last hour of the talks, they agreed.",
        "The vote went 20-19 and 5 to 3 in committee.",
        "It was the turn of the tide.",
        "This time the ministers agreed.",
        "The Ramadan Foundation issued a statement.",
        "Eid passed quietly.",
        "On the eve of the election, the party rallied.",
        "Chinese officials and a lunar probe drew crowds.",
        "In today's world, many of today's phones are made abroad.",
        "She spoke of the leaders of tomorrow.",
        "He won the second day of the race and lost the first day of it.",
        "It was the dawn of a new era, Dawn Price wrote, and the sunset of an old one.",
        "Once in a while a ship called; at some time, a ferry will.",
        "He told USA Today and VOA Today about it.",
        "Baker spoke on ABC's \"This Week\" and \"This Week With David Brinkley.\"",
        "The fall of the Berlin Wall changed Europe.",
        "After the fall of Mosul, troops regrouped; the spring of Prague was brief.",
        "The Council adopted Resolution 2118, then Resolutions 2254 and 2139.",
        "Flight 1549 landed safely.",
        "Britain gave $4 million to the Future of Babylon project.",
        "More than a quarter of its sales are abroad; about a quarter of the vote was lost.",
        "Three quarters of the members agreed.",
    ];
    for text in texts {
        let d = doc(text, Pub::Day("2007-04-27"));
        let found: Vec<&str> = timeline::extract(&d)
            .iter()
            .map(|t| t.span.slice(d.text()))
            .collect();
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}
