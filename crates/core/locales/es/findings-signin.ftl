## Hallazgos: inicio de sesión. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución, en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén para cada sistema).
## Variables: vea findings-common.ftl (param-*).

signed-in-as-different-account = El navegador inició sesión como { $signed_in }, no como { $mailbox }
    .explanation = Está configurando { $mailbox }, pero { $provider } devolvió un inicio de sesión de { $signed_in }. Esto suele ocurrir cuando el navegador ya tiene la sesión iniciada con otra cuenta de { $provider }. No se guardó nada.
    .step-1 = Vuelva a intentarlo en una ventana privada del navegador (incógnito/InPrivate), donde no haya ninguna cuenta con la sesión iniciada.
    .step-2 = O bien, en la página de { $provider }, elija "Usar otra cuenta" e inicie sesión como { $mailbox }.
    .step-3 = Si { $mailbox } es un buzón compartido, inicie sesión con su propia cuenta y use la opción de buzón compartido.
    .admin-explanation = Inició sesión una cuenta distinta de la del buzón; no se almacenó nada.
    .admin-step-1 = Si esto sigue ocurriendo en equipos compartidos, pida a los usuarios que cierren la sesión de Microsoft en el navegador o que usen ventanas privadas.

signin-cancelled = Se canceló el inicio de sesión
    .explanation = El inicio de sesión se detuvo antes de terminar (se canceló en la aplicación o se rechazaron los permisos en el navegador), así que la aplicación no obtuvo acceso. No se guardó nada.
    .step-1 = Vuelva a iniciar sesión y acepte los permisos que pide { $provider }, eligiendo { $mailbox }.

