## Hallazgos: registration. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén de contraseñas según el sistema operativo).
## Variables: consulte findings-common.ftl (param-*).

registration-not-found = La aplicación { $client_id } no existe en su organización
    .explanation = Su organización ({ $tenant }) no tiene ni un registro de aplicación ni una aplicación empresarial con el ID de aplicación (cliente) { $client_id }, que es el que indica la configuración de la aplicación. Todos los inicios de sesión fallarán con AADSTS700016.
    .step-1 = Compruebe que inició sesión en la organización correcta: la comprobación lee la organización de la cuenta con la que inició sesión.
    .step-2 = Compare client_id de la configuración [microsoft] con el ID de aplicación (cliente) que aparece en la página Información general del registro; corrija la configuración o registre la aplicación (Registros de aplicaciones → Nuevo registro).
    .step-3 = Si el registro pertenece a otra organización (una aplicación multiinquilino), primero un administrador de esta organización debe darle su consentimiento: abra { $link } y acepte.

registration-in-other-tenant = La aplicación está registrada en otra organización
    .explanation = La aplicación { $client_id } se usa en su organización como aplicación empresarial, pero su registro (plataformas, URI de redirección, permisos solicitados) pertenece a otra organización (inquilino o tenant { $tenant }). Esos ajustes solo se pueden leer y cambiar allí.
    .step-1 = Pida a un administrador de la organización dueña del registro (inquilino { $tenant }) que haga esta comprobación allí, o que confirme su plataforma, su URI de redirección y sus permisos.
    .step-2 = O bien registre la aplicación en su propia organización y ponga su ID de aplicación (cliente) en la configuración [microsoft].

registration-disabled = La aplicación está deshabilitada en su organización
    .explanation = La aplicación empresarial { $client_id } está deshabilitada, así que nadie puede iniciar sesión con ella (AADSTS7000112).
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Aplicaciones empresariales → quite el filtro "Application type" (Tipo de aplicación) → busque { $client_id }.
    .step-2 = Propiedades → "Enabled for users to sign-in?" (¿Habilitado para que los usuarios inicien sesión?) → Sí → Guardar.

registration-not-public-client = El registro no está configurado para una aplicación de escritorio
    .explanation = El registro { $client_id } no tiene la plataforma "Aplicaciones móviles y de escritorio" ({ $problem }). Entonces Microsoft trata la aplicación como una aplicación web confidencial y le pide un secreto de cliente que no puede mantener en secreto (AADSTS7000218).
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Autenticación → Agregar una plataforma → Aplicaciones móviles y de escritorio → agregue el URI de redirección de la configuración → Configurar.
    .step-3 = Elimine las entradas "Web" y "Aplicación de página única" de la misma dirección.
    .step-4 = Si la aplicación debe seguir siendo un registro "Web" con secreto de cliente, ponga en su lugar client_type = "confidential" en la configuración [microsoft].

registration-public-flows-off = "Allow public client flows" (Permitir flujos de clientes públicos) está desactivado
    .explanation = Iniciar sesión con un código en otro dispositivo (para equipos sin un navegador que se pueda usar) falla con AADSTS7000218 mientras "Allow public client flows" (Permitir flujos de clientes públicos) esté desactivado en el registro { $client_id }. El inicio de sesión en el navegador no se ve afectado.
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Autenticación → Configuración avanzada → "Allow public client flows" (Permitir flujos de clientes públicos) → "Enable the following mobile and desktop flows" (Habilitar los siguientes flujos móviles y de escritorio): Sí → Guardar.

registration-secret-not-stored = No hay ningún secreto de cliente guardado en este equipo
    .explanation = La configuración dice que el registro { $client_id } es una aplicación confidencial ("Web"), así que cada inicio de sesión debe enviar su secreto de cliente, y no hay ninguno en el almacén de contraseñas de este equipo.
    .step-1 = Escriba el Valor del secreto en la página de configuración de administrador (Administrator settings), o ejecute: mailsetup admin set-client-secret
    .step-2 = Mejor aún: registre la aplicación como cliente público (Aplicaciones móviles y de escritorio) y ponga client_type = "public": así no hace falta ningún secreto en ningún equipo.

registration-no-current-secret = El registro no tiene ningún secreto de cliente válido
    .explanation = El registro { $client_id } se usa como aplicación confidencial ("Web"), pero { $problem }, así que Microsoft rechaza todos los inicios de sesión (AADSTS7000222 si el secreto caducó).
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Certificados y secretos → Secretos de cliente → Nuevo secreto de cliente → copie su Valor (no el ID de secreto).
    .step-3 = Escríbalo en la página de configuración de administrador (Administrator settings) de cada equipo, o ejecute: mailsetup admin set-client-secret

