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

/// The decoded payload of a compact JWT: the middle of its three base64url parts (RFC 7519
/// §3, RFC 7515 §7.1). The signature is not checked.
///
/// # Errors
/// The end of a sentence about the token: `is not a JWT (no payload part)` or
/// `payload is not base64url`.
fn jwt_payload(token: &str) -> Result<Vec<u8>, &'static str> {
    let mut parts = token.split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("is not a JWT (no payload part)");
    };
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| "payload is not base64url")
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
        Finding::new(FindingCode::IdTokenInvalid).with("problem", self.to_string())
    }
}

impl IdClaims {
    /// Decodes the payload of a JWT without checking its signature.
    ///
    /// # Errors
    /// [`IdTokenError`] when the token is not a decodable JWT.
    pub fn decode_unverified(jwt: &str) -> Result<IdClaims, IdTokenError> {
        let bytes = jwt_payload(jwt).map_err(|e| IdTokenError(IdTokenKind::NotJwt(e)))?;
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
        let invalid =
            |problem: &str| Finding::new(FindingCode::IdTokenInvalid).with("problem", problem);
        if let Some(expected) = expected_nonce {
            let nonce_ok: bool = self
                .nonce
                .as_deref()
                .is_some_and(|n| n.as_bytes().ct_eq(expected.as_bytes()).into());
            if !nonce_ok {
                return Err(invalid("its nonce does not match this sign-in"));
            }
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

/// Audiences of Exchange Online access tokens (facts §2.2; field case F06), national clouds too.
const EXCHANGE_AUDIENCES: &[&str] = &[
    "https://outlook.office.com",
    "https://outlook.office365.com",
    "00000002-0000-0ff1-ce00-000000000000",
    "https://outlook.office365.us",
    "https://partner.outlook.cn",
];

/// What an access token says about itself, as a diagnostic hint only: Microsoft treats access
/// tokens as opaque to clients (facts §2.2), so an undecodable token is never an error.
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
            TokenHint::Opaque => {
                "mail permissions granted (the access token itself is opaque)".into()
            }
            TokenHint::Exchange { scp } => format!("token for Exchange mail: {scp}"),
            TokenHint::WrongResource(aud) => format!("token for {aud}"),
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
    let Ok(bytes) = jwt_payload(token) else {
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

/// The claims of an access token a report may show (facts §4.1, issue 4): who, which
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
        let bytes = jwt_payload(token).ok()?;
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

/// How the signed-in account relates to the account the app asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountMatch {
    /// The same account (case-insensitive match on `preferred_username`, `email` or `upn`).
    Same,
    /// Another name in the same organisation: an alias, or a sign-in name (UPN) that differs
    /// from the mail address. The person is asked to confirm; never a silent pass, never a
    /// hard refusal.
    Related {
        /// Who actually signed in.
        signed_in: String,
    },
    /// Not acceptable: nothing is stored.
    Refused {
        /// Who actually signed in.
        signed_in: String,
        /// Why.
        reason: Refusal,
    },
}

/// Why a signed-in account is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// An account of another organisation (tenant).
    OtherTenant,
    /// A personal Microsoft account for a work or school mailbox.
    PersonalAccount,
    /// An administrator's account (e.g. the IT person helping), never a mailbox's sign-in.
    AdminAccount,
}

/// What the signed-in account is compared with.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// The account that should sign in (the mailbox, or the delegate of a shared mailbox).
    pub account: &'a Address,
    /// The organisation's tenant id, when known (settings or discovery).
    pub tenant_id: Option<&'a str>,
    /// Accounts the administrator listed as never acceptable (normalised).
    pub admin_accounts: &'a [String],
    /// Whether the expected account is itself a personal Microsoft account.
    pub personal: bool,
}

/// Local parts that name administrator accounts rather than people's mailboxes.
const ADMIN_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "globaladmin",
    "tenantadmin",
    "itadmin",
    "sysadmin",
    "root",
    "postmaster",
    "o365admin",
    "m365admin",
];

