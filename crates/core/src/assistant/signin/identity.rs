//! The identity stage's policy: is the account that signed in the one asked for? The same
//! account continues; a related account of the same organisation (an alias, a sign-in name that
//! differs from the mail address) waits for the person's confirmation; another organisation, a
//! personal Microsoft account for a work mailbox, or an administrator's account is refused and
//! nothing is stored (tests: `field_f04_*`, `field_f12_*` below).

use super::grant::{Grant, id_claims};
use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};
use crate::oauth::claims::IdClaims;

/// A sign-in the identity stage lets through.
pub(in crate::assistant) struct Accepted {
    /// The ID token's claims.
    pub claims: IdClaims,
    /// For a related account: who signed in (the person must confirm it).
    pub related: Option<String>,
}

impl Accepted {
    /// The step's line.
    pub fn detail(&self) -> String {
        match &self.related {
            None => crate::l10n::tr_with(
                "detail-step-signed-in-as",
                &[("account", self.claims.account_name().to_string().into())],
            ),
            Some(who) => crate::l10n::tr_with(
                "detail-step-signed-in-confirm",
                &[("account", who.to_string().into())],
            ),
        }
    }
}

/// A sign-in the identity stage stops.
pub(super) struct Rejected {
    /// Why, for the person.
    pub finding: Finding,
    /// Who signed in, when the ID token said (for the page the browser shows).
    pub signed_in: Option<String>,
}

/// The identity stage: decodes and checks the ID token, then compares the account with the one
/// expected.
pub(super) fn judge(
    expected: Expected<'_>,
    grant: &Grant,
    nonce: Option<&str>,
    client_id: &str,
    provider: &str,
) -> Result<Accepted, Rejected> {
    let claims = id_claims(grant, nonce, client_id).map_err(|finding| Rejected {
        finding,
        signed_in: None,
    })?;
    match match_account(expected, &claims) {
        AccountMatch::Same => Ok(Accepted {
            claims,
            related: None,
        }),
        AccountMatch::Related { signed_in } => Ok(Accepted {
            claims,
            related: Some(signed_in),
        }),
        AccountMatch::Refused { signed_in, reason } => Err(Rejected {
            finding: refusal_finding(expected.account, &signed_in, reason)
                .with_if_used(Param::Provider, provider),
            signed_in: Some(signed_in),
        }),
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

/// Compares the signed-in account with the expected one (tests `field_f04_*`, `field_f12_*`).
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
        .with_if_used(Param::Mailbox, expected.display())
        .with_if_used(Param::SignedIn, signed_in)
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
    use crate::provider::domains::CONSUMER_TENANT_ID;

    fn jwt(payload: &str) -> String {
        crate::oauth::jwt::unsigned(payload, 0)
    }

    #[test]
    fn field_f04_admin_token_for_sender_mailbox_is_a_mismatch() {
        // An unsigned payload: the tenant admin's token used for the sender's mailbox, the
        // failure reported in https://github.com/tarickb/sasl-xoauth2/issues/43.
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
}
