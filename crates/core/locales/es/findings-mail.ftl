## Hallazgos: correo. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución, en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén para cada sistema).
## Variables: vea findings-common.ftl (param-*).

starttls-unavailable = { $server } no ofrece una conexión segura
    .explanation = El servidor de envío no ofreció STARTTLS, así que la aplicación no enviará su inicio de sesión por esta conexión. Puede que algo en la red esté quitando el cifrado, o que este no sea el servidor correcto.
    .step-1 = Compruebe el servidor y el puerto en la configuración (Microsoft 365: smtp.office365.com, puerto 587).
    .step-2 = Pregunte al administrador de la red si un firewall reescribe el tráfico de correo ("SMTP inspection", inspección de SMTP).

auth-mechanism-unavailable = { $server } no ofrece el método de inicio de sesión que necesita esta cuenta
    .explanation = El servidor no incluyó { $problem } entre sus métodos de inicio de sesión una vez protegida la conexión.
    .step-1 = Compruebe que el servidor de la configuración es el correcto para este proveedor.
    .step-2 = En Microsoft 365, asegúrese de que SMTP AUTH esté habilitado para el buzón (vea los pasos siguientes si falla el envío).

access-token-refused = { $server } no aceptó el token de inicio de sesión
    .explanation = El servidor de correo indicó que el token de acceso de { $mailbox } ha caducado o no es válido (estado XOAUTH2 401). Un token guardado que se rechaza así se renueva y se vuelve a probar una vez; cuando también se rechaza un token tan reciente, normalmente es porque se creó sin el permiso de correo o para otro servicio.
    .step-1 = Vuelva a iniciar sesión como { $mailbox }: Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`.
    .step-2 = Si vuelve a pasar, pida al administrador que compruebe que el registro de aplicación tiene los permisos de correo (Microsoft: SMTP.Send e IMAP.AccessAsUser.All; Google: https://mail.google.com/).

xoauth2-bad-request = { $server } no pudo usar la solicitud de inicio de sesión
    .explanation = El servidor de correo respondió al inicio de sesión de { $mailbox } con el estado 400 (solicitud incorrecta): el nombre de usuario enviado con el token no pertenece a la cuenta del token, o el token se creó para otro servicio. Renovar el token no serviría de nada.
    .step-1 = Vuelva a iniciar sesión como { $mailbox } y elija exactamente esa cuenta en el navegador.
    .step-2 = Si { $mailbox } es un buzón compartido, configúrelo con la opción de buzón compartido, para iniciar sesión con su propia cuenta.

auth-rejected = { $server } rechazó el inicio de sesión
    .explanation = El servidor de correo no aceptó el inicio de sesión de { $mailbox }. Causas habituales: el inicio de sesión pertenece a otra cuenta, el token ha caducado o se creó para el servicio equivocado, o el envío o la lectura por parte de aplicaciones está desactivado para este buzón.
    .step-1 = Vuelva a iniciar sesión en esta aplicación y asegúrese de elegir { $mailbox } en el navegador.
    .step-2 = Pida al administrador que compruebe que SMTP AUTH e IMAP están habilitados para { $mailbox } (Get-CASMailbox -Identity { $mailbox } | Format-List SmtpClientAuthenticationDisabled,ImapEnabled).

password-rejected = { $server } no aceptó la contraseña de { $mailbox }
    .explanation = El servidor de correo rechazó la contraseña, así que no se guardó nada. O se escribió mal, o el proveedor pide otro tipo de contraseña para los programas de correo.
    .step-1 = Vuelva a escribir la contraseña (compruebe la tecla Bloq Mayús y la distribución del teclado).
    .step-2 = Algunos proveedores piden una contraseña distinta para los programas de correo (una "contraseña de aplicación") cuando está activado el inicio de sesión en dos pasos: consulte la configuración de seguridad de su cuenta de correo.
    .step-3 = Si sigue fallando, pregunte a su proveedor de correo o a su departamento de TI si el acceso por IMAP y SMTP está permitido para su buzón.

test-message-not-found = El mensaje de prueba no llegó
    .explanation = El mensaje de prueba se aceptó para su envío, pero no apareció en la bandeja de entrada de { $mailbox } durante { $duration }.
    .step-1 = Espere un minuto y busque "Mail Setup Assistant test message" en la bandeja de entrada y en la carpeta de correo no deseado.
    .step-2 = Si no llega nunca, puede que una regla de flujo de correo o un filtro lo esté reteniendo; el administrador puede rastrearlo en el Centro de administración de Exchange → Flujo de correo → Seguimiento de mensajes.

message-rejected = El servidor no quiso aceptar el mensaje de prueba
    .explanation = El inicio de sesión funcionó, pero el servidor rechazó el mensaje ({ $problem }).
    .step-1 = Entregue la evidencia al administrador: en ella se indica por qué lo rechazó el servidor.

unrecognised-reply = La aplicación no reconoce esta respuesta
    .explanation = La aplicación todavía no tiene una explicación para este texto (una respuesta del servidor o un mensaje de error). El texto se conserva abajo, sin las partes personales y secretas.
    .step-1 = Envíe el texto de abajo a su soporte técnico; el soporte técnico se lo pasará a los responsables de la aplicación, para que la aplicación aprenda a explicarlo.

pasted-text-too-long = El texto pegado es demasiado largo
    .explanation = El texto ocupa { $problem }: la aplicación lee como máximo 1 MB de texto pegado. Un mensaje de error o la respuesta de un servidor ocupan unas pocas líneas; un archivo de registro (log) completo es demasiado para explicarlo.
    .step-1 = Copie solo las líneas con el error (por ejemplo, la línea que empieza por un número como 535, o el mensaje AADSTS) y vuelva a pegarlas.

xoauth2-bad-username = { $server } rechazó el nombre de inicio de sesión enviado con el token
    .explanation = El servidor de correo indica que el nombre de usuario dentro del inicio de sesión XOAUTH2 no es una dirección de correo válida ({ $problem }). No es un problema de contraseña ni de permisos: la aplicación debe enviar la dirección del buzón tal cual (sin nombre para mostrar ni espacios).
    .step-1 = Compruebe que la dirección del buzón guardada para esta cuenta es una dirección simple (Soporte técnico → la cuenta) y luego vuelva a iniciar sesión.
    .step-2 = Si lo es, guarde el informe y envíelo, junto con la versión de la aplicación, a los responsables de Mail Setup Assistant.

server-temporary-failure = El servidor de correo tuvo un problema temporal
    .explanation = El servidor respondió con un error temporal ({ $problem }). La cuenta no tiene ningún problema.
    .step-1 = Vuelva a intentarlo dentro de unos minutos.
    .step-2 = Si dura más de una hora, consulte la página de estado del servicio del proveedor.

too-many-requests = Demasiados intentos en poco tiempo
    .explanation = El servidor está frenando las solicitudes de este equipo o de esta cuenta ({ $problem }). Es algo temporal.
    .step-1 = Espere 15 minutos y luego inténtelo una sola vez.
    .step-2 = Asegúrese de que ningún otro programa siga intentando iniciar sesión en este buzón con una contraseña antigua.

not-authenticated-before-send = El programa intentó enviar sin iniciar sesión antes
    .explanation = El servidor se negó a aceptar correo porque no se había completado ningún inicio de sesión en la conexión (530 5.7.57). El inicio de sesión se omitió o falló sin que el programa lo notara.
    .step-1 = Revise la configuración de envío del programa: debe iniciar sesión (SMTP AUTH) en el puerto 587 después de STARTTLS y antes de enviar.
