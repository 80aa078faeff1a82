## La página de escritorio (ui/): todas las palabras que muestra por sí misma. Los hallazgos y
## las palabras de los pasos vienen de los otros archivos. Los id empiezan por page-; una
## variable se escribe { $name } y la página la rellena (aquí no hay plurales ni otras
## opciones: la página solo pone valores en su sitio).

page-app-name = Mail Setup Assistant

## La lista de pasos de arriba y palabras que se usan en varias pantallas.

page-stepper-label = Progreso
page-stepper-address = Dirección
page-stepper-check = Conexión
page-stepper-signin = Iniciar sesión
page-stepper-verify = Comprobar correo
page-stepper-done = Listo
page-common-continue = Continuar
page-common-back = Atrás
page-common-cancel = Cancelar
page-common-try-again = Volver a intentarlo
page-common-copy = Copiar
page-common-copied = Copiado
page-common-select-and-copy = Seleccione y copie

## La palabra junto a la marca de cada paso (✓ ✗ ℹ) y las partes de la tarjeta de un hallazgo.

page-status-running = En curso…
page-status-passed = Correcto
page-status-failed = Falló
page-status-info = Nota
page-status-not-checked = Sin comprobar
page-step-details = Detalles
page-finding-for-user = Lo que puede hacer
page-finding-for-helpdesk = Para el soporte técnico
page-finding-for-admin = Para su administrador de TI
page-finding-more = Más información: { $url }
page-finding-details = Detalles para el soporte técnico

## 1. Dirección. $account es una dirección de correo.

page-address-heading = ¿Qué buzón desea configurar?
page-address-intro = Escriba la dirección de correo del buzón, por ejemplo su propia dirección o la de un departamento, como admisiones@.
page-address-label = Dirección de correo electrónico
page-address-shared = Es un buzón compartido o de un departamento que abro con mi propia cuenta
page-address-delegate-label = Su propia cuenta (con la que inicia sesión)
page-address-shared-help = Usted inicia sesión con su propia cuenta; la aplicación comprueba que esa cuenta puede leer (acceso total, "Full Access") y enviar como (enviar como, "Send As") el buzón compartido. Esto funciona con buzones profesionales o educativos de Microsoft 365.
page-address-accounts-heading = Ya configurados en este equipo
page-address-account-signed-in = sesión iniciada
page-address-account-check-failed = la última comprobación falló
page-address-account-missing = falta el inicio de sesión
page-address-account-shared = compartido, mediante { $account }

## 2. Conexión y la configuración de los servidores de correo escrita a mano. $address es el
## buzón, $provider quién lo ofrece (palabras del núcleo).

page-check-heading = Comprobando la conexión
page-check-intro = La aplicación comprueba que este equipo puede llegar a los servidores de correo de { $address } ({ $provider }) mediante conexiones seguras.
page-servers-heading = Configuración de los servidores de correo de { $address }
page-servers-intro = Las páginas de ayuda de su proveedor de correo o su departamento de TI tienen estos datos. La aplicación solo usa conexiones cifradas, así que su contraseña nunca viaja sin protección.
page-servers-imap = Servidor de correo entrante (IMAP)
page-servers-smtp = Servidor de correo saliente (SMTP)
page-servers-host = Nombre del servidor
page-servers-port = Puerto
page-servers-imap-example = por ejemplo imap.example.com
page-servers-smtp-example = por ejemplo smtp.example.com
page-servers-imap-port-hint = El puerto habitual es el 993.
page-servers-smtp-port-hint = El puerto habitual es el 587; el 465 también funciona.
page-servers-login = Nombre de inicio de sesión (opcional)
page-servers-login-hint = Déjelo vacío si inicia sesión con su dirección de correo completa.
page-servers-save = Guardar y volver a comprobar
page-servers-change = Cambiar la configuración de los servidores

## 3. Iniciar sesión con el navegador. $provider es Microsoft o Google, $account la cuenta con
## la que se inicia sesión, $time minutos y segundos (4:32), $browser el nombre de un navegador.

