## The desktop page (ui/): every word it shows itself. Findings and step words come from the
## other files. Ids start with page-; a variable is written { $name } and the page fills it
## (no plurals or other choices here: the page only puts values in place).

page-app-name = Mail Setup Assistant

## The step list at the top, and words used on several screens.

page-stepper-label = Progress
page-stepper-address = Address
page-stepper-check = Connection
page-stepper-signin = Sign in
page-stepper-verify = Check mail
page-stepper-done = Done
page-common-continue = Continue
page-common-back = Back
page-common-cancel = Cancel
page-common-try-again = Try again
page-common-copy = Copy
page-common-copied = Copied
page-common-select-and-copy = Select and copy

## The word next to each step's mark (✓ ✗ ℹ), and the parts of a finding's card.

page-status-running = Working…
page-status-passed = Passed
page-status-failed = Failed
page-status-info = Note
page-status-not-checked = Not checked
page-step-details = Details
page-finding-for-user = What you can do
page-finding-for-helpdesk = For the helpdesk
page-finding-for-admin = For your IT administrator
page-finding-more = More: { $url }
page-finding-details = Details for the helpdesk

## 1. Address. $account is a mail address.

page-address-heading = Which mailbox do you want to set up?
page-address-intro = Type the email address of the mailbox, for example your own address or a department address like admissions@.
page-address-label = Email address
page-address-shared = This is a shared or department mailbox that I open with my own account
page-address-delegate-label = Your own account (you sign in as)
page-address-shared-help = You sign in with your own account; the app checks that it may read (Full Access) and send as (Send As) the shared mailbox. This works for Microsoft 365 work or school mailboxes.
page-address-accounts-heading = Already set up on this computer
page-address-account-signed-in = signed in
page-address-account-check-failed = last check failed
page-address-account-missing = sign-in missing
page-address-account-shared = shared, via { $account }

## 2. Connection, and the mail server settings typed in by hand. $address is the mailbox,
## $provider who provides it (the core's words).

page-check-heading = Checking the connection
page-check-intro = The app makes sure this computer can reach the mail servers for { $address } ({ $provider }) over secure connections.
page-servers-heading = Mail server settings for { $address }
page-servers-intro = Your mail provider's help pages or your IT team have these settings. The app only uses encrypted connections, so your password never travels unprotected.
page-servers-imap = Incoming mail server (IMAP)
page-servers-smtp = Outgoing mail server (SMTP)
page-servers-host = Server name
page-servers-port = Port
page-servers-imap-example = for example imap.example.com
page-servers-smtp-example = for example smtp.example.com
page-servers-imap-port-hint = Port 993 is the usual one.
page-servers-smtp-port-hint = Port 587 is the usual one; 465 works too.
page-servers-login = Login name (optional)
page-servers-login-hint = Leave this empty if you sign in with your full email address.
page-servers-save = Save and check again
page-servers-change = Change server settings

## 3. Sign in with the browser. $provider is Microsoft or Google, $account the account to sign
## in as, $time minutes and seconds (4:32), $browser a browser's name.

page-signin-with = Sign in with { $provider }
page-signin-heading-app-password = Sign in with a Google App Password
page-signin-heading-password = Sign in with your mailbox password
page-signin-shared-note = Shared mailbox: you sign in with your own account, { $account }.
page-signin-shared-unused = Opening a mailbox with your own account works only for Microsoft 365 work or school mailboxes, so { $account } is not used: sign in as { $address } itself.
page-signin-browser-opens = Your web browser will open { $provider }'s sign-in page. Sign in as { $account }.
page-signin-other-account = If { $provider } offers a different account, choose “Use another account”.
page-signin-no-password = The app never sees your password. It only keeps a sign-in token, in this computer's password vault.
page-signin-shared-open = Is this a shared or department mailbox you open with your own account?
page-signin-waiting = Waiting for you to finish signing in in the browser…
# The name of the panel shown while the app waits for the browser (read by screen readers)
page-signin-waiting-name = Signing in in the browser
# The name of the panel that shows the code to enter on another device (read by screen readers)
page-signin-device-name = Sign in with a code
page-signin-last-minute = One minute left to finish signing in.
page-signin-time-left = Time left to finish signing in: { $time }
page-signin-link-summary = No window? Show the sign-in link
page-signin-link-help = Copy this link into a web browser on this computer (a private window if another account is signed in). It works once, while this page waits:
page-signin-copy-link = Copy the link
page-signin-restart = Open the sign-in again
page-signin-use-code-instead = No browser here? Use a code instead
page-signin-device-open = On any phone or computer, open
page-signin-device-enter = and enter this code:
page-signin-device-as = Sign in there as { $account }. This page continues by itself.
page-signin-confirm-help = If it is someone else's account, choose No: nothing is saved.
page-signin-confirm-no = No, sign in again
page-signin-confirm-yes = Yes, use this account
page-signin-retry-pick = Try again and pick the account
page-signin-private = Use a private window
page-signin-private-browser = Browser for the private window
page-signin-browser-default = { $browser } (default)
page-signin-use-code = No browser here? Use a code
page-signin-use-app-password = Use an App Password instead
page-signin-use-password = Use a password instead
page-signin-why-no-oauth = Why no “Sign in with { $provider }”?

