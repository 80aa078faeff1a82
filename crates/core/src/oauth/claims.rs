//! The claims the app reads from tokens: the ID token's account claims (who signed in) with the
//! checks that bind it to this sign-in, and hints from the access token.
//!
//! The ID token comes straight from the token endpoint over verified TLS, so its signature is
//! not checked (<https://learn.microsoft.com/entra/identity-platform/id-tokens#validate-tokens>;
//! decoding in [`super::jwt`]). What *is* checked: `nonce` equals the one this sign-in sent
//! (constant-time) and `aud` equals our client id. Claims used
//! (<https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference>): `oid` +
//! `tid` as the account key, `preferred_username` / `email` / `upn` to compare with the typed
//! address, `tid` to recognise personal Microsoft accounts. Whether the account that signed in
//! is the right one is the assistant's decision (`assistant::signin::identity`).

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::findings::{Finding, FindingCode, Param};
use crate::provider::domains::CONSUMER_TENANT_ID;

/// The claims the app uses from an ID token. Nothing here is secret; `nonce` is skipped when
/// serialising so it never reaches a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdClaims {
    /// Object id of the user in the tenant (GUID).
    #[serde(default)]
    pub oid: Option<String>,
    /// Tenant id (GUID).
    #[serde(default)]
    pub tid: Option<String>,
    /// The sign-in name, usually the UPN (mutable; display and hints only).
    #[serde(default)]
    pub preferred_username: Option<String>,
    /// The email claim, when the account has one (not verified).
    #[serde(default)]
    pub email: Option<String>,
    /// The UPN optional claim.
    #[serde(default)]
    pub upn: Option<String>,
    /// Google: the Workspace domain of the account (absent for consumer Gmail).
    #[serde(default)]
    pub hd: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Issuer.
    #[serde(default)]
    pub iss: Option<String>,
    /// Audience(s): must contain our client id.
    #[serde(default, deserialize_with = "super::jwt::one_or_many")]
    pub aud: Vec<String>,
    /// The nonce echoed back.
    #[serde(default, skip_serializing)]
    pub nonce: Option<String>,
    /// Expiry, seconds since the epoch.
    #[serde(default)]
    pub exp: Option<i64>,
}

/// Why an ID token could not be read ([`IdClaims::decode_unverified`]).
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct IdTokenError(IdTokenKind);

#[derive(Debug, thiserror::Error)]
enum IdTokenKind {
    /// Not three base64url parts.
    #[error("the ID token {0}")]
    NotJwt(&'static str),
    /// The payload is not JSON.
    #[error("the ID token payload is not JSON ({0})")]
    NotJson(serde_json::Error),
    /// The payload is JSON but not an object.
    #[error("the ID token payload is not a JSON object")]
    NotObject,
    /// A claim has the wrong type.
    #[error("the ID token payload is not the expected JSON ({0})")]
    Unexpected(serde_json::Error),
}

impl IdTokenError {
    /// `ID_TOKEN_INVALID`, saying what is wrong with the token.
    pub fn finding(&self) -> Finding {
        Finding::new(FindingCode::IdTokenInvalid).with(Param::Problem, self.to_string())
    }
}

impl IdClaims {
    /// Decodes the payload of a JWT without checking its signature.
    ///
    /// # Errors
    /// [`IdTokenError`] when the token is not a decodable JWT.
    pub fn decode_unverified(jwt: &str) -> Result<IdClaims, IdTokenError> {
        let bytes = super::jwt::payload(jwt).map_err(|e| IdTokenError(IdTokenKind::NotJwt(e)))?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| IdTokenError(IdTokenKind::NotJson(e)))?;
        if !value.is_object() {
            return Err(IdTokenError(IdTokenKind::NotObject));
        }
        serde_json::from_value(value).map_err(|e| IdTokenError(IdTokenKind::Unexpected(e)))
    }

