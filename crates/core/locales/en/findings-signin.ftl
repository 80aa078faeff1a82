## Findings: signin. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

signed-in-as-different-account = The browser signed in as { $signed_in }, not { $mailbox }
    .explanation = You are setting up { $mailbox }, but { $provider } returned a sign-in for { $signed_in }. This usually happens when the browser is already signed in to another { $provider } account. Nothing was saved.
    .step-1 = Try again in a private (incognito/InPrivate) browser window, where no account is signed in.
    .step-2 = Or, on the { $provider } page, choose "Use another account" and sign in as { $mailbox }.
    .step-3 = If { $mailbox } is a shared mailbox, sign in with your own account and use the shared mailbox option.
    .admin-explanation = Another account than the mailbox signed in; nothing was stored.
    .admin-step-1 = If this keeps happening on shared computers, ask users to sign out of Microsoft in the browser, or use private windows.

signin-cancelled = The sign-in was cancelled
    .explanation = The sign-in was stopped before it finished (cancelled in the app, or the permissions were declined in the browser), so the app did not get access. Nothing was saved.
    .step-1 = Start the sign-in again and accept the permissions { $provider } asks for, choosing { $mailbox }.

signin-no-callback = The sign-in did not come back to the app
    .explanation = The app waited { $duration } but the browser never returned to it. Either the sign-in was not finished, or Microsoft showed an error page instead of returning.
    .step-1 = Look at the browser window: if it shows a code starting with AADSTS, read it to the helpdesk or paste it into the app's error box.
    .step-2 = Otherwise start the sign-in again and finish it in the browser.
    .step-3 = For the helpdesk: the app's redirect URI must be registered exactly as configured (http://localhost or http://127.0.0.1) under "Mobile and desktop applications".

signin-state-mismatch = A sign-in answer arrived that this app did not ask for
    .explanation = The browser delivered a sign-in answer whose security check (state) did not match. It may be from an older sign-in tab, or something else on this computer tried to inject a sign-in. It was ignored.
    .step-1 = Close old sign-in tabs and start the sign-in again.
    .step-2 = If it happens repeatedly, check the computer for unwanted software.

signin-link-reopened = The sign-in page was opened twice
    .explanation = The sign-in link from this app opens once. It was opened a second time (the page was reloaded, Back was pressed, or another program on this computer opened it), so the app stopped this sign-in to keep it safe. Nothing was saved.
    .step-1 = Start the sign-in again and go through it in the browser without reloading the page or going back.
    .step-2 = If this happens again without anyone reloading the page, ask the helpdesk to check this computer for unwanted software.

browser-open-failed = The web browser could not be opened
    .explanation = The app tried to open your web browser for the sign-in, but no browser started ({ $problem }). The sign-in is still waiting: you can open the sign-in page yourself.
    .step-1 = Open a web browser on this computer, copy this address into it and press Enter: { $link } (it works once, while the app is waiting).
    .step-2 = Sign in there as { $mailbox }. The app continues by itself.
    .step-3 = To have the browser open by itself next time, set a default web browser in your computer's settings.

private-window-unavailable = A private window could not be opened automatically
    .explanation = The app could not start a browser in private mode ({ $problem }). The sign-in is still waiting: you can open a private window yourself.
    .step-1 = Open a private window in your browser: Ctrl+Shift+N in Edge and Chrome ("InPrivate" / "Incognito"), Ctrl+Shift+P in Firefox, Cmd+Shift+N in Safari.
    .step-2 = Copy this address into it and press Enter: { $link } (it works once, while the app is waiting).
    .step-3 = Sign in there as { $mailbox }. The app continues by itself.

signed-in-as-admin = An administrator account signed in instead of { $mailbox }
    .explanation = Microsoft returned a sign-in for { $signed_in }, which is an administrator account. An administrator's sign-in is never used for someone else's mailbox. Nothing was saved.
    .step-1 = Try again and pick the account { $mailbox } in Microsoft's account list, or use a private window where no account is signed in.
    .step-2 = If you are the IT person helping, sign out of your administrator account in this browser first.
    .step-3 = If { $mailbox } is a shared mailbox, sign in with your own account and use the shared mailbox option.
    .admin-explanation = Another account than the mailbox signed in; nothing was stored.
    .admin-step-1 = If this keeps happening on shared computers, ask users to sign out of Microsoft in the browser, or use private windows.

account-confirmation-needed = Is { $signed_in } the right account for { $mailbox }?
    .explanation = { $provider } signed in { $signed_in }, which belongs to the same organisation as { $mailbox } but has another name (for example an alias or a different sign-in name). The app needs you to confirm it before saving anything.
    .step-1 = Run the sign-in again in a terminal and answer the question, or add --accept-account { $signed_in } if you are sure.
    .step-2 = If it is not the right account, sign in again and pick { $mailbox }.

device-code-expired = The sign-in code was not used in time
    .explanation = The code was not entered in time: codes are valid for about 15 minutes, and the app stops waiting sooner when it was started with a shorter time limit (the evidence says how long it waited). Nothing was saved.
    .step-1 = Start the sign-in with a code again and enter the new code promptly.

device-code-declined = The sign-in with the code was declined
    .explanation = On the other device the sign-in was cancelled or declined. Nothing was saved.
    .step-1 = Start the sign-in with a code again and accept on the other device, signing in as { $mailbox }.

