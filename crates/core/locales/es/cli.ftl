## Las palabras propias del programa de línea de comandos (los hallazgos, los pasos y los
## informes vienen de los otros archivos). Los id empiezan por cli-. Nunca se traducen los
## comandos, las opciones, los códigos de hallazgo, las rutas de archivo ni la salida `--json`
## (un "message" del JSON siempre va en inglés), ni lo que imprime `mailsetup token`.
## `mailsetup --help` (la ayuda de clap, de los comentarios del código) queda en inglés.
## El programa añade él mismo la sangría, los saltos de línea y el espacio tras una pregunta.

cli-cannot-start = mailsetup: no se puede iniciar: { $error }
cli-json-failed = mailsetup: no se puede imprimir el JSON: { $error }

## Las líneas de progreso mientras se ejecuta un paso. $label: el paso (steps.ftl); $ms:
## milisegundos; $detail: lo que se vio; $title: el título del hallazgo.

cli-progress-started = … { $label }
cli-progress-passed = ✓ { $label } ({ $ms } ms)
cli-progress-passed-detail = ✓ { $label } ({ $ms } ms): { $detail }
cli-progress-failed = ✗ { $label } ({ $ms } ms): { $title }
cli-progress-noted = ℹ { $label }: { $detail }

## Iniciar sesión en el navegador o con un código. $seconds: cuánto espera la aplicación; $url:
## una dirección que abrir; $minutes: durante cuánto tiempo vale el código.

cli-signin-browser-private = La página de inicio de sesión se abrió en una ventana privada del navegador.
cli-signin-browser-default = La página de inicio de sesión se pasó a su navegador web.
cli-signin-browser-finish = Termine de iniciar sesión allí (se espera hasta { $seconds } s; Ctrl-C cancela).
cli-signin-browser-open-yourself = Si no se abrió ninguna ventana, abra usted mismo esta dirección en un navegador de este equipo (en una ventana privada si hay otra cuenta con la sesión iniciada):
cli-signin-browser-address = La dirección que debe abrir (la aplicación espera hasta { $seconds } s; Ctrl-C cancela):
cli-signin-browser-device-code-hint = ¿No hay navegador en este equipo? Inicie sesión con un código en otro dispositivo: presione Ctrl-C y vuelva a iniciar sesión con --device-code.
cli-signin-device-code-open = Para iniciar sesión, abra { $url } en cualquier dispositivo y escriba el código
# En inglés dice "minutes" para cualquier número, como siempre.
cli-signin-device-code-valid = ({ $minutes ->
    [one] válido durante { $minutes } minuto
   *[other] válido durante { $minutes } minutos
}; Ctrl-C cancela)
cli-signin-password-prompt = Contraseña (no se muestra al escribirla):
# $name: lo que se escribió después de --private, entre comillas.
cli-signin-unknown-browser = { $name } no es un navegador que la aplicación conozca: use edge, chrome, chromium, brave o firefox
# Una pregunta de sí o no termina con esto; la respuesta predeterminada es no.
cli-yes-no = [s/N]
# Las respuestas que significan sí, separadas por espacios (y e yes también valen siempre).
cli-yes-answers = s sí si

## El resultado de un inicio de sesión, una verificación o una comprobación de la conexión.
## $action: el nombre de la acción (steps.ftl); $address: el buzón; $account: la cuenta con la
## que se inició sesión.

cli-outcome-passed = { $action } para { $address }: todo correcto.
cli-outcome-signed-in = Sesión iniciada como { $account } y guardada en el almacén de contraseñas de este equipo.
cli-outcome-failed = { $action } para { $address }: FALLÓ.

## El informe para el soporte técnico (verify --report, diagnose --report). $path: el archivo o
## la carpeta.

cli-report-written = Informe guardado en { $path }
cli-report-not-written = No se pudo guardar el informe en { $path }.

## verify --all. $total, $passed, $failed: números de buzones.

cli-verify-all-none = Todavía no hay ningún buzón configurado en este equipo, así que no hay nada que verificar. Configure uno primero: mailsetup signin <dirección>
# En inglés dice "mailboxes" para cualquier número, como siempre.
cli-verify-all-summary = { $total ->
    [one] Se verificó { $total } buzón
   *[other] Se verificaron { $total } buzones
}: { $passed ->
    [one] { $passed } correcto
   *[other] { $passed } correctos
}, { $failed ->
    [one] { $failed } fallido
   *[other] { $failed } fallidos
}.
cli-verify-all-failed = { $address }: FALLÓ

## explain

cli-explain-paste = Pegue el texto del error y luego presione Ctrl-D (en Windows, Ctrl-Z y luego Enter):

## renew (las palabras propias de la renovación diaria son schedule-registered y schedule-removed, en health.ftl).

cli-renew-none = Ningún buzón de este equipo inicia sesión con Microsoft o Google: no hay nada que renovar.
cli-renew-renewed = ✓ { $address }: renovado.

## accounts list y accounts remove. $when: una fecha y hora; $account: la cuenta con la que se
## inició sesión, cuando no es el propio buzón; $address: el buzón.

cli-accounts-none = No hay buzones configurados en este equipo.
cli-accounts-check-passed = última comprobación correcta el { $when }
cli-accounts-check-failed = última comprobación FALLIDA el { $when }
cli-accounts-not-checked = aún sin comprobar
cli-accounts-in-vault = inicio de sesión guardado
cli-accounts-not-in-vault = FALTA el inicio de sesión en el almacén de contraseñas
cli-accounts-signed-in-as = sesión iniciada como { $account }
cli-accounts-removed = Se quitó { $address } de este equipo, junto con su inicio de sesión guardado.
cli-accounts-not-found = { $address } no estaba configurado en este equipo; no hay nada que quitar.