    /// Checks `nonce` (constant-time; when the flow sent one) and `aud` against this sign-in.
    ///
    /// # Errors
    /// `ID_TOKEN_INVALID` naming what did not match.
    pub fn check(&self, expected_nonce: Option<&str>, client_id: &str) -> Result<(), Finding> {
        let invalid = |problem: &str| {
            Finding::new(FindingCode::IdTokenInvalid).with(Param::Problem, crate::l10n::tr(problem))
        };
        if let Some(expected) = expected_nonce {
            let nonce_ok: bool = self
                .nonce
                .as_deref()
                .is_some_and(|n| n.as_bytes().ct_eq(expected.as_bytes()).into());
            if !nonce_ok {
                return Err(invalid("detail-token-nonce-mismatch"));
            }
        }
        if !self.aud.iter().any(|a| a.eq_ignore_ascii_case(client_id)) {
            return Err(
                invalid("detail-token-other-audience").with_evidence(format!("aud={:?}", self.aud))
            );
        }
        Ok(())
    }

    /// The best name for the signed-in account, for messages.
    pub fn account_name(&self) -> String {
        self.preferred_username
            .clone()
            .or_else(|| self.email.clone())
            .or_else(|| self.upn.clone())
            .or_else(|| self.name.clone())
            .unwrap_or_else(|| "an account without a name".into())
    }

    /// True for a personal Microsoft account (consumer tenant).
    pub fn is_personal_account(&self) -> bool {
        self.tid.as_deref() == Some(CONSUMER_TENANT_ID)
    }
}

/// Audiences of Exchange Online access tokens, national clouds too (test
/// `field_f06_graph_token_is_flagged_opaque_is_not` below).
const EXCHANGE_AUDIENCES: &[&str] = &[
    "https://outlook.office.com",
    "https://outlook.office365.com",
    "00000002-0000-0ff1-ce00-000000000000",
    "https://outlook.office365.us",
    "https://partner.outlook.cn",
];

/// What an access token says about itself, as a diagnostic hint only: Microsoft treats access
/// tokens as opaque to clients
/// (<https://learn.microsoft.com/entra/identity-platform/access-tokens>), so an undecodable
/// token is never an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenHint {
    /// Not a JWT (e.g. personal accounts' tokens): not checked.
    Opaque,
    /// A token for Exchange mail, with its delegated scopes.
    Exchange {
        /// The `scp` claim.
        scp: String,
    },
    /// A token for another service (e.g. `https://graph.microsoft.com`).
    WrongResource(String),
}

impl TokenHint {
    /// A short description for progress details.
    pub fn describe(&self) -> String {
        match self {
            TokenHint::Opaque => crate::l10n::tr("detail-step-token-opaque"),
            TokenHint::Exchange { scp } => crate::l10n::tr_with(
                "detail-step-token-exchange",
                &[("scopes", scp.clone().into())],
            ),
            TokenHint::WrongResource(aud) => {
                crate::l10n::tr_with("detail-step-token-for", &[("audience", aud.clone().into())])
            }
        }
    }
}

/// Reads `aud` and `scp` from an access token if it is a readable JWT.
pub fn access_token_hint(token: &str) -> TokenHint {
    #[derive(Deserialize)]
    struct Access {
        #[serde(default)]
        aud: Option<String>,
        #[serde(default)]
        scp: Option<String>,
    }
    let Ok(bytes) = super::jwt::payload(token) else {
        return TokenHint::Opaque;
    };
    match serde_json::from_slice::<Access>(&bytes) {
        Ok(Access {
            aud: Some(aud),
            scp,
        }) => {
            if EXCHANGE_AUDIENCES
                .iter()
                .any(|a| a.eq_ignore_ascii_case(aud.trim_end_matches('/')))
            {
                TokenHint::Exchange {
                    scp: scp.unwrap_or_default(),
                }
            } else {
                TokenHint::WrongResource(aud)
            }
        }
        _ => TokenHint::Opaque,
    }
}

/// The claims of an access token a report may show (as Entra names them:
/// <https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference>): who, which
/// tenant, for which service, which permissions, until when — never the token itself. Read
/// without verifying the signature, for display only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenClaims {
    /// Tenant id.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tid: Option<String>,
    /// Object id of the user.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub oid: Option<String>,
    /// User principal name (or `preferred_username` / `unique_name` when absent).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub upn: Option<String>,
    /// Delegated permissions, space separated.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub scp: Option<String>,
    /// Audience: the service the token is for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub aud: Option<String>,
    /// Expiry, seconds since the epoch.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub exp: Option<u64>,
}

