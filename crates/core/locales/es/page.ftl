## La página de escritorio (ui/): todas las palabras que muestra por sí misma. Los hallazgos y
## las palabras de los pasos vienen de los otros archivos. Los id empiezan por page-; una
## variable se escribe { $name } y la página la rellena (aquí no hay plurales ni otras
## opciones: la página solo pone valores en su sitio).

page-app-name = Mail Setup Assistant
