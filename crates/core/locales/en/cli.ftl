## The command-line program's own words (findings, steps and reports come from the other
## files). Ids start with cli-. Commands, flags, finding codes, file paths and the `--json`
## output are never translated (a JSON "message" is always English), nor what `mailsetup token`
## prints. `mailsetup --help` (clap's help, from the code's doc comments) stays in English.
## The program adds the indentation, the line breaks and the space after a prompt itself.

cli-cannot-start = mailsetup: cannot start: { $error }
cli-json-failed = mailsetup: cannot print JSON: { $error }

## Progress lines while a step runs. $label: the step (steps.ftl); $ms: milliseconds;
## $detail: what was seen; $title: the finding's title.

cli-progress-started = … { $label }
cli-progress-passed = ✓ { $label } ({ $ms } ms)
cli-progress-passed-detail = ✓ { $label } ({ $ms } ms): { $detail }
cli-progress-failed = ✗ { $label } ({ $ms } ms): { $title }
cli-progress-noted = ℹ { $label }: { $detail }

## Signing in in the browser or with a code. $seconds: how long the app waits; $url: an
## address to open; $minutes: how long the code is valid.

cli-signin-browser-private = The sign-in page was handed to a private browser window.
cli-signin-browser-default = The sign-in page was handed to your web browser.
cli-signin-browser-finish = Finish signing in there (waiting up to { $seconds } s; Ctrl-C cancels).
cli-signin-browser-open-yourself = If no window opened, open this address yourself in a browser on this computer (in a private window if another account is signed in):
cli-signin-browser-address = The address to open (the app waits up to { $seconds } s; Ctrl-C cancels):
cli-signin-browser-device-code-hint = No browser on this computer? Sign in with a code on another device instead: press Ctrl-C and run the sign-in again with --device-code.
cli-signin-device-code-open = To sign in, open { $url } on any device and enter the code
# English keeps "minutes" for every number, as it always printed.
cli-signin-device-code-valid = (valid for { $minutes } minutes; Ctrl-C cancels)
cli-signin-password-prompt = Password (input hidden):
# $name: what was typed after --private, in quotes.
cli-signin-unknown-browser = { $name } is not a browser the app knows: use edge, chrome, chromium, brave or firefox
# A yes/no question ends with this; the default is no.
cli-yes-no = [y/N]
# The answers that mean yes, separated by spaces (y and yes always do too).
cli-yes-answers = y yes

## The result of a sign-in, verification or connection check. $action: the action's name
## (steps.ftl); $address: the mailbox; $account: the account signed in.

cli-outcome-passed = { $action } for { $address }: passed.
cli-outcome-signed-in = Signed in as { $account } and saved in this computer's vault.
cli-outcome-failed = { $action } for { $address }: FAILED.

## The helpdesk report (verify --report, diagnose --report). $path: the file or folder.

cli-report-written = Report written to { $path }
cli-report-not-written = The report was not written to { $path }.

## verify --all. $total, $passed, $failed: numbers of mailboxes.

cli-verify-all-none = No mailbox is set up on this computer yet, so there is nothing to verify. Set one up first: mailsetup signin <address>
# English keeps "mailboxes" for every number, as it always printed.
cli-verify-all-summary = Verified { $total } mailboxes: { $passed } passed, { $failed } failed.
cli-verify-all-failed = { $address }: FAILED

## explain

cli-explain-paste = Paste the error text, then press Ctrl-D (Ctrl-Z then Enter on Windows):

## renew (the daily renewal's own words are schedule-registered and schedule-removed, in health.ftl).

cli-renew-none = No mailbox on this computer signs in with Microsoft or Google: nothing to renew.
cli-renew-renewed = ✓ { $address }: renewed.

## accounts list and accounts remove. $when: a date and time; $account: the account signed in
## when it is not the mailbox itself; $address: the mailbox.

cli-accounts-none = No mailboxes are set up on this computer.
cli-accounts-check-passed = last check passed { $when }
cli-accounts-check-failed = last check FAILED { $when }
cli-accounts-not-checked = not checked yet
cli-accounts-in-vault = sign-in saved
cli-accounts-not-in-vault = sign-in MISSING from the vault
cli-accounts-signed-in-as = signed in as { $account }
cli-accounts-removed = Removed { $address } and its saved sign-in from this computer.
cli-accounts-not-found = { $address } was not set up on this computer; nothing to remove.

