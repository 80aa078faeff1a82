## Findings: registration. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

registration-not-found = The app { $client_id } does not exist in your organisation
    .explanation = Your organisation ({ $tenant }) has neither an app registration nor an enterprise application with the Application (client) ID { $client_id }, which the app's settings name. Every sign-in will fail with AADSTS700016.
    .step-1 = Check that you signed in to the right organisation: the check reads the organisation of the account you signed in with.
    .step-2 = Compare client_id in the [microsoft] settings with the Application (client) ID on the registration's Overview page; correct the settings, or register the app (App registrations → New registration).
    .step-3 = If the registration belongs to another organisation (a multi-tenant app), an administrator here must consent to it first: open { $link } and accept.

registration-in-other-tenant = The app is registered in another organisation
    .explanation = The app { $client_id } is used in your organisation as an enterprise application, but its registration (platforms, redirect URIs, requested permissions) belongs to another organisation (tenant { $tenant }). Those settings can only be read and changed there.
    .step-1 = Ask an administrator of the organisation that owns the registration (tenant { $tenant }) to run this check there, or to confirm its platform, redirect URI and permissions.
    .step-2 = Or register the app in your own organisation and put its Application (client) ID in the [microsoft] settings.

registration-disabled = The app is disabled in your organisation
    .explanation = The enterprise application { $client_id } is switched off, so nobody can sign in with it (AADSTS7000112).
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → Enterprise applications → remove the "Application type" filter → search for { $client_id }.
    .step-2 = Properties → Enabled for users to sign-in? → Yes → Save.

registration-not-public-client = The registration is not set up for a desktop app
    .explanation = The registration { $client_id } has no "Mobile and desktop applications" platform ({ $problem }). Microsoft then treats the app as a confidential web app and asks for a client secret it cannot keep (AADSTS7000218).
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = Authentication → Add a platform → Mobile and desktop applications → add the redirect URI from the settings → Configure.
    .step-3 = Delete the "Web" and "Single-page application" entries for the same address.
    .step-4 = If the app is meant to stay a "Web" registration with a client secret, set client_type = "confidential" in the [microsoft] settings instead.

registration-public-flows-off = "Allow public client flows" is off
    .explanation = Signing in with a code on another device (for computers without a usable browser) fails with AADSTS7000218 while "Allow public client flows" is off on the registration { $client_id }. Sign-in in the browser is not affected.
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = Authentication → Advanced settings → Allow public client flows → Enable the following mobile and desktop flows: Yes → Save.

registration-secret-not-stored = No client secret is stored on this computer
    .explanation = The settings say the registration { $client_id } is a confidential ("Web") app, so every sign-in must send its client secret, and none is in this computer's password vault.
    .step-1 = Enter the secret's Value on the Administrator settings page, or run: mailsetup admin set-client-secret
    .step-2 = Better: register the app as a public client (Mobile and desktop applications) and set client_type = "public": then no secret is needed on any computer.

registration-no-current-secret = The registration has no valid client secret
    .explanation = The registration { $client_id } is used as a confidential ("Web") app, but { $problem }, so Microsoft refuses every sign-in (AADSTS7000222 for an expired secret).
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = Certificates & secrets → Client secrets → New client secret → copy its Value (not the Secret ID).
    .step-3 = Enter it on the Administrator settings page of every computer, or run: mailsetup admin set-client-secret

registration-secret-refused = Microsoft refused the stored client secret
    .explanation = The app asked Microsoft for a token with the client secret stored on this computer, and Microsoft refused it ({ $problem }). Often the secret's ID was copied instead of its Value, or the secret expired.
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = Certificates & secrets → Client secrets → New client secret → copy its Value (not the Secret ID).
    .step-3 = Enter it on the Administrator settings page, or run: mailsetup admin set-client-secret

registration-redirect-missing = The app's redirect URI { $redirect } is not registered
    .explanation = Microsoft sends the sign-in back to { $redirect } on the person's own computer (any port), and the registration { $client_id } does not list that address under "{ $platform }". Every browser sign-in stops on Microsoft's page with AADSTS50011.
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = Authentication → Add a platform (or the existing "{ $platform }" platform) → add the redirect URI { $redirect } exactly (no port; the path must match) → Save.
    .step-3 = The admin center's box refuses http://127.0.0.1: for that address edit the Manifest instead (the platform's redirectUris), or set redirect = "http://localhost" in the settings and register that.

registration-redirect-wrong-platform = The redirect URI { $redirect } is registered under the wrong platform
    .explanation = The app needs { $redirect } under "{ $platform }", but on the registration { $client_id } { $problem }. Microsoft ignores the port of loopback addresses, takes one of the matching entries and treats the app by that entry's platform: sign-ins fail with AADSTS7000218 (Web) or AADSTS9002327 (Single-page application).
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = Authentication: delete every entry for this address (any port) that is not under "{ $platform }".
    .step-3 = Keep or add { $redirect } under "{ $platform }" → Save.

registration-permissions-missing = The registration does not ask for permissions the app needs
    .explanation = To send and read mail for the person who signs in, the registration { $client_id } must list these delegated permissions, and it does not: { $permissions }. Without them sign-ins end with AADSTS650057 or ask every user for consent the organisation may not allow.
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = API permissions → Add a permission → Microsoft Graph → Delegated permissions → tick { $permissions } → Add permissions.
    .step-3 = Then grant admin consent (the next item of this check).

registration-consent-missing = No administrator has consented to { $permissions }
    .explanation = Nobody granted consent for the whole organisation to { $permissions } for the app { $client_id }. Where users may not consent themselves, every sign-in stops at "Need admin approval" (AADSTS90094 / 65001).
    .step-1 = Open { $link } as an administrator and accept: it grants the permissions the registration lists, for everyone.
    .step-2 = Or: App registrations → the registration → API permissions → Grant admin consent → Yes.
    .step-3 = Permissions the registration does not list yet are not granted by either: add them first (the item above).

registration-permissions-unneeded = The registration has permissions this app never uses
    .explanation = The registration { $client_id } has application permissions: { $permissions }. Application permissions let the app itself, without anyone signing in, use them across the whole organisation (for example read or send every mailbox); anyone who gets its client secret can too. This app only ever acts for the person who signs in, with delegated permissions, so it needs none of them.
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID { $client_id }.
    .step-2 = API permissions → for each of { $permissions }: … → Remove permission → Yes, remove.
    .step-3 = Enterprise applications → the app → Permissions: check that the admin consent for them is gone (revoke it there if it is still listed).

registration-check-forbidden = { $signed_in } may not read the app registrations
    .explanation = Microsoft Graph refused to show the organisation's app registrations to { $signed_in }. The check reads them only, and needs an account with a role that may read them, and consent to read the directory.
    .step-1 = Run the check again and sign in with an account that has the Global Reader, Application Administrator or Cloud Application Administrator role.
    .step-2 = If Microsoft asked for approval to let "Microsoft Graph Command Line Tools" read the directory, an administrator must accept it once.