## 3. Sign in with a password: a Google App Password or the mailbox's own password. $term is
## the words "App Password" (page-password-app-term), $name the app's name, $create the word
## of Google's button (page-password-howto-create), $method how the mailbox signs in.

page-password-app-term = App Password
page-password-app-intro = Gmail needs an { $term } for this app. An App Password is a password of 16 letters that Google makes for one mail program. You type it here instead of your Google password, so your real Google password stays private. You can delete it in your Google account at any time.
page-password-howto = How to get one
page-password-howto-2sv = 2-Step Verification must be turned on for your Google account (Google Account → Security → 2-Step Verification).
page-password-howto-open = On any computer or phone, open this address in a web browser and sign in as { $address }:
page-password-howto-create = Create
page-password-howto-name = Type a name such as { $name } and choose { $create }.
page-password-howto-paste = Google shows 16 letters in a yellow box. Type or paste them below.
page-password-missing-heading = No App Password option on that page?
page-password-missing-when = Google does not offer App Passwords when:
page-password-missing-keys = your account uses only security keys (or passkeys) for 2-Step Verification;
page-password-missing-admin = it is a school or work Google account and its administrator turned App Passwords off;
page-password-missing-advanced = your account is in Google's Advanced Protection Program.
page-password-missing-then = Then ask your IT team to set up “Sign in with Google” in this app. Or, for a personal account, add another 2-Step Verification method (such as Google prompts on your phone or an authenticator app) and look again.
page-password-intro = Enter the password of your mailbox. The app checks it with the mail server and keeps it only in this computer's password vault.
page-password-servers = Mail servers
page-password-servers-unknown = not known yet
page-password-servers-imap = Incoming mail (IMAP)
page-password-servers-smtp = Outgoing mail (SMTP)
page-password-servers-login = Login name
page-password-servers-login-address = your email address
page-password-servers-source = Settings from
page-password-app-label = App Password (16 letters)
page-password-app-note = Spaces do not matter: type or paste the letters as Google shows them.
page-password-label = Password
page-password-note = Type it exactly as you would in webmail, with capital letters where it has them.
page-password-hint = Type the password first, then choose Save and check.
page-password-use-oauth = Sign in with { $provider } instead
page-password-submit = Save and check

## 4. Check mail, and 5. Done.

page-verify-heading = Check that mail works
page-verify-intro = The app signs in to the sending server and to the mailbox with the saved sign-in.
page-verify-send-test = Send a test message to { $address } and look for it in the inbox
page-verify-run = Run the check
page-done-heading = { $address } is ready
page-done-summary-as = Signed in as { $account }. The sign-in is kept in this computer's password vault, and sending and receiving work.
page-done-summary = The sign-in is kept in this computer's password vault, and sending and receiving work.
page-done-forget = Forget this mailbox on this computer
page-done-report = Helpdesk report
page-done-another = Set up another mailbox
page-done-forgotten = { $address } and its saved sign-in were removed from this computer.
page-done-not-set-up = { $address } was not set up on this computer.

## The administrator page.