page-signin-with = Iniciar sesión con { $provider }
page-signin-heading-app-password = Iniciar sesión con una contraseña de aplicación de Google
page-signin-heading-password = Iniciar sesión con la contraseña de su buzón
page-signin-shared-note = Buzón compartido: usted inicia sesión con su propia cuenta, { $account }.
page-signin-shared-unused = Abrir un buzón con su propia cuenta solo funciona con buzones profesionales o educativos de Microsoft 365, así que no se usa { $account }: inicie sesión como { $address }.
page-signin-browser-opens = Su navegador web abrirá la página de inicio de sesión de { $provider }. Inicie sesión como { $account }.
page-signin-other-account = Si { $provider } le ofrece otra cuenta, elija "Usar otra cuenta".
page-signin-no-password = La aplicación nunca ve su contraseña. Solo guarda un token de inicio de sesión, en el almacén de contraseñas de este equipo.
page-signin-shared-open = ¿Es un buzón compartido o de un departamento que abre con su propia cuenta?
page-signin-waiting = Esperando a que termine de iniciar sesión en el navegador…
# El nombre del panel que se muestra mientras la aplicación espera al navegador (lo leen los lectores de pantalla)
page-signin-waiting-name = Iniciando sesión en el navegador
# El nombre del panel que muestra el código para escribir en otro dispositivo (lo leen los lectores de pantalla)
page-signin-device-name = Iniciar sesión con un código
page-signin-last-minute = Queda un minuto para terminar de iniciar sesión.
page-signin-time-left = Tiempo restante para terminar de iniciar sesión: { $time }
page-signin-link-summary = ¿No se abrió ninguna ventana? Mostrar el enlace de inicio de sesión
page-signin-link-help = Copie este enlace en un navegador web de este equipo (en una ventana privada si hay otra cuenta con la sesión iniciada). Funciona una sola vez, mientras esta página espera:
page-signin-copy-link = Copiar el enlace
page-signin-restart = Abrir de nuevo el inicio de sesión
page-signin-use-code-instead = ¿No hay navegador aquí? Usar un código
page-signin-device-open = En cualquier teléfono o equipo, abra
page-signin-device-enter = y escriba este código:
page-signin-device-as = Inicie sesión allí como { $account }. Esta página continúa sola.
page-signin-confirm-help = Si es la cuenta de otra persona, elija No: no se guarda nada.
page-signin-confirm-no = No, iniciar sesión de nuevo
page-signin-confirm-yes = Sí, usar esta cuenta
page-signin-retry-pick = Volver a intentarlo y elegir la cuenta
page-signin-private = Usar una ventana privada
page-signin-private-browser = Navegador para la ventana privada
page-signin-browser-default = { $browser } (predeterminado)
page-signin-use-code = ¿No hay navegador aquí? Usar un código
page-signin-use-app-password = Usar una contraseña de aplicación
page-signin-use-password = Usar una contraseña
page-signin-why-no-oauth = ¿Por qué no aparece "Iniciar sesión con { $provider }"?

## 3. Iniciar sesión con una contraseña: una contraseña de aplicación de Google o la contraseña
## del propio buzón. $term son las palabras "contraseña de aplicación" (page-password-app-term),
## $name el nombre de la aplicación, $create la palabra del botón de Google
## (page-password-howto-create), $method cómo inicia sesión el buzón.

page-password-app-term = contraseña de aplicación
page-password-app-intro = Gmail necesita una { $term } para esta aplicación. Una contraseña de aplicación es una contraseña de 16 letras que Google crea para un programa de correo. La escribe aquí en lugar de su contraseña de Google, así su verdadera contraseña de Google sigue siendo privada. Puede eliminarla en su cuenta de Google en cualquier momento.
page-password-howto = Cómo obtenerla
page-password-howto-2sv = La verificación en dos pasos debe estar activada en su cuenta de Google (Cuenta de Google → Seguridad → Verificación en dos pasos).
page-password-howto-open = En cualquier equipo o teléfono, abra esta dirección en un navegador web e inicie sesión como { $address }:
page-password-howto-create = Crear
page-password-howto-name = Escriba un nombre, como { $name }, y elija { $create }.
page-password-howto-paste = Google muestra 16 letras en un recuadro amarillo. Escríbalas o péguelas abajo.
page-password-missing-heading = ¿No aparece la opción de contraseñas de aplicación en esa página?
page-password-missing-when = Google no ofrece contraseñas de aplicación cuando:
page-password-missing-keys = su cuenta usa solo llaves de seguridad (o llaves de acceso) para la verificación en dos pasos;
page-password-missing-admin = es una cuenta de Google de un centro educativo o de trabajo y su administrador desactivó las contraseñas de aplicación;
page-password-missing-advanced = su cuenta está en el Programa de Protección Avanzada de Google.
page-password-missing-then = En ese caso, pida a su departamento de TI que configure "Iniciar sesión con Google" en esta aplicación. O, si es una cuenta personal, agregue otro método de verificación en dos pasos (como las notificaciones de Google en su teléfono o una aplicación de autenticación) y vuelva a mirar.
page-password-intro = Escriba la contraseña de su buzón. La aplicación la comprueba con el servidor de correo y solo la guarda en el almacén de contraseñas de este equipo.
page-password-servers = Servidores de correo
page-password-servers-unknown = aún no se conocen
page-password-servers-imap = Correo entrante (IMAP)
page-password-servers-smtp = Correo saliente (SMTP)
page-password-servers-login = Nombre de inicio de sesión
page-password-servers-login-address = su dirección de correo
page-password-servers-source = Configuración obtenida de
page-password-app-label = Contraseña de aplicación (16 letras)
page-password-app-note = Los espacios no importan: escriba o pegue las letras tal como las muestra Google.
page-password-label = Contraseña
page-password-note = Escríbala exactamente como en el correo web, con mayúsculas donde las tenga.
page-password-hint = Primero escriba la contraseña y después elija Guardar y comprobar.
page-password-use-oauth = Iniciar sesión con { $provider }
page-password-submit = Guardar y comprobar