registration-secret-refused = Microsoft rechazó el secreto de cliente guardado
    .explanation = La aplicación pidió a Microsoft un token con el secreto de cliente guardado en este equipo, y Microsoft lo rechazó ({ $problem }). A menudo se copió el ID del secreto en lugar de su Valor, o el secreto caducó.
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Certificados y secretos → Secretos de cliente → Nuevo secreto de cliente → copie su Valor (no el ID de secreto).
    .step-3 = Escríbalo en la página de configuración de administrador (Administrator settings), o ejecute: mailsetup admin set-client-secret

registration-redirect-missing = El URI de redirección { $redirect } de la aplicación no está registrado
    .explanation = Microsoft devuelve el inicio de sesión a { $redirect } en el propio equipo de la persona (con cualquier puerto), y el registro { $client_id } no incluye esa dirección en "{ $platform }". Todos los inicios de sesión en el navegador se detienen en la página de Microsoft con AADSTS50011.
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Autenticación → Agregar una plataforma (o la plataforma "{ $platform }" que ya existe) → agregue exactamente el URI de redirección { $redirect } (sin puerto; la ruta debe coincidir) → Guardar.
    .step-3 = El cuadro del centro de administración no acepta http://127.0.0.1: para esa dirección, edite en su lugar el Manifiesto (los redirectUris de la plataforma), o ponga redirect = "http://localhost" en la configuración y registre esa dirección.

registration-redirect-wrong-platform = El URI de redirección { $redirect } está registrado en la plataforma equivocada
    .explanation = La aplicación necesita { $redirect } en "{ $platform }", pero en el registro { $client_id } { $problem }. Microsoft ignora el puerto de las direcciones loopback (este equipo), toma una de las entradas que coinciden y trata la aplicación según la plataforma de esa entrada: los inicios de sesión fallan con AADSTS7000218 (Web) o AADSTS9002327 (Aplicación de página única).
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Autenticación: elimine todas las entradas de esta dirección (con cualquier puerto) que no estén en "{ $platform }".
    .step-3 = Conserve o agregue { $redirect } en "{ $platform }" → Guardar.

registration-permissions-missing = El registro no pide permisos que la aplicación necesita
    .explanation = Para enviar y leer correo en nombre de la persona que inicia sesión, el registro { $client_id } debe incluir estos permisos delegados, y no los incluye: { $permissions }. Sin ellos, los inicios de sesión terminan con AADSTS650057 o piden a cada usuario un consentimiento que la organización quizá no permita.
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Permisos de API → Agregar un permiso → Microsoft Graph → Permisos delegados → marque { $permissions } → Agregar permisos.
    .step-3 = Después, conceda el consentimiento de administrador (el siguiente punto de esta comprobación).

registration-consent-missing = Ningún administrador ha dado su consentimiento a { $permissions }
    .explanation = Nadie concedió el consentimiento para toda la organización a { $permissions } para la aplicación { $client_id }. Donde los usuarios no pueden dar su consentimiento por sí mismos, todos los inicios de sesión se detienen en "Need admin approval", en español "Se necesita la aprobación del administrador" (AADSTS90094 / 65001).
    .step-1 = Abra { $link } como administrador y acepte: así se conceden, para todos, los permisos que incluye el registro.
    .step-2 = O bien: Registros de aplicaciones → el registro → Permisos de API → Conceder consentimiento de administrador → Sí.
    .step-3 = Los permisos que el registro todavía no incluye no se conceden de ninguna de las dos formas: agréguelos primero (el punto anterior).

registration-permissions-unneeded = El registro tiene permisos que esta aplicación nunca usa
    .explanation = El registro { $client_id } tiene permisos de aplicación: { $permissions }. Los permisos de aplicación permiten que la propia aplicación, sin que nadie inicie sesión, los use en toda la organización (por ejemplo, leer todos los buzones o enviar desde cualquiera de ellos); y lo mismo puede hacer cualquiera que obtenga su secreto de cliente. Esta aplicación solo actúa en nombre de la persona que inicia sesión, con permisos delegados, así que no necesita ninguno de ellos.
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → Todas las aplicaciones → el registro con el ID de aplicación (cliente) { $client_id }.
    .step-2 = Permisos de API → para cada uno de { $permissions }: … → "Remove permission" (Quitar permiso) → "Yes, remove" (Sí, quitar).
    .step-3 = Aplicaciones empresariales → la aplicación → Permisos: compruebe que el consentimiento de administrador para ellos ya no aparece (revóquelo allí si sigue en la lista).

registration-check-forbidden = { $signed_in } no puede leer los registros de aplicación
    .explanation = Microsoft Graph se negó a mostrar a { $signed_in } los registros de aplicación de la organización. La comprobación solo los lee, y necesita una cuenta con un rol que pueda leerlos, y el consentimiento para leer el directorio.
    .step-1 = Vuelva a hacer la comprobación e inicie sesión con una cuenta que tenga el rol Lector global (Global Reader), Administrador de aplicaciones (Application Administrator) o Administrador de aplicaciones en la nube (Cloud Application Administrator).
    .step-2 = Si Microsoft pidió aprobación para que "Microsoft Graph Command Line Tools" lea el directorio, un administrador debe aceptarla una vez.

