## Findings: google. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

gmail-app-password-required = That is your Google password; Gmail needs an App Password here
    .explanation = Your Google account has 2-Step Verification, so mail programs must use a 16-letter App Password instead of your normal password.
    .step-1 = Go to https://myaccount.google.com/apppasswords (sign in if asked).
    .step-2 = Create an App Password named "Mail Setup Assistant" and copy the 16 letters.
    .step-3 = Paste them into the app's password field (spaces do not matter).

gmail-bad-app-password = Google rejected the App Password
    .explanation = Google did not accept the App Password: it is mistyped, or it was revoked (changing your Google password revokes all App Passwords).
    .step-1 = Create a new App Password at https://myaccount.google.com/apppasswords.
    .step-2 = Paste it into the app (spaces do not matter) and try again.
    .step-3 = Check that the username is the full address.

gmail-not-an-app-password = This is not a Google App Password
    .explanation = Google refused the password, and it does not look like an App Password (16 letters that Google shows once when you create one). It is probably your Google account password: Google does not accept that in mail apps.
    .step-1 = Create an App Password at https://myaccount.google.com/apppasswords (2-Step Verification must be on for your Google account).
    .step-2 = Paste the 16 letters Google shows into the app (spaces do not matter) and try again.

gmail-web-login-required = Google wants you to confirm the sign-in in a browser first
    .explanation = Google blocked this sign-in as unusual until you confirm it on the web.
    .step-1 = Sign in to Gmail in a web browser on this computer and confirm it was you if Google asks.
    .step-2 = Then try again here, using an App Password or the Google sign-in.

google-sign-in-not-configured = "Sign in with Google" is not set up for this app
    .explanation = To sign in with Google, the app needs an OAuth client of your organisation. None is configured; Gmail and Google Workspace mailboxes can still use an App Password.
    .step-1 = In the Google Cloud console (APIs & Services → Credentials), create an OAuth client ID of type "Desktop app".
    .step-2 = On the OAuth consent screen, add the scope https://mail.google.com/ (a restricted scope: for use outside your own Workspace, Google's verification is required), and publish the app: in "Testing" status refresh tokens expire after 7 days.
    .step-3 = Put the client id into the settings file, [google] client_id, and store the client's secret in the vault with: mailsetup admin set-client-secret --google.

google-app-blocked-by-admin = Your organisation's Google administrator does not allow this app
    .explanation = Google refused because the organisation's Google Workspace administrator decides which apps may use its Google data, and this app (OAuth client { $client_id }) may not read and send mail (admin_policy_enforced).
    .step-1 = Google Admin console (admin.google.com) → Security → Access and data control → API controls → Manage third-party app access → Add app → OAuth App Name Or Client ID → search for { $client_id }
    .step-2 = Choose the app and set its access to Trusted for the users or organisational units who need it (Gmail is a restricted service: Limited is not enough when Gmail is set to Restricted under API controls → Google services).
    .step-3 = Then the user signs in again.

google-app-not-configured = Your school's Google Workspace has not set up this app for this account
    .explanation = Google Workspace for Education blocks every app an administrator has not reviewed for accounts designated as under 18, and this app (OAuth client { $client_id }) has no access setting yet (access_not_configured). The person can only ask for access; an administrator must decide.
    .step-1 = Google Admin console (admin.google.com) → Security → Access and data control → API controls → Manage third-party app access → Add app → OAuth App Name Or Client ID → search for { $client_id }
    .step-2 = Choose the app and set its access (Trusted, as it reads and sends mail) for the organisational units of these users.
    .step-3 = Your organisation is responsible for any parental consent it needs before allowing apps for users under 18.
    .step-4 = Then the user signs in again.

google-app-internal-only = This app only accepts accounts of its own Google organisation
    .explanation = The Google sign-in of this app is set to "Internal": only accounts of the organisation that owns it may sign in, and the account used is not one of them (org_internal).
    .step-1 = Sign in with your organisation's Google account (your work or school address); use a private window if the browser keeps choosing another account.
    .admin-explanation = The OAuth client { $client_id } belongs to a Google Cloud project whose audience (user type) is Internal.
    .admin-step-1 = If accounts outside the organisation must use it: Google Cloud console → Google Auth Platform → Audience → make the app External (then publish it; Gmail access needs Google's verification for the public).

google-client-invalid = Google does not accept the app's OAuth client
    .explanation = Google did not accept the OAuth client in the settings ({ $client_id }): its ID or secret is wrong, or it may not sign in this way ({ $problem }).
    .step-1 = Google Cloud console → Google Auth Platform → Clients: check that { $client_id } exists in the project and is of type "Desktop app".
    .step-2 = Store its current client secret again: Admin page in the app, or `mailsetup admin set-client-secret --google`.
    .step-3 = Then the user signs in again.

google-client-deleted = The app's Google OAuth client was deleted
    .explanation = The OAuth client { $client_id } named in the settings was deleted in its Google Cloud project, by someone or automatically because it was unused (deleted_client). Nobody can sign in with it until it is restored or replaced.
    .step-1 = Google Cloud console → Google Auth Platform → Clients → Deleted clients: restore { $client_id } (possible for 30 days after the deletion).
    .step-2 = Otherwise create a new client of type "Desktop app", put its ID into the settings ([google] client_id) and store its secret with `mailsetup admin set-client-secret --google`.
    .step-3 = Then users sign in again.

google-client-not-desktop = The Google OAuth client is not a desktop app client
    .explanation = Google refused the address the sign-in returns to (redirect_uri_mismatch): the OAuth client { $client_id } is not of type "Desktop app", so it does not accept the app's local return address (http://127.0.0.1 with a port chosen at each sign-in).
    .step-1 = Google Cloud console → Google Auth Platform → Clients → Create client → Application type: Desktop app.
    .step-2 = Put its client ID into the settings ([google] client_id) and store its secret with `mailsetup admin set-client-secret --google`.

google-app-unverified = Google blocks this app until its Google project is ready for these users
    .explanation = The app's Google project (client { $client_id }) is in "Testing" and this account is not one of its test users, or it asks for Gmail access — a restricted permission — without having finished Google's verification (Error 403: access_denied).
    .step-1 = Google Cloud console → Google Auth Platform → Audience: for a trial, add the account as a test user (sign-ins of test users expire after 7 days).
    .step-2 = For everyone: publish the app and complete Google's verification for the https://mail.google.com/ scope; for one Google Workspace organisation only, make the app Internal instead (no verification needed).

google-advanced-protection = Google's Advanced Protection blocks this app for your account
    .explanation = Your Google Account is in Google's Advanced Protection Program, which lets only Google's own apps and a few checked ones use your Gmail (policy_enforced). This app cannot be allowed for the account while the protection is on.
    .step-1 = Use Gmail in the browser or in Google's own apps with this account.
    .step-2 = Or, if your account may leave the programme, turn Advanced Protection off in your Google Account's security settings, then sign in again.

google-scope-not-granted = The Google sign-in did not allow access to your mail
    .explanation = On Google's permission page the box that lets the app read and send your mail was not ticked, so the app cannot use your mailbox. Nothing was saved.
    .step-1 = Sign in again and, on Google's page, tick "Read, compose, send and permanently delete all your email from Gmail" before you continue.

