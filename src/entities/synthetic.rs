//! Generated training documents in the shape of wire-service copy: sports
//! pages (results lines, tables, match reports, where a club named after its
//! city, "Leeds 1 Middlesbrough 1", is an organization, a national side a place
//! and a scorer a person) and business and politics pages (companies with their
//! designators, "Boeing Co said", agencies, parties). The open corpora hold
//! almost no such text, so without it the tagger reads every team in a results
//! table as a place and drops companies. Templates are folio's own; names come
//! from the lists under `scripts/` (openfootball clubs, CC0; folio's own teams
//! and news organizations) and the gazetteer. Deterministic.

use super::corpus::{tag_of, Doc, Sentence};
use super::scripts::in_other_alphabet;
use crate::date::WEEKDAYS;

const CLUBS: &str = include_str!("../../scripts/football-clubs.txt");
const TEAMS: &str = include_str!("../../scripts/sports-teams.txt");
const GAZETTEER: &str = include_str!("../../assets/gazetteer.tsv");
const NEWS_ORGS: &str = include_str!("../../scripts/news-organizations.txt");

/// Name pools the templates draw from.
struct Pools {
    clubs: Vec<String>,
    cities: Vec<String>,
    countries: Vec<String>,
    given: Vec<String>,
    surnames: Vec<String>,
    /// News agencies, media, companies and state bodies (folio's own list).
    orgs: Vec<String>,
    /// Parties and international bodies from the gazetteer.
    bodies: Vec<String>,
}

fn pools() -> Pools {
    let lines = |text: &'static str| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    };
    let mut clubs: Vec<String> = lines(CLUBS).map(str::to_string).collect();
    for l in lines(TEAMS) {
        let (city, nick) = l.split_once('|').unwrap_or(("", l));
        clubs.push(format!("{city} {nick}").trim().to_string());
        clubs.push(nick.to_string());
    }
    let mut p = Pools {
        clubs,
        cities: Vec::new(),
        countries: Vec::new(),
        given: Vec::new(),
        surnames: Vec::new(),
        orgs: lines(NEWS_ORGS).map(str::to_string).collect(),
        bodies: Vec::new(),
    };
    for l in GAZETTEER.lines() {
        let Some((tag, name)) = l.split_once('\t') else {
            continue;
        };
        // Plain names only: the templates split names at spaces, and their English
        // copy does not name places in other alphabets.
        if !name.chars().all(|c| c.is_alphabetic() || c == ' ')
            || name.chars().any(in_other_alphabet)
        {
            continue;
        }
        let pool = match tag {
            "P" => &mut p.cities,
            "C" => &mut p.countries,
            "G" => &mut p.given,
            "S" => &mut p.surnames,
            "O" => &mut p.bodies,
            _ => continue,
        };
        pool.push(name.to_string());
    }
    p
}

/// A small deterministic generator (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        v.get(self.below(v.len())).map_or("X", String::as_str)
    }
}

/// A sentence under construction: words and their BIO tags.
#[derive(Default)]
struct Line {
    words: Vec<String>,
    tags: Vec<u8>,
}

impl Line {
    fn word(&mut self, w: impl Into<String>) -> &mut Self {
        self.words.push(w.into());
        self.tags.push(0);
        self
    }

    fn words(&mut self, text: &str) -> &mut Self {
        for w in text.split(' ') {
            self.word(w);
        }
        self
    }

    fn name(&mut self, name: &str, kind: &str) -> &mut Self {
        let (b, i) = (tag_of(&format!("B-{kind}")), tag_of(&format!("I-{kind}")));
        for (k, w) in name.split(' ').filter(|w| !w.is_empty()).enumerate() {
            self.words.push(w.to_string());
            self.tags.push(if k == 0 { b } else { i });
        }
        self
    }

    fn finish(&mut self) -> Sentence {
        Sentence {
            words: std::mem::take(&mut self.words),
            tags: std::mem::take(&mut self.tags),
        }
    }
}

/// A team of a club competition: a listed club, or (as results tables write
/// them) a bare city name; either way an organization.
fn team(r: &mut Rng, p: &Pools) -> (String, &'static str) {
    let name = if r.below(3) == 0 {
        r.pick(&p.cities)
    } else {
        r.pick(&p.clubs)
    };
    (name.to_string(), "ORG")
}

/// A side: mostly a club (organization), sometimes a national side (place).
fn side(r: &mut Rng, p: &Pools, national: bool) -> (String, &'static str) {
    if national {
        (r.pick(&p.countries).to_string(), "LOC")
    } else {
        team(r, p)
    }
}

fn score(r: &mut Rng) -> (usize, usize) {
    (r.below(5), r.below(4))
}

fn scorer(r: &mut Rng, p: &Pools) -> String {
    if r.below(3) == 0 {
        format!("{} {}", r.pick(&p.given), r.pick(&p.surnames))
    } else {
        r.pick(&p.surnames).to_string()
    }
}

const VERBS: [&str; 6] = ["beat", "defeated", "edged", "thrashed", "held", "drew with"];

