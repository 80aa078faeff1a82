## Hallazgos: red. Cada mensaje es un código de hallazgo (kebab-case): su valor es el título;
## .explanation, .step-N (pasos de solución, en orden), .admin-explanation y .admin-step-N (la
## parte del administrador), .windows-/.macos-/.linux-step-N (los pasos del almacén para cada sistema).
## Variables: vea findings-common.ftl (param-*).

dns-failed = No se encontró el nombre del servidor de correo { $server }
    .explanation = Este equipo no pudo buscar la dirección de { $server }. Normalmente se debe a que la conexión a internet no funciona, el servidor DNS no responde o el nombre está mal escrito en la configuración.
    .step-1 = Compruebe que este equipo puede abrir páginas web.
    .step-2 = Si puede, revise que el nombre del servidor en la configuración no tenga errores de escritura.
    .step-3 = En una red de empresa, pregunte a quien administra la red si { $server } está bloqueado.

connect-refused = { $server } rechazó la conexión
    .explanation = El servidor respondió, pero indicó que nada acepta conexiones en ese puerto, o un firewall en el camino la rechazó.
    .step-1 = Compruebe el número de puerto en la configuración (el de envío, submission, es 587; el de IMAP es 993).
    .step-2 = Pregunte al administrador de la red si se permiten las conexiones salientes a este puerto.

connect-timeout = Sin respuesta de { $server } en { $duration }
    .explanation = La conexión no recibió ninguna respuesta. Probablemente un firewall, un filtro web o un proxy está descartando en silencio el tráfico hacia este puerto.
    .step-1 = Pruebe desde otra red (por ejemplo, el punto de acceso wifi de un teléfono) para ver si la red local lo está bloqueando.
    .step-2 = Pida al administrador de la red que permita las conexiones salientes a { $server }.
    .step-3 = Si la red solo permite el tráfico web a través de un proxy, los programas de correo no pueden funcionar allí; solicite una excepción.

tls-certificate-invalid = No se puede confiar en la conexión segura con { $server }
    .explanation = Este equipo no confía en el certificado del servidor, el certificado caducó o se emitió para otro nombre. Los datos de inicio de sesión nunca se envían por una conexión así. Esto suele significar que un producto de seguridad o un proxy intercepta las conexiones seguras. ({ $problem })
    .step-1 = Compruebe que la fecha y la hora del equipo son correctas.
    .step-2 = Si la organización usa un proxy o un producto de seguridad que inspecciona TLS, su entidad de certificación debe ser de confianza: agréguela como extra_ca_file en la sección [tls] de la configuración, o excluya { $server } de la inspección.
    .step-3 = Revise el nombre del servidor en la configuración.

tls-failed = Falló la conexión segura con { $server }
    .explanation = No se pudo establecer la conexión cifrada ({ $problem }). Microsoft 365 y Gmail requieren TLS 1.2 o posterior.
    .step-1 = Compruebe si un producto de seguridad o un proxy interfiere con las conexiones seguras.
    .step-2 = Pruebe desde otra red para comparar.

server-timeout = { $server } dejó de responder
    .explanation = El servidor aceptó la conexión, pero no respondió en { $duration }.
    .step-1 = Vuelva a intentarlo en unos minutos.
    .step-2 = Si sigue ocurriendo, pruebe desde otra red.

network-idp-unreachable = No se puede conectar con el inicio de sesión de { $provider }
    .explanation = La aplicación no pudo conectar con el servicio de inicio de sesión de { $provider } ({ $problem }). Es un problema de red o de proxy, no de la cuenta; se conservó el inicio de sesión guardado.
    .step-1 = Compruebe la conexión a internet.
    .step-2 = Si la organización usa un proxy, asegúrese de que esté definido en la configuración del sistema o en HTTPS_PROXY, y de que permita el servicio de inicio de sesión (login.microsoftonline.com para Microsoft; accounts.google.com y oauth2.googleapis.com para Google).
    .step-3 = Vuelva a intentarlo más tarde.

loopback-port-unavailable = Otro programa o un software de seguridad está bloqueando el inicio de sesión
    .explanation = Para recibir la respuesta del inicio de sesión, la aplicación abre un puerto privado en este equipo (127.0.0.1). No pudo abrir ninguno ({ $problem }).
    .step-1 = Cierre otros programas que puedan tener ocupados muchos puertos locales y vuelva a intentarlo.
    .step-2 = Compruebe si un software de seguridad impide que los programas escuchen en 127.0.0.1 y permita Mail Setup Assistant.

clock-skew = El reloj de este equipo no está en hora
    .explanation = El reloj de este equipo está { $problem } con respecto al servicio de inicio de sesión de { $provider }. Todo sigue funcionando, pero un reloj incorrecto hace que tarde o temprano fallen las conexiones seguras y los inicios de sesión, y que las horas de los informes sean incorrectas.
    .step-1 = Configure la fecha, la hora y la zona horaria para que se ajusten automáticamente: Windows — Configuración → Hora e idioma → Fecha y hora; macOS — Ajustes del Sistema → General → Fecha y hora; Linux — la configuración de Fecha y hora del escritorio, o `timedatectl set-ntp true`.
    .step-2 = Si el reloj vuelve a desajustarse, avise al soporte técnico: puede que el servicio de hora del equipo o su batería necesiten atención.
