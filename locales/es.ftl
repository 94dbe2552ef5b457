# benzowise, español. Los mismos ids que en.ftl; el texto, escrito para
# pacientes: claro, cercano, con los términos de los materiales de salud en español.

## Números y fechas

number-decimal-separator = ,
number-group-separator = .
# Agrupa los millares solo a partir de cinco cifras (1234, 12.345), como la RAE.
number-min-grouping-digits = 2
date-long = { $day } de { $month } de { $year }
date-month-year = { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## El marco de cada página

site-skip-link = Ir al contenido principal
site-nav-label = Sitio
site-nav-find = Buscar un profesional
site-nav-questions = Preguntas para la primera consulta
site-nav-clinicians = Para profesionales de la salud
site-language-label = Idioma
footer-not-advice = Información, no consejo médico.
footer-about = benzowise reúne a profesionales de la salud que dicen apoyar la reducción gradual de las benzodiacepinas, al ritmo que marca cada paciente. Un equipo de moderación revisa cada ficha, pero no puede responder por la atención de nadie. Nunca deje una benzodiacepina de golpe: hable con quien se la receta sobre una reducción lenta.
footer-demo-title = Las fichas de demostración son ficticias.
footer-demo = Las fichas marcadas como «demo» describen a personas que no existen.
footer-sources = Nombres de lugares de { $geonames } (CC BY 4.0); centros de los códigos postales (ZIP) de EE. UU. de la Oficina del Censo de EE. UU.
message-page-home = Ir a la página de búsqueda
notice-success = Hecho:
notice-warning = Atención:
notice-error = Problema:

## Páginas de error

error-title-400 = Solicitud no válida
error-detail-400 = No pudimos entender esta solicitud. Vuelva atrás e inténtelo de nuevo.
error-title-401 = Hace falta iniciar sesión o un enlace válido
error-detail-401 = Esta página necesita una sesión iniciada o un enlace privado, y la solicitud no traía ninguno.
error-title-403 = Acceso no permitido
error-detail-403 = Aquí no puede hacer esto. Si había iniciado sesión, puede que la sesión haya terminado: vuelva a iniciarla.
error-title-404 = Página no encontrada
error-detail-404 = No hay ninguna ficha pública ni página en esta dirección.
error-title-405 = Acción no permitida
error-detail-405 = Esta página no se puede usar de esta manera. Vuelva atrás e inténtelo de nuevo.
error-title-408 = Tiempo de espera agotado
error-detail-408 = Lo que envió tardó demasiado en llegar. Inténtelo de nuevo.
error-title-409 = Ya hubo un cambio
error-detail-409 = Esto ya se había cambiado, así que lo que envió ya no corresponde. Vuelva a cargar la página para ver cómo está.
error-title-410 = Ficha retirada
error-detail-410 = Esta ficha ya no se muestra.
error-title-413 = Texto demasiado largo
error-detail-413 = Lo que envió es demasiado largo. Acórtelo e inténtelo de nuevo.
error-title-415 = Formato no admitido
error-detail-415 = Lo que envió no tiene un formato que esta página acepte.
error-title-422 = Datos no válidos
error-detail-422 = Parte de lo que envió no es válido. Vuelva atrás y revíselo.
error-title-429 = Demasiadas solicitudes
error-title-431 = Solicitud demasiado grande
error-detail-431 = Su navegador envió más datos de los que este sitio acepta. Puede ayudar borrar las cookies de este sitio.
error-title-500 = Error del servidor
error-detail-500 = Algo falló de nuestro lado. Inténtelo de nuevo en unos minutos.
error-title-503 = Servicio no disponible
error-detail-503 = El directorio no está disponible por un momento. Inténtelo de nuevo en unos minutos.
error-title-504 = Tiempo de espera agotado
error-detail-504 = Esto tardó demasiado. Inténtelo de nuevo en unos minutos.
error-title-other = Algo salió mal
error-detail-other = Vuelva atrás e inténtelo de nuevo.
error-title-manage-link = Este enlace ya no funciona
error-detail-manage-link = Este enlace no abre ninguna ficha: puede que uno más reciente lo haya reemplazado, o que solo se copiara una parte. Podemos enviar un enlace nuevo a la dirección privada de contacto de su ficha.
error-way-new-link = Obtener un enlace nuevo
error-title-session-ended = Inicie sesión de nuevo
error-detail-session-ended = Su sesión terminó, así que no se cambió nada. Inicie sesión y volverá a esta página.
error-way-sign-in = Iniciar sesión y volver
error-title-decided-first = Alguien lo decidió antes
error-detail-decided-first = Otra persona del equipo de moderación decidió sobre este envío mientras usted lo leía, así que su decisión no se aplicó.
error-way-queue = Volver a la cola
error-title-listing-gone = Esta ficha no está en el directorio
error-detail-listing-gone = No hay ninguna ficha pública en esta dirección: puede que se haya retirado, o que la dirección esté incompleta.
error-way-search = Buscar en el directorio
error-too-many = Demasiadas solicitudes desde su dirección. Vuelva a intentarlo en { $minutes ->
    [one] 1 minuto
   *[other] { $minutes } minutos
  }.

## El nombre de cada idioma en sí mismo, en el enlace que cambia a él

language-own-name = Español

## El formulario de búsqueda

search-form-label = Buscar un profesional de la salud
search-form-near = ¿Dónde está usted?
search-form-near-hint = Una ciudad, con su estado o país si lo desea («Portland, Oregón», «Leeds»), o un código postal.
search-form-within = A menos de
search-form-unit = Unidad
search-form-unit-miles = millas
search-form-unit-kilometres = kilómetros
search-form-any = Cualquiera
search-form-more = Más opciones: tipo de profesional, formas de pago, método de reducción, idioma
search-form-profession = Profesión
search-form-specialty = Especialidad
search-form-language = Idioma
search-form-must-offer = Debe ofrecer
search-form-prescriber = Puede recetar (necesario para llevar una reducción gradual)
search-form-telehealth = Telesalud (consultas por video o por teléfono)
search-form-accepting = Acepta pacientes nuevos
search-form-licensed-in = Con licencia para telesalud en
search-form-licensed-in-hint = Deje vacío el lugar para ver a todos los que tienen licencia allí.
search-form-anywhere = Cualquier lugar
search-form-payment = Formas de pago (cualquiera de las que elija)
search-form-approaches = Métodos de reducción (todos los que elija)
search-form-criteria = Buenas prácticas con las benzodiacepinas (todas las que elija)
search-form-submit = Buscar
# El botón opcional «usar mi ubicación», que añade static/locate.js.
search-form-locate = Usar mi ubicación
search-form-locating = Buscando su ubicación…
search-form-locate-failed = No se puede obtener su ubicación; por favor, escriba un lugar.

## La página de inicio

search-home-title = Encuentre un profesional de la salud que conozca bien las benzodiacepinas
search-home-lead = Un profesional de la salud que conoce bien las benzodiacepinas le ayuda a dejarlas poco a poco, a un ritmo que usted ayuda a decidir. No le quita el medicamento de golpe, toma en serio la abstinencia que usted ya haya tenido y le ofrece apoyo más allá de los medicamentos. Busque uno cerca de usted, o uno que atienda por telesalud donde usted vive.

## Resultados de la búsqueda

search-results-near = Profesionales de la salud cerca de { $place }
search-results-licensed = Profesionales de telesalud con licencia en { $region }
search-results-none = Ningún profesional coincide con su búsqueda.
# $count elige la forma; $total es el mismo número tal como se muestra.
search-results-showing = Resultados { $first }–{ $last } de { $count ->
    [one] { $total } profesional
   *[other] { $total } profesionales
  }.
search-results-showing-nearest = Resultados { $first }–{ $last } de { $count ->
    [one] { $total } profesional
   *[other] { $total } profesionales
  }, primero los más cercanos.
search-results-empty-intro = Todavía no hay nadie que coincida. Puede:
search-results-empty-larger = elegir una distancia mayor;
# $telehealth es el mensaje siguiente, en negrita.
search-results-empty-telehealth = buscar profesionales que ofrezcan { $telehealth } y tengan licencia donde usted vive.
search-results-empty-telehealth-word = telesalud
search-pager-label = Páginas de resultados
search-pager-nearer = Resultados más cercanos
search-pager-more = Más resultados
search-again = Buscar de nuevo
search-beyond-heading = Los más cercanos, un poco más lejos
search-beyond-none = Tampoco hay ningún profesional con estas opciones a menos de 500 km (unas 310 millas).
search-beyond-intro = Coinciden con sus opciones, pero están más lejos de la distancia que eligió; primero los más cercanos.
search-licensed-heading = Por telesalud, con licencia en { $region }
search-licensed-none = Todavía ningún profesional con estas opciones ofrece telesalud con licencia en { $region }.
search-licensed-intro = Estos profesionales atienden por video o por teléfono y tienen licencia en el lugar donde buscó, así que la distancia no importa.
search-licensed-all = { $count ->
    [one] El único profesional de telesalud con licencia en { $region }
   *[other] Los { $total } profesionales de telesalud con licencia en { $region }
  }

## La tarjeta de cada resultado

search-card-demo = Demostración: ficha ficticia
search-card-prescriber = Puede recetar
search-card-not-prescriber = Acompaña la reducción gradual; no receta
search-card-distance = a { $miles } millas ({ $km } km)
search-card-telehealth = Ofrece telesalud
search-card-in-person = Solo en persona
search-card-accepting = Acepta pacientes nuevos
search-card-not-accepting = Por ahora no acepta pacientes nuevos
search-card-payment = Pago: { $options }
search-card-payment-ask = pregunte en el consultorio
search-card-approaches = Métodos de reducción
search-card-practices = Prácticas

## Una búsqueda que hay que cambiar

search-check-title = Revise su búsqueda
search-check-heading = Hay algo en la búsqueda que se debe cambiar
search-field-place = Lugar
search-field-distance = Distancia
search-field-licensed-in = Con licencia para telesalud en
search-field-approaches = Métodos de reducción
search-field-practices = Prácticas
search-field-payment = Formas de pago
search-field-page = Página de resultados
search-field-address = La dirección de la búsqueda

## Mapas (en los resultados y en las fichas)

# $count elige la forma; $amount es el mismo número tal como se muestra.
map-miles = { $count ->
    [one] { $amount } milla
   *[other] { $amount } millas
  }
map-kilometres = { $count ->
    [one] { $amount } kilómetro
   *[other] { $amount } kilómetros
  }
map-pin = { $number }. { $name }, a { $distance }
map-results-about = Los marcadores numerados corresponden a la lista numerada; la cruz es el centro de la búsqueda
map-results-summary = { $count ->
    [0] Ningún profesional
    [one] { $total } profesional
   *[other] { $total } profesionales
  } a menos de { $radius } de { $place }
map-summary-nearest = { $summary }; el más cercano está a { $distance }.
map-summary-one-pin = { $summary }; el número { $number } de esta página está a { $distance }.
map-summary-pins = { $summary }; los números { $first } a { $last } de esta página están a una distancia de entre { $nearest } y { $farthest }.
map-location-title = Mapa de los alrededores de { $place }
map-location-about = El marcador señala { $place }
map-description = { $about }. El norte está arriba. Los anillos marcan { $outer } y { $inner } desde el centro.
map-towns = Localidades: { $towns }.
map-town-direction = { $town }, a { $distance } al { $direction }
map-town-centre = { $town }, en el centro
map-compass-north = norte
map-compass-north-east = noreste
map-compass-east = este
map-compass-south-east = sureste
map-compass-south = sur
map-compass-south-west = suroeste
map-compass-west = oeste
map-compass-north-west = noroeste

## La ficha pública de un profesional de la salud

profile-not-given = No lo indica
profile-badge-demo = Demostración: persona ficticia
profile-badge-prescriber = Puede recetar
profile-badge-not-prescriber = Acompaña la reducción gradual; no receta
profile-needs-prescriber = Para reducir una benzodiacepina hace falta un profesional que la recete. Este profesional puede acompañarle durante la reducción, junto con quien le receta.
profile-unclaimed = Añadido desde una lista pública; el profesional aún no lo ha confirmado.
profile-practice = Consultorio
profile-where = Dónde
profile-directions = Cómo llegar (en OpenStreetMap)
profile-other-locations = También atiende en
profile-telehealth = Telesalud
profile-telehealth-yes = Sí
profile-telehealth-licensed = Sí, con licencia en { $regions }
profile-telehealth-no = No, solo consultas en persona
profile-new-patients = Pacientes nuevos
profile-accepting = Acepta pacientes nuevos
profile-not-accepting = Por ahora no acepta pacientes nuevos
profile-languages = Idiomas
phone-kind-voice = Teléfono
phone-kind-fax = Fax
phone-kind-text = Mensajes de texto
phone-kind-tty = TTY (teléfono de texto)
phone-extension-short = extensión { $extension }
profile-hours = Horario
weekday-mon = lunes
weekday-tue = martes
weekday-wed = miércoles
weekday-thu = jueves
weekday-fri = viernes
weekday-sat = sábado
weekday-sun = domingo
profile-email = Correo electrónico
profile-website = Sitio web
profile-npi = Número NPI
profile-fastest-pace = Ritmo más rápido habitual
profile-fastest-pace-value = Cerca del { $percent } % de la dosis actual al mes, o menos
profile-last-reviewed = Última revisión
profile-how-they-taper = Cómo hace la reducción gradual
profile-approaches-not-given = No lo indica.
profile-practices = Buenas prácticas que dice seguir
profile-practices-none = No indica ninguna.
profile-own-words = En sus propias palabras
profile-statement = Mensaje del profesional
profile-payment = Formas de pago
profile-payment-ask = Pregunte en el consultorio
profile-insurers = Aseguradoras
profile-self-pay-prices = Precios si paga por su cuenta
profile-price-first-visit = Primera consulta: { $price }
profile-price-follow-up = Consultas de seguimiento: { $price }

## El formulario para informar de un problema con una ficha

profile-report-heading = Informar de un problema con esta ficha
profile-report-thanks = Gracias. El equipo de moderación revisará su aviso.
profile-report-reason = ¿Cuál es el problema?
profile-report-choose = Elija una opción
profile-report-details = Detalles
profile-report-details-hint = Opcional. Por favor, no escriba datos sobre su propia salud.
profile-report-send = Enviar

## Preguntas para la primera consulta (una hoja para imprimir)

questions-title = Preguntas para la primera consulta
questions-intro = Imprima esta página y llévela a su consulta. Haga cada pregunta con calma, anote las respuestas y fíjese en cómo le responde el profesional.
questions-notes = Notas:
questions-also-heading = También vale la pena preguntar
questions-also-pace = ¿Me dejará ir a mi propio ritmo y hacer una pausa cuando los síntomas sean difíciles?
questions-also-support = ¿Me ayudará con apoyos que no son medicamentos, como la terapia, la terapia cognitivo-conductual para el insomnio (TCC-I) o buenos hábitos de sueño?
questions-also-medicines = ¿Qué hará con mis otros medicamentos, sobre todo con los opioides u otros sedantes?
questions-red-flags-heading = Señales de alerta: frases a las que conviene prestar atención
questions-red-flags-intro = Tenga cuidado si le dicen alguna de estas frases. Dejar una benzodiacepina de golpe puede causar convulsiones.
# Una frase que podría decir un profesional, tal como se oye.
questions-red-flag-quoted = «{ $phrase }»
questions-red-flag-just-stop = Simplemente deje de tomarla.
questions-red-flag-cold-turkey = Puede dejarla de golpe, de un día para otro.
questions-red-flag-two-week-taper = Con una reducción de dos semanas basta para todo el mundo.
questions-red-flag-2-week-taper = Con una reducción de dos semanas basta para todo el mundo.
questions-red-flag-withdrawal-isnt = La abstinencia no es real.
questions-red-flag-withdrawal-not-big = Con esta dosis, la abstinencia no es para tanto.
questions-red-flag-not-addictive = Con esta dosis no es adictiva.
questions-print-hint = Para imprimir esta hoja, use la opción Imprimir de su navegador.

## The listing form, on the submission and manage pages

form-errors-title = Corrija { $count ->
    [one] 1 campo
   *[other] { $count } campos
  }
form-required = (obligatorio)
form-choose-one = Elija una opción
form-about-you = Sobre usted
form-full-name = Nombre completo
form-full-name-hint = Tal como lo verán los pacientes, de 2 a 120 caracteres.
form-credentials = Títulos profesionales
form-credentials-hint = Por ejemplo, MD, FAPA.
form-profession = Profesión
form-specialty = Especialidad
form-taxonomy-code = Código de taxonomía NUCC
form-taxonomy-code-hint = Opcional, 10 caracteres, como 2084P0800X.
form-npi = Número NPI
form-npi-hint = Opcional, 10 dígitos.
form-where = Dónde atiende
form-practice-name = Nombre del consultorio
form-address-line = Dirección
form-city = Ciudad o pueblo
form-city-hint = Con el código postal, sitúa su consultorio en el mapa.
form-region = Estado o región
form-region-hint = Su nombre, por ejemplo Oregón u Ontario.
form-postal-code = Código postal (ZIP)
form-postal-code-hint = EE. UU.: 12345 o 12345-6789.
form-country = País
form-coordinates = Situarlo yo en el mapa
form-coordinates-hint = Solo si no se encuentra su ciudad: las coordenadas de su consultorio, que un sitio de mapas muestra al elegir el lugar.
form-latitude = Latitud
form-latitude-hint = En grados, de -90 (sur) a 90 (norte), por ejemplo 45.52.
form-longitude = Longitud
form-longitude-hint = En grados, de -180 (oeste) a 180 (este), por ejemplo -122.68.
form-reach = Cómo pueden comunicarse con usted los pacientes
form-phone = Teléfono
form-other-locations = Otros lugares donde atiende
form-other-locations-hint = Hasta cuatro lugares más; la búsqueda encuentra su ficha cerca de cada uno. Deje una fila vacía para quitar un lugar. Sin coordenadas, el lugar se sitúa en el mapa por su código postal o ciudad.
form-location-row = Otro lugar { $number }
form-add-location = Añadir un lugar
form-location-name = Nombre de la consulta aquí
form-location-phone = Teléfono aquí
form-location-country = País (si no es Estados Unidos)
form-phones = Números de teléfono
form-phones-hint = Deje una fila vacía para quitar un número. El primer número de voz aparece con su nombre en los resultados de búsqueda.
form-phone-row = Número { $number }
form-phone-number = Número
form-phone-kind = Para qué sirve
form-phone-extension = Extensión
form-hours = Horario de atención
form-hours-hint = Una fila por cada día y hora en que atiende; deje una fila vacía para quitarla.
form-hours-row = Horario { $number }
form-hours-day = Día
form-hours-opens = Abre
form-hours-closes = Cierra
form-website = Sitio web
form-website-hint = Debe empezar por http:// o https://.
form-public-email = Correo electrónico público
form-public-email-hint = Se muestra en su ficha.
form-contact-email = Correo electrónico privado de contacto
form-contact-email-hint = Solo lo ve el equipo de moderación.
form-telehealth = Ofrezco telesalud
form-accepting-new-patients = Acepto pacientes nuevos
form-licensed-regions = Dónde tiene licencia para atender pacientes por telesalud
form-licensed-regions-hint = Marque cada estado, provincia o región.
form-languages = Idiomas en los que atiende
form-languages-hint = Inglés si no marca ninguno.
form-languages-other = Otros idiomas
form-languages-other-hint = Mantenga pulsada la tecla Ctrl (Cmd en un Mac) para elegir varios; escriba un nombre para encontrarlo.
form-taper = Cómo hace la reducción gradual
form-max-reduction = Ritmo habitual más rápido
form-max-reduction-hint = Opcional: la mayor reducción que suele hacer en un mes, como porcentaje de la dosis actual (de 1 a 50).
form-payment = Pago
form-payment-hint = Cómo pueden pagar los pacientes. Si deja todo vacío, se les indicará que pregunten en el consultorio.
form-insurers = Seguros médicos privados que acepta
form-insurers-hint = Si acepta seguro médico privado: un nombre por línea, hasta 20.
form-self-pay-first-visit-min = Pago por cuenta propia, primera consulta: desde
form-self-pay-first-visit-max = Pago por cuenta propia, primera consulta: hasta
form-self-pay-follow-up-min = Pago por cuenta propia, consulta de seguimiento: desde
form-self-pay-follow-up-max = Pago por cuenta propia, consulta de seguimiento: hasta
form-self-pay-hint = Con pago por cuenta propia o tarifa según ingresos: una cantidad entera en la moneda de su país.
form-self-pay-first-visit = Pago por cuenta propia, primera consulta
form-self-pay-follow-up = Pago por cuenta propia, consulta de seguimiento
form-criteria = Buenas prácticas con benzodiacepinas que usted declara seguir
form-questions = Las preguntas de la primera consulta, en sus palabras
form-answer-hint = Hasta 2000 caracteres.
form-statement = Una breve presentación
form-statement-hint = Texto simple, hasta 4000 caracteres.
form-honeypot = Deje esto vacío
form-error-number = debe ser un número
form-error-whole-number = debe ser un número entero
form-whole = El formulario
form-error-unreadable = no se pudo leer; revise sus respuestas y envíelo de nuevo

## The submission page and the page after it

submit-title = Agregue su consultorio al directorio
submit-lead = Cuente a los pacientes cómo hace la reducción gradual. El equipo de moderación lee cada envío antes de publicarlo; su correo electrónico de contacto se mantiene privado.
submit-button = Enviar para revisión
submit-received-title = Envío recibido
submit-received-heading = Gracias: su ficha está en espera de revisión
submit-save-link = Guarde este enlace ahora
submit-save-link-why = Es la forma de modificar o retirar su ficha. También se lo enviamos a su correo de contacto; si lo pierde, use «¿Perdió su enlace?» para recibir uno nuevo.
submit-listing-number = El número de su ficha es { $id }. El equipo de moderación la revisará; hasta entonces, no es pública.
submit-dropped = Gracias. El equipo de moderación revisará su ficha.

## The manage page

manage-title = Su ficha
manage-private-key = La dirección de esta página es su clave privada para administrar su ficha. No la comparta.
manage-listing-number = Número de ficha
manage-status = Estado
manage-status-pending = En espera del equipo de moderación. Todavía no es pública.
manage-status-rejected = No fue aceptada. Puede enviar una versión corregida.
manage-status-approved = Pública en el directorio.
manage-status-approved-edit-waiting = Pública en el directorio. Su versión más reciente espera al equipo de moderación; hasta que se apruebe, los pacientes ven la versión aprobada.
manage-status-suspended = Suspendida por el equipo de moderación: no es pública hasta que se restablezca.
manage-status-withdrawn = Retirada por usted: no es pública. Si envía una nueva versión, volverá a revisión.
manage-public-page = Página pública
manage-public-page-link = Véala como la ven los pacientes
manage-suspension-reason = El equipo de moderación suspendió su ficha y escribió: «{ $reason }»
manage-latest-version = Última versión
manage-latest-sent = { $status }, enviada el { $date }
manage-version-pending = En espera de revisión
manage-version-approved = Aprobada
manage-version-rejected = No fue aceptada
manage-version-superseded = Reemplazada por una versión más reciente
manage-version-withdrawn = Retirada
manage-rejection-reason = El equipo de moderación no aceptó su última versión y escribió: «{ $reason }»
manage-change = Modifique su ficha
manage-change-lead-approved = Envíe una nueva versión completa. Si acepta pacientes nuevos cambia en su página pública al instante; el equipo de moderación revisa cualquier otro cambio y, mientras tanto, la versión aprobada sigue siendo pública.
manage-change-lead-edit-waiting = Envíe una nueva versión completa: reemplaza la que espera revisión. Si acepta pacientes nuevos cambia en su página pública al instante; hasta que se apruebe el resto, la versión aprobada sigue siendo pública.
manage-change-lead-pending = Envíe una versión corregida: reemplaza la que espera revisión. Nada es público hasta que el equipo de moderación la apruebe.
manage-change-lead-rejected = Envíe una versión corregida teniendo en cuenta el motivo del equipo de moderación, que la revisará; nada es público hasta que se apruebe.
manage-change-lead-suspended = Puede enviar una nueva versión, que el equipo de moderación revisará. Su ficha sigue oculta hasta que se restablezca.
manage-change-lead-withdrawn = Su ficha no es pública. Envíe una nueva versión para que vuelva a revisión; será pública de nuevo cuando el equipo de moderación la apruebe.
manage-change-lead-lapsed = Si algo cambió, envíe una nueva versión, que el equipo de moderación revisará. Si nada cambió, confirme sus datos más arriba y su ficha volverá a ser pública al instante.
manage-change-button = Enviar la nueva versión
manage-withdraw = Retire su ficha
manage-withdraw-confirm = Sí, quiero quitar mi ficha del directorio ahora.
manage-withdraw-button = Retirar
manage-notice-edited = Gracias. Su nueva versión está en espera de revisión.
manage-notice-unconfirmed = No se cambió nada: marque la casilla para confirmar que desea retirar su ficha.
manage-notice-withdrawn = Su ficha se retiró y ya no es pública.
manage-notice-now-accepting = Su página pública ya dice que acepta pacientes nuevos. No cambió nada más, así que no hay nada que revisar.
manage-notice-now-not-accepting = Su página pública ya dice que no acepta pacientes nuevos. No cambió nada más, así que no hay nada que revisar.
manage-notice-edited-availability-public = Su página pública ya dice si acepta pacientes nuevos. Sus demás cambios esperan revisión.

## Moderación: acceso

moderate-login-title = Acceso para moderadores
moderate-login-username = Nombre de usuario
moderate-login-password = Contraseña
moderate-login-button = Iniciar sesión
moderate-login-wrong = El nombre de usuario o la contraseña no son correctos.
moderate-login-too-many = Demasiados intentos fallidos. Vuelva a intentarlo en { $minutes ->
    [one] 1 minuto
   *[other] { $minutes } minutos
  }.

## Moderación: el panel

# { $username } es el nombre del moderador, en negrita.
moderate-logged-in-as = Sesión iniciada como { $username }.
moderate-log-out = Cerrar sesión
moderate-notice-approved = Aprobada: la nueva versión de la ficha ya es pública.
moderate-notice-rejected = Rechazada: el profesional verá su motivo.
moderate-notice-resolved = Aviso resuelto.
moderate-notice-suspended = Ficha suspendida.
moderate-notice-reverified = Ficha verificada: cuenta como la confirmación de este año.
moderate-notice-reinstated = Ficha restablecida.
moderate-queue-empty = No hay nada pendiente.
moderate-kind-edit = cambios
moderate-kind-new = ficha nueva
moderate-red-flags = Señales de alerta:
# Después de una frase de alerta: el campo en que aparece.
moderate-red-flag-in = en { $field }.
moderate-red-flag-in-answer = en la respuesta a «{ $question }»
moderate-changes-caption = Campos modificados
moderate-changes-field = Campo
moderate-changes-public = Público ahora
moderate-changes-proposed = Propuesto
moderate-value-empty = (vacío)
moderate-payment = Pago:
moderate-payment-none = no se indicó (se pide a los pacientes que pregunten en el consultorio)
moderate-payment-insurers = aseguradoras: { $insurers }
moderate-payment-first-visit = primera consulta { $price }
moderate-payment-follow-up = consulta de seguimiento { $price }
moderate-statement = Declaración:
moderate-note-optional = Nota (opcional)
moderate-approve = Aprobar
moderate-reject-reason = Motivo (el profesional lo verá)
moderate-field-note = Nota
moderate-field-reason = Motivo
moderate-reject = Rechazar
moderate-ready-reason = Motivo predefinido
moderate-ready-reason-hint = Opcional. Su texto va primero, en el idioma del profesional; lo que escriba debajo se añade después.
moderate-ready-reason-none = Ninguno: escribo yo el motivo
moderate-error-ready-reason = ese motivo acaba de eliminarse: elija otro
moderate-reasons-title = Motivos de rechazo predefinidos
moderate-reasons-lead = Los moderadores pueden elegir uno de estos motivos al rechazar un envío. El profesional lo lee en su idioma, por eso cada motivo tiene un texto en inglés y otro en español.
moderate-reasons-number = Motivo { $number }
moderate-reasons-english = En inglés
moderate-reasons-spanish = En español
moderate-reasons-save = Guardar
moderate-reasons-remove = Eliminar
moderate-reasons-add-heading = Añadir un motivo
moderate-reasons-add = Añadir el motivo
moderate-notice-reason-added = Motivo añadido.
moderate-notice-reason-saved = Motivo guardado.
moderate-notice-reason-removed = Motivo eliminado.
moderate-reports-empty = No hay avisos abiertos.
moderate-report-listing = ficha { $id }
moderate-reports-listings = { $count ->
    [one] 1 ficha tiene avisos abiertos
   *[other] { $count } fichas tienen avisos abiertos; primero la avisada hace más tiempo
  }
moderate-reports-open = { $count ->
    [one] 1 aviso abierto
   *[other] { $count } avisos abiertos
  }
moderate-reports-more = { $count ->
    [one] 1 aviso abierto más: resuelva primero estos, o léalo en la página de la ficha
   *[other] { $count } avisos abiertos más: resuelva primero estos, o léalos en la página de la ficha
  }
moderate-report-done = Qué se hizo
moderate-report-resolve = Resolver
moderate-suspend = Suspender
moderate-reinstate = Restablecer
moderate-error-listing-number = debe ser un número de ficha
moderate-audit-when = Cuándo (UTC)
moderate-audit-who = Quién
moderate-audit-what = Qué
moderate-audit-listing = Ficha
moderate-audit-reason = Motivo
moderate-audit-changes = Cambios
moderate-actor-moderator = { $username } (moderación)
moderate-actor-clinician = el profesional
moderate-actor-public = una persona del público
moderate-actor-operator = Línea de órdenes: { $command }
moderate-action-approve = Aprobó
moderate-action-reject = Rechazó
moderate-action-resolve-report = Resolvió un aviso
moderate-action-withdraw = Retiró la ficha
moderate-action-suspend = Suspendió la ficha
moderate-action-reinstate = Restableció la ficha

## Errores de un campo
# Qué falla en un campo de un formulario o de una solicitud a la API; se muestra
# tras el nombre del campo ("ciudad: es obligatorio"), por eso en minúscula.

field-error-required = es obligatorio
field-error-too-long = debe tener como máximo { $max } caracteres
field-error-length-between = debe tener entre { $min } y { $max } caracteres
field-error-between = debe estar entre { $min } y { $max }
field-error-whole-number-between = debe ser un número entero del { $min } al { $max }
field-error-from-to = debe ser un número del { $min } al { $max }
field-error-not-a-number = debe ser un número
field-error-true-or-false = debe ser true (sí) o false (no)
field-error-email = debe ser una dirección de correo electrónico
field-error-must-be-empty = debe dejarse en blanco
field-error-unknown-code = “{ $code }” no es un código conocido; consulte /api/v1/vocabulary
field-error-unknown-codes = códigos desconocidos: { $codes }; consulte /api/v1/vocabulary
field-error-not-a-choice = “{ $value }” no es una de las opciones

## Errores de un campo: fichas

field-error-single-line = debe ser una sola línea de texto, sin caracteres de control
field-error-to-be-chosen = debe elegirse: la lista importada no lo decía
field-error-verified-on = debe ser un día, hoy o antes
field-error-direction-controls = no debe contener caracteres invisibles que invierten la dirección del texto
field-error-phone = debe tener de 7 a 25 caracteres, solo dígitos, espacios y los signos + ( ) - y punto
field-error-phone-extension = debe tener de 1 a 10 dígitos
field-error-too-many-phones = debe tener como máximo { $max } números
field-error-too-many-locations = puede indicar como máximo { $max } lugares más
field-error-time-of-day = debe ser una hora en formato de 24 horas, como 08:30
field-error-closes-after-opens = debe ser posterior a la hora de apertura
field-error-too-many-opening-hours = debe tener como máximo { $max } horarios
field-error-web-address = debe ser una dirección web que empiece por http:// o https://
field-error-taxonomy-code = debe ser un código NUCC de 10 caracteres, como 2084P0800X
field-error-npi = debe ser un NPI de 10 dígitos con un dígito de control válido
field-error-country-code = debe ser un código de país ISO 3166-1 alfa-2, como US, CA o GB
field-error-region-code = debe ser un código de estado, provincia o región, como OR
field-error-us-zip-code = debe ser un código postal (ZIP) de EE. UU.: 12345 o 12345-6789
field-error-postal-code = debe ser un código postal de letras, números, espacios o guiones
field-error-longitude-with-latitude = es obligatoria si indica la latitud
field-error-latitude-with-longitude = es obligatoria si indica la longitud
field-error-city-not-on-map = no se encontró en el mapa; revise la ciudad y el código postal, o indique la latitud y la longitud
field-error-country-in-words = elija un país de la lista
field-error-region-in-words = no es un estado, provincia o región del país elegido; escriba su nombre, por ejemplo Oregón
field-error-city-not-on-map-in-words = no se pudo situar en el mapa con esta ciudad y este código postal; revíselos, o indique las coordenadas del lugar en “Situarlo yo en el mapa”

## Errores de un campo: formas de pago

field-error-insurers-without-insurance = indique aseguradoras solo si acepta seguro médico privado (private_insurance) como forma de pago
field-error-prices-without-self-pay = indique precios solo si acepta pago por cuenta propia (self_pay) o tarifa según ingresos (sliding_scale)
field-error-insurer-name = el nombre de cada aseguradora debe ser una sola línea de 2 a 80 caracteres
field-error-too-many-insurers = indique como máximo { $max } aseguradoras
field-error-price = debe ser una cantidad entera de 0 a { $max }
field-error-price-below-min = no puede ser menor que el mínimo
field-error-insurers-without-insurance-in-words = nombre aseguradoras solo si marca seguro privado
field-error-prices-without-self-pay-in-words = indique precios solo si marca pago por cuenta propia o tarifa según ingresos
field-error-price-below-min-in-words = no puede ser menor que el importe “desde”

## Errores de un campo: informes, moderación e inicio de sesión

field-error-report-reason = elija uno de los motivos de la lista (consulte /api/v1/vocabulary)
field-error-report-reason-in-words = elija un motivo de la lista
field-error-report-status = debe ser open (abiertos), resolved (resueltos) o all (todos)
field-error-too-many-bytes = debe tener como máximo { $max } bytes

## Errores de un campo: búsqueda

field-error-unnamed-parameter = tiene un valor sin nombre de parámetro
field-error-unknown-parameter = no es un parámetro de búsqueda
field-error-near-and-coordinates = indique near o bien lat y lon, pero no ambos
field-error-place-not-found = no se encontró ningún lugar llamado “{ $place }”; pruebe con una ciudad y su estado, provincia o país (“Portland, OR”, “Toronto, Ontario”), un código postal (ZIP) de EE. UU., un código postal de Canadá, de Gran Bretaña (los de Irlanda del Norte todavía no) o de Australia
field-error-lon-with-lat = debe indicarse junto con lat
field-error-lat-with-lon = debe indicarse junto con lon
field-error-radius-km-and-mi = indique radius_km o radius_mi, pero no ambos
field-error-radius = debe ser de 1 a 500 km (de unas 0,6 a 310 millas)
field-error-language-code = debe ser un código de idioma ISO 639-1, como en o es
field-error-subdivision-code = debe ser un código ISO 3166-2, como US-OR
field-error-no-place = indique un lugar (near, o lat y lon), o busque por telesalud con licencia en un estado (telehealth=true con licensed_in)
field-error-telehealth-only = sin un lugar, la búsqueda muestra solo profesionales que ofrecen telesalud
field-error-unnamed-parameter-in-words = la dirección de la búsqueda tiene un valor sin nombre; empiece una búsqueda nueva desde el formulario
field-error-unknown-parameter-in-words = la dirección de la búsqueda pide “{ $name }”, que esta búsqueda no conoce; empiece una búsqueda nueva desde el formulario
field-error-near-and-coordinates-in-words = indique un lugar o unas coordenadas, no ambos
field-error-coordinates-in-words = indique las dos coordenadas del lugar
field-error-radius-km-and-mi-in-words = indique la distancia una sola vez, en kilómetros o en millas
field-error-no-place-in-words = indique una ciudad o un código postal; o, para buscar solo telesalud, elija en “Con licencia para telesalud en” el estado o la región donde vive

## Field errors: FHIR searches

field-error-fhir-format = solo se sirve JSON: json, application/json o application/fhir+json
field-error-fhir-too-many-ids = indique como máximo { $max } identificadores
field-error-fhir-date = debe ser una fecha u hora como 2026-12-03 o 2026-12-03T10:00:00Z, tras un prefijo opcional eq, gt, ge, lt, le, sa o eb
field-error-fhir-one-value = admite un solo valor
field-error-fhir-system = solo busca los códigos de { $system }
field-error-fhir-code = “{ $code }” no es un código de { $system }
field-error-fhir-near = debe ser latitud|longitud|distancia|unidades, como 45.52|-122.68|25|km
field-error-fhir-units = debe dar la distancia en km, m, mi o [mi_i]
field-error-fhir-include = debe ser uno de { $allowed }
field-error-fhir-not-with = no se puede combinar con { $other }


## Precios

payment-local-currency = { $amounts } (en moneda local)

## Listas de códigos: la etiqueta de cada código, como `vocab-<lista>-<código>`

vocab-profession-physician = Médico/a (MD, DO, MBBS)
vocab-profession-nurse_practitioner = Enfermero/a de práctica avanzada (nurse practitioner)
vocab-profession-physician_assistant = Asistente médico (physician assistant)
vocab-profession-pharmacist = Farmacéutico/a clínico/a
vocab-profession-psychologist = Psicólogo/a
vocab-profession-therapist = Consejero/a, terapeuta o trabajador/a social clínico/a

vocab-specialty-psychiatry = Psiquiatría
vocab-specialty-primary_care = Atención primaria (medicina familiar, interna o general)
vocab-specialty-geriatrics = Geriatría
vocab-specialty-addiction_medicine = Medicina de las adicciones
vocab-specialty-neurology = Neurología
vocab-specialty-pharmacotherapy = Farmacoterapia
vocab-specialty-psychotherapy = Psicoterapia
vocab-specialty-other = Otra

vocab-approach-symptom_guided = Ritmo acordado con el paciente; las reducciones se pausan o se hacen más lentas cuando los síntomas de abstinencia son fuertes
vocab-approach-micro_taper = Reducciones muy pequeñas, cada día o cada pocos días
vocab-approach-liquid_titration = La dosis se disuelve en una cantidad medida de líquido (o se usa una solución oral autorizada) para hacer reducciones diminutas y exactas
vocab-approach-dry_cut_weighed = Las tabletas se cortan o se muelen y se pesan en una báscula de miligramos
vocab-approach-hyperbolic = Cada reducción es un porcentaje de la dosis actual, así que los pasos son cada vez más pequeños y el final es la parte más lenta
vocab-approach-diazepam_crossover = Se cambia poco a poco una benzodiacepina de acción corta por diazepam y luego se reduce gradualmente (Manual Ashton)
vocab-approach-direct_taper = Se reduce poco a poco el mismo medicamento que ya toma, sin cambiarlo
vocab-approach-cut_and_hold = Una reducción, y luego se mantiene la dosis hasta estar estable antes de la siguiente
vocab-approach-tapering_strips = Sobres diarios preparados en la farmacia, con dosis que bajan poco a poco
vocab-approach-reduce_and_maintain = Acepta mantener la dosis más baja tolerada si el paciente no tolera más reducciones

## Nombres cortos de las formas de reducción gradual, donde la etiqueta completa es demasiado larga

vocab-approach-name-symptom_guided = Ritmo según los síntomas
vocab-approach-name-micro_taper = Microrreducción
vocab-approach-name-liquid_titration = Reducción con líquido
vocab-approach-name-dry_cut_weighed = Tabletas cortadas y pesadas
vocab-approach-name-hyperbolic = Reducciones hiperbólicas (porcentuales)
vocab-approach-name-diazepam_crossover = Cambio a diazepam
vocab-approach-name-direct_taper = Reducción directa
vocab-approach-name-cut_and_hold = Reducir y esperar
vocab-approach-name-tapering_strips = Tiras de reducción gradual
vocab-approach-name-reduce_and_maintain = Reducir y mantener

## Prácticas, formas de pago, preguntas para la primera consulta, motivos para informar de un problema

vocab-criterion-slow_taper_supported = Apoya reducciones graduales que duran lo que el paciente necesite, un año o más
vocab-criterion-patient_sets_pace = Deja que el paciente marque el ritmo y haga pausas cuando los síntomas son difíciles
vocab-criterion-no_abrupt_stops = Nunca suspende una benzodiacepina de golpe; conoce el riesgo de convulsiones que eso conlleva
vocab-criterion-plans_exit_at_start = Al recetar, planea desde el principio cómo y cuándo se reducirá el medicamento
vocab-criterion-non_drug_support = Ofrece o recomienda apoyos sin medicamentos: terapia, TCC-I, técnicas de anclaje, higiene del sueño
vocab-criterion-combination_caution = Tiene cuidado cuando se combinan benzodiacepinas con opioides u otros sedantes
vocab-criterion-withdrawal_history_respected = Toma en serio la abstinencia que el paciente ya haya vivido
vocab-criterion-accepts_transfers = Acepta pacientes que cambian de profesional a mitad de una reducción gradual
vocab-criterion-ashton_manual = Conoce el Manual Ashton

vocab-payment-medicare = Medicare
vocab-payment-medicaid = Medicaid
vocab-payment-private_insurance = Seguro médico privado
vocab-payment-tricare = TRICARE (seguro militar)
vocab-payment-self_pay = Pago por cuenta propia
vocab-payment-sliding_scale = Tarifa según ingresos
vocab-payment-free_care = Atención gratuita

vocab-question-typical_duration = ¿Por cuánto tiempo suele mantener a sus pacientes con benzodiacepinas?
vocab-question-dependence_plan = Si un paciente desarrolla dependencia, ¿cómo maneja la reducción gradual?
vocab-question-slow_taper = ¿Apoya reducciones graduales muy lentas, guiadas por los síntomas?

vocab-report-reason-inaccurate = La información de la ficha es incorrecta o está desactualizada
vocab-report-reason-not_benzo_wise = El profesional no actuó como dice la ficha
vocab-report-reason-closed = El consultorio cerró o se mudó
vocab-report-reason-impersonation = La ficha no la creó el profesional que aparece en ella
vocab-report-reason-other = Otro motivo

## GET /api/v1/vocabulary

# $languages: los códigos aceptados, como "en, es".
vocab-lang-unknown = debe ser uno de estos: { $languages }

## Países (ISO 3166-1), por código

country-AD = Andorra
country-AE = Emiratos Árabes Unidos
country-AF = Afganistán
country-AG = Antigua y Barbuda
country-AI = Anguila
country-AL = Albania
country-AM = Armenia
country-AO = Angola
country-AQ = Antártida
country-AR = Argentina
country-AS = Samoa Americana
country-AT = Austria
country-AU = Australia
country-AW = Aruba
country-AX = Islas Aland
country-AZ = Azerbaiyán
country-BA = Bosnia y Herzegovina
country-BB = Barbados
country-BD = Bangladés
country-BE = Bélgica
country-BF = Burkina Faso
country-BG = Bulgaria
country-BH = Baréin
country-BI = Burundi
country-BJ = Benín
country-BL = San Bartolomé
country-BM = Bermudas
country-BN = Brunéi
country-BO = Bolivia
country-BQ = Bonaire, San Eustaquio y Saba
country-BR = Brasil
country-BS = Bahamas
country-BT = Bután
country-BV = Isla Bouvet
country-BW = Botsuana
country-BY = Bielorrusia
country-BZ = Belice
country-CA = Canadá
country-CC = Islas Cocos
country-CD = República Democrática del Congo
country-CF = República Centroafricana
country-CG = República del Congo
country-CH = Suiza
country-CI = Costa de Marfil
country-CK = Islas Cook
country-CL = Chile
country-CM = Camerún
country-CN = China
country-CO = Colombia
country-CR = Costa Rica
country-CU = Cuba
country-CV = Cabo Verde
country-CW = Curazao
country-CX = Isla de Navidad
country-CY = Chipre
country-CZ = Chequia
country-DE = Alemania
country-DJ = Yibuti
country-DK = Dinamarca
country-DM = Dominica
country-DO = República Dominicana
country-DZ = Argelia
country-EC = Ecuador
country-EE = Estonia
country-EG = Egipto
country-EH = Sáhara Occidental
country-ER = Eritrea
country-ES = España
country-ET = Etiopía
country-FI = Finlandia
country-FJ = Fiyi
country-FK = Islas Malvinas
country-FM = Micronesia
country-FO = Islas Feroe
country-FR = Francia
country-GA = Gabón
country-GB = Reino Unido
country-GD = Granada
country-GE = Georgia
country-GF = Guayana Francesa
country-GG = Guernsey
country-GH = Ghana
country-GI = Gibraltar
country-GL = Groenlandia
country-GM = Gambia
country-GN = Guinea
country-GP = Guadalupe
country-GQ = Guinea Ecuatorial
country-GR = Grecia
country-GS = Islas Georgias del Sur y Sandwich del Sur
country-GT = Guatemala
country-GU = Guam
country-GW = Guinea-Bisáu
country-GY = Guyana
country-HK = Hong Kong
country-HM = Islas Heard y McDonald
country-HN = Honduras
country-HR = Croacia
country-HT = Haití
country-HU = Hungría
country-ID = Indonesia
country-IE = Irlanda
country-IL = Israel
country-IM = Isla de Man
country-IN = India
country-IO = Territorio Británico del Océano Índico
country-IQ = Irak
country-IR = Irán
country-IS = Islandia
country-IT = Italia
country-JE = Jersey
country-JM = Jamaica
country-JO = Jordania
country-JP = Japón
country-KE = Kenia
country-KG = Kirguistán
country-KH = Camboya
country-KI = Kiribati
country-KM = Comoras
country-KN = San Cristóbal y Nieves
country-KP = Corea del Norte
country-KR = Corea del Sur
country-KW = Kuwait
country-KY = Islas Caimán
country-KZ = Kazajistán
country-LA = Laos
country-LB = Líbano
country-LC = Santa Lucía
country-LI = Liechtenstein
country-LK = Sri Lanka
country-LR = Liberia
country-LS = Lesoto
country-LT = Lituania
country-LU = Luxemburgo
country-LV = Letonia
country-LY = Libia
country-MA = Marruecos
country-MC = Mónaco
country-MD = Moldavia
country-ME = Montenegro
country-MF = San Martín (parte francesa)
country-MG = Madagascar
country-MH = Islas Marshall
country-MK = Macedonia del Norte
country-ML = Malí
country-MM = Myanmar (Birmania)
country-MN = Mongolia
country-MO = Macao
country-MP = Islas Marianas del Norte
country-MQ = Martinica
country-MR = Mauritania
country-MS = Montserrat
country-MT = Malta
country-MU = Mauricio
country-MV = Maldivas
country-MW = Malaui
country-MX = México
country-MY = Malasia
country-MZ = Mozambique
country-NA = Namibia
country-NC = Nueva Caledonia
country-NE = Níger
country-NF = Isla Norfolk
country-NG = Nigeria
country-NI = Nicaragua
country-NL = Países Bajos
country-NO = Noruega
country-NP = Nepal
country-NR = Nauru
country-NU = Niue
country-NZ = Nueva Zelanda
country-OM = Omán
country-PA = Panamá
country-PE = Perú
country-PF = Polinesia Francesa
country-PG = Papúa Nueva Guinea
country-PH = Filipinas
country-PK = Pakistán
country-PL = Polonia
country-PM = San Pedro y Miquelón
country-PN = Islas Pitcairn
country-PR = Puerto Rico
country-PS = Palestina
country-PT = Portugal
country-PW = Palaos
country-PY = Paraguay
country-QA = Catar
country-RE = Reunión
country-RO = Rumanía
country-RS = Serbia
country-RU = Rusia
country-RW = Ruanda
country-SA = Arabia Saudí
country-SB = Islas Salomón
country-SC = Seychelles
country-SD = Sudán
country-SE = Suecia
country-SG = Singapur
country-SH = Santa Elena, Ascensión y Tristán de Acuña
country-SI = Eslovenia
country-SJ = Svalbard y Jan Mayen
country-SK = Eslovaquia
country-SL = Sierra Leona
country-SM = San Marino
country-SN = Senegal
country-SO = Somalia
country-SR = Surinam
country-SS = Sudán del Sur
country-ST = Santo Tomé y Príncipe
country-SV = El Salvador
country-SX = Sint Maarten (parte neerlandesa)
country-SY = Siria
country-SZ = Esuatini
country-TC = Islas Turcas y Caicos
country-TD = Chad
country-TF = Territorios Australes Franceses
country-TG = Togo
country-TH = Tailandia
country-TJ = Tayikistán
country-TK = Tokelau
country-TL = Timor Oriental
country-TM = Turkmenistán
country-TN = Túnez
country-TO = Tonga
country-TR = Turquía
country-TT = Trinidad y Tobago
country-TV = Tuvalu
country-TW = Taiwán
country-TZ = Tanzania
country-UA = Ucrania
country-UG = Uganda
country-UM = Islas menores alejadas de EE. UU.
country-US = Estados Unidos
country-UY = Uruguay
country-UZ = Uzbekistán
country-VA = Ciudad del Vaticano
country-VC = San Vicente y las Granadinas
country-VE = Venezuela
country-VG = Islas Vírgenes Británicas
country-VI = Islas Vírgenes de EE. UU.
country-VN = Vietnam
country-VU = Vanuatu
country-WF = Wallis y Futuna
country-WS = Samoa
country-YE = Yemen
country-YT = Mayotte
country-ZA = Sudáfrica
country-ZM = Zambia
country-ZW = Zimbabue

## Regiones (ISO 3166-2): estados, distrito y territorios de EE. UU.; provincias y territorios de Canadá; las naciones del Reino Unido; estados y territorios de Australia

region-US-AK = Alaska
region-US-AL = Alabama
region-US-AR = Arkansas
region-US-AS = Samoa Americana
region-US-AZ = Arizona
region-US-CA = California
region-US-CO = Colorado
region-US-CT = Connecticut
region-US-DC = Distrito de Columbia
region-US-DE = Delaware
region-US-FL = Florida
region-US-GA = Georgia
region-US-GU = Guam
region-US-HI = Hawái
region-US-IA = Iowa
region-US-ID = Idaho
region-US-IL = Illinois
region-US-IN = Indiana
region-US-KS = Kansas
region-US-KY = Kentucky
region-US-LA = Luisiana
region-US-MA = Massachusetts
region-US-MD = Maryland
region-US-ME = Maine
region-US-MI = Míchigan
region-US-MN = Minnesota
region-US-MO = Misuri
region-US-MP = Islas Marianas del Norte
region-US-MS = Misisipi
region-US-MT = Montana
region-US-NC = Carolina del Norte
region-US-ND = Dakota del Norte
region-US-NE = Nebraska
region-US-NH = Nuevo Hampshire
region-US-NJ = Nueva Jersey
region-US-NM = Nuevo México
region-US-NV = Nevada
region-US-NY = Nueva York
region-US-OH = Ohio
region-US-OK = Oklahoma
region-US-OR = Oregón
region-US-PA = Pensilvania
region-US-PR = Puerto Rico
region-US-RI = Rhode Island
region-US-SC = Carolina del Sur
region-US-SD = Dakota del Sur
region-US-TN = Tennessee
region-US-TX = Texas
region-US-UM = Islas menores alejadas de EE. UU.
region-US-UT = Utah
region-US-VA = Virginia
region-US-VI = Islas Vírgenes de EE. UU.
region-US-VT = Vermont
region-US-WA = Washington
region-US-WI = Wisconsin
region-US-WV = Virginia Occidental
region-US-WY = Wyoming
region-CA-AB = Alberta
region-CA-BC = Columbia Británica
region-CA-MB = Manitoba
region-CA-NB = Nuevo Brunswick
region-CA-NL = Terranova y Labrador
region-CA-NS = Nueva Escocia
region-CA-NT = Territorios del Noroeste
region-CA-NU = Nunavut
region-CA-ON = Ontario
region-CA-PE = Isla del Príncipe Eduardo
region-CA-QC = Quebec
region-CA-SK = Saskatchewan
region-CA-YT = Yukón
region-GB-ENG = Inglaterra
region-GB-NIR = Irlanda del Norte
region-GB-SCT = Escocia
region-GB-WLS = Gales
region-AU-ACT = Territorio de la Capital Australiana
region-AU-NSW = Nueva Gales del Sur
region-AU-NT = Territorio del Norte
region-AU-QLD = Queensland
region-AU-SA = Australia Meridional
region-AU-TAS = Tasmania
region-AU-VIC = Victoria
region-AU-WA = Australia Occidental

## Idiomas (ISO 639-1), por código; en minúscula, como se escriben en español

language-aa = afar
language-ab = abjasio
language-acm = árabe mesopotámico
language-ae = avéstico
language-af = afrikáans
language-ak = akan
language-am = amárico
language-an = aragonés
language-apc = árabe levantino
language-ar = árabe
language-ary = árabe marroquí
language-arz = árabe egipcio
language-as = asamés
language-ase = lengua de señas americana
language-av = avar
language-ay = aimara
language-az = azerbaiyano
language-ba = baskir
language-be = bielorruso
language-bfi = lengua de señas británica
language-bg = búlgaro
language-bho = bhojpuri
language-bi = bislama
language-bm = bambara
language-bn = bengalí
language-bo = tibetano
language-br = bretón
language-bs = bosnio
language-ca = catalán
language-ce = checheno
language-ceb = cebuano
language-ch = chamorro
language-chr = cheroqui
language-ckb = kurdo central (sorani)
language-cmn = chino mandarín
language-co = corso
language-cr = cree
language-cs = checo
language-cu = eslavo eclesiástico
language-cv = chuvasio
language-cy = galés
language-da = danés
language-de = alemán
language-dv = divehi
language-dz = dzongkha
language-ee = ewe
language-el = griego
language-en = inglés
language-eo = esperanto
language-es = español
language-et = estonio
language-eu = euskera
language-fa = persa
language-ff = fula
language-fi = finés
language-fil = filipino
language-fj = fiyiano
language-fo = feroés
language-fr = francés
language-fy = frisón occidental
language-ga = irlandés
language-gd = gaélico escocés
language-gl = gallego
language-gn = guaraní
language-gu = guyaratí
language-gv = manés
language-ha = hausa
language-hak = chino hakka
language-haw = hawaiano
language-he = hebreo
language-hi = hindi
language-hmn = hmong
language-ho = hiri motu
language-hr = croata
language-ht = criollo haitiano
language-hu = húngaro
language-hy = armenio
language-hz = herero
language-ia = interlingua
language-id = indonesio
language-ie = interlingue
language-ig = igbo
language-ii = yi de Sichuán
language-ik = inupiaq
language-ilo = ilocano
language-io = ido
language-is = islandés
language-it = italiano
language-iu = inuktitut
language-ja = japonés
language-jam = criollo jamaicano
language-jv = javanés
language-ka = georgiano
language-kea = criollo caboverdiano
language-kg = kongo
language-ki = kikuyu
language-kj = kuanyama
language-kk = kazajo
language-kl = groenlandés
language-km = jemer
language-kmr = kurdo septentrional (kurmanji)
language-kn = canarés
language-ko = coreano
language-kr = kanuri
language-ks = cachemir
language-ku = kurdo
language-kv = komi
language-kw = córnico
language-ky = kirguís
language-la = latín
language-lb = luxemburgués
language-lg = ganda
language-li = limburgués
language-lkt = lakota
language-ln = lingala
language-lo = lao
language-lt = lituano
language-lu = luba-katanga
language-lv = letón
language-mai = maithili
language-mam = mam
language-mfs = lengua de señas mexicana
language-mg = malgache
language-mh = marshalés
language-mi = maorí
language-mk = macedonio
language-ml = malayalam
language-mn = mongol
language-mr = maratí
language-ms = malayo
language-mt = maltés
language-my = birmano
language-na = nauruano
language-nan = chino min nan (taiwanés, hokkien)
language-nb = noruego bokmal
language-nd = ndebele del norte
language-ne = nepalí
language-ng = ndonga
language-nl = neerlandés
language-nn = noruego nynorsk
language-no = noruego
language-nr = ndebele del sur
language-nv = navajo
language-ny = chichewa
language-oc = occitano
language-oj = ojibwa
language-om = oromo
language-or = oriya
language-os = osético
language-pa = panyabí
language-pap = papiamento
language-pi = pali
language-pl = polaco
language-prs = darí
language-ps = pastún
language-pt = portugués
language-qu = quechua
language-quc = quiché
language-rm = romanche
language-rn = kirundi
language-ro = rumano
language-ru = ruso
language-rw = kinyarwanda
language-sa = sánscrito
language-sc = sardo
language-sd = sindi
language-se = sami septentrional
language-sg = sango
language-si = cingalés
language-sk = eslovaco
language-sl = esloveno
language-sm = samoano
language-sn = shona
language-so = somalí
language-sq = albanés
language-sr = serbio
language-ss = suazi
language-st = sotho meridional
language-su = sundanés
language-sv = sueco
language-sw = suajili
language-ta = tamil
language-te = telugu
language-tg = tayiko
language-th = tailandés
language-ti = tigriña
language-tk = turcomano
language-tl = tagalo
language-tn = setsuana
language-to = tongano
language-tr = turco
language-ts = tsonga
language-tt = tártaro
language-tw = twi
language-ty = tahitiano
language-tzh = tseltal
language-tzo = tsotsil
language-ug = uigur
language-uk = ucraniano
language-ur = urdu
language-uz = uzbeko
language-ve = venda
language-vi = vietnamita
language-vo = volapük
language-wa = valón
language-wo = wólof
language-wuu = chino wu (shanghainés)
language-xh = xhosa
language-yi = yidis
language-yo = yoruba
language-yua = maya yucateco
language-yue = cantonés
language-za = zhuang
language-zap = zapoteco
language-zh = chino
language-zu = zulú

## Correo a los profesionales. Texto sin formato; { $name } es el nombre del profesional tal como aparece en su ficha.

mail-signature = — benzowise, un directorio de profesionales de la salud que apoyan la reducción gradual de las benzodiacepinas, al ritmo de cada paciente
mail-received-subject = Recibimos su ficha
mail-received-body =
    Estimado/a { $name }:

    Gracias por enviar su ficha a benzowise. Una persona del equipo de moderación la revisará, normalmente en pocos días, y le escribiremos cuando haya una decisión.

    Este es su enlace privado para ver, modificar o retirar su ficha. Guárdelo bien y no lo comparta:

    { $link }

    Si lo pierde, use «¿Perdió su enlace?» en el sitio y le enviaremos uno nuevo a esta dirección.
mail-approved-subject = Su ficha ya es pública
mail-approved-body =
    Estimado/a { $name }:

    El equipo de moderación aprobó su ficha, y los pacientes ya pueden encontrarla:

    { $link }

    Una vez al año le pediremos que confirme que sus datos siguen siendo correctos.
mail-rejected-subject = Su ficha no fue aprobada
mail-rejected-body =
    Estimado/a { $name }:

    El equipo de moderación no aprobó lo que envió, por este motivo:

    { $reason }

    Puede cambiarlo y volver a enviarlo desde su enlace privado.
mail-suspended-subject = Su ficha está suspendida
mail-suspended-body =
    Estimado/a { $name }:

    El equipo de moderación ha retirado su ficha del directorio por ahora, por este motivo:

    { $reason }

    Responda a este mensaje si cree que se trata de un error.
mail-reinstated-subject = Su ficha vuelve a ser pública
mail-reinstated-body =
    Estimado/a { $name }:

    El equipo de moderación ha vuelto a publicar su ficha en el directorio:

    { $link }

## Recuperar el enlace perdido: el formulario, su respuesta, las páginas que abre un enlace de recuperación y su correo

recovery-lost-link = ¿Perdió su enlace?
recovery-already-listed = ¿Ya tiene una ficha?
recovery-manage-hint = Si alguna vez pierde este enlace, podemos enviarle uno nuevo a su correo de contacto:
recovery-title = Obtener un nuevo enlace privado
recovery-lead = Escriba el correo de contacto que dio con su ficha. Si alguna ficha lo usa, le enviaremos allí un nuevo enlace privado. Ese enlace funciona una sola vez, durante 24 horas.
recovery-email = Correo de contacto
recovery-button = Envíenme un enlace
recovery-sent-title = Revise su correo
recovery-sent = Si alguna ficha usa esa dirección, le enviamos un enlace. Funciona una sola vez, durante 24 horas. Si no llega en unos minutos, revise la carpeta de correo no deseado o pruebe con otra dirección que pueda haber usado.
recovery-confirm-title = Crear un nuevo enlace privado
recovery-confirm-lead = Pulse el botón para crear un nuevo enlace privado a su ficha. Su enlace anterior dejará de funcionar en ese momento.
recovery-confirm-button = Crear mi nuevo enlace
recovery-done-title = Su nuevo enlace privado
recovery-done-save = Guarde este enlace ahora
recovery-done-why = Es la única forma de modificar o retirar su ficha, y su enlace anterior ya no funciona. Si también pierde este, puede pedir otro.
recovery-done-listing = El número de su ficha es { $id }.
recovery-unusable-title = Este enlace ya no funciona
recovery-unknown = No reconocemos este enlace. Compruebe que lo copió completo del mensaje.
recovery-used = Este enlace ya se usó: cada uno funciona una sola vez. Si creó un nuevo enlace privado con él, use ese.
recovery-expired = Este enlace venció: cada uno funciona durante 24 horas.
recovery-ask-again = Pedir un nuevo enlace
mail-recovery-subject = Un nuevo enlace privado a su ficha
mail-recovery-body =
    Estimado/a { $name }:

    Alguien, probablemente usted, pidió un nuevo enlace privado a su ficha. Abra esta página dentro de las próximas 24 horas y pulse su botón para obtenerlo:

    { $link }

    Esta página funciona una sola vez. Mientras no la use, su enlace privado actual sigue funcionando. Si usted no lo pidió, puede ignorar este mensaje.

## Vigencia: confirmar los datos una vez al año, recordatorios y fichas caducadas

profile-confirmed = Datos confirmados por el profesional de la salud en { $month }
profile-lapsed-title = Esta ficha no se muestra por ahora
profile-lapsed-detail = El profesional de la salud no ha confirmado desde hace un tiempo que estos datos sigan siendo correctos, así que ocultamos la ficha hasta que lo haga. Puede buscar otros profesionales de la salud que apoyen una reducción lenta.
search-card-confirmed = Datos confirmados por el profesional de la salud en { $month }
manage-status-lapsed = Oculta, porque no confirmó sus datos a tiempo. Pulse «Mis datos siguen siendo correctos» más abajo y volverá a ser pública en ese momento.
manage-confirmed-at = Última confirmación
manage-confirm = ¿Siguen siendo correctos sus datos?
manage-confirm-lead = Una vez al año le pedimos que confirme que su ficha sigue siendo correcta, para que los pacientes puedan confiar en ella. Si lo es, pulse el botón. Si algo cambió, envíe en su lugar una nueva versión más abajo.
manage-confirm-button = Mis datos siguen siendo correctos
manage-notice-confirmed = Gracias. Sus datos quedan confirmados por un año más.
moderate-action-confirm = Confirmó los datos
moderate-action-availability = Cambió si acepta pacientes nuevos (publicado al instante)
moderate-action-reminder-soon = Envió un recordatorio (30 días antes)
moderate-action-reminder-due = Envió un recordatorio (vence hoy)
moderate-action-lapse = Caducó (sin confirmar a tiempo)
mail-reminder-soon-subject = ¿Siguen siendo correctos los datos de su ficha?
mail-reminder-soon-body =
    Estimado/a { $name }:

    Una vez al año pedimos a cada profesional de la salud que confirme que su ficha sigue siendo correcta, para que los pacientes puedan confiar en lo que leen. La suya vence el { $due }.

    Abra su enlace privado a la ficha (venía en el correo que le enviamos cuando la envió) y pulse «Mis datos siguen siendo correctos». Si algo cambió, envíe en su lugar una nueva versión desde la misma página.

    Si ya no tiene su enlace privado, podemos enviarle uno nuevo:

    { $link }
mail-reminder-due-subject = Confirme hoy los datos de su ficha
mail-reminder-due-body =
    Estimado/a { $name }:

    Hoy, { $due }, vence la confirmación anual de su ficha. Abra su enlace privado a la ficha y pulse «Mis datos siguen siendo correctos». Si no la confirma en los próximos 60 días, ocultaremos la ficha hasta que lo haga.

    Si ya no tiene su enlace privado, podemos enviarle uno nuevo:

    { $link }
mail-lapsed-subject = Su ficha está oculta hasta que la confirme
mail-lapsed-body =
    Estimado/a { $name }:

    La confirmación de su ficha vencía el { $due } y no hemos sabido de usted, así que los pacientes ya no la ven. No se pierde nada: abra su enlace privado a la ficha y pulse «Mis datos siguen siendo correctos», y volverá a ser pública en ese momento.

    Si ya no tiene su enlace privado, podemos enviarle uno nuevo:

    { $link }

## Correo al equipo de moderación

mail-digest-subject = { $count ->
    [one] 1 elemento espera revisión
   *[other] { $count } elementos esperan revisión
  }
mail-digest-body =
    Pendiente en benzowise: { $submissions ->
        [one] 1 envío
       *[other] { $submissions } envíos
      } y { $reports ->
        [one] 1 aviso abierto
       *[other] { $reports } avisos abiertos
      }.

    { $link }
moderate-lapsed-heading = Fichas caducadas ({ $count })
moderate-lapsed-empty = Ninguna ficha ha caducado.
moderate-lapsed-lead = Ocultas porque sus profesionales de la salud no confirmaron sus datos a tiempo. Cada una vuelve a ser pública en cuanto su profesional la confirma.
moderate-lapsed-item = { $name } (ficha { $id }, { $email })
moderate-lapsed-confirmed = última confirmación: { $date }
moderate-lapsed-more = Se muestran las { $count } que caducaron hace más tiempo.

## Moderación: correo que no se pudo enviar, y enlaces recuperados en el registro

moderate-undelivered-heading = Correo que no se pudo enviar
moderate-undelivered-lead = Estos mensajes fallaron en todos los intentos. Si es importante, escriba a la persona por otro medio.
moderate-undelivered-item = Para { $recipient }: «{ $subject }», escrito el { $date }, intentado { $attempts } veces
moderate-action-recover-link = Reemplazó un enlace perdido

## Moderación: el segundo paso del inicio de sesión

moderate-code-title = Su código de autenticación en dos pasos
moderate-code-label = Código
moderate-code-hint = Los seis dígitos que muestra ahora su aplicación de autenticación, o uno de sus códigos de recuperación.
moderate-code-button = Continuar
moderate-code-wrong = Ese código no es correcto o ya se usó. Pruebe con el código que muestra ahora su aplicación.

## Moderación: el panel de trabajo

moderate-nav-label = Panel de moderación
moderate-nav-queue = Pendientes
moderate-nav-reports = Avisos
moderate-nav-listings = Fichas
moderate-nav-audit = Registro de auditoría
moderate-nav-two-factor = Autenticación en dos pasos
moderate-nav-moderators = Moderadores
moderate-nav-reasons = Motivos de rechazo
moderate-pages-label = Páginas
moderate-pages-next = Página siguiente
moderate-pages-older = Eventos anteriores
moderate-pages-where = Página { $page } de { $count }
moderate-pages-previous = Página anterior
moderate-pages-number = Página { $page }
moderate-yes = Sí
moderate-no = No
moderate-notice-disabled = Cuenta desactivada: sus sesiones se cerraron.
moderate-notice-enabled = Cuenta activada de nuevo.

## Moderación: los pendientes

moderate-queue-title = Pendientes de revisión
moderate-queue-counts = Pendientes: { $pending }. Fichas nuevas: { $new }; cambios: { $edits }; con señales de alerta: { $flagged }; con más de { $days ->
    [one] 1 día
   *[other] { $days } días
  } de espera: { $waiting }.
moderate-filter-kind = Tipo
moderate-filter-kind-any = Cualquiera
moderate-filter-flagged = Solo con señales de alerta
moderate-filter-waiting = En espera desde hace más de (días)
moderate-filter-button = Mostrar
moderate-queue-caption = Primero los más antiguos
moderate-queue-sent = Enviado (UTC)
moderate-queue-name = Nombre
moderate-queue-city = Ciudad
moderate-queue-kind = Tipo
moderate-queue-flags = Señales de alerta
moderate-queue-claim = En revisión
moderate-queue-search = Nombre, ciudad, NPI, correo o número de ficha
moderate-filter-region = Región
moderate-filter-hide-claimed = Ocultar lo que otros están revisando
moderate-queue-matching = { $count ->
    [one] Coincide 1 envío
   *[other] Coinciden { $count } envíos
  }
moderate-claim = { $username } lo está revisando (desde las { $since } UTC)
moderate-claim-yours = Usted lo está revisando (desde las { $since } UTC)

## Moderación: un envío

moderate-review-title = { $name }, ficha { $listing }: { $kind }
moderate-review-sent = enviado el { $when } UTC
moderate-review-email = correo privado: { $email }
moderate-review-unclaimed = sin reclamar: la lista de la que se importó no tenía correo; no recibe correos ni enlace de gestión
moderate-to-be-chosen = La lista de la que se importó no decía la profesión o la especialidad: elíjala abajo antes de aprobar.
moderate-choose = Elija…
moderate-reverify-hint = Esta ficha se añadió desde una lista pública y no tiene un profesional que la confirme cada año. Llame al consultorio; si los datos siguen siendo correctos, indíquelo aquí: cuenta como la confirmación de este año.
moderate-reverify-day = Día en que la verificó por teléfono
moderate-reverify = Verificada por teléfono
moderate-field-to-be-chosen = por elegir (la lista importada no lo decía)
moderate-kept-from-import = En la lista importada, pero no en la ficha
moderate-review-decided = Estado de este envío: { $status }.
moderate-duplicates-heading = Posiblemente el mismo profesional
moderate-duplicate-npi = mismo NPI
moderate-duplicate-name = mismo nombre en la misma ciudad
moderate-review-details = El envío
moderate-review-answers = Respuestas y declaración
moderate-npi-registry = (abre el registro público NPPES)
moderate-field-practice = Consultorio
moderate-field-address = Dirección
moderate-field-contact = Teléfono, sitio web, correo electrónico público
moderate-field-telehealth = Telesalud
moderate-field-accepting = Acepta pacientes nuevos
moderate-field-approaches = Métodos de reducción
moderate-field-criteria = Buenas prácticas con las benzodiacepinas
moderate-review-skip = Pasar al siguiente envío
moderate-review-back = Volver a los pendientes
moderate-claim-decide-anyway = Aún puede decidirlo: cuenta la primera decisión y se rechaza la segunda.
moderate-claim-others-see = Los demás moderadores lo ven durante { $minutes } minutos.
moderate-field-region = Estado o región
moderate-field-country = País
moderate-field-latitude = Latitud
moderate-field-longitude = Longitud
moderate-field-licensed-regions = Licencias para telesalud
moderate-field-languages = Idiomas
moderate-field-names-derived = Nombres deducidos del nombre completo
moderate-field-self-pay-first-visit = Pago propio, primera consulta
moderate-field-self-pay-follow-up = Pago propio, consulta de seguimiento
moderate-field-location-source = Situada en el mapa a partir de
moderate-location-source-given = las coordenadas indicadas
moderate-location-source-postal_code = el código postal
moderate-location-source-city = la ciudad
moderate-field-status = Ficha
moderate-field-submission-status = Envío
moderate-field-report-status = Aviso
moderate-field-confirmed-at = Datos confirmados

## Moderación: buscar una ficha

moderate-find-title = Fichas
moderate-find-label = Nombre, NPI, ciudad o número de ficha
moderate-find-button = Buscar
moderate-find-none = Ninguna ficha coincide.
moderate-find-caption = Primero las más recientes
moderate-find-count = { $count ->
    [one] Coincide 1 ficha
   *[other] Coinciden { $count } fichas
  }
moderate-find-number = Número
moderate-listing-status = Estado
moderate-status-pending = pendiente
moderate-status-rejected = rechazada
moderate-status-approved = pública
moderate-status-suspended = suspendida
moderate-status-withdrawn = retirada
moderate-status-lapsed = caducada
moderate-listing-title = { $name }, ficha { $id }
moderate-listing-public-page = página pública
moderate-suspend-reason = Motivo de la suspensión (el profesional lo verá)
moderate-versions-heading = Versiones
moderate-versions-number = Número
moderate-versions-decided = Decidida
moderate-listing-reports = Avisos
moderate-listing-history = Historial
moderate-listing-all-events = Todo el registro de auditoría de esta ficha

## Moderación: avisos y registro de auditoría

moderate-reports-title = Avisos abiertos
moderate-audit-title = Registro de auditoría
moderate-audit-from = Desde
moderate-audit-to = Hasta
moderate-audit-none = Ningún evento coincide.
moderate-audit-more-changes = { $count ->
    [one] y 1 campo más
   *[other] y { $count } campos más
  }
moderate-action-invite-moderator = Invitó a un moderador
moderate-action-revoke-invitation = Anuló una invitación
moderate-action-disable-moderator = Desactivó a un moderador
moderate-action-enable-moderator = Activó a un moderador

## Moderación: cuentas

moderate-accounts-title = Moderadores
moderate-accounts-role = Rol
moderate-accounts-two-factor = Dos pasos
moderate-accounts-last-login = Último inicio de sesión (UTC)
moderate-accounts-actions = Acciones
moderate-accounts-never = nunca
moderate-accounts-disabled = desactivada
moderate-accounts-active = activa
moderate-accounts-disable = Desactivar a { $username }
moderate-accounts-enable = Activar a { $username }
moderate-role-admin = administrador/a
moderate-role-moderator = moderador/a
moderate-invite-heading = Invitar a un moderador
moderate-invite-lead = Recibirá por correo un enlace para elegir una contraseña, válido durante { $hours } horas y una sola vez.
moderate-invite-email = Dirección de correo electrónico
moderate-invite-admin = Con rol de administrador/a, que también puede invitar y desactivar moderadores
moderate-invite-button = Enviar la invitación
moderate-invites-open-heading = Invitaciones aún sin usar
moderate-invites-expires = Válida hasta
moderate-invites-revoke = Anular la invitación de { $username }
moderate-notice-revoked = La invitación se anuló: su enlace ya no funciona.
moderate-invite-sent = Invitación enviada. Si el correo no llega, entregue usted mismo este enlace; funciona una sola vez, durante { $hours } horas:
moderate-join-title = Únase al equipo de moderación
moderate-join-lead = Se le invita como { $username }, con el rol de { $role }. Elija una contraseña; después, configure la autenticación en dos pasos.
moderate-join-password = Contraseña (al menos 12 caracteres)
moderate-join-password-again = La misma contraseña otra vez
moderate-join-button = Crear mi cuenta

## Moderación: autenticación en dos pasos

moderate-two-factor-title = Autenticación en dos pasos
moderate-two-factor-on = La autenticación en dos pasos está activada. { $count ->
    [one] Le queda 1 código de recuperación.
   *[other] Le quedan { $count } códigos de recuperación.
  }
moderate-two-factor-required = Antes de nada, configure la autenticación en dos pasos: este sitio la exige a todos los moderadores.
moderate-two-factor-scan = Escanee este código con una aplicación de autenticación (como Aegis, FreeOTP o Google Authenticator).
moderate-two-factor-qr-label = Código QR de su clave secreta de autenticación en dos pasos
moderate-two-factor-type = O escriba esta clave secreta en la aplicación:
moderate-two-factor-code = El código de seis dígitos que muestra ahora la aplicación
moderate-two-factor-button = Activar la autenticación en dos pasos
moderate-recovery-title = Sus códigos de recuperación
moderate-recovery-lead = La autenticación en dos pasos está activada. Guarde estos diez códigos en un lugar seguro: cada uno le permite iniciar sesión una vez sin su teléfono. Solo se muestran ahora.
moderate-recovery-continue = Ir a los pendientes de revisión

field-error-username-taken = ya lo usa otro moderador
field-error-passwords-differ = debe ser la misma contraseña las dos veces
field-error-totp-code = no es el código que muestra ahora la aplicación; revise la hora del teléfono y pruebe con el código más reciente
field-error-date = debe ser una fecha con el formato AAAA-MM-DD
field-error-date-before-from = no puede ser anterior a la fecha «Desde»

## Correo a un nuevo moderador

mail-invite-subject = Le invitamos a moderar benzowise
mail-invite-body =
    Le invitamos a moderar benzowise como { $username }.

    Elija su contraseña aquí; el enlace funciona una sola vez, durante { $hours } horas:
    { $link }

    Después configurará la autenticación en dos pasos con una aplicación de autenticación.
moderate-submission-status-pending = en espera de revisión
moderate-submission-status-approved = aprobado
moderate-submission-status-rejected = rechazado
moderate-submission-status-superseded = sustituido por una versión posterior
moderate-report-status-open = abierto
moderate-report-status-resolved = resuelto
moderate-submission-status-withdrawn = retirado por el profesional
field-error-nul = no debe contener el carácter NUL
moderate-action-reset-two-factor = Restableció la autenticación en dos pasos de un moderador
moderate-action-import = Importó una ficha del paquete de otro directorio
moderate-action-reverify = Verificó por teléfono una ficha sin reclamar

## A patient's first search: places as typed, the results at a glance, urgent help, the history sheet

field-error-place-ambiguous = “{ $place }” puede ser varios lugares: { $places }; elija uno, o añada su estado, provincia o país
field-error-place-close = no se encontró ningún lugar llamado “{ $place }”; ¿quiso decir { $places }?
# $place is the town and region, such as "Marfa, Texas"; $code the postal code typed.
search-place-with-code = { $place } ({ $code })
search-which-title = ¿Qué { $place }?
search-which-lead = Hay varios lugares llamados «{ $place }». Elija el suyo; sus demás opciones se mantienen.
search-which-other = ¿No está entre ellos? Escriba la ciudad con su estado, provincia o país, por ejemplo «{ $example }».
search-did-you-mean = ¿Quiso decir…?
search-form-more-chosen = { $count ->
    [one] Más opciones (1 elegida)
   *[other] Más opciones ({ $total } elegidas)
  }
search-chips-label = Sus opciones
# The name of a link that takes one choice off the search.
search-chip-remove = Quitar { $choice }
search-chips-clear = Quitar todas las opciones
search-chip-within = A menos de { $distance }
search-chip-licensed-in = Con licencia en { $region }
search-results-empty-remove = quitar una de sus opciones:
search-results-empty-none-chosen = No eligió ninguna otra opción, así que aparecería cualquier profesional de la salud lo bastante cerca.
search-licensed-count = { $count ->
    [one] Un profesional de la salud ofrece telesalud con licencia en { $region }.
    [2] Aquí aparecen los dos profesionales de la salud que ofrecen telesalud con licencia en { $region }.
   *[other] { $total } profesionales de la salud ofrecen telesalud con licencia en { $region }.
  }
search-licensed-above = { $count ->
    [one] Uno de ellos ya aparece más arriba, así que no se repite aquí.
    [2] Los dos ya aparecen más arriba, así que no se repiten aquí.
   *[other] { $total } de ellos ya aparecen más arriba, así que no se repiten aquí.
  }
footer-postcodes = Zonas postales de Gran Bretaña de Ordnance Survey Code-Point Open (contiene datos de OS © Crown copyright and database right; datos de Royal Mail © Royal Mail copyright and database right; Open Government Licence); de Canadá y Australia, de la base de datos countries-states-cities (ODbL 1.0).
urgent-heading = Ayuda urgente
# $country is the country whose numbers follow.
urgent-where = En { $country }:
urgent-elsewhere = Llame al número de emergencias de su país.
urgent-advice = Nunca deje una benzodiacepina de golpe. Las convulsiones, las alucinaciones o los pensamientos de suicidio son una emergencia: llame ahora.
urgent-line-emergency = Emergencias
urgent-line-us-988 = 988 Línea de Prevención del Suicidio y Crisis (llamada o mensaje de texto; en español)
urgent-line-us-samhsa = Línea Nacional de Ayuda de SAMHSA (gratuita, confidencial, todos los días; en español)
urgent-line-ca-988 = 988, línea de ayuda en caso de crisis de suicidio (llamada o mensaje de texto)
urgent-line-gb-111 = NHS 111 (ayuda médica urgente)
urgent-line-gb-samaritans = Samaritans (a cualquier hora, gratuita)
urgent-line-au-lifeline = Lifeline (apoyo en crisis)
print-button = Imprimir esta página
profile-back = Volver a los resultados
profile-questions = Preguntas para hacer
profile-history = Su historial para la primera consulta
questions-history = Lleve también su historial: rellene la hoja de historial e imprímala.
history-title = Su historial para la primera consulta
history-lead = Un profesional de la salud necesita un historial breve: sus dosis, cuánto tiempo lleva tomándolas y qué pasó cuando las redujo antes. Rellene lo que pueda y prepare una hoja para imprimir y llevar.
history-private = Nada de lo que escriba aquí se guarda: no se almacena, no se registra y solo vuelve a esta página. Imprima la hoja o guárdela antes de salir.
history-medicines = Medicamentos y dosis actuales
history-medicines-hint = Cada medicamento, con su dosis y cuándo lo toma; incluya pastillas para dormir, analgésicos y suplementos.
history-since = Desde cuándo los toma
history-since-hint = Cuándo empezó cada uno, más o menos.
history-reductions = Reducciones anteriores y qué pasó
history-reductions-hint = Cuándo redujo la dosis o lo dejó antes, a qué ritmo y cómo se sintió.
history-symptoms = Síntomas ahora
history-want = Lo que quiero de esta consulta
history-questions = Mis preguntas
history-make = Preparar mi hoja
history-sheet-title = Mi historial para esta consulta
history-sheet-not-given = (sin rellenar)
history-sheet-change = Cambiar algo
profile-links-label = Sobre esta ficha
# Short names of the benzo-wise practices, for cards and chips; profiles give the full label.
vocab-criterion-name-slow_taper_supported = Reducciones lentas, un año o más
vocab-criterion-name-patient_sets_pace = El paciente marca el ritmo
vocab-criterion-name-no_abrupt_stops = Nunca de golpe
vocab-criterion-name-plans_exit_at_start = Planea la salida desde el inicio
vocab-criterion-name-non_drug_support = Apoyo sin medicamentos
vocab-criterion-name-combination_caution = Cuidado con otros sedantes
vocab-criterion-name-withdrawal_history_respected = Respeta la abstinencia vivida
vocab-criterion-name-accepts_transfers = Acepta traslados a mitad de la reducción
vocab-criterion-name-ashton_manual = Conoce el Manual Ashton

## Leído por máquinas (buscadores, clientes de HSDS y de FHIR)
field-error-fhir-one-of = debe ser uno de estos valores: { $allowed }
meta-description-home = Encuentre a un profesional que apoye la reducción gradual de benzodiacepinas al ritmo del paciente, cerca de usted o por telesalud. Un moderador revisa cada ficha. Es información, no consejo médico.
meta-description-search = Profesionales que apoyan la reducción gradual de benzodiacepinas al ritmo del paciente, del más cercano al más lejano.
meta-description-questions = Preguntas para hacer en una primera consulta sobre las benzodiacepinas y su reducción, con las respuestas que deberían preocuparle. Para imprimir.
meta-description-submit = Profesionales que apoyan reducciones lentas de benzodiacepinas al ritmo del paciente: añada su perfil al directorio. Un moderador lo revisa antes de publicarlo.
meta-description-profile = { $name }, { $profession } en { $place }, apoya la reducción gradual de benzodiacepinas al ritmo del paciente.
meta-description-profile-approaches = { $name }, { $profession } en { $place }, apoya la reducción gradual de benzodiacepinas al ritmo del paciente: { $approaches }.
form-family-name = Apellidos
form-family-name-hint = Como le listan los directorios de los planes de salud. Si lo deja en blanco, se toma de su nombre completo y un moderador lo revisa.
form-given-names = Nombres de pila
form-given-names-hint = Su nombre y, si lo tiene, el segundo.
moderate-field-names = Apellidos y nombres de pila
moderate-names = { $family } (apellidos), { $given } (nombres de pila)
moderate-names-derived = (tomados del nombre completo: revíselos y pida al profesional que los corrija si no son correctos)

## The national provider registry (NPPES)
profile-npi-verified = NPI comprobado en el registro nacional de proveedores de salud (NPPES) en { $month }
vocab-report-reason-npi_deactivated = El registro nacional de proveedores de salud (NPPES) indica que el NPI está desactivado
moderate-nppes-heading = Registro nacional de proveedores de salud (NPPES)
moderate-nppes-red-flag = Señal de alerta:
moderate-nppes-matches = La entrada del registro para el NPI { $npi } coincide con el nombre y el estado de la ficha.
moderate-nppes-differs-name = el nombre del registro no coincide con el de la ficha.
moderate-nppes-differs-state = el estado de la ficha no es el estado de la consulta en el registro ni uno de sus estados de licencia.
moderate-nppes-deactivated = el registro indica que el NPI { $npi } se desactivó el { $date }.
moderate-nppes-not-in-file = El NPI { $npi } no está en el archivo del registro cargado.
moderate-nppes-no-file = No hay ningún archivo del registro cargado, así que el NPI { $npi } no se ha podido comprobar.
moderate-nppes-file-date = El archivo del registro cargado llega hasta el { $date }.
moderate-nppes-name = Nombre en el registro
moderate-nppes-credential = Titulación en el registro
moderate-nppes-practice = Ciudad y estado de la consulta
moderate-nppes-taxonomy = Taxonomía principal
moderate-nppes-licences = Estados de sus licencias
moderate-nppes-updated = Última actualización en el registro
moderate-nppes-reactivated = Reactivado el
nucc-2084P0800X = Psiquiatría y neurología, psiquiatría
nucc-2084P0802X = Psiquiatría y neurología, psiquiatría de las adicciones
nucc-2084P0804X = Psiquiatría y neurología, psiquiatría infantil y adolescente
nucc-2084P0805X = Psiquiatría y neurología, psiquiatría geriátrica
nucc-2084N0400X = Psiquiatría y neurología, neurología
nucc-2084A0401X = Psiquiatría y neurología, medicina de las adicciones
nucc-207Q00000X = Medicina de familia
nucc-207QA0401X = Medicina de familia, medicina de las adicciones
nucc-207QG0300X = Medicina de familia, geriatría
nucc-207R00000X = Medicina interna
nucc-207RA0401X = Medicina interna, medicina de las adicciones
nucc-207RG0300X = Medicina interna, geriatría
nucc-208D00000X = Medicina general
nucc-363L00000X = Enfermería de práctica avanzada (nurse practitioner)
nucc-363LF0000X = Enfermería de práctica avanzada, familia
nucc-363LP0808X = Enfermería de práctica avanzada, psiquiatría y salud mental
nucc-363LA2200X = Enfermería de práctica avanzada, salud del adulto
nucc-363LG0600X = Enfermería de práctica avanzada, gerontología
nucc-363LP2300X = Enfermería de práctica avanzada, atención primaria
nucc-363A00000X = Asistente médico (physician assistant)
nucc-363AM0700X = Asistente médico, medicina
nucc-183500000X = Farmacéutico
nucc-1835P0018X = Farmacéutico, farmacéutico clínico o especialista en farmacia clínica
nucc-1835P1300X = Farmacéutico, farmacoterapia
nucc-1835P0200X = Farmacéutico, psiquiatría
nucc-1835G0303X = Farmacéutico, geriatría
nucc-103T00000X = Psicólogo
nucc-103TC0700X = Psicólogo, clínico
nucc-103TA0400X = Psicólogo, adicciones (trastornos por consumo de sustancias)
nucc-101Y00000X = Consejero
nucc-101YM0800X = Consejero, salud mental
nucc-101YA0400X = Consejero, adicciones (trastornos por consumo de sustancias)
nucc-101YP2500X = Consejero, profesional
nucc-1041C0700X = Trabajador social, clínico
nucc-106H00000X = Terapeuta matrimonial y familiar
nucc-family-2084 = Psiquiatría y neurología
nucc-family-207Q = Medicina de familia
nucc-family-207R = Medicina interna
nucc-family-363L = Enfermería de práctica avanzada (nurse practitioner)
nucc-family-363A = Asistente médico (physician assistant)
nucc-family-1835 = Farmacéutico
nucc-family-103T = Psicólogo
nucc-family-101Y = Consejero
nucc-family-1041 = Trabajador social

## Reclamar una ficha no confirmada
profile-claim-link = ¿Es usted? Reclame esta ficha
claim-title = Reclamar esta ficha
claim-lead = Esta ficha se añadió desde una lista pública. Si usted es { $name }, o habla en nombre de su consulta, díganos cómo contactarle. Una dirección del sitio web o del correo público de la consulta recibe un enlace de confirmación al momento; cualquier otra la revisa antes un moderador.
claim-email = Su correo electrónico
claim-npi = Su NPI (opcional)
claim-npi-hint = 10 dígitos; ayuda a un moderador a comprobar la reclamación.
claim-message = Algo que los moderadores deban saber (opcional)
claim-button = Enviar la reclamación
claim-sent-title = Reclamación recibida
claim-sent = Gracias. Si la dirección puede confirmar la reclamación, se le ha enviado un enlace; funciona una sola vez, dentro de las próximas 24 horas. Si no, un moderador revisará la reclamación y le escribirá.
claim-back-profile = Volver al perfil
claim-confirm-title = Confirme su reclamación
claim-confirm-lead = Pulse el botón para hacerse cargo de esta ficha. Se le enviará por correo un nuevo enlace privado para gestionarla.
claim-confirm-button = Reclamar la ficha
claim-done-title = La ficha es suya
claim-done = La ficha figura ahora como confirmada por su profesional. Se le ha enviado por correo un enlace privado para gestionarla.
claim-unusable-title = Este enlace no se puede usar
claim-unknown = Este enlace no es uno que hayamos enviado, o se copió incompleto.
claim-used = Este enlace ya se usó.
claim-expired = Este enlace ha caducado. Puede reclamar la ficha de nuevo desde su perfil.
moderate-action-claim = Reclamó una ficha
moderate-action-reject-claim = Rechazó una reclamación
moderate-claims-title = Reclamaciones de fichas no confirmadas
moderate-claims-none = No hay reclamaciones pendientes.
moderate-claims-listing = Ficha
moderate-claims-email = Correo electrónico
moderate-claims-npi = Número NPI
moderate-claims-verdict = Registro
moderate-claims-message = Mensaje
moderate-claims-received = Recibida
moderate-claims-approve = Aceptar la reclamación
moderate-claims-reason = Motivo del rechazo (se envía a quien reclama)
moderate-claims-reject = Rechazar la reclamación
moderate-nav-claims = Reclamaciones
moderate-notice-claim-approved = Se aceptó la reclamación y se envió el enlace de gestión.
moderate-notice-claim-rejected = Se rechazó la reclamación y se envió el motivo.
mail-claim-link-subject = Confirme su reclamación de una ficha
mail-claim-link-body =
    Hola:

    Alguien, probablemente usted, reclamó la ficha de { $name } en el directorio. Abra esta página dentro de las próximas 24 horas y pulse su botón para confirmar:

    { $link }

    Esta página funciona una sola vez. Si usted no lo pidió, puede ignorar este mensaje.
mail-claimed-subject = Su ficha ya es suya para gestionar
mail-claimed-body =
    Estimado/a { $name }:

    Su reclamación fue aceptada: la ficha figura ahora como confirmada por usted. Este es su enlace privado para gestionarla; guárdelo bien y no lo comparta:

    { $link }
mail-claim-rejected-subject = Su reclamación de una ficha fue rechazada
mail-claim-rejected-body =
    Hola:

    Un moderador rechazó su reclamación de la ficha de { $name }, por este motivo:

    { $reason }

    Puede reclamarla de nuevo desde su perfil con más detalles.
