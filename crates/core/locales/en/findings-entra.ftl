## Findings: entra. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

app-bad-auth-request = { $provider } refused the sign-in request
    .explanation = { $provider } said the sign-in request was not valid ({ $problem }). This is a configuration problem of the app or its settings, not a user mistake.
    .step-1 = Check the sign-in settings ([microsoft] or [google]): authority, tenant and client_id.
    .step-2 = Report the evidence below to the app's maintainers.

app-redirect-not-registered = The app's sign-in return address is not registered
    .explanation = Microsoft refused to send the sign-in back to the app because the redirect URI the app uses is not registered on the app registration { $client_id } (AADSTS50011). Users cannot fix this.
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → the Mail Setup Assistant registration ({ $client_id }).
    .step-2 = Authentication → Add a platform → Mobile and desktop applications → add exactly the redirect URI from the settings (http://localhost, or http://127.0.0.1 via the manifest). The port does not matter; the path and host do.
    .step-3 = Remove any "Web" or "Single-page application" entries for localhost with the same path.

app-registration-not-public-client = The app registration is set up as a web app
    .explanation = Microsoft treated this desktop app as a confidential web app and asked for a client secret (AADSTS7000218). A desktop app must be registered as a public client.
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → the Mail Setup Assistant registration ({ $client_id }).
    .step-2 = Authentication: move the redirect URI from "Web" to "Mobile and desktop applications" (delete the Web entry).
    .step-3 = Authentication → Advanced settings: set "Allow public client flows" to Yes.
    .step-4 = Never put a client secret into the app for this: desktop apps cannot keep it secret.

app-registration-is-public-client = The app sent a secret to a public app registration
    .explanation = The app registration is a public client, so Microsoft refuses a client secret (AADSTS700025).
    .step-1 = Remove the client secret from the Mail Setup Assistant settings and vault, then sign in again.

app-registration-is-spa = The app's return address is registered as a single-page app
    .explanation = Microsoft refused to hand the tokens to a desktop app because the redirect URI is registered under "Single-page application" (AADSTS9002327).
    .step-1 = Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → the Mail Setup Assistant registration ({ $client_id }).
    .step-2 = Authentication: delete the redirect URI under "Single-page application" and add it under "Mobile and desktop applications".

app-not-found-in-tenant = Microsoft does not know this app in your organisation
    .explanation = The client ID { $client_id } was not found in the tenant { $tenant } (AADSTS700016). Either the ID is mistyped, the tenant is wrong, or the app was never consented in this organisation.
    .step-1 = Compare client_id in the settings with the Application (client) ID on the registration's Overview page.
    .step-2 = Check the tenant in the settings.
    .step-3 = If the registration lives in another tenant, make it multi-tenant and grant admin consent here.

app-scope-config = The app asked Microsoft for the wrong permissions
    .explanation = Microsoft refused the requested permissions (scopes): { $problem }. A token can be for one service only; mail needs the https://outlook.office.com/ permissions.
    .step-1 = Check any scope overrides in the settings; remove Microsoft Graph scopes such as User.Read from the mail sign-in.

admin-consent-required = An administrator must approve this app first
    .explanation = Your organisation lets only administrators approve apps that read and send mail ("Need admin approval"). Users cannot continue until an administrator grants consent.
    .step-1 = An administrator opens { $authority }/{ $tenant }/adminconsent?client_id={ $client_id } and accepts.
    .step-2 = Or: Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent.
    .step-3 = Then the user signs in again.

personal-account-not-allowed = This is a personal Microsoft account
    .explanation = The account used is a personal Microsoft account (Outlook.com, Hotmail, Live), but this setup is for work or school accounts.
    .step-1 = If this is your work or school mailbox, sign in with the work or school account instead (use a private window if the browser keeps choosing the personal one).
    .step-2 = If it really is a personal Outlook.com/Hotmail mailbox, start again with that address: the app then uses the sign-in for personal accounts.
    .admin-explanation = A personal Microsoft account was used with a work or school registration (AADSTS50020/500208).
    .admin-step-1 = If personal Outlook.com mailboxes must be supported, provide the Outlook.com setup with its own app registration that allows personal accounts.

account-not-in-tenant = Microsoft did not find that account in your organisation
    .explanation = The account does not exist in the organisation the app signs in to ({ $tenant }).
    .step-1 = Check the spelling of the address.
    .step-2 = Helpdesk: confirm the user exists in the tenant named in the settings.
    .admin-explanation = The account is not a member of the tenant the app signs in to ({ $tenant }) (AADSTS50034/50020/90072).
    .admin-step-1 = Confirm the user exists in this tenant, or invite them as a guest.
    .admin-step-2 = Check the tenant in the app's settings ([microsoft] tenant).

tenant-not-found = The organisation (tenant) in the settings does not exist
    .explanation = Microsoft does not know the tenant { $tenant } (AADSTS90002).
    .step-1 = Correct tenant in the [microsoft] settings (a tenant ID, a verified domain, or organizations).

national-cloud-mismatch = The app is set up for another Microsoft cloud than this organisation
    .explanation = This organisation's Microsoft 365 is in another Microsoft cloud than the one the app is set up for ({ $problem }). Sign-in, permissions and mail servers must all come from the organisation's cloud: a worldwide app registration or server does not work in the US Government or China clouds, and the other way round.
    .step-1 = In the settings file, set [microsoft] cloud to the organisation's cloud ("usgov" for GCC High and DoD, "china" for 21Vianet, "global" for the worldwide service), and remove any authority or [servers] lines that name another cloud.
    .step-2 = Register the app in that cloud's Entra admin center (a registration of another cloud is not found there) and put its client ID into client_id.
    .step-3 = Users then sign in again.

mfa-required = Confirm your sign-in with your second step
    .explanation = Your organisation now asks for your second sign-in step (for example the Authenticator app) before the app may use your mail, because of a new policy or because you signed in from a new place. The saved sign-in cannot do that on its own; your settings are kept.
    .step-1 = Sign in again as { $mailbox } (Sign in in the app, or `mailsetup signin { $mailbox }`) and complete the second step in the browser.
    .admin-explanation = A Conditional Access policy or per-user MFA now requires multi-factor authentication for Exchange Online (AADSTS50076/50074/50078); the user must complete it interactively once.
    .admin-step-1 = Entra admin center → Monitoring → Sign-in logs: the sign-in names the policy that required MFA.

mfa-setup-required = Set up your second sign-in step first
    .explanation = Your organisation requires a second sign-in step (for example the Microsoft Authenticator app or a text message), and none is set up for your account yet. Until it is, Microsoft does not let the app use your mail; your settings are kept.
    .step-1 = Go to https://aka.ms/mfasetup, sign in and add a method (the Microsoft Authenticator app, or your phone number).
    .step-2 = Then sign in again in the app.
    .admin-explanation = The user must register multi-factor authentication methods before signing in (AADSTS50079/50072/53004).
    .admin-step-1 = Entra admin center → Protection → Authentication methods → Policies: make sure a method is enabled for the user.
    .admin-step-2 = If they cannot register alone (no phone, a new device), issue a Temporary Access Pass.
    .admin-step-3 = AADSTS53010: the organisation only lets methods be registered from certain places or devices; the user registers from there.

blocked-by-policy = Your organisation's security policy blocked the sign-in
    .explanation = A Conditional Access policy, security defaults or a device rule stopped this sign-in ({ $problem }).
    .step-1 = Entra admin center → Monitoring → Sign-in logs → find this sign-in → Conditional Access tab: see which policy applied.
    .step-2 = Exclude the app or the user, or meet the policy's conditions (for example a managed device).

account-blocked = The account cannot sign in right now
    .explanation = Microsoft says the account is locked, disabled or needs a new password ({ $problem }).
    .step-1 = If you changed or forgot your password, reset it first.
    .step-2 = Otherwise ask the helpdesk to check the account in the Microsoft 365 admin center.
    .admin-explanation = Microsoft says the account is locked, disabled, or its password expired or must change ({ $problem }).
    .admin-step-1 = Microsoft 365 admin center → Users → Active users → the user: unblock sign-in or reset the password.
    .admin-step-2 = Entra admin center → Monitoring → Sign-in logs: look at the failure reason and any risk detections.

minor-consent-required = This account is marked as a minor: consent must be recorded first
    .explanation = Microsoft blocked the sign-in because the account belongs to a person the organisation has marked as a minor, and no consent for them to use apps is recorded (AADSTS54000/50015).
    .step-1 = Once consent is obtained as your rules require: Entra admin center → Users → the user → Properties → Parental controls: set "Consent provided for minor" (and check "Age group").
    .step-2 = Then the user signs in again.

org-sign-in-setup-failed = Your organisation's own sign-in set-up reported a problem
    .explanation = Microsoft handed part of the sign-in to something the organisation runs or configures — a federation server such as AD FS, the pass-through authentication agents, seamless single sign-on, certificate sign-in or an external multi-factor service — and it failed ({ $problem }). Users cannot fix this.
    .step-1 = Entra admin center → Monitoring → Sign-in logs: find this sign-in (trace ID in the evidence) and read its failure reason.
    .step-2 = Check the part the code names: AD FS or the other identity provider, the Microsoft Entra Connect authentication agents, seamless SSO's computer account, or the certificate authorities for certificate sign-in.

user-not-assigned = This user is not allowed to use the app
    .explanation = The app is set to "assignment required" and the user is not assigned to it (AADSTS50105).
    .step-1 = Entra admin center → Enterprise applications → the app → Users and groups → Add user/group.

token-store-authority-mismatch = The saved sign-in was renewed at the wrong place
    .explanation = The saved sign-in belongs to another Microsoft tenant than the one the app asked (AADSTS7000012). This is an app configuration problem, not a user mistake.
    .step-1 = Remove the account in the app and sign in again.
    .step-2 = Check that the tenant in the settings did not change since the account was added.

reauth-policy = Your organisation requires you to sign in again
    .explanation = Your organisation's security policy asks everyone to sign in again regularly (sign-in frequency). This is expected, not a fault.
    .step-1 = Sign in again as { $mailbox }: Sign in in the app, or `mailsetup signin { $mailbox }`.
    .admin-explanation = A Conditional Access sign-in frequency policy sets how often users must sign in again (AADSTS70043).
    .admin-step-1 = Entra admin center → Protection → Conditional Access → the policy with Session → Sign-in frequency: adjust it if the interval is too short for mail apps.

client-secret-invalid = The app registration's client secret is not accepted
    .explanation = Microsoft refused the client secret stored for the app registration { $client_id }: it is wrong (often the secret's ID was copied instead of its value) or it has expired ({ $problem }).
    .step-1 = Entra admin center → App registrations → { $client_id } → Certificates & secrets: create a new client secret and copy its Value (not the Secret ID).
    .step-2 = Enter it in the app's Admin page, or run: mailsetup admin set-client-secret
    .step-3 = Better: register the app as a public client (Mobile and desktop applications) so no secret is needed.

app-permissions-missing = The app registration does not list the mail permissions
    .explanation = Microsoft refused because the app registration { $client_id } does not include the permissions the app asks for, or consent for them is missing ({ $problem }).
    .step-1 = Entra admin center → App registrations → { $client_id } → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Delegated: SMTP.Send, IMAP.AccessAsUser.All.
    .step-2 = Also add Microsoft Graph → openid, profile, email, offline_access, then Grant admin consent.

app-disabled = The app is disabled in your organisation
    .explanation = Microsoft says the app { $client_id } is disabled in the tenant ({ $problem }).
    .step-1 = Entra admin center → Enterprise applications → the app → Properties → Enabled for users to sign in: Yes → Save.

app-single-tenant-endpoint = The app registration only works with your organisation's own address
    .explanation = The registration { $client_id } is single-tenant, or the request needs a specific tenant, but the app used a shared endpoint such as /common or /consumers ({ $problem }).
    .step-1 = Set tenant in the [microsoft] settings to your tenant ID or verified domain (not common or consumers).

