## Palabras que el núcleo pone en los hallazgos y las notas al ejecutarse: lo que salió mal esta
## vez ({ $problem }, { $platform }… de un hallazgo) y lo que encontró un paso solo informativo.
## Los id empiezan por detail-. Las respuestas de los servidores, los códigos, los nombres de
## servidor y los detalles técnicos de los pasos no están aquí: se muestran tal cual.

## Respuestas de los servidores de correo (findings/classify/reply.rs): el { $problem } del hallazgo que da una respuesta.

detail-reply-xoauth2-user = la dirección del usuario en los datos de XOAUTH2
detail-reply-smtp-auth-off-tenant = para toda su organización (inquilino o tenant)
detail-reply-smtp-auth-off-mailbox = para este buzón
detail-reply-smtp-auth-off-either = para este buzón o para la organización
detail-reply-security-defaults = los valores predeterminados de seguridad bloquean el envío con contraseña
detail-reply-sign-in-criteria = la solicitud no cumplió los criterios de inicio de sesión de la organización
detail-reply-account-locked = la cuenta está bloqueada
detail-reply-tls-too-old = el servidor requiere TLS 1.2 o posterior
detail-reply-sign-in-method = el método de inicio de sesión
detail-reply-google-too-many-attempts = Google contó demasiados intentos de inicio de sesión
detail-reply-no-send-as = 5.7.60: la cuenta no tiene el permiso Send As (enviar como)
detail-reply-send-as-denied = SendAsDenied al enviar
detail-reply-sender-not-owned = la dirección del remitente no pertenece a la cuenta con la sesión iniciada
detail-reply-tenant-threshold = el inquilino superó el límite de envío (5.7.705)
detail-reply-tenant-ip-refused = no se acepta tráfico desde esta IP (5.7.708), algo típico de los inquilinos de prueba
detail-reply-throttled = el servidor está limitando esta conexión (4.7.5xx)
detail-reply-thread-limit = más de 3 conexiones a la vez para este buzón
detail-reply-temporary-451 = 451 4.7.0
detail-reply-closing = 421: el servidor está cerrando la conexión

## Errores de inicio de sesión de Microsoft (findings/classify/entra.rs y entra/known.rs).

detail-entra-secret-not-registrations = el secreto no es el de este registro (AADSTS7000215/70002)
detail-entra-secret-expired = AADSTS7000222: el secreto caducó
detail-entra-spa-token-limit = el token de actualización de una aplicación de página única llegó a su límite de 24 horas (AADSTS700084)
detail-entra-scopes = la solicitud nombraba más de un servicio, un permiso desconocido o ninguno
detail-entra-old-tls = Microsoft ya no acepta TLS 1.0/1.1 (AADSTS1002016)
detail-entra-cross-cloud = se envió un inicio de sesión de una nube a otra (AADSTS900382: Confidential Client is not supported in Cross Cloud request)
detail-entra-other-cloud = Microsoft dice que la organización pertenece a otra nube nacional
detail-entra-conditional-access = bloqueado por el acceso condicional (AADSTS53003)
detail-entra-security-defaults = bloqueado por los valores predeterminados de seguridad (AADSTS530035)
# $code (String) - el código AADSTS, p. ej. AADSTS50173.
detail-entra-microsoft-code = código de Microsoft { $code }
detail-entra-no-longer-accepted = Microsoft ya no lo acepta
detail-entra-no-code = un error sin código

## Errores de inicio de sesión de Google (findings/classify/google.rs).

detail-google-session-length = se agotó la duración de sesión de Google que fijó su organización (invalid_rapt)
detail-google-no-longer-accepted = Google ya no lo acepta: se retiró el acceso, no se usó en seis meses, cambió la contraseña o el proyecto de Google de la aplicación está en "Testing" (Pruebas), donde los inicios de sesión duran 7 días
detail-google-code-refused = Google rechazó el código de inicio de sesión o su comprobación (invalid_grant); vuelva a iniciar sesión

## Un texto pegado (findings/classify/explain.rs): lo que un hallazgo necesita y el texto no dice.

detail-explain-another-address = otra dirección
detail-explain-named-limit = el límite que indica el mensaje
detail-explain-named-problem = lo que indica el mensaje
detail-explain-the-server = El servidor
# $bytes (String) - el tamaño en bytes, con separador de miles, p. ej. 2,411,724; $mb (String) - en MB, p. ej. 2.3
detail-explain-text-size = { $bytes } bytes ({ $mb } MB)
detail-explain-text-size-at-least = al menos { $bytes } bytes ({ $mb } MB)