impl TokenClaims {
    /// The claims of `token` when it is a readable JWT; `None` for opaque tokens (personal
    /// accounts, Google).
    pub fn read(token: &str) -> Option<TokenClaims> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            tid: Option<String>,
            #[serde(default)]
            oid: Option<String>,
            #[serde(default)]
            upn: Option<String>,
            #[serde(default)]
            preferred_username: Option<String>,
            #[serde(default)]
            unique_name: Option<String>,
            #[serde(default)]
            scp: Option<String>,
            #[serde(default)]
            aud: Option<serde_json::Value>,
            #[serde(default)]
            exp: Option<u64>,
        }
        let bytes = super::jwt::payload(token).ok()?;
        let raw: Raw = serde_json::from_slice(&bytes).ok()?;
        let aud = match raw.aud {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Array(a)) => Some(
                a.iter()
                    .filter_map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            _ => None,
        };
        Some(TokenClaims {
            tid: raw.tid,
            oid: raw.oid,
            upn: raw.upn.or(raw.preferred_username).or(raw.unique_name),
            scp: raw.scp,
            aud,
            exp: raw.exp,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(payload: &str) -> String {
        crate::oauth::jwt::unsigned(payload, 0)
    }

    #[test]
    fn nonce_and_audience_are_checked() {
        let c = IdClaims::decode_unverified(&jwt(r#"{"aud":"client-1","nonce":"n1"}"#)).unwrap();
        assert!(c.check(Some("n1"), "client-1").is_ok());
        assert_eq!(
            c.check(Some("n2"), "client-1").unwrap_err().code,
            FindingCode::IdTokenInvalid
        );
        assert!(
            c.check(Some("n1"), "client-2")
                .unwrap_err()
                .explanation
                .contains("another app")
        );
        let no_nonce = IdClaims::decode_unverified(&jwt(r#"{"aud":["client-1"]}"#)).unwrap();
        assert!(no_nonce.check(Some("n1"), "client-1").is_err());
    }

    #[test]
    fn field_f06_graph_token_is_flagged_opaque_is_not() {
        let graph = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ0aWQiOiI8dGVuYW50LWlkPiIsInVwbiI6InVzZXJAZXhhbXBsZS5lZHUiLCJzY3AiOiJVc2VyLlJlYWQiLCJleHAiOjE4OTM0NTYwMDB9.";
        assert_eq!(
            access_token_hint(graph),
            TokenHint::WrongResource("https://graph.microsoft.com".into())
        );
        let exchange = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSIsInRpZCI6Ijx0ZW5hbnQtaWQ-IiwidXBuIjoidXNlckBleGFtcGxlLmVkdSIsInNjcCI6IklNQVAuQWNjZXNzQXNVc2VyLkFsbCBTTVRQLlNlbmQiLCJleHAiOjE4OTM0NTYwMDB9.";
        assert_eq!(
            access_token_hint(exchange),
            TokenHint::Exchange {
                scp: "IMAP.AccessAsUser.All SMTP.Send".into()
            }
        );
        assert_eq!(
            access_token_hint("EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA"),
            TokenHint::Opaque
        );
        assert_eq!(access_token_hint("a.b"), TokenHint::Opaque);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in ["", "abc", "a.!!!.c", "a.bm90IGpzb24.c", "a.W10.c"] {
            assert!(IdClaims::decode_unverified(bad).is_err(), "{bad}");
        }
        let f = IdClaims::decode_unverified("a.W10.c")
            .unwrap_err()
            .finding();
        assert_eq!(f.code, FindingCode::IdTokenInvalid);
        assert!(
            f.explanation
                .contains("the ID token payload is not a JSON object"),
            "{f:?}"
        );
    }

    #[test]
    fn nonce_never_serialises() {
        let c = IdClaims {
            nonce: Some("n".into()),
            tid: Some(CONSUMER_TENANT_ID.into()),
            ..Default::default()
        };
        assert!(!serde_json::to_string(&c).unwrap().contains("nonce"));
        assert!(c.is_personal_account());
    }
}
