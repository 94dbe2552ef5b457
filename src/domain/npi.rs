//! US National Provider Identifier check digit (Luhn over "80840" + NPI).

/// True when `npi` is ten ASCII digits whose last is the Luhn check digit of
/// the prefixed number, as CMS defines it.
pub fn is_valid(npi: &str) -> bool {
    if npi.len() != 10 || !npi.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let digits = "80840".bytes().chain(npi.bytes()).map(|b| u32::from(b - b'0'));
    let digits: Vec<u32> = digits.collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn accepts_the_cms_example_and_rejects_a_changed_digit() {
        assert!(is_valid("1234567893"));
        assert!(!is_valid("1234567890"));
        assert!(!is_valid("123456789"));
        assert!(!is_valid("12345678a3"));
    }
}