## Conexiones seguras (net/tls.rs, net/trust.rs, mail/probe.rs).

detail-tls-invalid-name = el nombre del servidor no es válido
detail-tls-certificate-unknown-issuer = lo emitió una autoridad en la que este equipo no confía
detail-tls-certificate-expired = caducó
detail-tls-certificate-not-yet-valid = todavía no es válido (compruebe el reloj del equipo)
detail-tls-certificate-other-name = se emitió para otro nombre de servidor
detail-tls-certificate-revoked = fue revocado
detail-tls-certificate-invalid = no es válido
detail-tls-no-roots = este equipo no tiene ningún certificado raíz de confianza, así que no se puede comprobar el certificado de ningún servidor
detail-tls-no-roots-step = Instale los certificados raíz del sistema operativo (en Linux, el paquete ca-certificates) o indique la entidad de certificación de la organización como extra_ca_file en la sección [tls] de la configuración.
detail-tls-data-before-handshake = el servidor envió datos antes de que empezara la conexión segura; puede que algo en la red la esté manipulando

## Servidores de correo (mail/).

detail-mail-imap-needs-tls = no se usa IMAP sin TLS implícito
detail-mail-imap-password-sign-in = el inicio de sesión con contraseña (LOGIN o AUTHENTICATE PLAIN)
# $first, $second (String) - mecanismos de inicio de sesión, p. ej. PLAIN y LOGIN.
detail-mail-either = { $first } o { $second }

## El almacén de contraseñas (vault/).

detail-vault-test-entry = no se pudo volver a leer una entrada de prueba
detail-vault-too-large = el almacén rechazó un valor por ser demasiado grande
detail-vault-locked = el almacén está bloqueado
detail-vault-no-default-keyring = no hay un llavero predeterminado
detail-vault-denied = se denegó el acceso al almacén
detail-vault-missing = no hay ningún servicio de almacén en funcionamiento o no respondió
detail-vault-failed = el almacén informó de un error

## El proxy (net/proxy/): por dónde pasa el inicio de sesión, para el paso Proxy y el informe.

# $variables (String) - las variables de proxy tal como están, p. ej. HTTPS_PROXY=http://proxy:3128
detail-proxy-environment = inicio de sesión a través del proxy que indican las variables de entorno: { $variables }
# $proxy (String) - el proxy del sistema, p. ej. http://proxy.contoso.com:8080
detail-proxy-environment-over-system = inicio de sesión a través del proxy que indican las variables de entorno: { $variables } (las variables tienen prioridad: no se usa el proxy del sistema { $proxy })
# $source (String) - dónde se leyó la configuración (detail-proxy-source-…)
detail-proxy-system = inicio de sesión a través del proxy del sistema { $proxy } ({ $source })
# $exceptions (String) - las direcciones que no pasan por el proxy, p. ej. <local> *.contoso.com
detail-proxy-system-with-exceptions = inicio de sesión a través del proxy del sistema { $proxy } ({ $source }; no para { $exceptions })
detail-proxy-source-windows = configuración de proxy de Windows
detail-proxy-source-macos = configuración de proxy de red de macOS
detail-proxy-no-manual-proxy = no hay ningún proxy manual configurado: el inicio de sesión va directamente a internet
detail-proxy-no-proxy = no hay ningún proxy configurado: el inicio de sesión va directamente a internet
detail-proxy-unused-variables = configuradas pero no usadas para el inicio de sesión (https): { $variables }
# $pac (String) - la dirección del script de configuración automática del proxy
detail-proxy-pac-direct = hay un script de configuración automática del proxy ({ $pac }): la aplicación no ejecuta scripts PAC y se conecta directamente; si no se puede llegar al servicio de inicio de sesión, establezca HTTPS_PROXY con el proxy que indica el script
detail-proxy-pac-through-proxy = hay un script de configuración automática del proxy ({ $pac }): la aplicación no ejecuta scripts PAC y usa el proxy indicado antes; si no se puede llegar al servicio de inicio de sesión, establezca HTTPS_PROXY con el proxy que indica el script
detail-proxy-wpad-direct = la detección automática del proxy (WPAD) está activada: la aplicación no la usa y se conecta directamente
detail-proxy-wpad-through-proxy = la detección automática del proxy (WPAD) está activada: la aplicación no la usa y usa el proxy indicado antes
# $socks (String) - la dirección del proxy SOCKS
detail-proxy-socks = hay un proxy SOCKS configurado ({ $socks }): la aplicación no lo usa
detail-proxy-mail-direct = el correo nunca usa un proxy web
detail-proxy-mail-ports = el correo (SMTP/IMAP) nunca usa un proxy web, así que sus puertos deben estar abiertos directamente

