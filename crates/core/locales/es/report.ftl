## El informe para el soporte técnico (texto y HTML; su JSON no tiene palabras). $mailbox: la
## dirección del buzón.

report-title = Informe de Mail Setup Assistant: { $mailbox }
report-title-text = INFORME DE MAIL SETUP ASSISTANT — { $mailbox }
report-all-passed = Todo lo comprobado salió bien.
report-something-failed = Algo falló: vea las partes en rojo más abajo.
report-technical-detail = Detalle técnico
report-for-admin = Para el administrador:
report-for-audience = { $audience ->
    [user] para el usuario
    [helpdesk] para el soporte técnico
   *[admin] para el administrador
}
report-section-about = Buzón y equipo
report-section-servers = Servidores
report-section-token = Datos del token de acceso (el token nunca se muestra)
report-result = { $action }: { $passed ->
    [yes] correcta
   *[no] FALLÓ
}
report-field-mailbox = Buzón
report-field-app = Aplicación
report-field-computer = Equipo
report-field-log = Archivo de registro (log)
report-field-made = Informe creado
report-field-provider = Proveedor
report-field-sending-server = Servidor de envío
report-field-mailbox-server = Servidor del buzón
report-field-sign-in-method = Forma de iniciar sesión
report-field-authority = Autoridad de inicio de sesión
report-field-client-id = Registro de aplicación (ID de cliente)
report-field-scopes = Alcances (scopes)
report-field-saved = Guardado en este equipo
report-field-signed-in-as = Sesión iniciada como
report-field-signed-in-as-delegate = Sesión iniciada como (delegado)
report-field-set-up = Configurado
report-field-last-success = Última comprobación correcta
report-field-last-renewed = Última renovación
report-field-token-expires = El token de acceso caduca
report-field-health = Cuánto dura el inicio de sesión
report-field-sending-addresses = Direcciones del servidor de envío
report-field-mailbox-addresses = Direcciones del servidor del buzón
report-field-smtp-greeting = Saludo SMTP
report-field-smtp-before-tls = SMTP antes de TLS
report-field-smtp-after-tls = SMTP después de TLS
report-field-smtp-tls = TLS de SMTP
report-field-imap-capabilities = Capacidades IMAP
report-field-imap-tls = TLS de IMAP
report-field-port = Puerto
report-field-sign-in-service = Servicio de inicio de sesión
report-field-proxy = Proxy
report-field-certificates = Certificados comprobados por
report-field-tid = Inquilino (tid)
report-field-oid = Objeto de usuario (oid)
report-field-upn = Usuario (upn)
report-field-aud = Servicio (aud)
report-field-scp = Permisos (scp)
report-no = no
report-never = nunca

## Lo que encontró la comprobación de un puerto (las líneas "Puerto" del informe).
report-port-open = abierto
report-port-refused = rechazado
report-port-no-answer = sin respuesta
report-port-name-not-found = nombre no encontrado
report-port-error = error de red
