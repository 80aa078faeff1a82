//! Every AADSTS code of Microsoft's published list
//! (<https://learn.microsoft.com/entra/identity-platform/reference-error-codes>, source
//! `MicrosoftDocs/entra-docs` `docs/identity-platform/reference-error-codes.md`) that a mail app
//! signing in with a browser, a device code or a saved refresh token can meet, with the finding
//! that explains it; plus AADSTS9002327 and 500113, which are not in the list but common (test
//! `every_documented_entra_code_has_its_own_finding` in `explain/tests.rs`).
//!
//! Left out on purpose, as a public client never meets them: SAML and WS-Federation messages
//! the app does not send (750xx, 760xx, 90020, 900236, 501241, 50003, 50010), sign-out
//! (50061-50071), client assertions and certificates of confidential apps (50012, 50013,
//! 500133, 700027, 700030, 50048, 700229), on-behalf-of and app-only flows (7000114, 67003),
//! password change and Windows Hello pages that stay in the browser (120000-120021, 130004-
//! 130008), device registration (240001, 240002, 221000), mobile brokers and web views
//! (50199, 220450), LinkedIn (52004) and Microsoft's own infrastructure (230109, 100007,
//! 1000000, 1000002). They, and codes Microsoft adds later, are shown with their code, their
//! description and Microsoft's look-up page (`IDP_ERROR`). AADSTS530033 (not in the list) and
//! AADSTS53003 during the device code flow depend on the flow: `entra.rs` decides them first.

use crate::findings::FindingCode;

use FindingCode as C;

/// What `{problem}` says for a code.
#[derive(Debug, Clone, Copy)]
pub(super) enum Words {
    /// Nothing (the finding's words say it all).
    None,
    /// `AADSTS<n>`.
    Code,
    /// `Microsoft code AADSTS<n>` (where the words read as a reason).
    MsCode,
    /// These words: a message id in `details.ftl`.
    Fixed(&'static str),
}

/// One group of codes with the same finding.
pub(super) struct Known {
    pub codes: &'static [u64],
    pub finding: FindingCode,
    pub words: Words,
}

const fn k(codes: &'static [u64], finding: FindingCode, words: Words) -> Known {
    Known {
        codes,
        finding,
        words,
    }
}

use Words::{Code, Fixed, MsCode, None as Plain};

/// The table; a code is in one row only (pinned by the test `each_code_is_known_once`).
#[rustfmt::skip]
pub(super) const KNOWN: &[Known] = &[
    // The app registration and its redirect address.
    k(&[50011, 500113, 70004], C::AppRedirectNotRegistered, Plain),
    k(&[7000218], C::AppRegistrationNotPublicClient, Plain),
    k(&[700025], C::AppRegistrationIsPublicClient, Plain),
    k(&[7000215, 70002], C::ClientSecretInvalid, Fixed("detail-entra-secret-not-registrations")),
    k(&[7000222], C::ClientSecretInvalid, Fixed("detail-entra-secret-expired")),
    k(&[9002327], C::AppRegistrationIsSpa, Plain),
    k(&[700084], C::AppRegistrationIsSpa, Fixed("detail-entra-spa-token-limit")),
    k(&[700016, 700011], C::AppNotFoundInTenant, Plain),
    k(&[28000, 28002, 28003, 70011, 700022, 700023, 50001], C::AppScopeConfig, Fixed("detail-entra-scopes")),
    k(&[90094, 90095], C::AdminConsentRequired, Plain),
    k(&[65004], C::ConsentDeclined, Plain),
    k(&[7000012, 700005], C::TokenStoreAuthorityMismatch, Plain),
    k(&[500011, 650052], C::ExchangeNotLicensed, Code),
    k(&[650056, 650057, 65005, 650054, 65002, 90008, 90093], C::AppPermissionsMissing, Code),
    k(&[70001, 7000112, 1000031], C::AppDisabled, Code),
    k(&[50194, 9001023, 90124, 90130, 50059, 90019], C::AppSingleTenantEndpoint, Code),
    k(&[501481, 50147, 501491, 900144, 90014, 9002313, 900971, 90102, 70007, 700054, 54005, 50148,
        70018, 70003, 70005, 90004, 90005, 90007, 90015, 90016, 90023, 90027, 90056, 900561, 90100,
        901002, 90101, 90117, 90119, 90121, 50049, 50050, 50169], C::AppBadAuthRequest, Code),
    k(&[1002016], C::TlsFailed, Fixed("detail-entra-old-tls")),
    // National clouds (https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud).
    k(&[900382, 900432], C::NationalCloudMismatch, Fixed("detail-entra-cross-cloud")),
    k(&[90038, 90043, 90051, 1000104], C::NationalCloudMismatch, Fixed("detail-entra-other-cloud")),
    // The account and the policies that apply to it.
    k(&[500208, 9002332], C::PersonalAccountNotAllowed, Plain),
    k(&[50143], C::SignedInAsDifferentAccount, Plain),
    k(&[50034, 90072, 16000, 16003, 50014, 51004, 90084, 90125], C::AccountNotInTenant, Plain),
    k(&[90002, 50029, 50128, 90126], C::TenantNotFound, Plain),
    k(&[50074, 50076, 50078, 50158, 50086], C::MfaRequired, Plain),
    k(&[50072, 50079, 53004, 53010], C::MfaSetupRequired, Plain),
    k(&[53003], C::BlockedByPolicy, Fixed("detail-entra-conditional-access")),
    k(&[530035], C::BlockedByPolicy, Fixed("detail-entra-security-defaults")),
    k(&[530032, 50131, 50097, 50129, 53000, 53001, 53002, 500021, 500022, 500212, 500213, 50002,
        50005, 50099, 50155, 50187, 50127], C::BlockedByPolicy, Code),
    k(&[50053, 50055, 50056, 50057, 50126, 50135, 50064, 50144, 53011, 80012], C::AccountBlocked, Code),
    k(&[50105], C::UserNotAssigned, Plain),
    k(&[54000, 50015], C::MinorConsentRequired, Plain),
    k(&[20001, 20012, 20033, 40008, 40009, 40010, 40015, 50008, 5000819, 50107, 90081, 90082, 90085,
        90086, 90087, 90123, 80001, 80002, 80005, 80007, 80010, 80013, 80014, 81004, 81005, 81006,
        81007, 81009, 81010, 81011, 81012, 50180, 50017, 50192, 220501, 50161, 50166, 50170, 50177,
        50178], C::OrgSignInSetupFailed, Code),
    // The sign-in session: expired, revoked, throttled, or needing the person again.
    k(&[700082, 70008], C::ReauthInactivity, Plain),
    k(&[70043], C::ReauthPolicy, Plain),
    k(&[50173, 50132, 50133, 50089, 50085, 50139], C::ReauthRequired, MsCode),
    // "The refresh token was already used": reuse, not a dead sign-in (crate::locks).
    k(&[70000], C::RefreshTokenReused, Plain),
    k(&[50058, 70016, 700020, 16001, 50125, 51006, 50197, 90013, 9002341], C::InteractiveRequired, Plain),
    k(&[50196, 90055, 50088], C::TooManyRequests, MsCode),
    k(&[70019], C::DeviceCodeExpired, Plain),
    k(&[90120], C::DeviceCodeDeclined, Plain),
    k(&[50000, 50033, 50087, 70012, 90006, 90012, 90024, 90033, 90036, 90090, 90091, 90092, 50134],
        C::IdpTemporaryFailure, Code),
];

/// The row for `n`.
pub(super) fn known(n: u64) -> Option<&'static Known> {
    KNOWN.iter().find(|k| k.codes.contains(&n))
}
