## Hallazgos: entra. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén de contraseñas según el sistema operativo).
## Variables: consulte findings-common.ftl (param-*).

app-bad-auth-request = { $provider } rechazó la solicitud de inicio de sesión
    .explanation = { $provider } indicó que la solicitud de inicio de sesión no era válida ({ $problem }). Es un problema de configuración de la aplicación o de sus ajustes, no un error del usuario.
    .step-1 = Revise la configuración de inicio de sesión ([microsoft] o [google]): authority, tenant y client_id.
    .step-2 = Envíe la evidencia que aparece abajo a los responsables de la aplicación.

app-redirect-not-registered = La dirección de regreso del inicio de sesión de la aplicación no está registrada
    .explanation = Microsoft se negó a devolver el inicio de sesión a la aplicación porque el URI de redirección que usa la aplicación no está registrado en el registro de aplicación { $client_id } (AADSTS50011). Los usuarios no pueden corregir esto.
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → el registro de Mail Setup Assistant ({ $client_id }).
    .step-2 = Autenticación → Agregar una plataforma → Aplicaciones móviles y de escritorio → agregue exactamente el URI de redirección de la configuración (http://localhost, o http://127.0.0.1 mediante el manifiesto). El puerto no importa; la ruta y el host sí.
    .step-3 = Quite cualquier entrada "Web" o "Aplicación de página única" para localhost con la misma ruta.

app-registration-not-public-client = El registro de aplicación está configurado como aplicación web
    .explanation = Microsoft trató esta aplicación de escritorio como una aplicación web confidencial y pidió un secreto de cliente (AADSTS7000218). Una aplicación de escritorio debe registrarse como cliente público.
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → el registro de Mail Setup Assistant ({ $client_id }).
    .step-2 = Autenticación: mueva el URI de redirección de "Web" a "Aplicaciones móviles y de escritorio" (elimine la entrada Web).
    .step-3 = Autenticación → Configuración avanzada: ponga "Allow public client flows" (Permitir flujos de clientes públicos) en Sí.
    .step-4 = Nunca ponga un secreto de cliente en la aplicación para esto: las aplicaciones de escritorio no pueden mantenerlo en secreto.

app-registration-is-public-client = La aplicación envió un secreto a un registro de aplicación público
    .explanation = El registro de aplicación es un cliente público, por eso Microsoft rechaza un secreto de cliente (AADSTS700025).
    .step-1 = Quite el secreto de cliente de la configuración de Mail Setup Assistant y del almacén de contraseñas, y luego vuelva a iniciar sesión.

app-registration-is-spa = La dirección de regreso de la aplicación está registrada como aplicación de página única
    .explanation = Microsoft se negó a entregar los tokens a una aplicación de escritorio porque el URI de redirección está registrado en "Aplicación de página única" (AADSTS9002327).
    .step-1 = Abra el Centro de administración de Microsoft Entra (entra.microsoft.com) → Identidad → Aplicaciones → Registros de aplicaciones → el registro de Mail Setup Assistant ({ $client_id }).
    .step-2 = Autenticación: elimine el URI de redirección que está en "Aplicación de página única" y agréguelo en "Aplicaciones móviles y de escritorio".

app-not-found-in-tenant = Microsoft no conoce esta aplicación en su organización
    .explanation = El ID de cliente { $client_id } no se encontró en el inquilino (tenant) { $tenant } (AADSTS700016). O el ID está mal escrito, o el inquilino no es el correcto, o nunca se dio el consentimiento a la aplicación en esta organización.
    .step-1 = Compare client_id de la configuración con el ID de aplicación (cliente) que aparece en la página Información general del registro.
    .step-2 = Revise el inquilino (tenant) en la configuración.
    .step-3 = Si el registro está en otro inquilino, conviértalo en multiinquilino y conceda aquí el consentimiento de administrador.

app-scope-config = La aplicación pidió a Microsoft permisos equivocados
    .explanation = Microsoft rechazó los permisos solicitados (ámbitos o scopes): { $problem }. Un token solo puede servir para un servicio; el correo necesita los permisos de https://outlook.office.com/.
    .step-1 = Revise si la configuración reemplaza los ámbitos (scopes); quite del inicio de sesión del correo los ámbitos de Microsoft Graph, como User.Read.

admin-consent-required = Primero un administrador debe aprobar esta aplicación
    .explanation = Su organización solo permite que los administradores aprueben las aplicaciones que leen y envían correo ("Need admin approval", en español "Se necesita la aprobación del administrador"). Los usuarios no pueden continuar hasta que un administrador conceda el consentimiento.
    .step-1 = Un administrador abre { $authority }/{ $tenant }/adminconsent?client_id={ $client_id } y acepta.
    .step-2 = O bien: Centro de administración de Microsoft Entra → Aplicaciones empresariales → la aplicación → Permisos → Conceder consentimiento de administrador.
    .step-3 = Después, el usuario vuelve a iniciar sesión.

personal-account-not-allowed = Esta es una cuenta personal de Microsoft
    .explanation = La cuenta usada es una cuenta personal de Microsoft (Outlook.com, Hotmail, Live), pero esta configuración es para cuentas profesionales o educativas.
    .step-1 = Si este es su buzón del trabajo o de la escuela, inicie sesión con la cuenta profesional o educativa (use una ventana privada si el navegador sigue eligiendo la personal).
    .step-2 = Si de verdad es un buzón personal de Outlook.com/Hotmail, empiece de nuevo con esa dirección: la aplicación usará entonces el inicio de sesión para cuentas personales.
    .admin-explanation = Se usó una cuenta personal de Microsoft con un registro para cuentas profesionales o educativas (AADSTS50020/500208).
    .admin-step-1 = Si hay que admitir buzones personales de Outlook.com, ofrezca la configuración de Outlook.com con su propio registro de aplicación que permita cuentas personales.

account-not-in-tenant = Microsoft no encontró esa cuenta en su organización
    .explanation = La cuenta no existe en la organización en la que inicia sesión la aplicación ({ $tenant }).
    .step-1 = Revise que la dirección esté bien escrita.
    .step-2 = Soporte técnico: confirme que el usuario existe en el inquilino (tenant) indicado en la configuración.
    .admin-explanation = La cuenta no es miembro del inquilino (tenant) en el que inicia sesión la aplicación ({ $tenant }) (AADSTS50034/50020/90072).
    .admin-step-1 = Confirme que el usuario existe en este inquilino, o invítelo como invitado.
    .admin-step-2 = Revise el inquilino en la configuración de la aplicación (tenant de [microsoft]).

tenant-not-found = La organización (inquilino o tenant) indicada en la configuración no existe
    .explanation = Microsoft no conoce el inquilino (tenant) { $tenant } (AADSTS90002).
    .step-1 = Corrija tenant en la configuración [microsoft] (un ID de inquilino, un dominio verificado u organizations).

national-cloud-mismatch = La aplicación está configurada para una nube de Microsoft distinta de la de esta organización
    .explanation = El Microsoft 365 de esta organización está en una nube de Microsoft distinta de aquella para la que está configurada la aplicación ({ $problem }). El inicio de sesión, los permisos y los servidores de correo deben venir todos de la nube de la organización: un registro de aplicación o un servidor de la nube mundial no funciona en las nubes US Government o China, ni al revés.
    .step-1 = En el archivo de configuración, ponga en cloud de [microsoft] la nube de la organización ("usgov" para GCC High y DoD, "china" para 21Vianet, "global" para el servicio mundial), y quite cualquier línea authority o de [servers] que nombre otra nube.
    .step-2 = Registre la aplicación en el Centro de administración de Microsoft Entra de esa nube (allí no se encuentra un registro de otra nube) y ponga su ID de cliente en client_id.
    .step-3 = Después, los usuarios vuelven a iniciar sesión.

mfa-required = Confirme su inicio de sesión con su segundo paso
    .explanation = Su organización ahora le pide su segundo paso de inicio de sesión (por ejemplo, la aplicación Authenticator) antes de que la aplicación pueda usar su correo, por una directiva nueva o porque usted inició sesión desde un lugar nuevo. El inicio de sesión guardado no puede hacerlo por sí solo; su configuración se conserva.
    .step-1 = Vuelva a iniciar sesión como { $mailbox } (Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`) y complete el segundo paso en el navegador.
    .admin-explanation = Una directiva de acceso condicional o la autenticación multifactor (MFA) por usuario ahora exigen autenticación multifactor para Exchange Online (AADSTS50076/50074/50078); el usuario debe completarla una vez de forma interactiva.
    .admin-step-1 = Centro de administración de Microsoft Entra → Supervisión → Registros de inicio de sesión: el inicio de sesión indica la directiva que exigió la MFA.

mfa-setup-required = Primero configure su segundo paso de inicio de sesión
    .explanation = Su organización exige un segundo paso de inicio de sesión (por ejemplo, la aplicación Microsoft Authenticator o un mensaje de texto), y su cuenta todavía no tiene ninguno configurado. Mientras no lo tenga, Microsoft no deja que la aplicación use su correo; su configuración se conserva.
    .step-1 = Vaya a https://aka.ms/mfasetup, inicie sesión y agregue un método (la aplicación Microsoft Authenticator o su número de teléfono).
    .step-2 = Después, vuelva a iniciar sesión en la aplicación.
    .admin-explanation = El usuario debe registrar métodos de autenticación multifactor antes de iniciar sesión (AADSTS50079/50072/53004).
    .admin-step-1 = Centro de administración de Microsoft Entra → Protección → Métodos de autenticación → Directivas: asegúrese de que haya un método habilitado para el usuario.
    .admin-step-2 = Si no puede registrarse por su cuenta (no tiene teléfono, tiene un dispositivo nuevo), emita un Pase de acceso temporal (Temporary Access Pass).
    .admin-step-3 = AADSTS53010: la organización solo permite registrar métodos desde ciertos lugares o dispositivos; el usuario debe registrarse desde allí.

blocked-by-policy = La directiva de seguridad de su organización bloqueó el inicio de sesión
    .explanation = Una directiva de acceso condicional, los valores predeterminados de seguridad o una regla de dispositivos detuvo este inicio de sesión ({ $problem }).
    .step-1 = Centro de administración de Microsoft Entra → Supervisión → Registros de inicio de sesión → busque este inicio de sesión → pestaña Acceso condicional: vea qué directiva se aplicó.
    .step-2 = Excluya la aplicación o al usuario, o cumpla las condiciones de la directiva (por ejemplo, un dispositivo administrado).

account-blocked = La cuenta no puede iniciar sesión en este momento
    .explanation = Microsoft dice que la cuenta está bloqueada, deshabilitada o necesita una contraseña nueva ({ $problem }).
    .step-1 = Si cambió u olvidó su contraseña, restablézcala primero.
    .step-2 = Si no es así, pida al soporte técnico que revise la cuenta en el Centro de administración de Microsoft 365.
    .admin-explanation = Microsoft dice que la cuenta está bloqueada o deshabilitada, o que su contraseña caducó o debe cambiarse ({ $problem }).
    .admin-step-1 = Centro de administración de Microsoft 365 → Usuarios → Usuarios activos → el usuario: desbloquee el inicio de sesión o restablezca la contraseña.
    .admin-step-2 = Centro de administración de Microsoft Entra → Supervisión → Registros de inicio de sesión: mire el motivo del error y las detecciones de riesgo.

minor-consent-required = Esta cuenta está marcada como de un menor: primero hay que registrar el consentimiento
    .explanation = Microsoft bloqueó el inicio de sesión porque la cuenta pertenece a una persona que la organización marcó como menor de edad, y no hay registrado ningún consentimiento para que use aplicaciones (AADSTS54000/50015).
    .step-1 = Una vez obtenido el consentimiento como lo exijan sus normas: Centro de administración de Microsoft Entra → Usuarios → el usuario → Propiedades → Controles parentales: ponga "Consent provided for minor" (Consentimiento proporcionado para el menor) y revise también "Age group" (Grupo de edad).
    .step-2 = Después, el usuario vuelve a iniciar sesión.

org-sign-in-setup-failed = El sistema de inicio de sesión propio de su organización informó de un problema
    .explanation = Microsoft pasó parte del inicio de sesión a algo que la organización gestiona o configura —un servidor de federación como AD FS, los agentes de autenticación de paso a través, el inicio de sesión único de conexión directa, el inicio de sesión con certificado o un servicio externo de autenticación multifactor— y eso falló ({ $problem }). Los usuarios no pueden corregir esto.
    .step-1 = Centro de administración de Microsoft Entra → Supervisión → Registros de inicio de sesión: busque este inicio de sesión (el ID de seguimiento está en la evidencia) y lea el motivo del error.
    .step-2 = Revise la parte que indica el código: AD FS u otro proveedor de identidades, los agentes de autenticación de Microsoft Entra Connect, la cuenta de equipo del SSO de conexión directa o las entidades de certificación del inicio de sesión con certificado.

user-not-assigned = Este usuario no tiene permiso para usar la aplicación
    .explanation = La aplicación está configurada con "assignment required" (asignación requerida) y el usuario no está asignado a ella (AADSTS50105).
    .step-1 = Centro de administración de Microsoft Entra → Aplicaciones empresariales → la aplicación → Usuarios y grupos → Agregar usuario o grupo.

token-store-authority-mismatch = El inicio de sesión guardado se renovó en el lugar equivocado
    .explanation = El inicio de sesión guardado pertenece a un inquilino (tenant) de Microsoft distinto del que pidió la aplicación (AADSTS7000012). Es un problema de configuración de la aplicación, no un error del usuario.
    .step-1 = Quite la cuenta en la aplicación y vuelva a iniciar sesión.
    .step-2 = Compruebe que el inquilino de la configuración no haya cambiado desde que se agregó la cuenta.

reauth-policy = Su organización le pide que vuelva a iniciar sesión
    .explanation = La directiva de seguridad de su organización pide a todos que vuelvan a iniciar sesión con regularidad (frecuencia de inicio de sesión). Es lo esperado, no un error.
    .step-1 = Vuelva a iniciar sesión como { $mailbox }: Iniciar sesión en la aplicación, o `mailsetup signin { $mailbox }`.
    .admin-explanation = Una directiva de acceso condicional de frecuencia de inicio de sesión define cada cuánto tiempo deben volver a iniciar sesión los usuarios (AADSTS70043).
    .admin-step-1 = Centro de administración de Microsoft Entra → Protección → Acceso condicional → la directiva con Sesión → Frecuencia de inicio de sesión: ajústela si el intervalo es demasiado corto para las aplicaciones de correo.

client-secret-invalid = No se acepta el secreto de cliente del registro de aplicación
    .explanation = Microsoft rechazó el secreto de cliente guardado para el registro de aplicación { $client_id }: es incorrecto (a menudo se copió el ID del secreto en lugar de su valor) o caducó ({ $problem }).
    .step-1 = Centro de administración de Microsoft Entra → Registros de aplicaciones → { $client_id } → Certificados y secretos: cree un nuevo secreto de cliente y copie su Valor (no el ID de secreto).
    .step-2 = Escríbalo en la página de administración (Admin) de la aplicación, o ejecute: mailsetup admin set-client-secret
    .step-3 = Mejor aún: registre la aplicación como cliente público (Aplicaciones móviles y de escritorio) para que no haga falta ningún secreto.

app-permissions-missing = El registro de aplicación no incluye los permisos de correo
    .explanation = Microsoft lo rechazó porque el registro de aplicación { $client_id } no incluye los permisos que pide la aplicación, o falta el consentimiento para ellos ({ $problem }).
    .step-1 = Centro de administración de Microsoft Entra → Registros de aplicaciones → { $client_id } → Permisos de API → Agregar un permiso → "APIs my organization uses" (API que usa mi organización) → Office 365 Exchange Online → Permisos delegados: SMTP.Send, IMAP.AccessAsUser.All.
    .step-2 = Agregue también Microsoft Graph → openid, profile, email, offline_access, y luego Conceder consentimiento de administrador.

app-disabled = La aplicación está deshabilitada en su organización
    .explanation = Microsoft dice que la aplicación { $client_id } está deshabilitada en el inquilino o tenant ({ $problem }).
    .step-1 = Centro de administración de Microsoft Entra → Aplicaciones empresariales → la aplicación → Propiedades → "Enabled for users to sign in?" (¿Habilitado para que los usuarios inicien sesión?): Sí → Guardar.

app-single-tenant-endpoint = El registro de aplicación solo funciona con la dirección propia de su organización
    .explanation = El registro { $client_id } es de un solo inquilino (tenant), o la solicitud necesita un inquilino concreto, pero la aplicación usó un punto de conexión compartido como /common o /consumers ({ $problem }).
    .step-1 = Ponga en tenant de la configuración [microsoft] el ID de su inquilino o su dominio verificado (no common ni consumers).

