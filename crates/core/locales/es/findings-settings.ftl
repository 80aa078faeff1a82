## Hallazgos: configuración. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución, en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén para cada sistema).
## Variables: vea findings-common.ftl (param-*).

invalid-address = Esa no es una dirección de correo electrónico que podamos usar
    .explanation = { $problem }
    .step-1 = Escriba solo la dirección del buzón, por ejemplo ann@example.edu, y vuelva a intentarlo.

settings-invalid = No se puede usar la configuración
    .explanation = La aplicación no pudo usar su configuración: { $problem }
    .step-1 = Corrija el campo indicado arriba en el lugar donde está definido: en el archivo de configuración indicado o, si se indica una clave del registro de Windows (HKLM\SOFTWARE\Policies\mailsetup) o un archivo de preferencias administradas, en la directiva de grupo o el perfil de Intune o MDM que implementa el departamento de TI.
    .step-2 = Omita un campo (o déjelo vacío) para usar el valor estándar.
    .step-3 = Vuelva a abrir la aplicación.

deployment-files-not-saved = No se pudieron guardar los archivos de implementación
    .explanation = La aplicación no pudo guardar los archivos de implementación: { $problem }
    .step-1 = Elija una carpeta en la que pueda escribir, por ejemplo su carpeta Documentos, y vuelva a guardar.
    .step-2 = Si es una carpeta compartida en red, compruebe que se puede acceder a ella y que tiene permiso para escribir en ella.

schedule-failed = No se pudo configurar la renovación diaria
    .explanation = La aplicación no pudo registrar la renovación diaria de los inicios de sesión en el programador de tareas de este equipo: { $problem }. No cambió nada más: los inicios de sesión siguen funcionando, y al abrir la aplicación se renuevan los que lo necesitan.
    .step-1 = Vuelva a ejecutar `mailsetup renew --schedule` en una ventana de terminal con la cuenta de la persona (no como administrador): la tarea pertenece a su cuenta.
    .step-2 = Si vuelve a fallar, renueve a mano de vez en cuando (`mailsetup renew --all`), o deje que el departamento de TI programe ese comando con sus propias herramientas.

deployment-needs-passed-check = Primero compruebe el registro de aplicación
    .explanation = Los archivos para el personal llevan el registro de aplicación que confirmó la comprobación. No se ha superado ninguna comprobación desde que se abrió la aplicación, así que no se guardó ningún archivo.
    .step-1 = Elija "Comprobar el registro de aplicación" e inicie sesión con su cuenta de administrador.
    .step-2 = Cuando se hayan superado todos los puntos, vuelva a guardar los archivos para el personal.

app-not-configured = El inicio de sesión con Microsoft todavía no está configurado para esta aplicación
    .explanation = Para iniciar sesión con Microsoft, la aplicación necesita el registro de aplicación de su organización (un ID de cliente). No hay ninguno configurado, así que la aplicación no puede abrir la página de inicio de sesión de Microsoft.
    .step-1 = En el Centro de administración de Microsoft Entra, registre una aplicación: Identidad → Aplicaciones → Registros de aplicaciones → Nuevo registro.
    .step-2 = En Autenticación, agregue la plataforma "Aplicaciones móviles y de escritorio" con el URI de redirección http://localhost.
    .step-3 = En Permisos de API, agregue los permisos delegados SMTP.Send e IMAP.AccessAsUser.All (aparecen en Microsoft Graph → Office 365 Exchange Online), además de openid, profile, email y offline_access, y conceda el consentimiento.
    .step-4 = Escriba el ID del inquilino (tenant) y el ID de aplicación (cliente) en el archivo de configuración de Mail Setup Assistant, en [microsoft] client_id y tenant.

personal-sign-in-not-configured = El inicio de sesión con cuentas personales de Microsoft no está configurado para esta aplicación
    .explanation = Las cuentas de Outlook.com y Hotmail inician sesión en el servicio de Microsoft para consumidores, que necesita un registro de aplicación que acepte cuentas personales. No hay ninguno configurado.
    .step-1 = En el Centro de administración de Microsoft Entra, registre una aplicación cuyos tipos de cuenta admitidos incluyan "Personal Microsoft accounts" (Cuentas personales de Microsoft).
    .step-2 = En Autenticación, agregue la plataforma "Aplicaciones móviles y de escritorio" con el URI de redirección http://localhost; agregue los permisos delegados IMAP.AccessAsUser.All y SMTP.Send (Office 365 Exchange Online), además de offline_access.
    .step-3 = Escriba su ID de aplicación (cliente) en el archivo de configuración, en [outlook] client_id.

client-secret-missing = El registro de aplicación necesita un secreto de cliente
    .explanation = La configuración indica que el registro de aplicación { $client_id } es un registro confidencial ("Web"), así que Microsoft exige un secreto de cliente, pero no hay ninguno guardado en este equipo.
    .step-1 = Preferiblemente, convierta el registro en un cliente público: mueva el URI de redirección a "Aplicaciones móviles y de escritorio" y ponga client_type = "public" en la configuración.
    .step-2 = Si no, escriba el secreto una sola vez en la página de administración (Admin) de la aplicación (o ejecute: mailsetup admin set-client-secret). Solo se guarda en el almacén de contraseñas de este equipo.

server-settings-needed = La aplicación necesita la configuración del servidor de correo para { $domain }
    .explanation = La aplicación no pudo averiguar qué servidores gestionan el correo de { $domain }: el proveedor no publica ninguna configuración automática.
    .step-1 = Escriba los nombres y los puertos de los servidores de entrada (IMAP) y de salida (SMTP). Los encontrará en las páginas de ayuda de su proveedor de correo o se los puede dar su departamento de TI.
    .step-2 = Use los puertos seguros: IMAP 993 (SSL/TLS), SMTP 587 (STARTTLS) o 465 (SSL/TLS). La aplicación nunca envía una contraseña por una conexión sin cifrar.
    .step-3 = En la línea de comandos, agréguelos al comando: `--imap imap.example.net:993 --smtp smtp.example.net:587` (y `--username NAME` cuando el nombre de inicio de sesión no sea la dirección).

password-sign-in-needed = En { $domain } se inicia sesión con una contraseña
    .explanation = Este proveedor no ofrece a los programas de correo el inicio de sesión en el navegador. En su lugar, la aplicación inicia sesión con la contraseña del buzón: comprueba la contraseña en el servidor de correo (solo por una conexión cifrada) y la guarda solo en el almacén de este equipo.
    .step-1 = Use el inicio de sesión con contraseña: Contraseña en la aplicación, o `mailsetup signin { $mailbox } --password`.

internal = Se produjo un error inesperado en la aplicación
    .explanation = La aplicación encontró un error que no esperaba. No se perdió ningún dato de inicio de sesión.
    .step-1 = Vuelva a intentarlo.
    .step-2 = Si se repite, envíe el informe a los responsables de la aplicación.
