## La comprobación del registro (la página del administrador, `mailsetup admin check`): qué
## comprueba cada punto, qué vio y el resultado en una frase.

check-item-registration = La aplicación existe en su organización
check-item-enabled = La aplicación está habilitada
check-item-public-client = Es un cliente público (una aplicación de escritorio)
check-item-client-secret = Su secreto de cliente está guardado y es válido
check-item-redirect = El URI de redirección de la aplicación está registrado
check-item-permissions = Pide los permisos que la aplicación necesita
check-item-consent = Un administrador concedió el consentimiento
check-item-unneeded = No tiene permisos que la aplicación no necesita

# $total (Number) - los puntos; $failed, $unchecked (Number) - cuántos fallaron, cuántos no se pudieron comprobar
check-summary-ready = El registro de la aplicación está listo: todos los puntos se superaron.
check-summary-failed = { $failed } de { $total } puntos necesitan atención.
check-summary-unchecked = Nada falló, pero { $unchecked } de { $total } puntos no se pudieron comprobar.
check-summary-failed-unchecked = { $failed } de { $total } puntos necesitan atención y { $unchecked } no se pudieron comprobar.
# $title (String) - el título del hallazgo: por qué se detuvo la comprobación
check-summary-stopped = No se pudo completar la comprobación: { $title }

check-not-found = No comprobado: no se encontró la aplicación.
check-elsewhere = No comprobado aquí: el registro pertenece a otra organización.
# $name (String) - el nombre del registro (check-no-name si no tiene); $client (String) - su id de cliente
check-found = Encontrada: "{ $name }" ({ $client }), registrada en su organización.
# $name (String) - el nombre de la aplicación empresarial; $tenant (String) - el id del inquilino dueño del registro (check-unknown si Graph no lo dice)
check-found-elsewhere = Encontrada como la aplicación empresarial "{ $name }"; su registro pertenece a otra organización (inquilino { $tenant }).
check-no-name = sin nombre
check-unknown = desconocido
check-enabled-not-yet = No comprobado: la aplicación aún no tiene una aplicación empresarial en su organización. Microsoft la crea, habilitada, cuando un administrador da su consentimiento (vea abajo).
check-enabled = Habilitada: las personas pueden iniciar sesión con ella.
# $platform (String) - el nombre de la plataforma como lo muestra el centro de administración (detail-registration-platform-public)
check-public-client = Un cliente público: la plataforma "{ $platform }", y "Allow public client flows" (Permitir flujos de clientes públicos) está activado.
# $title (String) - por qué no se pudo probar el secreto (el título de un hallazgo)
check-secret-not-tried = No comprobado: no se pudo probar el secreto guardado ({ $title }).
check-secret-accepted = Microsoft aceptó el secreto de cliente guardado en este equipo (probado pidiendo un token para la propia aplicación, que la aplicación descartó sin usarlo).
# $redirect (String) - el URI de redirección; $platform (String) - el nombre de la plataforma
check-redirect = { $redirect } está registrado en "{ $platform }" (cualquier puerto).
# $permissions (String) - los nombres de los permisos, separados por comas
check-permissions = Pide { $permissions } (delegados).
check-consent = Un administrador concedió el consentimiento para todos ellos en nombre de toda la organización.
check-unneeded-none = Nada más de lo que la aplicación necesita.
check-unneeded-none-granted = Nada más de lo que la aplicación necesita (de lo que esta organización concedió; el registro en sí se lee en su propia organización).
# $count (Number) - cuántos; $permissions (String) - sus nombres, separados por comas
check-unneeded-extra = Ningún permiso de aplicación. También tiene { $count ->
        [one] un permiso delegado
       *[other] { $count } permisos delegados
    } que esta aplicación no usa ({ $permissions }): no hace daño, porque los permisos delegados solo actúan por la persona que inició sesión, pero puede { $count ->
        [one] quitarlo
       *[other] quitarlos
    }.
check-unneeded-extra-granted = Ningún permiso de aplicación (de lo que esta organización concedió; el registro en sí se lee en su propia organización). También tiene { $count ->
        [one] un permiso delegado
       *[other] { $count } permisos delegados
    } que esta aplicación no usa ({ $permissions }): no hace daño, porque los permisos delegados solo actúan por la persona que inició sesión, pero puede { $count ->
        [one] quitarlo
       *[other] quitarlos
    }.
