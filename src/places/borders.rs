//! Country boundary lines on land (Natural Earth 50m, `assets/borders.txt`),
//! drawn over the coastlines so that inland countries are not one blank.

use std::sync::OnceLock;

static BORDERS: &str = include_str!("../../assets/borders.txt");

/// Every boundary line as (longitude, latitude) points, parsed on first use.
pub fn borders() -> &'static [Vec<(f64, f64)>] {
    static LINES: OnceLock<Vec<Vec<(f64, f64)>>> = OnceLock::new();
    LINES.get_or_init(|| {
        BORDERS
            .lines()
            .map(|line| {
                line.split(' ')
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect()
            })
            .filter(|l: &Vec<(f64, f64)>| l.len() >= 2)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn borders_are_on_the_globe() {
        let lines = super::borders();
        assert!(lines.len() > 100);
        for &(x, y) in lines.iter().flatten() {
            assert!((-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y));
        }
    }
}
