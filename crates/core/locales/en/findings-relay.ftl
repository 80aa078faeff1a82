## Findings: relay. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

relay-not-loopback = The relay only listens on this computer
    .explanation = The local relay was asked to listen where other computers could reach it: { $problem }. It takes mail only from programs on this computer, so that nobody else can send as the mailbox.
    .step-1 = Leave the address out to use 127.0.0.1:1587, or give another port on 127.0.0.1, for example --listen 127.0.0.1:2525.
    .step-2 = A program on another computer should send with its own sign-in, not through this relay.

relay-listen-invalid = The relay's address is not right
    .explanation = The relay needs this computer's loopback address and a port, such as 127.0.0.1:1587; it was given { $problem }.
    .step-1 = Leave --listen out to use 127.0.0.1:1587, or give a port on 127.0.0.1, for example --listen 127.0.0.1:2525 (localhost:2525 works too).

relay-program-name-invalid = That program name cannot be used
    .explanation = A program's name for the relay is 1 to 40 letters, digits, spaces, dots, dashes or underscores. It only tells the programs apart in the list; it is not typed into the program.
    .step-1 = Choose a name such as "scanner" or "accounts app" and add the program again.

relay-auth-required = The program must sign in to the relay first
    .explanation = The program sent mail to the relay without signing in. The relay sends only for programs that sign in with the mailbox address and their relay password.
    .step-1 = In the program's mail (SMTP) settings, turn on "My server requires authentication" (or "SMTP authentication") with the mailbox address as user name and the relay password; turn off SSL/TLS and STARTTLS (the relay is on this computer only).

relay-cannot-listen = The relay cannot start on its port
    .explanation = The local relay could not listen on { $server }: another program uses that port (perhaps the relay is already running), or the computer does not allow it.
    .step-1 = If the relay is already running (in the app's Helpdesk page or a terminal), use that one.
    .step-2 = Otherwise choose another port, for example --listen 127.0.0.1:2525, and give the program that port.

relay-password-refused = The program's user name or relay password is not right
    .explanation = The relay knows programs by the mailbox address as user name and the relay password the app made for that program. This pair does not match any program added for a mailbox on this computer. It is not the mailbox's own password.
    .step-1 = In the program's mail settings, put the mailbox address as user name and the relay password shown when the program was added (copy it; it is case-sensitive).
    .step-2 = If nobody has the password any more, remove the program and add it again (mailsetup relay add <mailbox address> <program>): a new password is shown once.

relay-sender-not-allowed = This program may not send from that address
    .explanation = The program signed in to the relay for { $mailbox } but asked to send from { $problem }. The relay sends only as the mailbox a program was added for, and the addresses it was allowed to send as.
    .step-1 = In the program's settings, set the sender ("From") address to { $mailbox } (not { $problem }).
    .step-2 = If it must send from another address that { $mailbox } may send as (an alias or a shared mailbox), add the program again with that address (--send-as).

relay-message-too-big = The message is too large
    .explanation = The message is larger than the relay takes ({ $problem }). Mail services refuse messages this large too.
    .step-1 = Send smaller attachments, or share large files as a link.