## 4. Comprobar correo y 5. Listo.

page-verify-heading = Comprobar que el correo funciona
page-verify-intro = La aplicación inicia sesión en el servidor de envío y en el buzón con el inicio de sesión guardado.
page-verify-send-test = Enviar un mensaje de prueba a { $address } y buscarlo en la bandeja de entrada
page-verify-run = Ejecutar la comprobación
page-done-heading = { $address } está listo
page-done-summary-as = Sesión iniciada como { $account }. El inicio de sesión se guarda en el almacén de contraseñas de este equipo, y el envío y la recepción funcionan.
page-done-summary = El inicio de sesión se guarda en el almacén de contraseñas de este equipo, y el envío y la recepción funcionan.
page-done-forget = Olvidar este buzón en este equipo
page-done-report = Informe para soporte técnico
page-done-another = Configurar otro buzón
page-done-forgotten = Se quitaron de este equipo { $address } y su inicio de sesión guardado.
page-done-not-set-up = { $address } no estaba configurado en este equipo.

## La página de administración.

page-admin-heading = Administración
page-admin-intro = Lo que este equipo usa para iniciar sesión en Microsoft y Google. El departamento de TI lo define en el archivo de configuración; el personal nunca necesita escribirlo.
page-admin-settings-file = Archivo de configuración
page-admin-settings-file-none = ninguno (valores predeterminados integrados)
page-admin-cloud = Nube
page-admin-authority = Autoridad de inicio de sesión
page-admin-tenant = Inquilino (tenant)
page-admin-client-id = ID de aplicación (cliente)
page-admin-client-id-none = sin definir: el inicio de sesión con Microsoft no está configurado
page-admin-client-type = Tipo de registro
page-admin-type-public = Público (Aplicaciones móviles y de escritorio)
page-admin-type-confidential-stored = Confidencial ("Web"), secreto de cliente guardado en el almacén
page-admin-type-confidential-missing = Confidencial ("Web"), todavía sin secreto de cliente guardado
page-admin-redirect = URI de redirección
page-admin-smtp = Servidor de envío
page-admin-imap = Servidor del buzón
page-admin-outlook-client-id = ID de cliente para cuentas personales (Outlook.com)
page-admin-google-client-id = ID de cliente OAuth de Google
page-admin-google-client-id-none = sin definir: Gmail usa contraseñas de aplicación
page-admin-not-set = sin definir
page-admin-secret-stored = guardado en el almacén
page-admin-secret-not-stored = todavía no guardado
page-admin-secret-not-needed = no guardado (no hace falta sin un ID de cliente de Google)
page-admin-origins-heading = De dónde viene cada valor
page-admin-origins-intro = Lo que el departamento de TI define para este equipo (una directiva de grupo, un perfil de configuración o el archivo de configuración de TI) tiene prioridad sobre el archivo de configuración propio de un usuario.
page-admin-origins-setting = Opción
page-admin-origins-value = Valor
page-admin-origins-from = Origen
page-admin-secret-heading = Secreto de cliente (registro "Web")
page-admin-secret-value-term = Valor
page-admin-secret-intro = Este registro es confidencial, así que Microsoft necesita su secreto de cliente. Escriba el { $value } del secreto una vez; se guarda solo en el almacén de contraseñas de este equipo y no vuelve a mostrarse.
page-admin-secret-label = Valor del secreto de cliente
page-admin-secret-remove = Quitar el secreto guardado
page-admin-secret-save = Guardar en el almacén
page-admin-secret-saved = El secreto de cliente está guardado en el almacén de contraseñas de este equipo.
page-admin-secret-removed = Se quitó el secreto de cliente.
page-admin-google-secret-heading = Secreto de cliente de Google
page-admin-google-secret-intro = El cliente OAuth de Google definido en el archivo de configuración necesita su secreto de cliente para "Iniciar sesión con Google". Escríbalo una vez; se guarda solo en el almacén de contraseñas de este equipo y no vuelve a mostrarse.
page-admin-google-secret-saved = El secreto de cliente de Google está guardado en el almacén de contraseñas de este equipo.
page-admin-google-secret-removed = Se quitó el secreto de cliente de Google.
page-admin-regcheck-heading = Registro de aplicación
page-admin-regcheck-intro = Comprueba el registro de arriba en Microsoft Entra: que existe y está habilitado, que está configurado para una aplicación de escritorio, que tiene el URI de redirección y los permisos que la aplicación necesita, con consentimiento para todos, y ninguno que no necesite. Usted inicia sesión una vez con su propia cuenta de administrador, solo para leer; no se guarda nada de su inicio de sesión.
page-admin-regcheck-admin = Su cuenta de administrador (opcional)
page-admin-regcheck-start = Comprobar el registro de aplicación
page-admin-regcheck-waiting = Inicie sesión en la ventana del navegador que se abrió. ¿No se abrió ninguna ventana? Copie este enlace en un navegador web de este equipo:
page-admin-staff-heading = Archivos para el personal
page-admin-staff-intro = Cuando la comprobación sea correcta, guarde la configuración para el personal como archivos que el departamento de TI implementa: para equipos Windows (directiva de grupo o Intune), para Mac (administración de dispositivos) y para Linux. Los valores que confirmó la comprobación ya están rellenados, así que nadie tiene que volver a escribirlos. Los archivos se guardan en una carpeta nueva dentro de su carpeta Documentos.
page-admin-staff-none = Primero ejecute la comprobación de arriba: este botón funciona cuando todos los elementos son correctos.
page-admin-staff-running = Esperando a que termine la comprobación.
page-admin-staff-failed = No disponible: la comprobación no fue correcta. Corrija los elementos de arriba y vuelva a comprobar.
page-admin-staff-passed = Listo: todos los elementos son correctos.
page-admin-staff-save = Guardar archivos para el personal
page-admin-staff-saved = Los archivos para el personal están guardados.
page-admin-staff-folder = Están en esta carpeta:
page-admin-staff-copy = Copiar la ubicación de la carpeta
page-admin-staff-files = Cada archivo y para qué sirve:
page-admin-staff-values = Los valores rellenados (todo lo demás conserva los valores estándar de la aplicación):
page-admin-back = Volver al asistente

