//! The error contract with the page: a command fails with a finding, serialised exactly as
//! core's `Finding` (`{code, audience, title, explanation, steps[], evidence?, docUrl?}`). The
//! page switches on `code` and never parses text. Pinned by the tests below.

use mailsetup_core::findings::Finding;
use serde::Serialize;

/// A command failure, sent to the page as a finding.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct CommandError(pub Finding);

impl From<Finding> for CommandError {
    fn from(f: Finding) -> Self {
        CommandError(f.finish())
    }
}

impl From<mailsetup_core::address::AddressError> for CommandError {
    fn from(e: mailsetup_core::address::AddressError) -> Self {
        CommandError::from(Finding::from(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mailsetup_core::address::Address;

    #[test]
    fn command_error_json_is_the_finding_shape() {
        let err = CommandError::from(Address::parse("Ann <ann@example.edu>").unwrap_err());
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "INVALID_ADDRESS");
        assert_eq!(json["audience"], "user");
        assert_eq!(json["title"], "That is not an email address we can use");
        assert!(
            json["explanation"]
                .as_str()
                .unwrap()
                .contains("without a name")
        );
        assert!(json["steps"].as_array().is_some_and(|s| !s.is_empty()));
    }
}