## La contraseña de aplicación tal como se escribió (mail/password.rs): una nota del paso de la contraseña.

detail-password-spaces-removed = se quitaron los espacios que Google muestra en una contraseña de aplicación
detail-password-empty = no se escribió ninguna contraseña
# $count (Number) - cuántos caracteres se escribieron
detail-password-not-app-password-spaces = no es una contraseña de aplicación de Google (16 letras) y contiene espacios; se usó exactamente como se escribió ({ $count ->
        [one] { $count } carácter
       *[other] { $count } caracteres
    })
detail-password-not-app-password = no es una contraseña de aplicación de Google (16 letras); se usó tal como se escribió ({ $count ->
        [one] { $count } carácter
       *[other] { $count } caracteres
    }). Si es su contraseña normal de Google, Google la rechazará

## El navegador web (assistant/signin/browser.rs): la nota del paso que lo abre.

detail-browser-private-window = se pasó a una ventana privada
detail-browser-opened = se pasó al navegador web
# $reason (String) - el motivo, en palabras del sistema
detail-browser-not-opened = no se abrió ({ $reason }): se muestra el enlace para abrirlo manualmente

## La comprobación de la red (assistant/check.rs): puertos que la aplicación no usa, el servicio de inicio de sesión.

# $port (String) - un número de puerto; $host (String) - un nombre de servidor; $duration (String) - un tiempo en palabras, p. ej. 5 segundos
detail-port-open = el puerto { $port } de { $host } responde
detail-port-closed = el puerto { $port } de { $host } está cerrado
detail-port-no-answer = el puerto { $port } de { $host } no respondió en { $duration } (está bloqueado por el camino)
detail-port-host-not-found = no se encontró { $host }
detail-port-unreachable = no se pudo llegar al puerto { $port } de { $host }
detail-port-25-not-used = la aplicación envía por el puerto de envío, nunca por el 25; muchas redes bloquean el 25 a propósito
detail-port-not-used = la aplicación no lo usa para este proveedor
detail-check-sign-in-service = el servicio de inicio de sesión
# $status (String) - el estado HTTP, p. ej. 503 Service Unavailable
detail-check-http-status = { $host } respondió con HTTP { $status }

## Los tokens de un inicio de sesión (oauth/claims.rs, assistant/signin/grant.rs, assistant/admin.rs).

detail-token-nonce-mismatch = su nonce no coincide con este inicio de sesión
detail-token-other-audience = se emitió para otra aplicación (audiencia)
detail-admin-no-id-token = no llegó ningún token de identidad (quién inició sesión)
detail-admin-no-tenant = no indica ninguna organización (tid)
detail-grant-no-refresh-token-microsoft = Microsoft no emitió un token de actualización (falta el permiso offline_access)
detail-grant-no-refresh-token-google = Google no emitió un token de actualización (no se concedió el acceso sin conexión)
detail-grant-no-id-token = no llegó ningún token de identidad (¿está concedido el permiso openid?)
# $count (Number) - cuántos permisos; $permissions (String) - sus nombres (detail-grant-both)
detail-grant-permission-missing = { $count ->
        [one] no se concedió el permiso { $permissions }
       *[other] no se concedieron los permisos { $permissions }
    }
# $first, $second (String) - nombres de permisos, p. ej. SMTP.Send y IMAP.AccessAsUser.All
detail-grant-both = { $first } y { $second }

## La comprobación del registro de aplicación por un administrador (registration/verdict.rs).

detail-registration-platform-public = Aplicaciones móviles y de escritorio
detail-registration-platform-web = Web
detail-registration-platform-spa = Aplicación de página única
detail-registration-no-platform = no tiene ninguna plataforma
# $count (Number) - cuántas plataformas; $platforms (String) - sus nombres (detail-registration-both)
detail-registration-only-platform = { $count ->
        [one] solo tiene la plataforma { $platforms }
       *[other] solo tiene las plataformas { $platforms }
    }
