## Hallazgos: almacén. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución, en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén para cada sistema).
## Variables: vea findings-common.ftl (param-*).

vault-unavailable = No se puede usar el almacén de contraseñas del equipo
    .explanation = La aplicación guarda los inicios de sesión solo en { $vault }, nunca en un archivo. Ahora no se puede usar ({ $problem }).
    .windows-step-1 = Abra la aplicación desde su propia sesión de escritorio de Windows: el Administrador de credenciales no está disponible para un programa iniciado como servicio, como tarea programada sin su perfil o con "Ejecutar como otro usuario".
    .windows-step-2 = Si sigue fallando, puede que esté activada la directiva "Network access: Do not allow storage of passwords and credentials for network authentication" (Acceso a redes: no permitir el almacenamiento de contraseñas y credenciales para la autenticación de red): el departamento de TI puede comprobarla (Directiva de seguridad local → Opciones de seguridad, o la directiva de grupo que la define).
    .windows-step-3 = Vuelva a intentarlo.
    .macos-step-1 = Abra Acceso a Llaveros (Aplicaciones → Utilidades) y compruebe que aparece un llavero "login" (Inicio de sesión); si falta o está dañado, Acceso a Llaveros → Ajustes → "Reset Default Keychains" (Restablecer llaveros predeterminados) crea uno nuevo (las contraseñas guardadas en el anterior se conservan aparte).
    .macos-step-2 = Vuelva a intentarlo.
    .linux-step-1 = Inicie una sesión de escritorio (GNOME, KDE): con ella se pone en marcha el llavero. Compruebe que se abre "Contraseñas y claves" (Seahorse) o KWallet.
    .linux-step-2 = Sin una sesión de escritorio (p. ej., por SSH), Secret Service necesita un bus de sesión D-Bus y un llavero en ejecución: por ejemplo, `dbus-run-session -- bash` y, dentro de esa sesión, inicie gnome-keyring-daemon --unlock --components=secrets.
    .linux-step-3 = Vuelva a intentarlo.

vault-locked = { $vault } está bloqueado
    .explanation = La aplicación guarda su inicio de sesión solo en { $vault }, y está bloqueado, así que la aplicación no puede guardar ni leer el inicio de sesión. No se ha perdido nada.
    .windows-step-1 = Cierre la sesión de Windows y vuelva a iniciarla con su propia cuenta; luego vuelva a intentarlo.
    .macos-step-1 = Abra Acceso a Llaveros (Aplicaciones → Utilidades), seleccione el llavero "login" (Inicio de sesión) y desbloquéelo con la contraseña de su Mac (Archivo → Unlock Keychain "login" (Desbloquear llavero)).
    .macos-step-2 = Vuelva a intentarlo.
    .linux-step-1 = Desbloquee el llavero de inicio de sesión: inicie la sesión de escritorio con su contraseña (se desbloquea con ella), o abra "Contraseñas y claves" (Seahorse) y desbloquee "Login" (Inicio de sesión).
    .linux-step-2 = Vuelva a intentarlo.

vault-not-set-up = { $vault } no tiene ningún llavero donde guardar el inicio de sesión
    .explanation = La aplicación guarda los inicios de sesión solo en { $vault }. Está en funcionamiento, pero todavía no tiene un llavero predeterminado: nunca se configuró ni se desbloqueó para esta cuenta ({ $problem }). No se ha perdido nada.
    .windows-step-1 = Cierre la sesión de Windows y vuelva a iniciarla con su propia cuenta; luego vuelva a intentarlo.
    .macos-step-1 = Abra Acceso a Llaveros (Aplicaciones → Utilidades). Si no aparece ningún llavero "login" (Inicio de sesión), elija Acceso a Llaveros → Ajustes → "Reset Default Keychains" (Restablecer llaveros predeterminados).
    .macos-step-2 = Vuelva a intentarlo.
    .linux-step-1 = En una sesión de escritorio: abra "Contraseñas y claves" (Seahorse) → + → "Password keyring" (Llavero con contraseña), llámelo "Login" y póngale su contraseña de inicio de sesión; luego haga clic derecho en él → "Set as default" (Establecer como predeterminado).
    .linux-step-2 = Sin una sesión de escritorio (p. ej., por SSH), al desbloquear el servicio del llavero con su contraseña se crea el llavero de inicio de sesión: `gnome-keyring-daemon --unlock --components=secrets`, escriba la contraseña y luego presione Ctrl+D.
    .linux-step-3 = Vuelva a intentarlo.