page-admin-heading = Administrator settings
page-admin-intro = What this computer uses to sign in to Microsoft and Google. IT sets these in the settings file; staff never need to type them.
page-admin-settings-file = Settings file
page-admin-settings-file-none = none (built-in defaults)
page-admin-cloud = Cloud
page-admin-authority = Sign-in authority
page-admin-tenant = Tenant
page-admin-client-id = Application (client) ID
page-admin-client-id-none = not set: Microsoft sign-in is not configured
page-admin-client-type = Registration type
page-admin-type-public = Public (Mobile and desktop applications)
page-admin-type-confidential-stored = Confidential (“Web”), client secret stored in the vault
page-admin-type-confidential-missing = Confidential (“Web”), no client secret stored yet
page-admin-redirect = Redirect URI
page-admin-smtp = Sending server
page-admin-imap = Mailbox server
page-admin-outlook-client-id = Personal accounts (Outlook.com) client ID
page-admin-google-client-id = Google OAuth client ID
page-admin-google-client-id-none = not set: Gmail uses App Passwords
page-admin-not-set = not set
page-admin-secret-stored = stored in the vault
page-admin-secret-not-stored = not stored yet
page-admin-secret-not-needed = not stored (not needed without a Google client ID)
page-admin-origins-heading = Where each setting comes from
page-admin-origins-intro = What IT sets for this computer (a Group Policy, a configuration profile, or IT's settings file) wins over a user's own settings file.
page-admin-origins-setting = Setting
page-admin-origins-value = Value
page-admin-origins-from = Comes from
page-admin-secret-heading = Client secret (“Web” registration)
page-admin-secret-value-term = Value
page-admin-secret-intro = This registration is confidential, so Microsoft needs its client secret. Enter the secret's { $value } once; it is kept only in this computer's password vault and never shown again.
page-admin-secret-label = Client secret value
page-admin-secret-remove = Remove the stored secret
page-admin-secret-save = Save in the vault
page-admin-secret-saved = The client secret is stored in this computer's password vault.
page-admin-secret-removed = The client secret was removed.
page-admin-google-secret-heading = Google client secret
page-admin-google-secret-intro = The Google OAuth client set in the settings file needs its client secret for “Sign in with Google”. Enter it once; it is kept only in this computer's password vault and never shown again.
page-admin-google-secret-saved = The Google client secret is stored in this computer's password vault.
page-admin-google-secret-removed = The Google client secret was removed.
page-admin-regcheck-heading = App registration
page-admin-regcheck-intro = Checks the registration above in Microsoft Entra: that it exists and is enabled, is set up for a desktop app, has the redirect URI, and has the permissions the app needs, consented for everyone, and none it does not need. You sign in once with your own administrator account, read-only; nothing of your sign-in is saved.
page-admin-regcheck-admin = Your administrator account (optional)
page-admin-regcheck-start = Check the app registration
page-admin-regcheck-waiting = Sign in in the browser window that opened. No window? Copy this link into a web browser on this computer:
page-admin-staff-heading = Files for staff
page-admin-staff-intro = After the check has passed, save the settings for staff as files that IT deploys: for Windows PCs (Group Policy or Intune), for Macs (device management) and for Linux. The values the check confirmed are already filled in, so nobody types them again. The files go into a new folder in your Documents folder.
page-admin-staff-none = Run the check above first: this button works once every item has passed.
page-admin-staff-running = Waiting for the check to finish.
page-admin-staff-failed = Not available: the check did not pass. Fix the items above, then check again.
page-admin-staff-passed = Ready: every item passed.
page-admin-staff-save = Save files for staff
page-admin-staff-saved = The files for staff are saved.
page-admin-staff-folder = They are in this folder:
page-admin-staff-copy = Copy the folder's location
page-admin-staff-files = Each file, and what it is for:
page-admin-staff-values = The values filled in (everything else keeps the app's standard values):
page-admin-back = Back to the wizard

## The helpdesk page. $time is a date and time written by the page, $action the name of a
## check (the core's words), $folder and $path places on this computer.

page-helpdesk-heading = Helpdesk
page-helpdesk-intro = The mailboxes set up on this computer, a full check of each with a report to copy or save, and an explanation of any error message you paste.
page-helpdesk-mailboxes-heading = Mailboxes on this computer
page-helpdesk-mailboxes-intro = “Run full check” tests the connection, then signs in with the saved sign-in and sends a test message to the mailbox itself. Times are in this computer's time zone; an access token lasts about an hour, and the app renews it from the saved sign-in when it needs one.
page-helpdesk-empty = No mailbox is set up on this computer yet.
page-helpdesk-setup = Set up a mailbox
page-helpdesk-signed-in-as = Signed in as
page-helpdesk-login-name = Login name
page-helpdesk-shared-via = shared, via { $account }
page-helpdesk-shared-unknown = shared (the account it is opened with is not known)
page-helpdesk-not-known = not known
page-helpdesk-never = never
page-helpdesk-last-success = Last successful check
page-helpdesk-method = Sign-in
page-helpdesk-method-vault = { $method }, kept in the vault
page-helpdesk-last-refresh = Sign-in last renewed
page-helpdesk-token-expires = Access token expires
page-helpdesk-expired = expired ({ $time })
page-helpdesk-added = Set up on this computer
page-helpdesk-health = How long the sign-in lasts
page-helpdesk-tenant = Tenant
page-helpdesk-mark-missing = Sign-in missing from this computer's vault
page-helpdesk-mark-failed = Last check failed
page-helpdesk-mark-failed-at = Last check failed ({ $time })
page-helpdesk-mark-ended = Sign-in has ended: sign in again
page-helpdesk-mark-ends-soon = Sign-in ends soon
page-helpdesk-mark-passed = Last check passed
page-helpdesk-mark-unchecked = Not checked yet
page-helpdesk-full-check = Run full check
page-helpdesk-full-check-of = Run full check of { $address }
page-helpdesk-show-report = Show report
page-helpdesk-show-report-of = Show report of { $address }
page-helpdesk-result-passed = { $action }: passed
page-helpdesk-result-failed = { $action }: failed
page-helpdesk-report-heading = Report for { $address }
page-helpdesk-report-passed = Everything checked in this session passed.
page-helpdesk-report-not-passed = Not everything passed, or nothing was checked in this session yet.
page-helpdesk-report-folder = “Save report” puts the file in { $folder }.
page-helpdesk-report-text = The report as text
page-helpdesk-report-save-json = Save as JSON
page-helpdesk-report-copy = Copy report
page-helpdesk-report-save = Save report
page-helpdesk-report-saved = Saved to { $path }
page-helpdesk-renewal-heading = Keep sign-ins from ending
page-helpdesk-renewal-intro = Microsoft ends a sign-in that is not used for 90 days. The app renews sign-ins when it opens; this computer can also renew them once a day, even while the app is closed.
page-helpdesk-renewal-on = Renew sign-ins daily
page-helpdesk-renewal-off = Stop the daily renewal
page-helpdesk-paste-heading = Paste an error
page-helpdesk-paste-label = Paste the text of an error here: a message from a mail program (Outlook, Thunderbird, a copier or scanner), a mail server's reply, or the text of a sign-in error page.
page-helpdesk-paste-private = The text is only read on this computer; nothing is sent anywhere.
page-helpdesk-paste-hint = Paste the error text into the box first, then choose Explain.
page-helpdesk-paste-explain = Explain

## The local relay (on the helpdesk page). $program is a program's name as typed, $mailbox a
## mail address, $address where the relay listens (127.0.0.1:1587).

page-relay-heading = Programs that only know a password (local relay)
page-relay-intro = A scanner, an older mail program or a script that sends with a user name and a password can send through this app instead: the app sends their mail with the mailbox's modern sign-in. The relay takes mail only from programs on this computer (127.0.0.1, port 1587), and each program gets its own relay password.
page-relay-switch = Run the relay while the app is open
page-relay-running = Running on { $address }. Programs on this computer send to it with their relay password.
page-relay-stopped = Stopped. Programs that send through it cannot send until it runs.
page-relay-sends-as = { $program }: sends as { $mailbox }
page-relay-remove = Remove
page-relay-remove-program = Remove { $program } ({ $mailbox })
page-relay-mailbox = Mailbox
page-relay-program = Program name
page-relay-program-example = scanner
page-relay-add = Add program
page-relay-added = Added { $program }.
page-relay-replaced = Replaced the relay password of { $program }: the old one stopped working now.
page-relay-added-enter = Enter these in its mail (SMTP) settings. The password is shown only now.
page-relay-server = Server
page-relay-port = Port
page-relay-security = Security
page-relay-security-none = none: turn off SSL/TLS and STARTTLS (the relay is on this computer only)
page-relay-user = User name
page-relay-password = Password
page-relay-copy-password = Copy password

## The line at the bottom. $file is the settings file's place.

page-footer-version = Version { $version }
page-footer-settings = settings: { $file }