/// True when `name` looks like an administrator account or is listed as one.
pub fn is_admin_account(name: &str, listed: &[String]) -> bool {
    let Ok(addr) = Address::parse(name) else {
        return false;
    };
    if listed.iter().any(|a| a == addr.normalized()) {
        return true;
    }
    let local = addr.local_part();
    ADMIN_NAMES.contains(&local)
        || ["admin.", "admin-", "admin_", "adm.", "adm-", "adm_"]
            .iter()
            .any(|p| local.starts_with(p))
        || [".admin", "-admin", "_admin", ".adm", "-adm"]
            .iter()
            .any(|p| local.ends_with(p))
}

/// Compares the signed-in account with the expected one (field cases F04, F12; issue 3 item 5).
pub fn match_account(expected: Expected<'_>, claims: &IdClaims) -> AccountMatch {
    let names = [&claims.preferred_username, &claims.email, &claims.upn];
    if names
        .iter()
        .filter_map(|n| n.as_deref())
        .any(|n| expected.account.same_mailbox(n))
    {
        return AccountMatch::Same;
    }
    let signed_in = claims.account_name();
    let refuse = |reason| AccountMatch::Refused {
        signed_in: signed_in.clone(),
        reason,
    };
    if claims.is_personal_account() && !expected.personal {
        return refuse(Refusal::PersonalAccount);
    }
    if is_admin_account(&signed_in, expected.admin_accounts) {
        return refuse(Refusal::AdminAccount);
    }
    // The organisation: Entra's tenant id, or Google's Workspace domain (`hd`).
    let organisation = claims.tid.as_deref().or(claims.hd.as_deref());
    let same_tenant = match (expected.tenant_id, organisation) {
        (Some(want), Some(got)) => want.eq_ignore_ascii_case(got),
        // A known organisation and an account without one (consumer Gmail): not the same.
        (Some(_), None) => false,
        // Without a known tenant, the same domain is the best evidence of one organisation.
        _ => Address::parse(&signed_in).is_ok_and(|a| a.domain() == expected.account.domain()),
    };
    if same_tenant {
        AccountMatch::Related { signed_in }
    } else {
        refuse(Refusal::OtherTenant)
    }
}

/// The finding for a refused sign-in: who signed in, who was expected, what to do.
pub fn refusal_finding(expected: &Address, signed_in: &str, reason: Refusal) -> Finding {
    let code = match reason {
        Refusal::OtherTenant => FindingCode::SignedInAsDifferentAccount,
        Refusal::PersonalAccount => FindingCode::PersonalAccountNotAllowed,
        Refusal::AdminAccount => FindingCode::SignedInAsAdmin,
    };
    Finding::new(code)
        .with("mailbox", expected.display())
        .with("signed_in", signed_in)
        .with_evidence(format!(
            "expected {} · signed in {}",
            expected.normalized(),
            signed_in
        ))
}