vault-access-denied = La aplicación no recibió permiso para usar { $vault }
    .explanation = El equipo preguntó si Mail Setup Assistant podía usar su inicio de sesión guardado, y la respuesta fue no (o se cerró la pregunta). Sin ese permiso, la aplicación no puede guardar ni leer el inicio de sesión. No se ha perdido nada.
    .windows-step-1 = Abra la aplicación desde su propia cuenta de Windows (no con "Ejecutar como otro usuario") y vuelva a intentarlo.
    .macos-step-1 = Vuelva a intentarlo. Cuando el Mac pregunte si Mail Setup Assistant puede usar su elemento en su llavero, escriba la contraseña de su Mac y haga clic en "Permitir siempre" ("Denegar" impide que la aplicación use el inicio de sesión).
    .macos-step-2 = Si la pregunta no aparece: Acceso a Llaveros → login (Inicio de sesión) → busque "mailsetup" → abra el elemento → Control de acceso → agregue Mail Setup Assistant.
    .linux-step-1 = Vuelva a intentarlo. Cuando el llavero pida una contraseña para desbloquearse, escriba su contraseña de inicio de sesión (si cierra esa ventana, se deniega el acceso).

vault-value-too-large = No se pudo guardar el inicio de sesión: { $vault } lo rechazó por ser demasiado grande
    .explanation = El inicio de sesión en sí funcionó, pero { $vault } se negó a guardarlo porque supera el tamaño máximo de una de sus entradas ({ $problem }). Es un fallo de Mail Setup Assistant, no de la cuenta ni del equipo: la aplicación debe ajustar lo que guarda a lo que admite el almacén. No se guardó nada.
    .step-1 = Guarde el informe (Soporte técnico → Guardar informe, o `mailsetup verify { $mailbox } --report report.html`) y envíelo, junto con la versión de la aplicación, a los responsables de Mail Setup Assistant: la evidencia de abajo indica qué límite se alcanzó.
    .step-2 = Hasta que se instale una versión corregida, el buzón sigue funcionando en el correo web y en otros dispositivos.

vault-entry-damaged = El inicio de sesión guardado de { $mailbox } no se pudo leer completo
    .explanation = Parte de lo que la aplicación guardó en { $vault } falta o no coincide con el resto, así que la aplicación no lo usa. El buzón en sí está bien.
    .step-1 = Vuelva a iniciar sesión (en la aplicación, o `mailsetup signin { $mailbox }`): así se reemplaza la entrada dañada.
    .step-2 = Si vuelve a pasar, guarde el informe y envíelo a los responsables de Mail Setup Assistant.

not-signed-in = { $mailbox } no tiene la sesión iniciada en este equipo
    .explanation = No hay ningún inicio de sesión guardado para este buzón en el almacén del equipo.
    .step-1 = Primero inicie sesión (Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`) y luego vuelva a verificar.

password-sign-in-has-no-token = { $mailbox } inicia sesión con una contraseña, así que no hay ningún token que entregar
    .explanation = Este buzón se configuró con una contraseña (una contraseña de aplicación), no con un inicio de sesión en el navegador. Un programa de correo puede usar esa contraseña directamente; solo un inicio de sesión en el navegador proporciona un token.
    .step-1 = Dé a su programa de correo la contraseña de aplicación en lugar del comando del token.
    .step-2 = O, si su organización lo permite, inicie sesión con el navegador (Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`); así el token funcionará.
