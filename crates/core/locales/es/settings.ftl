## Los ajustes: el título de cada sección y la etiqueta de cada ajuste, con su descripción para el
## administrador (admin show, la página del administrador; los archivos de implementación van en inglés).

settings-section-app = La aplicación
settings-section-microsoft = Inicio de sesión de Microsoft 365
settings-section-google = Iniciar sesión con Google
settings-section-outlook = Cuentas personales de Microsoft (Outlook.com)
settings-section-autoconfig = Detección de servidores
settings-section-dns = DNS
settings-section-servers = Servidores de correo
settings-section-tls = Certificados de confianza
settings-section-timeouts = Tiempos de espera

setting-app-language = Idioma
    .description = El idioma de las palabras de la aplicación: en (inglés) o es (español). Déjelo sin poner para seguir el idioma del equipo.
setting-microsoft-cloud = Nube de Microsoft
    .description = global, usgov o china: la nube nacional del inquilino (tenant), que fija los servidores de inicio de sesión y de correo.
setting-microsoft-authority = Autoridad de inicio de sesión
    .description = La dirección base del servicio de inicio de sesión de Microsoft (solo https). Déjela vacía: la fija la nube.
setting-microsoft-tenant = Inquilino (tenant)
    .description = El inquilino (tenant) de Microsoft Entra: su ID, un dominio comprobado, u organizations para cualquier cuenta profesional o educativa.
setting-microsoft-client-id = ID de aplicación (cliente)
    .description = Cópielo de la página Información general del registro de la aplicación en el centro de administración de Microsoft Entra (un GUID).
setting-microsoft-client-type = Tipo de registro
    .description = public para un registro "Mobile and desktop applications" (Aplicaciones móviles y de escritorio, recomendado); confidential para un registro "Web", cuyo secreto de cliente se escribe una vez en la página del administrador y se guarda en el almacén de cada equipo.
setting-microsoft-redirect = URI de redirección
    .description = El URI de redirección registrado para la aplicación: http://localhost o http://127.0.0.1, con una ruta opcional (la aplicación añade el puerto).
setting-microsoft-admin-accounts = Cuentas de administrador
    .description = Cuentas que nunca deben aceptarse como inicio de sesión de un buzón, como los administradores del inquilino (una lista de direcciones; en una directiva, una por línea).
setting-microsoft-start-page-seconds = Espera de la página de inicio (segundos)
    .description = Segundos que se muestra la página de inicio de la aplicación antes de la página de inicio de sesión de Microsoft (de 0 a 60).
setting-microsoft-graph = Dirección de Microsoft Graph
    .description = El Microsoft Graph que lee la comprobación del registro (solo https). Déjela vacía: la fija la nube (un inquilino US Government DoD fija https://dod-graph.microsoft.us).
setting-microsoft-check-client-id = ID de la aplicación (cliente) de la comprobación del registro
    .description = La aplicación con la que un administrador inicia sesión para comprobar el registro. Déjelo vacío: "Microsoft Graph Command Line Tools" de Microsoft; ponga otra solo si su organización bloquea esa.
setting-google-client-id = ID de cliente OAuth de Google
    .description = El ID de cliente de un cliente OAuth de Google de tipo "Desktop app" (aplicación de escritorio), para "Iniciar sesión con Google". Sin él, Gmail y Google Workspace usan contraseñas de aplicación.
setting-google-authorize-url = Punto de conexión de autorización de Google
    .description = El punto de conexión de autorización de Google (https). Déjelo vacío salvo que un proxy exija otra dirección.
setting-google-token-url = Punto de conexión de tokens de Google
    .description = El punto de conexión de tokens de Google (https). Déjelo vacío salvo que un proxy exija otra dirección.
setting-outlook-client-id = ID de cliente de cuentas personales (Outlook.com)
    .description = El ID de aplicación (cliente) de un registro que acepta cuentas personales de Microsoft (Outlook.com, Hotmail).
setting-autoconfig-ispdb = Base de datos de configuración automática de Thunderbird
    .description = Dónde busca la aplicación los servidores de correo de otros proveedores (https).
setting-dns-server = Servidor DNS
    .description = El servidor DNS para buscar los servidores de correo de un dominio, como dirección IP con :puerto opcional. Vacío: el del propio equipo.
setting-servers-smtp = Servidor de envío (SMTP)
    .description = host:puerto del servidor de envío SMTP, en lugar del del proveedor.
setting-servers-imap = Servidor del buzón (IMAP)
    .description = host:puerto del servidor IMAP, en lugar del del proveedor.
setting-tls-extra-ca-file = Archivo de certificados de CA adicionales
    .description = Un archivo PEM de certificados de confianza además de los del equipo, p. ej. para un proxy que inspecciona TLS. Una ruta relativa es relativa al archivo de configuración; en una directiva, a la carpeta del archivo de configuración del equipo.
setting-timeouts-connect = Tiempo de espera de conexión (segundos)
    .description = Conectar con un servidor, con TLS, al iniciar sesión o comprobar (predeterminado 10).
setting-timeouts-command = Tiempo de espera de comando (segundos)
    .description = Un comando SMTP o IMAP y su respuesta (predeterminado 30).
setting-timeouts-http = Tiempo de espera de solicitud web (segundos)
    .description = Una solicitud al servicio de inicio de sesión (predeterminado 30).
setting-timeouts-sign-in = Espera del inicio de sesión (segundos)
    .description = Cuánto espera la aplicación a que la persona termine de iniciar sesión en el navegador (predeterminado 300).
setting-timeouts-message-arrival = Espera del mensaje de prueba (segundos)
    .description = Cuánto espera la aplicación a que llegue el mensaje de prueba (predeterminado 10).
setting-timeouts-discovery = Tiempo de espera de detección (segundos)
    .description = Cada búsqueda del proveedor de un dominio (predeterminado 5).
setting-timeouts-probe = Tiempo de espera de comprobación de puertos (segundos)
    .description = Cada comprobación de un puerto en la comprobación de la conexión (predeterminado 2,5).

## De dónde vino el valor de un ajuste (admin show, la página del administrador). $place (String) - la
## clave del registro o la ruta del archivo.
origin-policy = directiva de TI para este equipo (directiva de grupo o Intune), { $place }
origin-managed-preferences = perfil de TI para este equipo (preferencias administradas), { $place }
origin-machine-file = archivo de configuración de TI para este equipo, { $place }
origin-user-file = archivo de configuración de este usuario, { $place }
origin-config-file = el archivo de configuración dado con --config o MAILSETUP_CONFIG, { $place }
origin-text = el texto de configuración dado a la aplicación
origin-default = valor predeterminado
origin-not-set = sin definir

## Para qué sirve cada archivo de implementación y dónde va.
deploy-purpose-admx = Windows (directiva de grupo o Intune): la plantilla de directivas. Cópiela en la carpeta PolicyDefinitions (o impórtela en Intune como archivo ADMX) y active las directivas de la aplicación para los equipos.
deploy-purpose-adml = Windows: las palabras en inglés de la plantilla. Cópielo en PolicyDefinitions\en-US junto a la plantilla; el cuadro de cada directiva empieza con el valor comprobado.
deploy-purpose-mobileconfig = Mac: un perfil de configuración con los ajustes. Súbalo a su gestión de dispositivos (MDM, por ejemplo Jamf o Intune) para los Mac.
deploy-purpose-toml = Linux (o un solo equipo): el archivo de configuración. Cópielo en /etc/mailsetup/settings.toml.