## La página de soporte técnico. $time es una fecha y hora que escribe la página, $action el
## nombre de una comprobación (palabras del núcleo), $folder y $path lugares de este equipo.

page-helpdesk-heading = Soporte técnico
page-helpdesk-intro = Los buzones configurados en este equipo, una comprobación completa de cada uno con un informe para copiar o guardar, y la explicación de cualquier mensaje de error que pegue.
page-helpdesk-mailboxes-heading = Buzones de este equipo
page-helpdesk-mailboxes-intro = "Ejecutar comprobación completa" prueba la conexión, luego inicia sesión con el inicio de sesión guardado y envía un mensaje de prueba al propio buzón. Las horas están en la zona horaria de este equipo; un token de acceso dura aproximadamente una hora, y la aplicación lo renueva a partir del inicio de sesión guardado cuando lo necesita.
page-helpdesk-empty = Todavía no hay ningún buzón configurado en este equipo.
page-helpdesk-setup = Configurar un buzón
page-helpdesk-signed-in-as = Sesión iniciada como
page-helpdesk-login-name = Nombre de inicio de sesión
page-helpdesk-shared-via = compartido, mediante { $account }
page-helpdesk-shared-unknown = compartido (no se sabe con qué cuenta se abre)
page-helpdesk-not-known = no se sabe
page-helpdesk-never = nunca
page-helpdesk-last-success = Última comprobación correcta
page-helpdesk-method = Inicio de sesión
page-helpdesk-method-vault = { $method }, guardada en el almacén
page-helpdesk-last-refresh = Última renovación del inicio de sesión
page-helpdesk-token-expires = El token de acceso caduca
page-helpdesk-expired = caducado ({ $time })
page-helpdesk-added = Configurado en este equipo
page-helpdesk-health = Cuánto dura el inicio de sesión
page-helpdesk-tenant = Inquilino (tenant)
page-helpdesk-mark-missing = Falta el inicio de sesión en el almacén de este equipo
page-helpdesk-mark-failed = La última comprobación falló
page-helpdesk-mark-failed-at = La última comprobación falló ({ $time })
page-helpdesk-mark-ended = El inicio de sesión terminó: vuelva a iniciar sesión
page-helpdesk-mark-ends-soon = El inicio de sesión termina pronto
page-helpdesk-mark-passed = La última comprobación fue correcta
page-helpdesk-mark-unchecked = Todavía sin comprobar
page-helpdesk-full-check = Ejecutar comprobación completa
page-helpdesk-full-check-of = Ejecutar comprobación completa de { $address }
page-helpdesk-show-report = Ver informe
page-helpdesk-show-report-of = Ver informe de { $address }
page-helpdesk-result-passed = { $action }: sin errores
page-helpdesk-result-failed = { $action }: con errores
page-helpdesk-report-heading = Informe de { $address }
page-helpdesk-report-passed = Todo lo comprobado en esta sesión fue correcto.
page-helpdesk-report-not-passed = No todo fue correcto, o todavía no se comprobó nada en esta sesión.
page-helpdesk-report-folder = "Guardar informe" pone el archivo en { $folder }.
page-helpdesk-report-text = El informe como texto
page-helpdesk-report-save-json = Guardar como JSON
page-helpdesk-report-copy = Copiar informe
page-helpdesk-report-save = Guardar informe
page-helpdesk-report-saved = Guardado en { $path }
page-helpdesk-renewal-heading = Evitar que los inicios de sesión terminen
page-helpdesk-renewal-intro = Microsoft termina un inicio de sesión que no se usa durante 90 días. La aplicación renueva los inicios de sesión al abrirse; este equipo también puede renovarlos una vez al día, aunque la aplicación esté cerrada.
page-helpdesk-renewal-on = Renovar los inicios de sesión a diario
page-helpdesk-renewal-off = Detener la renovación diaria
page-helpdesk-paste-heading = Pegar un error
page-helpdesk-paste-label = Pegue aquí el texto de un error: un mensaje de un programa de correo (Outlook, Thunderbird, una copiadora o un escáner), la respuesta de un servidor de correo o el texto de una página de error de inicio de sesión.
page-helpdesk-paste-private = El texto solo se lee en este equipo; no se envía a ninguna parte.
page-helpdesk-paste-hint = Primero pegue el texto del error en el cuadro y después elija Explicar.
page-helpdesk-paste-explain = Explicar