## admin show: las etiquetas van alineadas (el programa las rellena hasta la más larga).

cli-admin-show-settings-file = Archivo de configuración:
cli-admin-show-cloud = Nube de Microsoft:
cli-admin-show-authority = Autoridad de inicio de sesión:
cli-admin-show-tenant = Inquilino (tenant):
cli-admin-show-client-id = ID de aplicación (cliente):
cli-admin-show-client-type = Tipo de registro:
cli-admin-show-redirect = URI de redirección:
cli-admin-show-servers = SMTP / IMAP:
cli-admin-show-google = Inicio de sesión con Google:
cli-admin-show-outlook = Outlook.com:
cli-admin-show-no-settings-file = (ninguno: valores predeterminados integrados)
cli-admin-show-no-client-id = (sin definir: el inicio de sesión con Microsoft no está configurado)
# Después del tipo de cliente, o después del ID de cliente de Google.
cli-admin-show-secret-stored = (secreto de cliente guardado en el almacén de contraseñas)
cli-admin-show-no-google = sin definir: Gmail y Google Workspace usan contraseñas de aplicación
cli-admin-show-no-outlook = sin definir: las cuentas personales de Microsoft no pueden iniciar sesión
cli-admin-show-sources = Orígenes de la configuración leídos (el primero tiene prioridad):
cli-admin-show-no-sources = ninguno: cada ajuste tiene su valor predeterminado integrado
cli-admin-show-settings = Cada ajuste, su valor y de dónde viene el valor:
cli-admin-show-not-set = (sin definir)

## admin check. $client: el ID de cliente; $tenant: el ID del inquilino de la organización;
## $admin: el administrador que inició sesión; $folder: dónde se guardaron los archivos.

cli-admin-check-title = Comprobación del registro de aplicación
cli-admin-check-of = { $client }
cli-admin-check-in-tenant = en la organización { $tenant }
cli-admin-check-read-as = (leído con la cuenta { $admin }; no se guardó nada de este inicio de sesión)
cli-admin-check-saved-in = Los archivos para el personal se guardaron en { $folder }:
cli-admin-check-values = Definen estos valores (los demás conservan los valores predeterminados de la aplicación):
cli-admin-check-not-saved = Los archivos para el personal no se guardaron: primero todos los elementos deben ser correctos.

## admin export, admin set-client-secret, admin remove-client-secret. $path: un archivo guardado.

cli-admin-export-written = Guardado: { $path }
cli-admin-export-one-format = admin export: indique un solo --format para imprimir un archivo, o --out DIR para guardarlos
cli-admin-secret-prompt = Valor del secreto de cliente (no se muestra al escribirlo):
cli-admin-secret-stored = El secreto de cliente está guardado en el almacén de contraseñas de este equipo.
cli-admin-secret-removed = Se quitó el secreto de cliente del almacén de contraseñas.
cli-admin-secret-none = No había ningún secreto de cliente guardado.

## relay. $address: dónde escucha el retransmisor, o un buzón; $program y $name: el nombre de un programa
## tal como se escribió; $mailbox: el buzón como el que envía; $others: otras direcciones desde
## las que puede enviar; $host y $port: la dirección del retransmisor. Las etiquetas Servidor: …
## Contraseña: van alineadas.

cli-relay-listening = El retransmisor escucha en { $address }.
cli-relay-no-program-yet = Todavía ningún programa puede usarlo: agregue uno con mailsetup relay add <dirección> <programa>.
cli-relay-may-send = { $program } puede enviar como { $mailbox }
cli-relay-stop = Deténgalo con Ctrl+C.
cli-relay-removed = Se quitó { $program }: su contraseña del retransmisor ya no funciona.
cli-relay-not-found = Ningún programa llamado { $program } puede enviar como { $address } (mailsetup relay list muestra los nombres).
cli-relay-add-replaced = Se reemplazó la contraseña del retransmisor de "{ $name }": la anterior dejó de funcionar (los nombres no distinguen entre mayúsculas y minúsculas).
cli-relay-add-enter = "{ $name }" puede enviar como { $mailbox }. Escriba estos datos en la configuración de correo (SMTP) del programa:
cli-relay-add-server = Servidor:
cli-relay-add-server-value = { $host }   puerto { $port } (o el puerto indicado a mailsetup relay --listen)
cli-relay-add-security = Seguridad:
cli-relay-add-security-value = ninguna: desactive SSL/TLS y STARTTLS (el retransmisor solo está en este equipo)
cli-relay-add-user = Nombre de usuario:
cli-relay-add-password = Contraseña:
cli-relay-add-shown-once = La contraseña solo se muestra ahora; la aplicación la guarda en el almacén de contraseñas del sistema.
cli-relay-add-must-run = El retransmisor debe estar en funcionamiento: mailsetup relay, o el interruptor de la página Soporte técnico de la aplicación.
cli-relay-add-revoke = Para revocarla: mailsetup relay remove { $mailbox } "{ $name }"
cli-relay-list-none = Ningún programa puede usar el retransmisor: agregue uno con mailsetup relay add <dirección> <programa>.
cli-relay-list-program = { $program }: puede enviar como { $mailbox }
cli-relay-list-also = (también desde { $others })
