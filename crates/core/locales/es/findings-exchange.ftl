## Hallazgos: exchange. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén de contraseñas según el sistema operativo).
## Variables: consulte findings-common.ftl (param-*).

m365-smtp-auth-disabled = El envío está deshabilitado para las aplicaciones en su organización
    .explanation = Microsoft 365 aceptó el inicio de sesión, pero SMTP AUTH ("Authenticated SMTP", SMTP autenticado) está deshabilitado { $problem }. Las aplicaciones solo pueden enviar correo después de que un administrador lo active, incluso con el inicio de sesión moderno. El inicio de sesión guardado está bien; la lectura del correo (IMAP) sigue funcionando.
    .step-1 = Centro de administración de Microsoft 365 → Usuarios → Usuarios activos → { $mailbox } → Correo → Administrar aplicaciones de correo electrónico → marque "Authenticated SMTP" (SMTP autenticado) → Guardar.
    .step-2 = O en Exchange Online PowerShell: Set-CASMailbox -Identity { $mailbox } -SmtpClientAuthenticationDisabled $false
    .step-3 = Si toda la organización lo tiene deshabilitado, el ajuste por buzón de arriba tiene prioridad; para cambiarlo para todos: Set-TransportConfig -SmtpClientAuthenticationDisabled $false
    .step-4 = Espere hasta una hora a que se aplique el cambio y luego vuelva a verificar el buzón.

basic-auth-blocked = Este buzón no acepta contraseñas aquí
    .explanation = Los buzones de Microsoft 365 inician sesión con "Iniciar sesión con Microsoft", no con una contraseña. La lectura del correo con contraseña ya se desactivó antes, y Microsoft desactiva el envío con contraseña (autenticación básica para SMTP) en las organizaciones existentes a finales de diciembre de 2026. Volver a escribir la contraseña no servirá.
    .step-1 = Inicie sesión con Microsoft en lugar de escribir una contraseña: en la aplicación, elija "Iniciar sesión con Microsoft"; en la línea de comandos: mailsetup signin seguido de la dirección.
    .step-2 = Un programa que envía con la contraseña del buzón (un script, un escáner, un programa de correo antiguo) también dejará de funcionar entonces. Si puede usar un token de inicio de sesión, dele `mailsetup token` seguido de la dirección en lugar de la contraseña (el README explica cómo hacerlo para msmtp, curl y Python); si solo admite contraseñas, haga que envíe a través del retransmisor local de la aplicación (`mailsetup relay add` seguido de la dirección y un nombre para el programa, o Soporte técnico → "Programas que solo conocen una contraseña" en la aplicación).
    .admin-explanation = El inicio de sesión con contraseña (básico) para SMTP AUTH queda deshabilitado de forma predeterminada en los inquilinos (tenants) existentes de Exchange Online a finales de diciembre de 2026 (según la actualización del calendario del 27 de enero de 2026; los inquilinos nuevos nunca lo tienen); la autenticación básica para IMAP y POP ya está retirada, y una directiva de autenticación o los valores predeterminados de seguridad pueden bloquearla antes ("the organization configuration doesn't allow this authentication request"). OAuth SMTP AUTH (XOAUTH2) sigue siendo compatible.
    .admin-step-1 = Pase a OAuth todos los programas que envían con la contraseña de un buzón: esta aplicación inicia la sesión de las personas y entrega tokens a los programas que los aceptan (`mailsetup token`), y ejecuta en el equipo un retransmisor local para los programas que solo conocen contraseñas (`mailsetup relay`: solo loopback (este equipo), una contraseña de retransmisor por programa, reenvío con XOAUTH2).
    .admin-step-2 = Antes de esa fecha, haga una lista de lo que todavía envía con contraseñas: Centro de administración de Microsoft Entra → Registros de inicio de sesión, filtro "Client app" (Aplicación cliente) = Authenticated SMTP.

m365-password-refused = Microsoft 365 rechazó la contraseña
    .explanation = El programa inició sesión con una contraseña (lo que Microsoft llama autenticación básica) y Microsoft 365 la rechazó. O la contraseña es incorrecta, o el inicio de sesión con contraseña está desactivado para este buzón: Microsoft desactiva el envío con contraseña en las organizaciones existentes a finales de diciembre de 2026.
    .step-1 = Configure el buzón con "Iniciar sesión con Microsoft" en esta aplicación; en la línea de comandos: mailsetup signin seguido de la dirección.
    .step-2 = Si el programa puede usar un token de inicio de sesión, dele `mailsetup token` seguido de la dirección en lugar de la contraseña (el README explica cómo hacerlo para msmtp, curl y Python); si solo admite contraseñas, haga que envíe a través del retransmisor local de la aplicación (`mailsetup relay add` seguido de la dirección y un nombre para el programa).
    .admin-explanation = Exchange Online responde `535 5.7.3 Authentication unsuccessful` a cualquier AUTH LOGIN/PLAIN fallido: una contraseña incorrecta, o la autenticación básica bloqueada (valores predeterminados de seguridad, una directiva de autenticación, acceso condicional, o SMTP AUTH básico deshabilitado de forma predeterminada para los inquilinos (tenants) existentes desde finales de diciembre de 2026).
    .admin-step-1 = Centro de administración de Microsoft Entra → Registros de inicio de sesión, filtro "Client app" (Aplicación cliente) = Authenticated SMTP, busque al usuario: el motivo del error indica cuál de los dos casos es.
    .admin-step-2 = Pase el programa a OAuth (`mailsetup token` le da un token).