/// One sentence of a sports page.
fn sentence(r: &mut Rng, p: &Pools, national: bool) -> Sentence {
    let mut l = Line::default();
    let (a, ka) = side(r, p, national);
    let (b, kb) = side(r, p, national);
    let (x, y) = score(r);
    match r.below(10) {
        // "Leeds 1 Middlesbrough 1"
        0 | 1 => {
            l.name(&a, ka)
                .word(x.to_string())
                .name(&b, kb)
                .word(y.to_string());
        }
        // "Arsenal 2 ( Wright 12 , Bergkamp 70 ) Coventry 0"
        2 => {
            l.name(&a, ka).word(x.to_string()).word("(");
            for k in 0..x.clamp(1, 2) {
                if k > 0 {
                    l.word(",");
                }
                l.name(&scorer(r, p), "PER")
                    .word((1 + r.below(90)).to_string());
            }
            l.word(")").name(&b, kb).word(y.to_string());
        }
        // Standings: played, won, drawn, lost, for, against, points.
        3 => {
            l.name(&a, ka);
            for _ in 0..7 {
                l.word(r.below(60).to_string());
            }
        }
        // "Leeds beat Chelsea 2-1 on Saturday ."
        4 | 5 => {
            let verb = VERBS[r.below(VERBS.len())];
            l.name(&a, ka)
                .words(verb)
                .name(&b, kb)
                .word(format!("{x}-{y}"));
            if r.below(2) == 0 {
                l.word("on").word(WEEKDAYS[r.below(7)]);
            } else {
                l.word("in").name(r.pick(&p.cities), "LOC");
            }
            l.word(".");
        }
        // "Sampdoria moved to second in the standings after a 3-0 win over Lazio ."
        6 => {
            l.name(&a, ka)
                .words("moved up in the standings after a")
                .word(format!("{x}-{y}"))
                .words("win over")
                .name(&b, kb)
                .word(".");
        }
        // "Shearer scored twice as Newcastle won 3-1 at Southampton ."
        7 => {
            l.name(&scorer(r, p), "PER")
                .words("scored as")
                .name(&a, ka)
                .word("won")
                .word(format!("{x}-{y}"))
                .word("at")
                .name(&b, kb)
                .word(".");
        }
        // "Cleveland at Toronto" (fixtures) or "Shearer ( Newcastle ) 25"
        8 => {
            if r.below(2) == 0 {
                l.name(&a, ka).word("at").name(&b, kb);
            } else {
                l.name(&scorer(r, p), "PER")
                    .word("(")
                    .name(&a, ka)
                    .word(")")
                    .word((1 + r.below(30)).to_string());
            }
        }
        // "Chelsea lost 1-2 to Leeds in London on Sunday ."
        _ => {
            l.name(&a, ka)
                .word("lost")
                .word(format!("{y}-{x}"))
                .word("to")
                .name(&b, kb)
                .word("in")
                .name(r.pick(&p.cities), "LOC")
                .word(".");
        }
    }
    l.finish()
}

const INDUSTRIES: [&str; 16] = [
    "Motors",
    "Airlines",
    "Electronics",
    "Steel",
    "Petroleum",
    "Mining",
    "Chemicals",
    "Industries",
    "Holdings",
    "Communications",
    "Foods",
    "Bank",
    "Securities",
    "Pharmaceuticals",
    "Resources",
    "Group",
];
const DESIGNATORS: [&str; 12] = [
    "Co", "Corp", "Inc", "Ltd", "Plc", "AG", "SA", "NV", "Co Ltd", "Corp.", "Inc.", "Co.",
];

/// A company name and the short form later sentences use ("Harlow
/// Electronics Inc", "Harlow Electronics").
fn company(r: &mut Rng, p: &Pools) -> (String, String) {
    if r.below(4) == 0 {
        let name = r.pick(&p.orgs).to_string();
        return (name.clone(), name);
    }
    let base = match r.below(6) {
        0 | 1 => r.pick(&p.cities).to_string(),
        2 => (0..2 + r.below(2))
            .map(|_| char::from(b'A' + r.below(26) as u8))
            .collect(),
        _ => r.pick(&p.surnames).to_string(),
    };
    let industry = (r.below(2) == 0).then(|| INDUSTRIES[r.below(INDUSTRIES.len())]);
    let short = match industry {
        Some(i) => format!("{base} {i}"),
        None => base,
    };
    let full = if industry.is_some() && r.below(3) == 0 {
        short.clone()
    } else {
        format!("{short} {}", DESIGNATORS[r.below(DESIGNATORS.len())])
    };
    (full, short)
}

fn person(r: &mut Rng, p: &Pools) -> String {
    format!("{} {}", r.pick(&p.given), r.pick(&p.surnames))
}

