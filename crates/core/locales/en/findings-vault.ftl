## Findings: vault. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

vault-unavailable = The computer's password vault cannot be used
    .explanation = The app keeps sign-ins only in { $vault }, never in a file. It cannot be used right now ({ $problem }).
    .windows-step-1 = Start the app from your own Windows desktop session: Credential Manager is not available to a program started as a service, as a scheduled task without your profile, or with "Run as different user".
    .windows-step-2 = If it still fails, the policy "Network access: Do not allow storage of passwords and credentials for network authentication" may be on: IT can check it (Local Security Policy → Security Options, or the Group Policy that sets it).
    .windows-step-3 = Try again.
    .macos-step-1 = Open Keychain Access (Applications → Utilities) and check that a "login" keychain is listed; if it is missing or damaged, Keychain Access → Settings → Reset Default Keychains creates a new one (saved passwords in the old one are kept aside).
    .macos-step-2 = Try again.
    .linux-step-1 = Log in to a desktop session (GNOME, KDE): it starts the keyring. Check that "Passwords and Keys" (Seahorse) or KWallet opens.
    .linux-step-2 = Without a desktop session (e.g. over SSH), the Secret Service needs a D-Bus session bus and a running keyring: for example `dbus-run-session -- bash`, then start gnome-keyring-daemon --unlock --components=secrets inside it.
    .linux-step-3 = Try again.

vault-locked = { $vault } is locked
    .explanation = The app keeps your sign-in only in { $vault }, and it is locked, so the app cannot save or read the sign-in. Nothing was lost.
    .windows-step-1 = Sign out of Windows and sign in again with your own account, then try again.
    .macos-step-1 = Open Keychain Access (Applications → Utilities), select the "login" keychain and unlock it with your Mac password (File → Unlock Keychain "login").
    .macos-step-2 = Try again.
    .linux-step-1 = Unlock the login keyring: log in to the desktop session with your password (it unlocks with it), or open "Passwords and Keys" (Seahorse) and unlock "Login".
    .linux-step-2 = Try again.

vault-not-set-up = { $vault } has no keyring to keep the sign-in in
    .explanation = The app keeps sign-ins only in { $vault }. It is running, but it has no default keyring yet: it was never set up or never unlocked for this account ({ $problem }). Nothing was lost.
    .windows-step-1 = Sign out of Windows and sign in again with your own account, then try again.
    .macos-step-1 = Open Keychain Access (Applications → Utilities). If no "login" keychain is listed, choose Keychain Access → Settings → Reset Default Keychains.
    .macos-step-2 = Try again.
    .linux-step-1 = In a desktop session: open "Passwords and Keys" (Seahorse) → + → Password keyring, name it "Login" and give it your login password; then right-click it → Set as default.
    .linux-step-2 = Without a desktop session (e.g. over SSH), unlocking the keyring daemon with your password creates the login keyring: `gnome-keyring-daemon --unlock --components=secrets`, type the password, then press Ctrl+D.
    .linux-step-3 = Try again.

vault-access-denied = The app was not allowed to use { $vault }
    .explanation = The computer asked whether Mail Setup Assistant may use its saved sign-in, and the answer was no (or the question was closed). Without it the app cannot save or read the sign-in. Nothing was lost.
    .windows-step-1 = Start the app from your own Windows account (not "Run as different user"), then try again.
    .macos-step-1 = Try again. When the Mac asks whether Mail Setup Assistant may use its item in your keychain, type your Mac password and click "Always Allow" ("Deny" stops the app from using the sign-in).
    .macos-step-2 = If the question does not appear: Keychain Access → login → search "mailsetup" → open the item → Access Control → add Mail Setup Assistant.
    .linux-step-1 = Try again. When the keyring asks for a password to unlock, type your login password (closing that window refuses access).

vault-value-too-large = The sign-in could not be saved: { $vault } refused it as too large
    .explanation = The sign-in itself worked, but { $vault } refused to keep it because it is larger than one of its entries may be ({ $problem }). This is a fault in Mail Setup Assistant, not in the account or the computer: the app must fit what it saves to the vault. Nothing was saved.
    .step-1 = Save the report (Helpdesk → Save report, or `mailsetup verify { $mailbox } --report report.html`) and send it with the app's version to the Mail Setup Assistant maintainers: the evidence below says which limit was hit.
    .step-2 = Until a fixed version is installed, the mailbox keeps working in webmail and on other devices.

vault-entry-damaged = The saved sign-in for { $mailbox } could not be read back whole
    .explanation = Part of what the app saved in { $vault } is missing or does not match the rest, so the app does not use it. The mailbox itself is fine.
    .step-1 = Sign in again (in the app, or `mailsetup signin { $mailbox }`): that replaces the damaged entry.
    .step-2 = If it happens again, save the report and send it to the Mail Setup Assistant maintainers.

not-signed-in = { $mailbox } is not signed in on this computer
    .explanation = There is no saved sign-in for this mailbox in the computer's vault.
    .step-1 = Sign in first (Sign in in the app, or `mailsetup signin { $mailbox }`), then verify again.

password-sign-in-has-no-token = { $mailbox } signs in with a password, so there is no token to give
    .explanation = This mailbox was set up with a password (an App Password), not with a sign-in in the browser. A mail program can use that password itself; only a browser sign-in gives a token.
    .step-1 = Give your mail program the App Password instead of the token command.
    .step-2 = Or, if your organisation allows it, sign in with the browser instead (Sign in in the app, or `mailsetup signin { $mailbox }`); then the token works.

