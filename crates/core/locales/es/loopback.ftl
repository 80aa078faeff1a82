## Las pequeñas páginas que el receptor de inicio de sesión de la aplicación muestra en el
## navegador (solo en este equipo). Variables: $account, $received y $expected son direcciones
## de correo; $error es el código y las palabras del error del proveedor.

loopback-app-name = Mail Setup Assistant
loopback-not-found = No se encontró.
loopback-only-for-sign-in = Esta dirección solo recibe la respuesta de inicio de sesión para Mail Setup Assistant.
loopback-close-tab = Puede cerrar esta pestaña y volver a Mail Setup Assistant.
loopback-go-back = Vuelva a Mail Setup Assistant: allí se explica qué hacer a continuación.
loopback-start = Inicie sesión como { $account }
    .next = A continuación se abre la página de inicio de sesión de Microsoft. Inicie sesión como { $account }.
    .other-account = Si Microsoft muestra otra cuenta, o inicia la sesión directamente con otra persona, elija "Usar otra cuenta" (o primero "Cerrar sesión") e inicie sesión con la cuenta de arriba.
    .password = Su contraseña va solo a Microsoft. Mail Setup Assistant nunca la ve.
    .continue = Continuar al inicio de sesión de Microsoft
loopback-start-used = Este enlace de inicio de sesión ya se usó
    .why = Cada enlace de inicio de sesión abre la página de inicio de sesión una sola vez. Este se abrió una segunda vez, así que Mail Setup Assistant detuvo este inicio de sesión por seguridad. No se guardó nada.
    .what = Vuelva a empezar el inicio de sesión en Mail Setup Assistant y complételo sin volver a cargar la página ni retroceder.
loopback-received = Inicio de sesión recibido
    .checking = Mail Setup Assistant recibió su inicio de sesión y lo está comprobando.
loopback-signed-in = Sesión iniciada como { $account }
    .saved = Mail Setup Assistant recibió su inicio de sesión y lo guardó de forma segura.
    .admin = Mail Setup Assistant está leyendo el registro de aplicación. No se guarda nada de su inicio de sesión: se olvida cuando termina la comprobación.
loopback-wrong-account = Sesión iniciada como { $received }, no como { $expected }
    .why = Microsoft inició su sesión como { $received }, pero este buzón es { $expected }. No se guardó nada.
    .what = Vuelva a Mail Setup Assistant: le ofrece intentarlo de nuevo con el selector de cuentas o en una ventana privada.
loopback-confirm = Vuelva a Mail Setup Assistant para confirmar que { $received } es la cuenta correcta para { $expected }.
loopback-failed = El inicio de sesión no terminó
loopback-cancelled = Inicio de sesión cancelado
loopback-provider-error = Microsoft informó: { $error }
loopback-stale = Este enlace de inicio de sesión está caducado
    .why = Esta respuesta no pertenece al inicio de sesión que Mail Setup Assistant está esperando (puede venir de una pestaña antigua). Cierre esta pestaña y use la ventana de inicio de sesión más reciente.
