## Hallazgos: retransmisor. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución, en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén para cada sistema).
## Variables: vea findings-common.ftl (param-*).

relay-not-loopback = El retransmisor solo escucha en este equipo
    .explanation = Se pidió al retransmisor local que escuchara donde otros equipos podrían llegar a él: { $problem }. Solo acepta correo de programas de este equipo, para que nadie más pueda enviar como el buzón.
    .step-1 = Omita la dirección para usar 127.0.0.1:1587, o indique otro puerto en 127.0.0.1, por ejemplo --listen 127.0.0.1:2525.
    .step-2 = Un programa de otro equipo debe enviar con su propio inicio de sesión, no a través de este retransmisor.

relay-listen-invalid = La dirección del retransmisor no es correcta
    .explanation = El retransmisor necesita la dirección de loopback (este equipo) y un puerto, como 127.0.0.1:1587; se le dio { $problem }.
    .step-1 = Omita --listen para usar 127.0.0.1:1587, o indique un puerto en 127.0.0.1, por ejemplo --listen 127.0.0.1:2525 (localhost:2525 también funciona).

relay-program-name-invalid = No se puede usar ese nombre de programa
    .explanation = El nombre de un programa para el retransmisor tiene de 1 a 40 letras, dígitos, espacios, puntos, guiones o guiones bajos. Solo sirve para distinguir los programas en la lista; no se escribe en el programa.
    .step-1 = Elija un nombre como "escáner" o "programa de contabilidad" y vuelva a agregar el programa.

relay-auth-required = El programa debe iniciar sesión primero en el retransmisor
    .explanation = El programa envió correo al retransmisor sin iniciar sesión. El retransmisor solo envía para los programas que inician sesión con la dirección del buzón y su contraseña del retransmisor.
    .step-1 = En la configuración de correo (SMTP) del programa, active "My server requires authentication" (Mi servidor requiere autenticación), o "SMTP authentication" (autenticación SMTP), con la dirección del buzón como nombre de usuario y la contraseña del retransmisor; desactive SSL/TLS y STARTTLS (el retransmisor está solo en este equipo).

relay-cannot-listen = El retransmisor no puede iniciarse en su puerto
    .explanation = El retransmisor local no pudo escuchar en { $server }: otro programa usa ese puerto (quizá el retransmisor ya se está ejecutando) o el equipo no lo permite.
    .step-1 = Si el retransmisor ya se está ejecutando (en la página de soporte técnico (Helpdesk) de la aplicación o en una terminal), use ese.
    .step-2 = Si no, elija otro puerto, por ejemplo --listen 127.0.0.1:2525, e indique ese puerto al programa.

relay-password-refused = El nombre de usuario o la contraseña del retransmisor del programa no son correctos
    .explanation = El retransmisor reconoce a los programas por la dirección del buzón como nombre de usuario y la contraseña del retransmisor que la aplicación creó para ese programa. Esta pareja no coincide con ningún programa agregado para un buzón en este equipo. No es la contraseña del propio buzón.
    .step-1 = En la configuración de correo del programa, ponga la dirección del buzón como nombre de usuario y la contraseña del retransmisor que se mostró al agregar el programa (cópiela; distingue mayúsculas y minúsculas).
    .step-2 = Si ya nadie tiene la contraseña, quite el programa y vuelva a agregarlo (mailsetup relay add <dirección del buzón> <programa>): se mostrará una contraseña nueva una sola vez.

relay-sender-not-allowed = Este programa no puede enviar desde esa dirección
    .explanation = El programa inició sesión en el retransmisor para { $mailbox }, pero pidió enviar desde { $problem }. El retransmisor solo envía como el buzón para el que se agregó el programa y como las direcciones con las que se le permitió enviar.
    .step-1 = En la configuración del programa, establezca la dirección del remitente ("From" (De)) en { $mailbox } (no { $problem }).
    .step-2 = Si debe enviar desde otra dirección con la que { $mailbox } puede enviar (un alias o un buzón compartido), vuelva a agregar el programa con esa dirección (--send-as).

relay-message-too-big = El mensaje es demasiado grande
    .explanation = El mensaje supera el tamaño que acepta el retransmisor ({ $problem }). Los servicios de correo también rechazan mensajes así de grandes.
    .step-1 = Envíe archivos adjuntos más pequeños o comparta los archivos grandes mediante un enlace.