# $first, $second (String) - nombres en una lista
detail-registration-both = { $first } y { $second }
detail-registration-no-secret = no tiene ningún secreto de cliente
# $date (String) - una fecha, p. ej. 2026-03-01
detail-registration-secret-expired = su último secreto de cliente caducó el { $date }
# $platforms (String) - plataformas con la dirección, p. ej. Web (http://localhost)
detail-registration-redirect-also = también está registrado en { $platforms }
detail-registration-redirect-instead = en su lugar está registrado en { $platforms }

## El servicio de inicio de sesión por HTTPS (oauth/client.rs).

# $host (String) - el nombre del servidor del servicio de inicio de sesión, p. ej. login.microsoftonline.com
detail-oauth-no-answer-in-time = { $host } no respondió a tiempo
detail-oauth-could-not-connect = no se pudo conectar con { $host }
detail-oauth-request-failed = falló la solicitud a { $host }
detail-oauth-unreadable-from = { $host } envió una respuesta que la aplicación no pudo leer
detail-oauth-unreadable = el servicio de inicio de sesión envió una respuesta que la aplicación no pudo leer

## El retransmisor local (relay/, assistant/relay.rs).

# $address (String) - la dirección de escucha tal como se dio, p. ej. 0.0.0.0:1587
detail-relay-reachable-from-others = otros equipos pueden llegar a { $address }
# $text (String) - lo que se dio como dirección
detail-relay-not-an-address = { $text } no es una dirección

## El proveedor del buzón (profile.rs).

# $domain (String) - el dominio del buzón; $found, $configured (String) - nubes de Microsoft, p. ej. Microsoft 365 US Government
detail-profile-cloud-conflict = Microsoft dice que { $domain } está en { $found }; la configuración es para { $configured }

## Los archivos de implementación (deploy/folder.rs).

# $folder (String) - una carpeta; $count (Number) - cuántas carpetas
detail-deploy-too-many-folders = { $folder } ya contiene { $count } carpetas de archivos guardados hoy; mueva algunas a otro lugar
# $path (String) - un archivo o una carpeta; $why (String) - uno de los motivos siguientes
detail-deploy-not-written = no se pudo escribir { $path }: { $why }
detail-deploy-not-allowed = usted no tiene permiso para escribir ahí
detail-deploy-read-only = la unidad es de solo lectura
detail-deploy-disk-full = el disco está lleno
detail-deploy-no-folder = la carpeta no existe
detail-deploy-file-in-the-way = hay un archivo donde debería haber una carpeta
# $error (String) - las palabras del sistema
detail-deploy-system-said = el sistema dijo: { $error }

## Una dirección de buzón escrita que no se puede usar (address.rs): toda la explicación de INVALID_ADDRESS.

detail-address-empty = Escriba su dirección de correo electrónico, por ejemplo ann@example.edu.
detail-address-display-name = Escriba solo la dirección (como ann@example.edu), sin nombre ni corchetes angulares.
detail-address-spaces = Una dirección de correo electrónico no puede contener espacios. Revise lo que escribió.
detail-address-missing-at = Una dirección de correo electrónico necesita una @ entre el nombre y el dominio, como ann@example.edu.
detail-address-several-at = Una dirección de correo electrónico solo tiene una @. Revise lo que escribió.
detail-address-empty-local = Falta la parte anterior a la @.
detail-address-empty-domain = Falta la parte posterior a la @ (el dominio, como example.edu).
# $text (String) - el carácter, entre comillas, p. ej. ','
detail-address-bad-char = La parte anterior a la @ contiene { $text }, que no se puede usar en las direcciones de correo electrónico.
# $character (String) - su tipo (detail-address-full-width, …); $code (String) - p. ej. U+200B
detail-address-look-alike = La dirección contiene { $character } ({ $code }), un carácter que hace que parezca otra dirección. Escriba usted mismo la dirección en lugar de pegarla.
detail-address-full-width = un carácter de ancho completo
detail-address-direction-character = un carácter invisible que cambia la dirección de la escritura
detail-address-invisible-character = un carácter invisible
detail-address-dots = La parte anterior a la @ no puede empezar ni terminar con un punto, ni tener dos puntos seguidos.
detail-address-quoted = Microsoft 365 y Gmail no admiten direcciones con comillas.
# $text (String) - el dominio, entre comillas
detail-address-bad-domain = { $text } no es un dominio válido. Revise la parte posterior a la @, por ejemplo example.edu.
detail-address-domain-without-dot = El dominio { $text } está incompleto: necesita un punto, como example.edu.
detail-address-too-long = Esta dirección es demasiado larga para ser una dirección de buzón real.