## admin show: the labels are lined up (the program pads them to the longest one).

cli-admin-show-settings-file = Settings file:
cli-admin-show-cloud = Microsoft cloud:
cli-admin-show-authority = Authority:
cli-admin-show-tenant = Tenant:
cli-admin-show-client-id = Application (client) ID:
cli-admin-show-client-type = Registration type:
cli-admin-show-redirect = Redirect URI:
cli-admin-show-servers = SMTP / IMAP:
cli-admin-show-google = Google sign-in:
cli-admin-show-outlook = Outlook.com:
cli-admin-show-no-settings-file = (none: built-in defaults)
cli-admin-show-no-client-id = (not set: Microsoft sign-in is not configured)
# After the client type, or after Google's client ID.
cli-admin-show-secret-stored = (client secret stored in the vault)
cli-admin-show-no-google = not set: Gmail and Google Workspace use App Passwords
cli-admin-show-no-outlook = not set: personal Microsoft accounts cannot sign in
cli-admin-show-sources = Settings read, the first wins:
cli-admin-show-no-sources = none: every setting has its built-in default
cli-admin-show-settings = Each setting, its value, and where the value comes from:
cli-admin-show-not-set = (not set)

## admin check. $client: the client ID; $tenant: the organisation's tenant ID; $admin: the
## administrator who signed in; $folder: where the files were saved.

cli-admin-check-title = App registration check
cli-admin-check-of = of { $client }
cli-admin-check-in-tenant = in organisation { $tenant }
cli-admin-check-read-as = (read as { $admin }; nothing of this sign-in was saved)
cli-admin-check-saved-in = The files for staff are saved in { $folder }:
cli-admin-check-values = They set these values (the others keep the app's defaults):
cli-admin-check-not-saved = The files for staff were not saved: every item must pass first.

## admin export, admin set-client-secret, admin remove-client-secret. $path: a file written.

cli-admin-export-written = Written: { $path }
cli-admin-export-one-format = admin export: name one --format to print a file, or --out DIR to write them
cli-admin-secret-prompt = Client secret value (input hidden):
cli-admin-secret-stored = The client secret is stored in this computer's password vault.
cli-admin-secret-removed = The client secret was removed from the vault.
cli-admin-secret-none = No client secret was stored.

## relay. $address: where the relay listens, or a mailbox; $program and $name: a program's name
## as typed; $mailbox: the mailbox it sends as; $others: other addresses it may send from;
## $host and $port: the relay's address. The labels Server: … Password: are lined up.

cli-relay-listening = The relay is listening on { $address }.
cli-relay-no-program-yet = No program may use it yet: add one with mailsetup relay add <address> <program>.
cli-relay-may-send = { $program } may send as { $mailbox }
cli-relay-stop = Stop it with Ctrl+C.
cli-relay-removed = Removed { $program }: its relay password no longer works.
cli-relay-not-found = No program called { $program } may send as { $address } (mailsetup relay list shows the names).
cli-relay-add-replaced = Replaced the relay password of "{ $name }": the old one stopped working now (names ignore upper and lower case).
cli-relay-add-enter = "{ $name }" may send as { $mailbox }. Enter these in the program's mail (SMTP) settings:
cli-relay-add-server = Server:
cli-relay-add-server-value = { $host }   port { $port } (or the port given to mailsetup relay --listen)
cli-relay-add-security = Security:
cli-relay-add-security-value = none: turn off SSL/TLS and STARTTLS (the relay is on this computer only)
cli-relay-add-user = User name:
cli-relay-add-password = Password:
cli-relay-add-shown-once = The password is shown only now; the app keeps it in the OS vault.
cli-relay-add-must-run = The relay must be running: mailsetup relay, or the switch on the app's Helpdesk page.
cli-relay-add-revoke = To revoke it: mailsetup relay remove { $mailbox } "{ $name }"
cli-relay-list-none = No program may use the relay: add one with mailsetup relay add <address> <program>.
cli-relay-list-program = { $program }: may send as { $mailbox }
cli-relay-list-also = (also from { $others })
