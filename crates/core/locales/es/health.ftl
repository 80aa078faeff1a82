## Cuánto dura un inicio de sesión guardado (la lista de cuentas, la página de soporte técnico,
## el informe). $address: el buzón; $renewed y $end: una fecha y hora; $remaining: health-remaining;
## $since: renewed, o added cuando el inicio de sesión no se renovó desde que se configuró.

health-ended = { $reason ->
    [inactivity] El inicio de sesión terminó porque no se usó durante 90 días.
    [policy] El inicio de sesión terminó porque su organización pide a todos volver a iniciar sesión con regularidad (frecuencia de inicio de sesión).
    [revoked] El inicio de sesión terminó porque se revocó (un cambio de contraseña, o un administrador).
    [mfa] El inicio de sesión terminó porque su organización ahora pide autenticación multifactor.
    [mfa-setup] El inicio de sesión terminó porque su organización ahora le pide configurar primero la autenticación multifactor.
    [testing] El inicio de sesión terminó (el cliente OAuth de Google de esta aplicación está en "Testing" (Pruebas): 7 días).
   *[other] El inicio de sesión terminó.
} Vuelva a iniciar sesión (en la aplicación, o `mailsetup signin { $address }`).
health-testing = Google termina este inicio de sesión el { $end } ({ $remaining }) aunque se use: el inicio de sesión con Google de la organización para esta aplicación sigue en "Testing" (Pruebas). TI puede publicarlo (consola de Google Cloud → pantalla de consentimiento de OAuth → "Publish app" (Publicar aplicación)); después, vuelva a iniciar sesión una vez.
health-renewed = { $since ->
    [added] Configurado el { $renewed }
   *[renewed] Renovado por última vez el { $renewed }
}. Si no se usa, deja de funcionar el { $end } ({ $remaining }); cada renovación aplaza esa fecha (abrir la aplicación o `mailsetup renew --all` lo renueva).
health-no-end = { $since ->
    [added] Configurado el { $renewed }
   *[renewed] Renovado por última vez el { $renewed }
}. El proveedor no fija fecha de fin: dura hasta que se revoque.
health-limit-policy = Su organización pide a todos volver a iniciar sesión con regularidad (frecuencia de inicio de sesión): la aplicación se lo pedirá cuando toque.
health-limit-mfa = La última renovación pidió autenticación multifactor: vuelva a iniciar sesión en la aplicación.
health-remaining = { $days ->
    [0] hoy
    [one] en 1 día
   *[other] en { $days } días
}

## Cuánto se aleja el reloj de este equipo del de un servidor ($n: un número entero; $unit:
## minute, hour o day; $way: ahead o behind), dentro del hallazgo clock-skew.
clock-skew-amount = { $unit ->
    [minute] { $n ->
        [one] aproximadamente 1 minuto
       *[other] aproximadamente { $n } minutos
    }
    [hour] { $n ->
        [one] aproximadamente 1 hora
       *[other] aproximadamente { $n } horas
    }
   *[day] { $n ->
        [one] aproximadamente 1 día
       *[other] aproximadamente { $n } días
    }
} { $way ->
    [ahead] adelantado
   *[behind] atrasado
}

## La renovación diaria registrada en el programador del sistema, o quitada de él ($scheduler:
## task-scheduler, launchd, systemd o cron; $command: el comando que ejecuta).
schedule-registered = La renovación diaria quedó registrada en { $scheduler ->
    [task-scheduler] el Programador de tareas de Windows
    [launchd] launchd (un agente de inicio de sesión)
    [systemd] un temporizador de usuario de systemd
   *[cron] su crontab
}: ejecuta `{ $command }` una vez al día.
schedule-removed = Se quitó la renovación diaria { $scheduler ->
    [task-scheduler] del Programador de tareas de Windows
    [launchd] de launchd (un agente de inicio de sesión)
    [systemd] del temporizador de usuario de systemd
   *[cron] de su crontab
}.
