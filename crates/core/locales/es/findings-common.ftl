## Palabras compartidas por todos los hallazgos: las palabras neutras para un valor que nadie rellenó (param-*:
## dentro de una frase; .in-steps: en un paso de solución), el nombre del almacén en cada sistema, el traspaso a TI.

param-mailbox = la cuenta
    .in-steps = <dirección del buzón>
param-signed-in = la cuenta
    .in-steps = <cuenta que inició sesión>
param-server = este servidor
    .in-steps = este servidor
param-tenant = en la configuración
    .in-steps = <id-del-inquilino>
param-client-id = en uso
    .in-steps = <id-de-cliente>
param-duration = el tiempo límite
    .in-steps = el tiempo límite
param-problem = no se dieron más detalles
    .in-steps = no se dieron más detalles
param-authority = https://login.microsoftonline.com
    .in-steps = https://login.microsoftonline.com
param-link = la dirección que muestra la aplicación
    .in-steps = la dirección que muestra la aplicación
param-domain = este dominio
    .in-steps = este dominio
param-vault = el almacén de contraseñas
    .in-steps = el almacén de contraseñas
param-provider = Microsoft
    .in-steps = Microsoft
param-redirect = el URI de redirección de la configuración
    .in-steps = <URI de redirección>
param-platform = la plataforma que necesita la aplicación
    .in-steps = <plataforma>
param-permissions = algunos permisos
    .in-steps = <permisos>
vault-name-windows = el Administrador de credenciales de Windows
vault-name-macos = el llavero de macOS
vault-name-linux = el llavero del equipo (Secret Service)
admin-handoff = Su administrador de TI tiene que cambiar una configuración. Envíele este mensaje: los detalles de abajo le indican exactamente qué hacer.

## Un hallazgo como texto sin formato (la línea de comandos, los registros): su enlace a la documentación, su evidencia y
## a quién va dirigido ($audience: user, helpdesk o admin).
finding-more = Más información:
finding-evidence = Detalle técnico:
finding-for = { $audience ->
    [user] para el usuario
    [helpdesk] para el soporte técnico
   *[admin] para el administrador
}

## Un tiempo límite en palabras ($n: un número entero, o un número con un decimal).
duration-seconds = { $n ->
    [one] { $n } segundo
   *[other] { $n } segundos
}
duration-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