signin-no-callback = El inicio de sesión no volvió a la aplicación
    .explanation = La aplicación esperó { $duration }, pero el navegador nunca volvió a ella. O bien no se terminó el inicio de sesión, o bien Microsoft mostró una página de error en lugar de volver.
    .step-1 = Mire la ventana del navegador: si muestra un código que empieza por AADSTS, léaselo al soporte técnico o péguelo en el cuadro de error de la aplicación.
    .step-2 = Si no, vuelva a iniciar sesión y termine el proceso en el navegador.
    .step-3 = Para el soporte técnico: el URI de redirección de la aplicación debe estar registrado exactamente como está configurado (http://localhost o http://127.0.0.1) en "Aplicaciones móviles y de escritorio".

signin-state-mismatch = Llegó una respuesta de inicio de sesión que esta aplicación no pidió
    .explanation = El navegador entregó una respuesta de inicio de sesión cuyo control de seguridad (state) no coincidía. Puede venir de una pestaña de inicio de sesión anterior, o de algo en este equipo que intentó introducir un inicio de sesión. Se ignoró.
    .step-1 = Cierre las pestañas de inicio de sesión antiguas y vuelva a iniciar sesión.
    .step-2 = Si ocurre repetidamente, revise el equipo en busca de software no deseado.

signin-link-reopened = La página de inicio de sesión se abrió dos veces
    .explanation = El enlace de inicio de sesión de esta aplicación se abre una sola vez. Se abrió una segunda vez (se recargó la página, se usó el botón Atrás u otro programa de este equipo lo abrió), así que la aplicación detuvo este inicio de sesión para protegerlo. No se guardó nada.
    .step-1 = Vuelva a iniciar sesión y complete el proceso en el navegador sin recargar la página ni volver atrás.
    .step-2 = Si esto vuelve a ocurrir sin que nadie haya recargado la página, pida al soporte técnico que revise este equipo en busca de software no deseado.

browser-open-failed = No se pudo abrir el navegador web
    .explanation = La aplicación intentó abrir su navegador web para el inicio de sesión, pero no se inició ningún navegador ({ $problem }). El inicio de sesión sigue esperando: puede abrir usted mismo la página de inicio de sesión.
    .step-1 = Abra un navegador web en este equipo, copie en él esta dirección y presione Enter: { $link } (funciona una sola vez, mientras la aplicación espera).
    .step-2 = Inicie sesión allí como { $mailbox }. La aplicación continuará por sí sola.
    .step-3 = Para que el navegador se abra solo la próxima vez, configure un navegador web predeterminado en la configuración de su equipo.

private-window-unavailable = No se pudo abrir automáticamente una ventana privada
    .explanation = La aplicación no pudo iniciar un navegador en modo privado ({ $problem }). El inicio de sesión sigue esperando: puede abrir usted mismo una ventana privada.
    .step-1 = Abra una ventana privada en su navegador: Ctrl+Shift+N en Edge y Chrome ("InPrivate" / "Incógnito"), Ctrl+Shift+P en Firefox, Cmd+Shift+N en Safari.
    .step-2 = Copie en ella esta dirección y presione Enter: { $link } (funciona una sola vez, mientras la aplicación espera).
    .step-3 = Inicie sesión allí como { $mailbox }. La aplicación continuará por sí sola.

signed-in-as-admin = Inició sesión una cuenta de administrador en lugar de { $mailbox }
    .explanation = Microsoft devolvió un inicio de sesión de { $signed_in }, que es una cuenta de administrador. El inicio de sesión de un administrador nunca se usa para el buzón de otra persona. No se guardó nada.
    .step-1 = Vuelva a intentarlo y elija la cuenta { $mailbox } en la lista de cuentas de Microsoft, o use una ventana privada donde no haya ninguna cuenta con la sesión iniciada.
    .step-2 = Si usted es la persona de TI que está ayudando, primero cierre la sesión de su cuenta de administrador en este navegador.
    .step-3 = Si { $mailbox } es un buzón compartido, inicie sesión con su propia cuenta y use la opción de buzón compartido.
    .admin-explanation = Inició sesión una cuenta distinta de la del buzón; no se almacenó nada.
    .admin-step-1 = Si esto sigue ocurriendo en equipos compartidos, pida a los usuarios que cierren la sesión de Microsoft en el navegador o que usen ventanas privadas.

account-confirmation-needed = ¿Es { $signed_in } la cuenta correcta para { $mailbox }?
    .explanation = { $provider } inició sesión con { $signed_in }, que pertenece a la misma organización que { $mailbox } pero tiene otro nombre (por ejemplo, un alias o un nombre de inicio de sesión distinto). La aplicación necesita que usted lo confirme antes de guardar nada.
    .step-1 = Vuelva a ejecutar el inicio de sesión en una terminal y responda a la pregunta, o agregue --accept-account { $signed_in } si está seguro.
    .step-2 = Si no es la cuenta correcta, vuelva a iniciar sesión y elija { $mailbox }.

device-code-expired = El código de inicio de sesión no se usó a tiempo
    .explanation = El código no se introdujo a tiempo: los códigos son válidos durante unos 15 minutos, y la aplicación deja de esperar antes si se inició con un límite de tiempo más corto (la evidencia indica cuánto esperó). No se guardó nada.
    .step-1 = Vuelva a iniciar sesión con un código e introduzca el código nuevo sin demora.

device-code-declined = Se rechazó el inicio de sesión con el código
    .explanation = En el otro dispositivo se canceló o se rechazó el inicio de sesión. No se guardó nada.
    .step-1 = Vuelva a iniciar sesión con un código y acepte en el otro dispositivo, iniciando sesión como { $mailbox }.

device-code-blocked = Su organización no permite iniciar sesión con un código
    .explanation = { $provider } rechazó el inicio de sesión con un código en otro dispositivo: una regla de acceso condicional de su organización lo bloquea (por ejemplo, una regla que solo permite inicios de sesión desde equipos administrados). No se guardó nada.
    .step-1 = En su lugar, inicie sesión en un navegador web de este equipo (Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`). Si no se abre ningún navegador por sí solo, copie el enlace que muestra la aplicación en un navegador de este equipo.
    .step-2 = Si este equipo no tiene ningún navegador web, pregunte a su administrador de TI cómo configurar el correo en él.
    .admin-explanation = Una directiva de acceso condicional rechazó el flujo de código de dispositivo para este usuario: AADSTS530033 cuando una directiva basada en el dispositivo no puede comprobar el otro dispositivo, AADSTS53003 cuando una directiva (por ejemplo, una sobre flujos de autenticación) no permite el token.
    .admin-step-1 = Centro de administración de Microsoft Entra → Registros de inicio de sesión → este inicio de sesión → Acceso condicional: vea qué directiva se aplicó.
    .admin-step-2 = Si las personas deben configurar el correo en equipos sin navegador, permita el flujo de código de dispositivo para esta aplicación y estos usuarios, o ayúdeles a iniciar sesión en un navegador.

device-code-unavailable = No es posible iniciar sesión con un código para { $mailbox }
    .explanation = { $provider } no ofrece iniciar sesión en el correo con un código en otro dispositivo. No se guardó nada.
    .step-1 = En su lugar, inicie sesión en un navegador web de este equipo (Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`). Si no se abre ningún navegador por sí solo, copie el enlace que muestra la aplicación en un navegador de este equipo.

interactive-required = Vuelva a iniciar sesión
    .explanation = { $provider } necesita que vuelva a confirmar el inicio de sesión en el navegador (por ejemplo, para aceptar permisos o completar la autenticación multifactor).
    .step-1 = Vuelva a iniciar sesión (Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`) y complete los pasos que { $provider } muestra en el navegador.
    .admin-explanation = Se pide a los usuarios que acepten los permisos de la aplicación. Si en su organización los usuarios no pueden dar su consentimiento, conceda el consentimiento una vez para todos.
    .admin-step-1 = Abra { $authority }/{ $tenant }/adminconsent?client_id={ $client_id } como administrador y acepte.
    .admin-step-2 = O bien: Centro de administración de Microsoft Entra → Aplicaciones empresariales → la aplicación → Permisos → Conceder consentimiento de administrador.

consent-declined = Se rechazaron los permisos
    .explanation = { $provider } pidió permiso para enviar y leer correo y se rechazó, así que la aplicación no puede trabajar con el buzón.
    .step-1 = Vuelva a iniciar sesión y elija Aceptar en la página de permisos.
    .admin-explanation = Se pide a los usuarios que acepten los permisos de la aplicación. Si en su organización los usuarios no pueden dar su consentimiento, conceda el consentimiento una vez para todos.
    .admin-step-1 = Abra { $authority }/{ $tenant }/adminconsent?client_id={ $client_id } como administrador y acepte.
    .admin-step-2 = O bien: Centro de administración de Microsoft Entra → Aplicaciones empresariales → la aplicación → Permisos → Conceder consentimiento de administrador.

idp-error = El inicio de sesión de { $provider } devolvió un error
    .explanation = { $provider } respondió con un error que la aplicación no reconoce: { $problem }
    .step-1 = Busque el error en { $link }: la página lo explica e indica cómo solucionarlo.
    .step-2 = Envíe al administrador la evidencia que aparece abajo (contiene los identificadores que pide el soporte de { $provider }).

idp-temporary-failure = El servicio de inicio de sesión de { $provider } tuvo un problema temporal
    .explanation = { $provider } no pudo terminar el inicio de sesión en este momento ({ $problem }). El problema está del lado de { $provider }: no hay nada mal en su cuenta ni en este equipo, y no se cambió nada.
    .step-1 = Espere unos minutos y vuelva a intentarlo.
    .step-2 = Si sigue ocurriendo, entregue al soporte técnico la evidencia que aparece abajo: indica el error y sus identificadores de seguimiento.

embedded-browser-refused = { $provider } no permite iniciar sesión dentro de esta ventana
    .explanation = La página de inicio de sesión se abrió dentro del navegador integrado de otro programa (por ejemplo, un programa de chat o de correo), donde { $provider } no permite iniciar sesión.
    .step-1 = Copie el enlace de inicio de sesión que muestra la aplicación y ábralo en su navegador web habitual (Chrome, Edge, Firefox o Safari).
    .step-2 = O bien configure un navegador web normal como navegador predeterminado de su equipo y vuelva a iniciar sesión.

id-token-invalid = La respuesta de { $provider } no indicó de forma fiable quién inició sesión
    .explanation = El token de identidad faltaba o no correspondía a este inicio de sesión ({ $problem }). Por seguridad, no se guardó nada.
    .step-1 = Asegúrese de que el registro de aplicación tenga los permisos openid, profile y email.
    .step-2 = Vuelva a iniciar sesión; si se repite, envíe la evidencia a los responsables de mantener la aplicación.

token-incomplete = { $provider } no concedió todo lo que la aplicación necesita
    .explanation = El inicio de sesión funcionó, pero { $problem }. No se guardó nada.
    .step-1 = Registro de aplicación → Permisos de API: agregue los permisos delegados SMTP.Send, IMAP.AccessAsUser.All y offline_access, y después conceda el consentimiento.
    .step-2 = Vuelva a iniciar sesión.

reauth-inactivity = Sin uso durante un tiempo: vuelva a iniciar sesión
    .explanation = El inicio de sesión guardado caducó porque no se usó durante mucho tiempo (Microsoft deja que caduque tras unos 90 días sin uso). Un inicio de sesión en este estado no se puede renovar, así que la aplicación lo elimina del almacén de contraseñas de este equipo.
    .step-1 = Vuelva a iniciar sesión como { $mailbox }: Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`.

refresh-token-reused = El inicio de sesión se renovó, pero la respuesta nunca llegó
    .explanation = { $provider } indica que el inicio de sesión guardado de { $mailbox } ya se usó para obtener uno nuevo, y este equipo nunca recibió el nuevo. Eso ocurre cuando la aplicación se detiene, o la conexión se corta, justo mientras { $provider } responde a una renovación. No hay ningún otro problema; el inicio de sesión guardado se conserva hasta que vuelva a iniciar sesión.
    .step-1 = Vuelva a iniciar sesión como { $mailbox }: Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`.

sign-in-busy = Otra copia de la aplicación está renovando este inicio de sesión
    .explanation = Otra copia de Mail Setup Assistant (la aplicación de escritorio, una ventana de comandos o una comprobación programada) está renovando el inicio de sesión de { $mailbox } y aún no ha terminado: { $problem }. No se cambió nada.
    .step-1 = Espere un minuto y vuelva a intentarlo.
    .step-2 = Si sigue ocurriendo, cierre las demás copias de Mail Setup Assistant (o reinicie el equipo) y vuelva a intentarlo.

reauth-required = Vuelva a iniciar sesión
    .explanation = El inicio de sesión guardado ya no es válido ({ $problem }). Esto ocurre tras un cambio de contraseña o cuando un administrador cierra su sesión en todas partes. Un inicio de sesión en este estado no se puede renovar, así que la aplicación lo elimina del almacén de contraseñas de este equipo.
    .step-1 = Vuelva a iniciar sesión como { $mailbox }: Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`.
