//! The ID token: who signed in, and does that match the mailbox being set up.
//!
//! The ID token comes straight from the token endpoint over verified TLS, so its signature is
//! not checked (a public client talking directly to Entra need not validate it; facts §4.1,
//! Microsoft's access-token docs). What *is* checked: `nonce` equals the one this sign-in sent
//! (constant-time) and `aud` equals our client id. Claims used (facts §4.1): `oid` + `tid` as the
//! account key, `preferred_username` / `email` / `upn` to compare with the typed address, `tid`
//! to recognise personal Microsoft accounts.

use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize};
use subtle::ConstantTimeEq;

use crate::address::Address;
use crate::findings::{Finding, FindingCode};

/// The tenant id of personal Microsoft accounts (facts §1.1, §4.1).
pub const CONSUMER_TENANT_ID: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";

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
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Issuer.
    #[serde(default)]
    pub iss: Option<String>,
    /// Audience(s): must contain our client id.
    #[serde(default, deserialize_with = "one_or_many")]
    pub aud: Vec<String>,
    /// The nonce echoed back.
    #[serde(default, skip_serializing)]
    pub nonce: Option<String>,
    /// Expiry, seconds since the epoch.
    #[serde(default)]
    pub exp: Option<i64>,
}

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    })
}

impl IdClaims {
    /// Decodes the payload of a JWT without checking its signature.
    ///
    /// # Errors
    /// A text for the evidence when the token is not a decodable JWT.
    pub fn decode_unverified(jwt: &str) -> Result<IdClaims, String> {
        let payload = jwt
            .split('.')
            .nth(1)
            .ok_or("the ID token is not a JWT (no payload part)")?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload.trim_end_matches('='))
            .map_err(|_| "the ID token payload is not base64url")?;
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| format!("the ID token payload is not JSON ({e})"))?;
        if !value.is_object() {
            return Err("the ID token payload is not a JSON object".into());
        }
        serde_json::from_value(value)
            .map_err(|e| format!("the ID token payload is not the expected JSON ({e})"))
    }

    /// Checks `nonce` (constant-time) and `aud` against this sign-in.
    ///
    /// # Errors
    /// `ID_TOKEN_INVALID` naming what did not match.
    pub fn check(&self, expected_nonce: &str, client_id: &str) -> Result<(), Finding> {
        let invalid =
            |problem: &str| Finding::new(FindingCode::IdTokenInvalid).with("problem", problem);
        let nonce_ok: bool = self
            .nonce
            .as_deref()
            .is_some_and(|n| n.as_bytes().ct_eq(expected_nonce.as_bytes()).into());
        if !nonce_ok {
            return Err(invalid("its nonce does not match this sign-in"));
        }
        if !self.aud.iter().any(|a| a.eq_ignore_ascii_case(client_id)) {
            return Err(invalid("it was issued for another app (audience)")
                .with_evidence(format!("aud={:?}", self.aud)));
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

/// How the signed-in account relates to the mailbox being set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountMatch {
    /// The same mailbox (case-insensitive match on `preferred_username`, `email` or `upn`).
    Same,
    /// Another account signed in.
    Different {
        /// Who actually signed in.
        signed_in: String,
    },
}

/// Compares the signed-in account with the typed mailbox address (field case F04).
pub fn match_account(mailbox: &Address, claims: &IdClaims) -> AccountMatch {
    let names = [&claims.preferred_username, &claims.email, &claims.upn];
    if names
        .iter()
        .filter_map(|n| n.as_deref())
        .any(|n| mailbox.same_mailbox(n))
    {
        AccountMatch::Same
    } else {
        AccountMatch::Different {
            signed_in: claims.account_name(),
        }
    }
}

/// The finding for a sign-in as the wrong account: who signed in, who was expected, what to do.
pub fn wrong_account_finding(mailbox: &Address, signed_in: &str) -> Finding {
    Finding::new(FindingCode::SignedInAsDifferentAccount)
        .with("mailbox", mailbox.display())
        .with("signed_in", signed_in)
        .with_evidence(format!(
            "expected {} · signed in {}",
            mailbox.normalized(),
            signed_in
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(payload: &str) -> String {
        let b = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.sig", b(r#"{"alg":"RS256","typ":"JWT"}"#), b(payload))
    }

    #[test]
    fn field_f04_admin_token_for_sender_mailbox_is_a_mismatch() {
        // The field case's unsigned sample payload, verbatim.
        let claims = IdClaims::decode_unverified("x.eyJ0aWQiOiI8dGVuYW50LWlkPiIsInByZWZlcnJlZF91c2VybmFtZSI6ImFkbWluQGV4YW1wbGUuZWR1Iiwib2lkIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAxIn0.y").unwrap();
        let mailbox = Address::parse("sender@example.edu").unwrap();
        assert_eq!(
            match_account(&mailbox, &claims),
            AccountMatch::Different {
                signed_in: "admin@example.edu".into()
            }
        );
        let f = wrong_account_finding(&mailbox, "admin@example.edu");
        assert_eq!(f.code, FindingCode::SignedInAsDifferentAccount);
        assert!(
            f.title.contains("admin@example.edu") && f.title.contains("sender@example.edu"),
            "{}",
            f.title
        );
        assert!(f.steps.iter().any(|s| s.contains("private")));
    }

    #[test]
    fn same_account_ignores_case_and_uses_email_or_upn() {
        let mailbox = Address::parse("Ann.Lee@Example.edu").unwrap();
        let c =
            IdClaims::decode_unverified(&jwt(r#"{"preferred_username":"ANN.LEE@example.EDU"}"#))
                .unwrap();
        assert_eq!(match_account(&mailbox, &c), AccountMatch::Same);
        let c = IdClaims::decode_unverified(&jwt(
            r#"{"preferred_username":"alee@corp.example","email":"ann.lee@example.edu"}"#,
        ))
        .unwrap();
        assert_eq!(match_account(&mailbox, &c), AccountMatch::Same);
        let c = IdClaims::decode_unverified(&jwt(r#"{"name":"Ann"}"#)).unwrap();
        assert_eq!(
            match_account(&mailbox, &c),
            AccountMatch::Different {
                signed_in: "Ann".into()
            }
        );
    }

    #[test]
    fn nonce_and_audience_are_checked() {
        let c = IdClaims::decode_unverified(&jwt(r#"{"aud":"client-1","nonce":"n1"}"#)).unwrap();
        assert!(c.check("n1", "client-1").is_ok());
        assert_eq!(
            c.check("n2", "client-1").unwrap_err().code,
            FindingCode::IdTokenInvalid
        );
        assert!(
            c.check("n1", "client-2")
                .unwrap_err()
                .explanation
                .contains("another app")
        );
        let no_nonce = IdClaims::decode_unverified(&jwt(r#"{"aud":["client-1"]}"#)).unwrap();
        assert!(no_nonce.check("n1", "client-1").is_err());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in ["", "abc", "a.!!!.c", "a.bm90IGpzb24.c", "a.W10.c"] {
            assert!(IdClaims::decode_unverified(bad).is_err(), "{bad}");
        }
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
