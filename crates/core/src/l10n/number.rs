//! Numbers as the person's language writes them: the separators and grouping of the Unicode
//! CLDR (<https://cldr.unicode.org>), through ICU4X's `icu_decimal` — English `2,411,724` and
//! `0.7`, Spanish `2.411.724` and `0,7` (CLDR's Spanish groups only numbers of five digits and
//! more: `1234`).

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;

use super::Language;

/// `n` with `decimals` digits after the separator (rounded), in the current language.
pub fn number(n: f64, decimals: usize) -> String {
    number_in(super::current(), n, decimals)
}

/// [`number`] in `language`.
pub fn number_in(language: Language, n: f64, decimals: usize) -> String {
    let plain = format!("{n:.decimals$}");
    let tag = match language {
        // The pseudo-locale writes numbers as English does.
        Language::Pseudo => "en",
        other => other.tag(),
    };
    let formatted = tag
        .parse::<icu_locale_core::Locale>()
        .ok()
        .and_then(|locale| DecimalFormatter::try_new(locale.into(), Default::default()).ok())
        .zip(plain.parse::<Decimal>().ok())
        .map(|(formatter, decimal)| formatter.format(&decimal).to_string());
    // Not a finite number, or no data for the language: the plain digits.
    formatted.unwrap_or(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        let en = |n, d| number_in(Language::English, n, d);
        let es = |n, d| number_in(Language::Spanish, n, d);
        assert_eq!(en(2_411_724.0, 0), "2,411,724");
        assert_eq!(es(2_411_724.0, 0), "2.411.724");
        assert_eq!(en(0.7, 1), "0.7");
        assert_eq!(es(0.7, 1), "0,7");
        assert_eq!(en(1234.0, 0), "1,234");
        assert_eq!(es(1234.0, 0), "1234");
        assert_eq!(es(2.3, 1), "2,3");
        assert_eq!(number_in(Language::Pseudo, 1234.5, 1), "1,234.5");
        assert_eq!(en(f64::NAN, 1), "NaN", "not a number: as it is");
    }
}