/// One sentence of a business or politics page about `firm`.
fn news_sentence(r: &mut Rng, p: &Pools, firm: &str) -> Sentence {
    let mut l = Line::default();
    let n = 1 + r.below(40);
    match r.below(9) {
        0 => {
            l.name(firm, "ORG")
                .words("said on")
                .word(WEEKDAYS[r.below(7)])
                .words("its profit rose")
                .word(n.to_string())
                .words("percent .");
        }
        1 => {
            let verb = if r.below(2) == 0 { "rose" } else { "fell" };
            l.words("Shares of")
                .name(firm, "ORG")
                .word(verb)
                .word(n.to_string())
                .words("cents in")
                .name(r.pick(&p.cities), "LOC")
                .word(".");
        }
        2 => {
            l.name(&person(r, p), "PER")
                .words(", chief executive of")
                .name(firm, "ORG")
                .words(", told")
                .name(r.pick(&p.orgs), "ORG")
                .words("the deal would close on")
                .word(WEEKDAYS[r.below(7)])
                .word(".");
        }
        3 => {
            let (other, _) = company(r, p);
            l.name(firm, "ORG")
                .words("will buy")
                .name(&other, "ORG")
                .words("for")
                .word(n.to_string())
                .words("million dollars , the")
                .name(r.pick(&p.cities), "LOC")
                .words("company said .");
        }
        4 => {
            l.words("The")
                .name(r.pick(&p.bodies), "ORG")
                .words("won")
                .word(n.to_string())
                .words("seats in")
                .name(r.pick(&p.countries), "LOC")
                .words(", officials said .");
        }
        5 => {
            l.name(r.pick(&p.orgs), "ORG")
                .words("quoted")
                .name(&person(r, p), "PER")
                .words("as saying")
                .name(firm, "ORG")
                .words("would cut jobs .");
        }
        6 => {
            l.words("Analysts at")
                .name(firm, "ORG")
                .words("expect the")
                .name(r.pick(&p.bodies), "ORG")
                .words("to gain ground .");
        }
        7 => {
            l.name(firm, "ORG")
                .words(", based in")
                .name(r.pick(&p.cities), "LOC")
                .words(", said demand in")
                .name(r.pick(&p.countries), "LOC")
                .words("was weak .");
        }
        _ => {
            l.name(r.pick(&p.surnames), "PER")
                .words("said")
                .name(firm, "ORG")
                .words("had agreed to talks with the")
                .name(r.pick(&p.bodies), "ORG")
                .word(".");
        }
    }
    l.finish()
}

/// A dateline, as wire copy opens: "LONDON 1997-05-04".
fn dateline(r: &mut Rng, p: &Pools) -> Sentence {
    let mut l = Line::default();
    l.name(&r.pick(&p.cities).to_uppercase(), "LOC")
        .word(format!(
            "{}-0{}-1{}",
            1990 + r.below(30),
            1 + r.below(9),
            r.below(10)
        ));
    l.finish()
}

/// `n` generated business and politics pages of 4 to 9 sentences about two
/// companies each (full names first, short forms after), under the source
/// name `synthetic`.
pub fn news_documents(n: usize) -> Vec<Doc> {
    let p = pools();
    if p.orgs.is_empty() || p.cities.is_empty() || p.bodies.is_empty() {
        return Vec::new();
    }
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    (0..n)
        .map(|i| {
            let firms = [company(&mut r, &p), company(&mut r, &p)];
            let mut sentences = vec![dateline(&mut r, &p)];
            for k in 0..4 + r.below(6) {
                let (full, short) = &firms[r.below(2)];
                let name = if k < 2 { full } else { short };
                sentences.push(news_sentence(&mut r, &p, name));
            }
            Doc {
                source: "synthetic".to_string(),
                id: format!("synthetic/news/{i}"),
                sentences,
            }
        })
        .collect()
}

/// `n` generated sports pages of 6 to 15 sentences, under the source name
/// `synthetic`; one page in five is about national sides.
pub fn documents(n: usize) -> Vec<Doc> {
    let p = pools();
    if p.clubs.is_empty() || p.cities.is_empty() || p.countries.is_empty() {
        return Vec::new();
    }
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|i| {
            let national = r.below(5) == 0;
            let mut sentences = Vec::new();
            sentences.push(dateline(&mut r, &p));
            for _ in 0..6 + r.below(10) {
                sentences.push(sentence(&mut r, &p, national));
            }
            Doc {
                source: "synthetic".to_string(),
                id: format!("synthetic/{i}"),
                sentences,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_tagged_and_deterministic() {
        let a = documents(3);
        let b = documents(3);
        assert_eq!(a.len(), 3);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.sentences.len(), y.sentences.len());
            for (s, t) in x.sentences.iter().zip(&y.sentences) {
                assert_eq!(s.words, t.words);
                assert_eq!(s.words.len(), s.tags.len());
            }
        }
        // Every page has an organization or (national sides) a place tagged.
        for d in &a {
            let tags: Vec<u8> = d.sentences.iter().flat_map(|s| s.tags.clone()).collect();
            assert!(tags.contains(&tag_of("B-ORG")) || tags.contains(&tag_of("B-LOC")));
        }
    }
}
