## Hallazgos: Google. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución, en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén para cada sistema).
## Variables: vea findings-common.ftl (param-*).

gmail-app-password-required = Esa es su contraseña de Google; aquí Gmail necesita una contraseña de aplicación
    .explanation = Su cuenta de Google tiene la verificación en dos pasos, así que los programas de correo deben usar una contraseña de aplicación de 16 letras en lugar de su contraseña normal.
    .step-1 = Vaya a https://myaccount.google.com/apppasswords (inicie sesión si se lo pide).
    .step-2 = Cree una contraseña de aplicación llamada "Mail Setup Assistant" y copie las 16 letras.
    .step-3 = Péguelas en el campo de contraseña de la aplicación (los espacios no importan).

gmail-bad-app-password = Google rechazó la contraseña de aplicación
    .explanation = Google no aceptó la contraseña de aplicación: está mal escrita o se revocó (al cambiar su contraseña de Google se revocan todas las contraseñas de aplicación).
    .step-1 = Cree una contraseña de aplicación nueva en https://myaccount.google.com/apppasswords.
    .step-2 = Péguela en la aplicación (los espacios no importan) y vuelva a intentarlo.
    .step-3 = Compruebe que el nombre de usuario sea la dirección completa.

gmail-not-an-app-password = Esta no es una contraseña de aplicación de Google
    .explanation = Google rechazó la contraseña, y no parece una contraseña de aplicación (16 letras que Google muestra una sola vez al crearla). Probablemente sea la contraseña de su cuenta de Google: Google no la acepta en las aplicaciones de correo.
    .step-1 = Cree una contraseña de aplicación en https://myaccount.google.com/apppasswords (la verificación en dos pasos debe estar activada en su cuenta de Google).
    .step-2 = Pegue en la aplicación las 16 letras que muestra Google (los espacios no importan) y vuelva a intentarlo.

gmail-web-login-required = Google quiere que primero confirme el inicio de sesión en un navegador
    .explanation = Google bloqueó este inicio de sesión por considerarlo inusual hasta que usted lo confirme en la web.
    .step-1 = Inicie sesión en Gmail en un navegador web de este equipo y confirme que fue usted si Google se lo pregunta.
    .step-2 = Después vuelva a intentarlo aquí, con una contraseña de aplicación o con el inicio de sesión de Google.

google-sign-in-not-configured = "Iniciar sesión con Google" no está configurado para esta aplicación
    .explanation = Para iniciar sesión con Google, la aplicación necesita un cliente OAuth de su organización. No hay ninguno configurado; los buzones de Gmail y de Google Workspace pueden seguir usando una contraseña de aplicación.
    .step-1 = En la consola de Google Cloud (APIs y servicios → Credenciales), cree un ID de cliente de OAuth de tipo "Desktop app" (App de escritorio).
    .step-2 = En la pantalla de consentimiento de OAuth, agregue el alcance (scope) https://mail.google.com/ (un alcance restringido: para usarlo fuera de su propio Workspace se requiere la verificación de Google) y publique la aplicación: en el estado "Testing" (Prueba), los tokens de actualización caducan a los 7 días.
    .step-3 = Ponga el ID de cliente en el archivo de configuración, [google] client_id, y guarde el secreto del cliente en el almacén de contraseñas con: mailsetup admin set-client-secret --google.

google-app-blocked-by-admin = El administrador de Google de su organización no permite esta aplicación
    .explanation = Google lo rechazó porque el administrador de Google Workspace de la organización decide qué aplicaciones pueden usar sus datos de Google, y esta aplicación (cliente OAuth { $client_id }) no tiene permiso para leer ni enviar correo (admin_policy_enforced).
    .step-1 = Consola de administración de Google (admin.google.com) → Seguridad → "Access and data control" (Control de acceso y de datos) → "API controls" (Controles de API) → "Manage third-party app access" (Administrar el acceso de aplicaciones de terceros) → "Add app" (Agregar aplicación) → "OAuth App Name Or Client ID" (Nombre de la aplicación OAuth o ID de cliente) → busque { $client_id }
    .step-2 = Elija la aplicación y configure su acceso como "Trusted" (De confianza) para los usuarios o las unidades organizativas que lo necesiten (Gmail es un servicio restringido: "Limited" (Limitado) no basta cuando Gmail está configurado como "Restricted" (Restringido) en "API controls" (Controles de API) → "Google services" (Servicios de Google)).
    .step-3 = Después, el usuario vuelve a iniciar sesión.

google-app-not-configured = El Google Workspace de su centro educativo no ha configurado esta aplicación para esta cuenta
    .explanation = Google Workspace for Education bloquea, en las cuentas designadas como de menores de 18 años, todas las aplicaciones que un administrador no haya revisado, y esta aplicación (cliente OAuth { $client_id }) aún no tiene ninguna configuración de acceso (access_not_configured). La persona solo puede solicitar acceso; debe decidirlo un administrador.
    .step-1 = Consola de administración de Google (admin.google.com) → Seguridad → "Access and data control" (Control de acceso y de datos) → "API controls" (Controles de API) → "Manage third-party app access" (Administrar el acceso de aplicaciones de terceros) → "Add app" (Agregar aplicación) → "OAuth App Name Or Client ID" (Nombre de la aplicación OAuth o ID de cliente) → busque { $client_id }
    .step-2 = Elija la aplicación y configure su acceso ("Trusted" (De confianza), ya que lee y envía correo) para las unidades organizativas de estos usuarios.
    .step-3 = Su organización es responsable de obtener cualquier consentimiento parental que necesite antes de permitir aplicaciones a usuarios menores de 18 años.
    .step-4 = Después, el usuario vuelve a iniciar sesión.