## Por qué un navegador no pudo mostrar la página de inicio de sesión (browser/error.rs): el { $problem } del hallazgo.

# $browser (String) - el nombre del navegador, p. ej. Firefox
detail-browser-not-installed = { $browser } no está instalado
detail-browser-none-found = no se encontró ningún navegador con modo privado (Edge, Chrome, Chromium, Brave, Firefox)
detail-browser-none-found-macos = otra aplicación no puede pedir a Safari que abra una ventana privada, y no se encontró en Aplicaciones ningún otro navegador con modo privado (Microsoft Edge, Google Chrome, Firefox, Chromium, Brave)
# $browser (String) - el nombre del navegador; $error (String) - el motivo del sistema operativo
detail-browser-not-started = { $browser } no se pudo iniciar ({ $error })

# Por qué no se inició el navegador del sistema (browser/error.rs)
detail-browser-none-set-up = no hay ningún navegador web configurado en este equipo
detail-browser-not-allowed = el equipo no permitió que se iniciara el navegador web
# $error (String) - las palabras del propio sistema operativo
detail-browser-system-said = el sistema dijo: { $error }
detail-browser-task-stopped = la aplicación se detuvo mientras abría el navegador

## Otra copia de la aplicación renueva el mismo inicio de sesión (assistant/tokens.rs).

# $duration (String) - cuánto esperó la aplicación, p. ej. 30 segundos
detail-lock-busy = otra renovación de este inicio de sesión sigue en curso después de { $duration }

## La línea técnica de un paso (en Detalles y en la línea de comandos), alrededor de los datos
## de los propios servidores.

# $host (String) - el nombre o la dirección de un servidor; $ms (String) - milisegundos
detail-step-answered = { $host } respondió en { $ms } ms
# $address (String) - el URI de redirección loopback en el que escucha la aplicación
detail-step-listening = escuchando en { $address }
# $account (String) - la cuenta que inició sesión
detail-step-signed-in-as = sesión iniciada como { $account }
detail-step-signed-in-confirm = sesión iniciada como { $account }: necesita su confirmación
detail-step-saved-in-vault = guardado en el almacén de contraseñas del sistema
detail-step-password-accepted = contraseña aceptada para { $account }
# $count (Number) - cuántos mensajes tiene la bandeja de entrada
detail-step-inbox-count = INBOX tiene { $count ->
        [one] { $count } mensaje
       *[other] { $count } mensajes
    }
# $uid (String) - el UID IMAP del mensaje; $ms (String) - milisegundos
detail-step-found-uid = encontrado como UID { $uid } después de { $ms } ms
detail-step-token-opaque = permisos de correo concedidos (el token de acceso en sí es opaco)
# $scopes (String) - los ámbitos del token, p. ej. SMTP.Send IMAP.AccessAsUser.All
detail-step-token-exchange = token para el correo de Exchange: { $scopes }
# $audience (String) - para qué es el token
detail-step-token-for = token para { $audience }
# $account (String) - el administrador; $tenant (String) - el id de inquilino de la organización
detail-step-admin-signed-in = sesión iniciada como { $account } (organización { $tenant })
# $found (String) - registration, enterprise o none; $grants, $roles (Number) - cuántos
detail-step-graph-facts = { $found ->
        [registration] registro encontrado
        [enterprise] aplicación empresarial encontrada (registrada en otra organización)
       *[none] no encontrado
    }; { $grants ->
        [one] { $grants } concesión de consentimiento
       *[other] { $grants } concesiones de consentimiento
    }, { $roles ->
        [one] { $roles } permiso de aplicación concedido
       *[other] { $roles } permisos de aplicación concedidos
    }

## Adónde va el registro (el informe). $variable (String) - la variable de entorno; $folder (String) - una carpeta
detail-log-stderr = la salida de error estándar del comando ({ $variable }=debug para más)
detail-log-stderr-and-app = la salida de error estándar del comando ({ $variable }=debug para más); el registro de la aplicación de escritorio está en { $folder }
