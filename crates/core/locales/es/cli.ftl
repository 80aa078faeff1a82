## Las palabras propias del programa de línea de comandos (los hallazgos, los pasos y los
## informes vienen de los otros archivos). Los id empiezan por cli-. Los comandos, las opciones
## y los códigos nunca se traducen.

cli-cannot-start = mailsetup: no se puede iniciar: { $error }