google-app-internal-only = Esta aplicación solo acepta cuentas de su propia organización de Google
    .explanation = El inicio de sesión de Google de esta aplicación está configurado como "Internal" (Interno): solo pueden iniciar sesión las cuentas de la organización a la que pertenece, y la cuenta usada no es una de ellas (org_internal).
    .step-1 = Inicie sesión con la cuenta de Google de su organización (su dirección del trabajo o del centro educativo); use una ventana privada si el navegador sigue eligiendo otra cuenta.
    .admin-explanation = El cliente OAuth { $client_id } pertenece a un proyecto de Google Cloud cuyo público (tipo de usuario) es "Internal" (Interno).
    .admin-step-1 = Si deben usarla cuentas de fuera de la organización: consola de Google Cloud → Google Auth Platform → "Audience" (Público) → cambie la aplicación a "External" (Externo) (después publíquela; el acceso a Gmail para el público requiere la verificación de Google).

google-client-invalid = Google no acepta el cliente OAuth de la aplicación
    .explanation = Google no aceptó el cliente OAuth de la configuración ({ $client_id }): su ID o su secreto son incorrectos, o no puede iniciar sesión de esta forma ({ $problem }).
    .step-1 = Consola de Google Cloud → Google Auth Platform → "Clients" (Clientes): compruebe que { $client_id } existe en el proyecto y es de tipo "Desktop app" (App de escritorio).
    .step-2 = Vuelva a guardar su secreto de cliente actual: página de administración de la aplicación, o `mailsetup admin set-client-secret --google`.
    .step-3 = Después, el usuario vuelve a iniciar sesión.

google-client-deleted = Se eliminó el cliente OAuth de Google de la aplicación
    .explanation = El cliente OAuth { $client_id } indicado en la configuración se eliminó en su proyecto de Google Cloud, ya sea por alguien o automáticamente por no usarse (deleted_client). Nadie puede iniciar sesión con él hasta que se restaure o se sustituya.
    .step-1 = Consola de Google Cloud → Google Auth Platform → "Clients" (Clientes) → "Deleted clients" (Clientes eliminados): restaure { $client_id } (es posible durante los 30 días posteriores a la eliminación).
    .step-2 = Si no, cree un cliente nuevo de tipo "Desktop app" (App de escritorio), ponga su ID en la configuración ([google] client_id) y guarde su secreto con `mailsetup admin set-client-secret --google`.
    .step-3 = Después, los usuarios vuelven a iniciar sesión.

google-client-not-desktop = El cliente OAuth de Google no es un cliente de aplicación de escritorio
    .explanation = Google rechazó la dirección a la que vuelve el inicio de sesión (redirect_uri_mismatch): el cliente OAuth { $client_id } no es de tipo "Desktop app" (App de escritorio), así que no acepta la dirección de retorno local de la aplicación (http://127.0.0.1 con un puerto elegido en cada inicio de sesión).
    .step-1 = Consola de Google Cloud → Google Auth Platform → "Clients" (Clientes) → "Create client" (Crear cliente) → "Application type" (Tipo de aplicación): "Desktop app" (App de escritorio).
    .step-2 = Ponga su ID de cliente en la configuración ([google] client_id) y guarde su secreto con `mailsetup admin set-client-secret --google`.

google-app-unverified = Google bloquea esta aplicación hasta que su proyecto de Google esté listo para estos usuarios
    .explanation = El proyecto de Google de la aplicación (cliente { $client_id }) está en "Testing" (Prueba) y esta cuenta no es uno de sus usuarios de prueba, o bien pide acceso a Gmail (un permiso restringido) sin haber completado la verificación de Google (Error 403: access_denied).
    .step-1 = Consola de Google Cloud → Google Auth Platform → "Audience" (Público): para una prueba, agregue la cuenta como usuario de prueba (los inicios de sesión de los usuarios de prueba caducan a los 7 días).
    .step-2 = Para todos: publique la aplicación y complete la verificación de Google para el alcance https://mail.google.com/; para una sola organización de Google Workspace, configure en su lugar la aplicación como "Internal" (Interno) (no se necesita verificación).

google-advanced-protection = La Protección Avanzada de Google bloquea esta aplicación para su cuenta
    .explanation = Su cuenta de Google está en el Programa de Protección Avanzada de Google, que solo permite usar su Gmail a las aplicaciones propias de Google y a unas pocas verificadas (policy_enforced). Esta aplicación no se puede permitir para la cuenta mientras la protección esté activada.
    .step-1 = Use Gmail en el navegador o en las aplicaciones propias de Google con esta cuenta.
    .step-2 = O bien, si su cuenta puede salir del programa, desactive la Protección Avanzada en la configuración de seguridad de su cuenta de Google y vuelva a iniciar sesión.

google-scope-not-granted = El inicio de sesión de Google no permitió el acceso a su correo
    .explanation = En la página de permisos de Google no se marcó la casilla que permite a la aplicación leer y enviar su correo, así que la aplicación no puede usar su buzón. No se guardó nada.
    .step-1 = Vuelva a iniciar sesión y, en la página de Google, marque "Read, compose, send and permanently delete all your email from Gmail" (Leer, redactar, enviar y eliminar de forma permanente todo su correo de Gmail) antes de continuar.
