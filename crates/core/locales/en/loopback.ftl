## The small pages the app's sign-in listener shows in the browser (on this computer only).
## Variables: $account, $received and $expected are mail addresses; $error is the provider's
## error code and words.

loopback-app-name = Mail Setup Assistant
loopback-not-found = Not found.
loopback-only-for-sign-in = This address only receives the sign-in answer for Mail Setup Assistant.
loopback-close-tab = You can close this tab and go back to Mail Setup Assistant.
loopback-go-back = Go back to Mail Setup Assistant: it explains what to do next.
loopback-start = Sign in as { $account }
    .next = Microsoft's sign-in page opens next. Sign in as { $account }.
    .other-account = If Microsoft shows a different account, or signs you in straight away as someone else, choose "Use another account" (or "Sign out" first) and sign in as the account above.
    .password = Your password goes only to Microsoft. Mail Setup Assistant never sees it.
    .continue = Continue to Microsoft sign-in
loopback-start-used = This sign-in link was already used
    .why = Each sign-in link opens the sign-in page once. This one was opened a second time, so Mail Setup Assistant stopped this sign-in to keep it safe. Nothing was saved.
    .what = Start the sign-in again in Mail Setup Assistant and go through it without reloading the page or going back.
loopback-received = Sign-in received
    .checking = Mail Setup Assistant received your sign-in and is checking it.
loopback-signed-in = Signed in as { $account }
    .saved = Mail Setup Assistant received your sign-in and saved it safely.
    .admin = Mail Setup Assistant is reading the app registration. Nothing of your sign-in is saved: it is forgotten when the check ends.
loopback-wrong-account = Signed in as { $received }, not { $expected }
    .why = Microsoft signed you in as { $received }, but this mailbox is { $expected }. Nothing was saved.
    .what = Go back to Mail Setup Assistant: it offers to try again with the account picker or in a private window.
loopback-confirm = Go back to Mail Setup Assistant to confirm that { $received } is the right account for { $expected }.
loopback-failed = Sign-in did not finish
loopback-cancelled = Sign-in cancelled
loopback-provider-error = Microsoft reported: { $error }
loopback-stale = This sign-in link is out of date
    .why = This answer does not belong to the sign-in that Mail Setup Assistant is waiting for (it may come from an older tab). Close this tab and use the newest sign-in window.