device-code-blocked = Your organisation does not allow signing in with a code
    .explanation = { $provider } refused the sign-in with a code on another device: a Conditional Access rule of your organisation blocks it (for example a rule that only allows sign-ins from managed computers). Nothing was saved.
    .step-1 = Sign in in a web browser on this computer instead (Sign in in the app, or `mailsetup signin { $mailbox }`). If no browser opens by itself, copy the link the app shows into a browser on this computer.
    .step-2 = If this computer has no web browser at all, ask your IT administrator how to set up mail on it.
    .admin-explanation = A Conditional Access policy refused the device code flow for this user: AADSTS530033 when a device-based policy cannot check the other device, AADSTS53003 when a policy (for example one on authentication flows) does not allow the token.
    .admin-step-1 = Entra admin center → Sign-in logs → this sign-in → Conditional Access: see which policy applied.
    .admin-step-2 = If people must set up mail on computers without a browser, allow the device code flow for this app and these users, or help them sign in in a browser.

device-code-unavailable = Signing in with a code is not possible for { $mailbox }
    .explanation = { $provider } does not offer signing in to mail with a code on another device. Nothing was saved.
    .step-1 = Sign in in a web browser on this computer instead (Sign in in the app, or `mailsetup signin { $mailbox }`). If no browser opens by itself, copy the link the app shows into a browser on this computer.

interactive-required = Please sign in again
    .explanation = { $provider } needs you to confirm the sign-in in the browser again (for example to accept permissions or complete multi-factor authentication).
    .step-1 = Sign in again (Sign in in the app, or `mailsetup signin { $mailbox }`) and finish the steps { $provider } shows in the browser.
    .admin-explanation = Users are asked to accept the app's permissions. If users may not consent in your organisation, grant consent once for everyone.
    .admin-step-1 = Open { $authority }/{ $tenant }/adminconsent?client_id={ $client_id } as an administrator and accept.
    .admin-step-2 = Or: Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent.

consent-declined = The permissions were declined
    .explanation = { $provider } asked for permission to send and read mail and it was declined, so the app cannot work with the mailbox.
    .step-1 = Sign in again and choose Accept on the permissions page.
    .admin-explanation = Users are asked to accept the app's permissions. If users may not consent in your organisation, grant consent once for everyone.
    .admin-step-1 = Open { $authority }/{ $tenant }/adminconsent?client_id={ $client_id } as an administrator and accept.
    .admin-step-2 = Or: Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent.

idp-error = { $provider } sign-in reported an error
    .explanation = { $provider } answered with an error the app does not recognise: { $problem }
    .step-1 = Look the error up at { $link }: the page explains it and its fix.
    .step-2 = Send the evidence below (it holds the IDs { $provider } support asks for) to the administrator.

idp-temporary-failure = { $provider }'s sign-in service had a temporary problem
    .explanation = { $provider } could not finish the sign-in just now ({ $problem }). The problem is on { $provider }'s side: nothing is wrong with your account or this computer, and nothing was changed.
    .step-1 = Wait a few minutes and try again.
    .step-2 = If it keeps happening, give the helpdesk the evidence below: it names the error and its trace IDs.

embedded-browser-refused = { $provider } does not allow signing in inside this window
    .explanation = The sign-in page was opened inside another program's built-in browser (for example in a chat or mail program), where { $provider } does not allow signing in.
    .step-1 = Copy the sign-in link the app shows and open it in your usual web browser (Chrome, Edge, Firefox or Safari).
    .step-2 = Or make a normal web browser your computer's default browser, then start the sign-in again.

id-token-invalid = { $provider }'s answer did not say reliably who signed in
    .explanation = The identity token was missing or did not match this sign-in ({ $problem }). For safety nothing was saved.
    .step-1 = Make sure the app registration has the openid, profile and email permissions.
    .step-2 = Sign in again; if it repeats, send the evidence to the app's maintainers.

token-incomplete = { $provider } did not grant everything the app needs
    .explanation = The sign-in worked, but { $problem }. Nothing was saved.
    .step-1 = App registration → API permissions: add the delegated permissions SMTP.Send, IMAP.AccessAsUser.All and offline_access, then grant consent.
    .step-2 = Sign in again.

reauth-inactivity = Not used for a while: please sign in again
    .explanation = The saved sign-in expired because it was not used for a long time (Microsoft lets it lapse after about 90 days without use). A sign-in in this state cannot be renewed, so the app removes it from this computer's vault.
    .step-1 = Sign in again as { $mailbox }: Sign in in the app, or `mailsetup signin { $mailbox }`.

refresh-token-reused = The sign-in was renewed, but the answer never arrived
    .explanation = { $provider } says the saved sign-in for { $mailbox } was already used to get a new one, and this computer never received the new one. That happens when the app is stopped, or the connection breaks, exactly while { $provider } is answering a renewal. Nothing else is wrong; the saved sign-in stays until you sign in again.
    .step-1 = Sign in again as { $mailbox }: Sign in in the app, or `mailsetup signin { $mailbox }`.

sign-in-busy = Another copy of the app is renewing this sign-in
    .explanation = The sign-in of { $mailbox } is being renewed by another copy of Mail Setup Assistant (the desktop app, a command window or a scheduled check), and it has not finished: { $problem }. Nothing was changed.
    .step-1 = Wait a minute and try again.
    .step-2 = If this keeps happening, close the other copies of Mail Setup Assistant (or restart the computer) and try again.

reauth-required = Please sign in again
    .explanation = The saved sign-in is no longer valid ({ $problem }). This happens after a password change or when an administrator signs you out everywhere. A sign-in in this state cannot be renewed, so the app removes it from this computer's vault.
    .step-1 = Sign in again as { $mailbox }: Sign in in the app, or `mailsetup signin { $mailbox }`.