high-volume-email-external-recipient = Esta cuenta de High Volume Email no puede enviar fuera de su organización
    .explanation = El mensaje salió de una cuenta High Volume Email (HVE) de Exchange Online, y Microsoft lo rechazó porque un destinatario está fuera de su organización. El inicio de sesión en sí funcionó.
    .step-1 = Desde la cuenta HVE, envíe solo a destinatarios de dentro de su organización.
    .step-2 = Envíe el correo para destinatarios externos desde un buzón normal (con la sesión iniciada con esta aplicación) o a través de un servicio hecho para correo externo masivo, como Azure Communication Services Email.

wrong-account-or-no-mailbox-access = Sesión iniciada, pero esta cuenta no puede abrir { $mailbox }
    .explanation = El servidor aceptó el inicio de sesión de { $signed_in }, pero no pudo abrir el buzón { $mailbox }. O el navegador inició sesión con otra cuenta, o esa cuenta no tiene acceso a este buzón.
    .step-1 = Vuelva a iniciar sesión y elija { $mailbox } en el navegador (use una ventana privada si hay otra cuenta con la sesión iniciada).
    .step-2 = Si { $mailbox } es un buzón compartido, pida al administrador los permisos Full Access (acceso total, para leer) y Send As (enviar como, para enviar) para { $signed_in }.
    .admin-explanation = La identidad que inició sesión no puede abrir el buzón indicado en el inicio de sesión.
    .admin-step-1 = Para un buzón compartido: Add-MailboxPermission -Identity { $mailbox } -User { $signed_in } -AccessRights FullAccess
    .admin-step-2 = Compruebe que IMAP esté habilitado para el buzón: Get-CASMailbox -Identity { $mailbox } | Format-List ImapEnabled

mailbox-access-denied = { $mailbox } inició sesión, pero el servidor no quiso abrir su buzón
    .explanation = El inicio de sesión es correcto: es { $mailbox }. Aun así, el servidor de correo se negó a abrir el buzón después de aceptar el inicio de sesión. Normalmente IMAP está desactivado para este buzón, o la cuenta todavía no tiene un buzón de Exchange Online (licencia).
    .step-1 = Pida al administrador que compruebe que IMAP está activado para el buzón: Get-CASMailbox -Identity { $mailbox } | Format-List ImapEnabled (se activa con Set-CASMailbox -Identity { $mailbox } -ImapEnabled $true), o en el Centro de administración de Microsoft 365 → Usuarios → Usuarios activos → el usuario → Correo → Administrar aplicaciones de correo electrónico → IMAP.
    .step-2 = Compruebe que el usuario tiene una licencia que incluye Exchange Online y que el buzón existe (puede tardar unas horas después de asignar la licencia).
    .step-3 = Después, vuelva a verificar el buzón. El inicio de sesión guardado se conserva.

shared-mailbox-no-full-access = { $signed_in } no puede abrir el buzón compartido { $mailbox }
    .explanation = El servidor de correo no dejó que { $signed_in } abriera { $mailbox }. Para leer un buzón compartido se necesita el permiso Full Access (acceso total).
    .step-1 = Centro de administración de Exchange → Destinatarios → Buzones → { $mailbox } → Delegación → "Read and manage (Full Access)" (Leer y administrar, acceso total) → agregue a { $signed_in }.
    .step-2 = O en Exchange Online PowerShell: Add-MailboxPermission -Identity { $mailbox } -User { $signed_in } -AccessRights FullAccess
    .step-3 = Espere hasta una hora y luego vuelva a verificar el buzón.

shared-mailbox-no-send-as = { $signed_in } no puede enviar como el buzón compartido { $mailbox }
    .explanation = El servidor de envío rechazó un mensaje de { $mailbox } enviado por { $signed_in }. Para enviar como un buzón compartido se necesita el permiso Send As, o Enviar como ({ $problem }).
    .step-1 = Centro de administración de Exchange → Destinatarios → Buzones → { $mailbox } → Delegación → "Send as" (Enviar como) → agregue a { $signed_in }.
    .step-2 = O en Exchange Online PowerShell: Add-RecipientPermission -Identity { $mailbox } -Trustee { $signed_in } -AccessRights SendAs
    .step-3 = Espere hasta una hora y luego vuelva a verificar el buzón.