## El retransmisor local (en la página de soporte técnico). $program es el nombre de un programa tal
## como se escribió, $mailbox una dirección de correo, $address dónde escucha el retransmisor
## (127.0.0.1:1587).

page-relay-heading = Programas que solo conocen una contraseña (retransmisor local)
page-relay-intro = Un escáner, un programa de correo antiguo o un script que envía con un nombre de usuario y una contraseña puede enviar a través de esta aplicación: la aplicación envía su correo con el inicio de sesión moderno del buzón. El retransmisor solo acepta correo de programas de este equipo (127.0.0.1, puerto 1587), y cada programa tiene su propia contraseña del retransmisor.
page-relay-switch = Ejecutar el retransmisor mientras la aplicación está abierta
page-relay-running = En funcionamiento en { $address }. Los programas de este equipo le envían el correo con su contraseña del retransmisor.
page-relay-stopped = Detenido. Los programas que envían a través de él no pueden enviar hasta que se ejecute.
page-relay-sends-as = { $program }: envía como { $mailbox }
page-relay-remove = Quitar
page-relay-remove-program = Quitar { $program } ({ $mailbox })
page-relay-mailbox = Buzón
page-relay-program = Nombre del programa
page-relay-program-example = escáner
page-relay-add = Agregar programa
page-relay-added = Se agregó { $program }.
page-relay-replaced = Se reemplazó la contraseña del retransmisor de { $program }: la anterior dejó de funcionar.
page-relay-added-enter = Escriba estos datos en su configuración de correo (SMTP). La contraseña solo se muestra ahora.
page-relay-server = Servidor
page-relay-port = Puerto
page-relay-security = Seguridad
page-relay-security-none = ninguna: desactive SSL/TLS y STARTTLS (el retransmisor solo está en este equipo)
page-relay-user = Nombre de usuario
page-relay-password = Contraseña
page-relay-copy-password = Copiar contraseña

## La línea de abajo. $file es la ubicación del archivo de configuración.

page-footer-version = Versión { $version }
page-footer-settings = configuración: { $file }
