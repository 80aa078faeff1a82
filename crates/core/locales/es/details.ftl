## Palabras que el núcleo pone en los hallazgos y las notas al ejecutarse: lo que salió mal esta
## vez ({ $problem }, { $platform }… de un hallazgo) y lo que encontró un paso solo informativo.
## Los id empiezan por detail-. Las respuestas de los servidores, los códigos, los nombres de
## servidor y los detalles técnicos de los pasos no están aquí: se muestran tal cual.

detail-example = (ejemplo)