token-wrong-resource = El token de inicio de sesión es para otro servicio
    .explanation = El token de acceso se emitió para { $problem }, no para el correo de Exchange (https://outlook.office.com). Los servidores de correo rechazan esos tokens.
    .step-1 = Pida los ámbitos (scopes) https://outlook.office.com/SMTP.Send y https://outlook.office.com/IMAP.AccessAsUser.All (no ámbitos de Microsoft Graph como User.Read) y vuelva a iniciar sesión.
    .step-2 = En el registro de aplicación, agregue los permisos delegados de "Office 365 Exchange Online" y conceda el consentimiento.

exchange-not-licensed = Su organización no tiene el servicio de buzones de Exchange Online para esta cuenta
    .explanation = Microsoft dice que el servicio que necesita la aplicación (Office 365 Exchange Online) no está disponible en el inquilino o tenant, o que este usuario no tiene licencia para él ({ $problem }).
    .step-1 = Centro de administración de Microsoft 365 → Usuarios → Usuarios activos → el usuario → Licencias y aplicaciones: asigne una licencia que incluya Exchange Online.
    .step-2 = Si el inquilino no tiene Exchange Online en absoluto, el correo de este dominio está alojado en otro lugar: pregunte quién lo gestiona.

tenant-sending-blocked = Microsoft 365 ha bloqueado el envío de su organización
    .explanation = Exchange Online se negó a enviar porque toda la organización está bloqueada ({ $problem }). Normalmente ocurre después de que una cuenta comprometida envíe spam, o en inquilinos (tenants) de prueba.
    .step-1 = Portal de Microsoft 365 Defender → Correo electrónico y colaboración → Revisar → Entidades restringidas: busque cuentas bloqueadas y protéjalas.
    .step-2 = Abra una solicitud de soporte con Microsoft para que levanten el bloqueo del inquilino; en un inquilino de prueba, compre licencias primero.

sender-domain-not-accepted = El dominio de envío no forma parte de su organización
    .explanation = Exchange Online rechazó el mensaje porque viene de un dominio que no es un dominio aceptado del inquilino o tenant (550 5.7.750).
    .step-1 = Centro de administración de Exchange → Flujo de correo → Dominios aceptados: agregue y verifique el dominio, o envíe desde una dirección de un dominio aceptado.

mailbox-sending-restricted = Se ha bloqueado el envío desde este buzón
    .explanation = Microsoft 365 restringió el envío desde { $mailbox }, normalmente después de que enviara spam (550 5.1.8 Bad outbound sender).
    .step-1 = Restablezca la contraseña del buzón y revise sus inicios de sesión y sus reglas de reenvío.
    .step-2 = Portal de Microsoft 365 Defender → Revisar → Entidades restringidas → quite { $mailbox }.

send-as-denied = Esta cuenta no puede enviar desde esa dirección
    .explanation = El servidor rechazó el mensaje porque la dirección del remitente no es la del buzón con la sesión iniciada y la cuenta no tiene el permiso Send As (enviar como) para ella ({ $problem }).
    .step-1 = Envíe desde la dirección con la sesión iniciada, o
    .step-2 = Centro de administración de Exchange → Destinatarios → Buzones → la dirección de envío → Delegación → "Send as" (Enviar como) → agregue la cuenta con la sesión iniciada (Add-RecipientPermission -Identity <dirección> -Trustee <cuenta> -AccessRights SendAs).

m365-auth-frontend-error = Los servidores de entrada (front-end) de Exchange Online no completaron el inicio de sesión en { $server }
    .explanation = El servidor respondió al inicio de sesión con "451 4.7.0 Temporary server error" y el código { $problem }. Aunque diga "temporary" (temporal), este error de los servidores de entrada (front-end) de Exchange Online suele repetirse cada vez: el front-end no pudo pasar el inicio de sesión al buzón (por ejemplo, por un token vacío o caducado, o un buzón que no encuentra).
    .step-1 = Inténtelo una vez más dentro de unos minutos; si vuelve el mismo código, no es temporal.
    .step-2 = Compruebe que el buzón existe en Exchange Online con una licencia y que "Authenticated SMTP" (SMTP autenticado) está activado para él (Centro de administración de Microsoft 365 → Usuarios → el usuario → Correo → Administrar aplicaciones de correo electrónico).
    .step-3 = Si persiste, abra un caso de soporte con Microsoft con la evidencia que aparece abajo (el código y el nombre del servidor).

