## Los pasos de una comprobación, un inicio de sesión o una verificación. Cada mensaje es un
## paso (su nombre en kebab-case, después de step-): su valor dice lo que hace el paso (se
## muestra mientras se ejecuta); .passed dice lo que encontró cuando salió bien, en una línea
## para la persona (los datos técnicos están en los detalles del paso y en el informe).

step-prepare = Preparando
    .passed = Listo
step-discover = Averiguando quién ofrece este buzón
    .passed = Se sabe quién ofrece el buzón
step-dns = Buscando los servidores de correo
    .passed = Se encontraron los servidores de correo
step-smtp-connect = Conectando de forma segura con el servidor de envío
    .passed = El servidor de envío respondió por una conexión segura
step-imap-connect = Conectando de forma segura con el servidor del buzón
    .passed = El servidor del buzón respondió por una conexión segura
step-loopback = Preparando el inicio de sesión
    .passed = El inicio de sesión está preparado
step-open-browser = Abriendo el navegador web
    .passed = El navegador web abrió la página de inicio de sesión
step-browser-sign-in = Esperando a que inicie sesión en el navegador
    .passed = Inició sesión
step-device-code = Obteniendo un código de inicio de sesión
    .passed = Hay un código de inicio de sesión listo
step-device-sign-in = Esperando a que escriba el código e inicie sesión
    .passed = Inició sesión con el código
step-code-exchange = Completando el inicio de sesión
    .passed = El inicio de sesión está completo
step-token-check = Comprobando lo que permite el inicio de sesión
    .passed = El inicio de sesión permite leer y enviar correo
step-account-check = Comprobando qué cuenta inició sesión
    .passed = Inició sesión la cuenta correcta
step-vault-store = Guardando el inicio de sesión en el almacén de este equipo
    .passed = El inicio de sesión está guardado de forma segura en este equipo
step-vault-read = Leyendo el inicio de sesión guardado
    .passed = Se encontró el inicio de sesión guardado
step-token-refresh = Renovando el inicio de sesión
    .passed = El inicio de sesión está al día
step-smtp-auth = Iniciando sesión en el servidor de envío
    .passed = El servidor de envío aceptó el inicio de sesión
step-smtp-send = Enviando un mensaje de prueba al buzón
    .passed = Se envió un mensaje de prueba
step-imap-auth = Iniciando sesión en el buzón
    .passed = El buzón aceptó el inicio de sesión
step-imap-select = Abriendo la bandeja de entrada
    .passed = La bandeja de entrada se abrió
step-imap-find = Buscando el mensaje de prueba en la bandeja de entrada
    .passed = El mensaje de prueba llegó a la bandeja de entrada
step-port25 = Comprobando el puerto 25 (solo como información)
    .passed = Se comprobó el puerto 25
step-port465 = Comprobando el puerto 465 (solo como información)
    .passed = Se comprobó el puerto 465
step-identity-provider = Contactando con el servicio de inicio de sesión
    .passed = El servicio de inicio de sesión respondió
step-proxy = Revisando la configuración del proxy
    .passed = Se leyó la configuración del proxy
step-password-form = Revisando la forma de la contraseña
    .passed = Se comprobó la forma de la contraseña
step-clock = Comparando el reloj de este equipo con el del servicio de inicio de sesión
    .passed = El reloj de este equipo está en hora
step-read-registration = Leyendo el registro de aplicación en Microsoft Graph
    .passed = Se leyó el registro de aplicación
step-client-secret-trial = Probando el secreto de cliente guardado con Microsoft
    .passed = Microsoft aceptó el secreto de cliente guardado

## Lo que se hizo, en conjunto (el título del resultado).
action-check = Comprobación de la conexión
action-sign-in = Inicio de sesión
action-verify = Verificación

## El tipo de buzón y cómo inicia sesión, en palabras.
provider-microsoft365 = cuenta profesional o educativa de Microsoft 365
provider-microsoft-personal = cuenta personal de Microsoft (Outlook.com, Hotmail)
provider-google = cuenta de Gmail o Google Workspace
provider-other = buzón de otro proveedor
sign-in-method-oauth = OAuth 2.0 en el navegador (XOAUTH2)
sign-in-method-app-password = contraseña de aplicación de Google
sign-in-method-password = Contraseña

## Lo que el primer paso averiguó del buzón ($org: el nombre de la organización; $cloud: el
## nombre de una nube de Microsoft; $domain: el dominio del buzón; $source: de dónde vino la
## configuración).
discovery-m365-cloud-org = Es una cuenta profesional o educativa de { $cloud } de { $org }.
discovery-m365-org = Es una cuenta profesional o educativa de Microsoft 365 de { $org }.
discovery-m365 = Es una cuenta profesional o educativa de Microsoft 365.
discovery-personal = Es una cuenta personal de Microsoft (Outlook.com o Hotmail).
discovery-google = Este buzón está en Google (Gmail o Google Workspace).
discovery-unknown = La aplicación no pudo averiguar quién ofrece el correo de { $domain }: escriba la configuración del servidor de correo (la tiene su proveedor o su departamento de TI).
discovery-autoconfig = La aplicación encontró la configuración de correo de { $domain } ({ $source }).
discovery-settings-servers = La aplicación no pudo averiguar quién ofrece el correo de { $domain }; usa los servidores de correo indicados en el archivo de configuración.