/// The finding for a sign-in as the wrong account (another organisation or unknown).
pub fn wrong_account_finding(mailbox: &Address, signed_in: &str) -> Finding {
    refusal_finding(mailbox, signed_in, Refusal::OtherTenant)
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
        let expected = Expected {
            account: &mailbox,
            tenant_id: Some("<tenant-id>"),
            admin_accounts: &[],
            personal: false,
        };
        assert_eq!(
            match_account(expected, &claims),
            AccountMatch::Refused {
                signed_in: "admin@example.edu".into(),
                reason: Refusal::AdminAccount
            }
        );
        let f = refusal_finding(&mailbox, "admin@example.edu", Refusal::AdminAccount);
        assert_eq!(f.code, FindingCode::SignedInAsAdmin);
        assert!(f.title.contains("sender@example.edu"), "{}", f.title);
        let f = wrong_account_finding(&mailbox, "admin@example.edu");
        assert_eq!(f.code, FindingCode::SignedInAsDifferentAccount);
        assert!(
            f.title.contains("admin@example.edu") && f.title.contains("sender@example.edu"),
            "{}",
            f.title
        );
        assert!(f.steps.iter().any(|s| s.contains("private")));
    }

    fn expect<'a>(a: &'a Address, tenant: Option<&'a str>) -> Expected<'a> {
        Expected {
            account: a,
            tenant_id: tenant,
            admin_accounts: &[],
            personal: false,
        }
    }

    #[test]
    fn same_account_ignores_case_and_uses_email_or_upn() {
        let mailbox = Address::parse("Ann.Lee@Example.edu").unwrap();
        let c =
            IdClaims::decode_unverified(&jwt(r#"{"preferred_username":"ANN.LEE@example.EDU"}"#))
                .unwrap();
        assert_eq!(
            match_account(expect(&mailbox, None), &c),
            AccountMatch::Same
        );
        let c = IdClaims::decode_unverified(&jwt(
            r#"{"preferred_username":"alee@corp.example","email":"ann.lee@example.edu"}"#,
        ))
        .unwrap();
        assert_eq!(
            match_account(expect(&mailbox, None), &c),
            AccountMatch::Same
        );
    }

    #[test]
    fn field_f04_same_tenant_other_name_asks_other_tenant_refuses() {
        let mailbox = Address::parse("ann.lee@example.edu").unwrap();
        let alias = IdClaims::decode_unverified(&jwt(
            r#"{"preferred_username":"alee@example.onmicrosoft.com","tid":"T1"}"#,
        ))
        .unwrap();
        assert_eq!(
            match_account(expect(&mailbox, Some("t1")), &alias),
            AccountMatch::Related {
                signed_in: "alee@example.onmicrosoft.com".into()
            }
        );
        let other = IdClaims::decode_unverified(&jwt(
            r#"{"preferred_username":"ann@other.example","tid":"T2"}"#,
        ))
        .unwrap();
        assert!(matches!(
            match_account(expect(&mailbox, Some("T1")), &other),
            AccountMatch::Refused {
                reason: Refusal::OtherTenant,
                ..
            }
        ));
        // Unknown tenant: the same domain counts as the same organisation, another domain does not.
        let same_domain =
            IdClaims::decode_unverified(&jwt(r#"{"preferred_username":"a.lee@example.edu"}"#))
                .unwrap();
        assert!(matches!(
            match_account(expect(&mailbox, None), &same_domain),
            AccountMatch::Related { .. }
        ));
        let nameless = IdClaims::decode_unverified(&jwt(r#"{"name":"Ann"}"#)).unwrap();
        assert!(matches!(
            match_account(expect(&mailbox, None), &nameless),
            AccountMatch::Refused {
                reason: Refusal::OtherTenant,
                ..
            }
        ));
    }

    #[test]
    fn field_f12_personal_account_is_refused_for_a_work_mailbox() {
        let mailbox = Address::parse("ann@example.edu").unwrap();
        let c = IdClaims::decode_unverified(&jwt(&format!(
            r#"{{"preferred_username":"ann@outlook.com","tid":"{CONSUMER_TENANT_ID}"}}"#
        )))
        .unwrap();
        let m = match_account(expect(&mailbox, None), &c);
        assert!(
            matches!(
                m,
                AccountMatch::Refused {
                    reason: Refusal::PersonalAccount,
                    ..
                }
            ),
            "{m:?}"
        );
        let f = refusal_finding(&mailbox, "ann@outlook.com", Refusal::PersonalAccount);
        assert_eq!(f.code, FindingCode::PersonalAccountNotAllowed);
    }

    #[test]
    fn admin_accounts_by_name_or_list() {
        for name in [
            "admin@example.edu",
            "Administrator@example.edu",
            "admin.jones@example.edu",
            "jones-admin@example.edu",
            "adm-jones@example.edu",
        ] {
            assert!(is_admin_account(name, &[]), "{name}");
        }
        for name in [
            "ann@example.edu",
            "admissions@example.edu",
            "badminton@example.edu",
            "not an address",
        ] {
            assert!(!is_admin_account(name, &[]), "{name}");
        }
        assert!(is_admin_account(
            "IT.Boss@example.edu",
            &["it.boss@example.edu".to_string()]
        ));
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
