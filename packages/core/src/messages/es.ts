import type { Messages } from './types.js';

export const es = {
  'picker.searchLabel': 'Buscar apps',
  'picker.searchPlaceholder': 'Busca por nombre de la app',
  'picker.resultCount': { one: '{count} app', many: '{count} de apps', other: '{count} apps' },
  'picker.noResults': 'Ninguna app coincide con «{query}»',
  'picker.noResultsHint':
    'Revisa la ortografía, prueba con un nombre más corto o elige otra categoría.',
  'picker.requestAppPrompt': '¿No encuentras tu app?',
  'picker.requestApp': 'Solicítala',
  'picker.loading': 'Cargando apps…',
  'picker.error': 'No pudimos cargar la lista de apps.',
  'picker.retry': 'Reintentar',
  'picker.categoryLabel': 'Categoría',
  'picker.allCategories': 'Todas las categorías',
  'picker.popular': 'Populares',
  'picker.recentlyUsed': 'Usadas recientemente',
  'picker.recentAndPopular': 'Usadas recientemente y populares',
  'picker.connectedBadge': {
    one: '{count} conectada',
    many: '{count} de conectadas',
    other: '{count} conectadas',
  },
  'picker.healthDegraded': 'Con problemas',
  'picker.healthDown': 'No disponible',
  'picker.requestSent': '¡Gracias! Hemos enviado tu solicitud de «{query}».',
  'picker.requestSentGeneric': '¡Gracias! Hemos enviado tu solicitud.',

  'dialog.title': 'Conectar {app}',
  'dialog.close': 'Cerrar',
  'dialog.back': 'Atrás',
  'dialog.methodChoice': '¿Cómo quieres conectarte?',
  'dialog.continueWith': 'Continuar con {app}',
  'dialog.popupNotice': 'Se abrirá una ventana para iniciar sesión en {app}.',
  'dialog.permissionsHeading': '{app} podrá:',
  'dialog.permissionOptional': 'Opcional',
  'dialog.waiting': 'Esperando a que termines en la ventana de {app}…',
  'dialog.reopenWindow': 'Volver a abrir la ventana',
  'dialog.cancel': 'Cancelar',
  'dialog.popupBlocked': 'Tu navegador bloqueó la ventana de inicio de sesión.',
  'dialog.continueInTab': 'Continuar en esta pestaña',
  'dialog.tryAgain': 'Intentar de nuevo',
  'dialog.fieldRequired': 'Obligatorio',
  'dialog.fieldMissing': 'Completa {field}.',
  'dialog.showSecret': 'Mostrar {field}',
  'dialog.whereToFind': 'Dónde encontrar tu {field}',
  'dialog.opensInNewTab': '(se abre en una pestaña nueva)',
  'dialog.formatHint': 'Tiene este aspecto: {example}',
  'dialog.submit': 'Conectar',
  'dialog.sending': 'Conectando…',
  'dialog.setupHeading': 'Termina la configuración en {app}',
  'dialog.copy': 'Copiar',
  'dialog.copied': 'Copiado',
  'dialog.waitingFirstEvent': 'Esperando el primer evento…',
  'dialog.firstEventReceived': 'Primer evento recibido',
  'dialog.testing': 'Probando la conexión…',
  'dialog.success': '{app} está conectada',
  'dialog.done': 'Listo',
  'dialog.discardConfirm': '¿Descartar lo que escribiste?',
  'dialog.discard': 'Descartar',
  'dialog.keepEditing': 'Seguir editando',
  'dialog.duplicate': 'Esta cuenta ya está conectada como {label}.',
  'dialog.updateInstead': 'Actualizarla',
  'dialog.missingScopes': '{app} se conectó sin algunos de los accesos que necesita.',
  'dialog.missingScopesList': 'Falta: {scopes}',
  'dialog.grantMissing': 'Conceder el acceso que falta',
  'dialog.accessDenied': 'Rechazaste el acceso en {app}.',
  'dialog.providerDegraded':
    '{app} tiene problemas en este momento. La conexión puede tardar o fallar.',
  'dialog.providerDown': '{app} no está disponible en este momento. Inténtalo de nuevo más tarde.',
  'dialog.sessionTimedOut': 'Esta ventana caducó por tu seguridad.',
  'dialog.startAgain': 'Empezar de nuevo',

  'status.connected': 'Conectada',
  'status.testing': 'Probando…',
  'status.needsAttention': 'Requiere atención',
  'status.expired': 'Caducada',
  'status.connectedAs': 'Conectada como {label}',
  'status.lastTested': 'Última prueba {time}',
  'status.neverTested': 'Nunca probada',
  'status.test': 'Probar',
  'status.update': 'Actualizar',
  'status.disconnect': 'Desconectar',
  'status.disconnectConfirmTitle': '¿Desconectar {app}?',
  'status.disconnectConfirmBody':
    'Todo lo que usa esta conexión dejará de funcionar hasta que vuelvas a conectar {app}.',
  'status.disconnecting': 'Desconectando…',
  'status.testPassed': 'Prueba superada',
  'status.testFailed': 'La prueba falló',
  'status.details': 'Detalles',
  'status.providerDegraded':
    '{app} tiene problemas en este momento, así que esta conexión podría no funcionar como esperas.',
  'status.providerDown':
    '{app} no está disponible en este momento. Esta conexión volverá a funcionar cuando vuelva.',

  'connections.heading': 'Apps',
  'connections.add': 'Añadir una conexión',
  'connections.count': {
    one: '{count} conexión',
    many: '{count} de conexiones',
    other: '{count} conexiones',
  },
  'connections.loading': 'Cargando tus conexiones…',
  'connections.emptyTitle': 'Aún no hay apps conectadas',
  'connections.emptyBody': 'Conecta las apps que usas para empezar.',

  'error.network.title': 'No se puede contactar con el servidor',
  'error.network.cause': 'Comprueba tu conexión a internet y vuelve a intentarlo.',
  'error.offline.title': 'No tienes conexión',
  'error.offline.cause':
    'Tu dispositivo no está conectado a internet. Vuelve a conectarte para continuar.',
  'error.timeout.title': 'Esto está tardando demasiado',
  'error.timeout.cause': 'El servidor no respondió a tiempo. Inténtalo de nuevo en un momento.',
  'error.rateLimited.title': 'Demasiados intentos',
  'error.rateLimited.cause': 'Espera un momento antes de volver a intentarlo.',
  'error.server.title': 'Algo falló de nuestro lado',
  'error.server.cause': 'No es culpa tuya. Inténtalo de nuevo en unos minutos.',
  'error.malformed.title': 'Recibimos una respuesta que no pudimos leer',
  'error.malformed.cause':
    'Suele ser algo temporal. Vuelve a intentarlo y, si sigue pasando, contacta con soporte con la referencia de abajo.',
  'error.sessionExpired.title': 'Tu sesión terminó',
  'error.sessionExpired.cause':
    'Por tu seguridad, las sesiones terminan al cabo de un tiempo. Recarga la página para continuar.',
  'error.forbiddenOrigin.title': 'Esta página no tiene permiso para conectar apps',
  'error.forbiddenOrigin.cause':
    'El propietario de este sitio debe autorizar esta página en su configuración.',
  'error.appNotAllowed.title': 'Esta app no está disponible aquí',
  'error.appNotAllowed.cause':
    'El propietario de este sitio no ha activado esta app. Contacta con él si la necesitas.',
  'error.validation.title': 'Hay datos que corregir',
  'error.validation.cause': 'Revisa los campos marcados y vuelve a intentarlo.',
  'error.credentialsRejected.title': 'Estos datos no fueron aceptados',
  'error.credentialsRejected.cause':
    'Comprueba que copiaste el valor completo, sin nada de más, y que sigue activo.',
  'error.providerUnavailable.title': 'La app no responde',
  'error.providerUnavailable.cause': 'Puede estar caída o en mantenimiento. Inténtalo más tarde.',
  'error.popupClosed.title': 'Se cerró la ventana de inicio de sesión',
  'error.popupClosed.cause': 'Vuelve a abrirla y termina de iniciar sesión para conectarte.',
  'error.flowTimeout.title': 'El inicio de sesión tardó demasiado',
  'error.flowTimeout.cause': 'Empieza de nuevo cuando quieras.',
  'error.flowExpired.title': 'Este inicio de sesión caducó',
  'error.flowExpired.cause':
    'Los enlaces de inicio de sesión sirven una sola vez y por poco tiempo. Empieza de nuevo.',
  'error.providerError.title': 'La app informó de un problema',
  'error.providerError.cause':
    'No pudo terminar la conexión. Vuelve a intentarlo, o más tarde si sigue pasando.',
  'error.notFound.title': 'No encontramos esto',
  'error.notFound.cause': 'Puede que se haya eliminado. Recarga la página y vuelve a intentarlo.',
  'error.config.title': 'La conexión de apps no está configurada en esta página',
  'error.config.cause': 'El propietario de este sitio debe terminar la configuración.',
  'error.unknown.title': 'Algo salió mal',
  'error.unknown.cause':
    'Vuelve a intentarlo. Si sigue pasando, contacta con soporte con la referencia de abajo.',
  'error.unexpected.title': 'Algo salió mal en esta página',
  'error.unexpected.cause':
    'No es tu conexión: es un problema de esta página. Recárgala; si sigue pasando, avisa al responsable del sitio.',
  'error.reference': 'Referencia: {id}',
  'error.copyReference': 'Copiar referencia',
  'error.technicalDetails': 'Detalles técnicos',
  'error.testRejected.cause':
    'La app ya no acepta los datos guardados. Introduce otros nuevos para volver a conectar.',
  'error.testSignIn.cause':
    'El inicio de sesión caducó o se retiró el acceso en la app. Vuelve a iniciar sesión para reconectar.',
  'error.testProvider.cause':
    'La app no respondió como se esperaba. Vuelve a probar en un momento.',
  'error.enterNewDetails': 'Introducir nuevos datos',
  'error.signInAgain': 'Volver a iniciar sesión',

  'callback.expired': 'Este enlace de inicio de sesión caducó o ya se usó.',
  'callback.youCanClose': 'Puedes cerrar esta ventana.',
  'callback.succeededTitle': 'Conectado',
  'callback.succeededBody': '{app} está conectado.',
  'callback.failedTitle': 'No conectado',
  'callback.invalidStateTitle': 'Este enlace de inicio de sesión ya no es válido',
  'callback.flowError.access_denied':
    'Cancelaste el inicio de sesión en {app}, así que no se conectó nada.',
  'callback.flowError.provider_error':
    '{app} informó de un problema durante el inicio de sesión. Inténtalo de nuevo.',
  'callback.flowError.missing_scopes':
    'No se concedieron en {app} algunos permisos que esta conexión necesita. Inténtalo de nuevo y déjalos marcados.',
  'callback.flowError.duplicate_account': 'Esta cuenta de {app} ya está conectada.',
  'callback.flowError.state_invalid':
    'Este enlace de inicio de sesión caducó o ya se usó. Vuelve a empezar desde {app}.',
  'callback.flowError.exchange_failed':
    'No pudimos terminar el inicio de sesión en {app}. Inténtalo de nuevo.',
  'callback.flowError.browser_mismatch':
    'No se conectó nada. {app} solo se puede conectar en el navegador donde comenzó el inicio de sesión: vuelve allí y empieza de nuevo.',
  'callback.otherBrowserTitle': 'Este inicio de sesión se comenzó en otro navegador',
  'callback.otherBrowserAdvice':
    'Si alguien te envió este enlace, cierra esta ventana. Si empezaste aquí, puede que este navegador rechace las cookies de este sitio: permítelas y vuelve a empezar.',

  // The page a connect link opens (served by the reference server)
  'connectLink.connectTitle': 'Conectar {app}',
  'connectLink.connectIntro':
    'Conecta tu cuenta de {app}. Volverás a la página anterior al terminar.',
  'connectLink.reconnectTitle': 'Volver a conectar {app}',
  'connectLink.reconnectIntro':
    'Tu conexión con {app} dejó de funcionar. Inicia sesión de nuevo para repararla: conserva su configuración.',
  'connectLink.chooseTitle': 'Conectar una aplicación',
  'connectLink.chooseIntro':
    'Elige la aplicación que quieres conectar. Volverás a la página anterior al terminar.',
  'connectLink.finishing': 'Conectado. Te llevamos de vuelta…',
  'connectLink.failed': 'Conectado, pero no se pudo cerrar este enlace. Puedes cerrar esta página.',
  'connectLink.cancelled': 'No se cambió nada.',
  'connectLink.tryAgain': 'Intentar de nuevo',
  'connectLink.back': 'Volver',
  'connectLink.invalidTitle': 'Este enlace no es válido',
  'connectLink.invalidBody': 'Comprueba que copiaste el enlace completo o pide uno nuevo.',
  'connectLink.expiredTitle': 'Este enlace caducó',
  'connectLink.expiredBody':
    'Los enlaces para conectar una cuenta funcionan por un tiempo limitado. Pide uno nuevo.',
  'connectLink.usedTitle': 'Este enlace ya se usó',
  'connectLink.usedBody':
    'Un enlace funciona una sola vez, en el navegador que lo abrió primero. Pide uno nuevo si aún lo necesitas.',
  'connectLink.unavailableTitle': 'Esta página no está disponible',
  'connectLink.unavailableBody':
    'Este servidor no está preparado para mostrarla. Pregunta al equipo que te envió el enlace.',

  // <app-picker>, <app-connections> and the shared error view (added by the elements team)
  'picker.resultsLabel': 'Apps',
  'picker.emptyCatalog': 'Todavía no hay apps disponibles.',
  'error.tryAgain': 'Intentar de nuevo',
  'error.copied': 'Copiado',
  'error.retryWhenOnline': 'Lo volveremos a intentar en cuanto vuelvas a tener conexión.',
  'error.detailsCode': 'Código de error',
  'error.detailsStatus': 'Estado HTTP',
  'error.detailsProblem': 'Tipo de problema',
  'error.detailsMessage': 'Mensaje',
  'connections.pickerTitle': 'Elige una app para conectar',
  'connections.connected': '{app} está conectada',

  // <connect-dialog> and <connection-status> (added by the elements team)
  'dialog.titleUpdate': 'Actualiza tu conexión con {app}',
  'dialog.titleGeneric': 'Conecta una app',
  'dialog.loading': 'Cargando…',
  'dialog.continue': 'Continuar',
  'dialog.popupBlockedHint':
    'Continúa en esta pestaña, o permite las ventanas emergentes para este sitio y vuelve a intentarlo.',
  'dialog.accessDeniedHint':
    'Para conectar, vuelve a intentarlo y permite el acceso cuando {app} lo pida.',
  'dialog.fieldTooShort': 'Usa al menos {min} caracteres.',
  'dialog.fieldTooLong': 'Usa como máximo {max} caracteres.',
  'dialog.fieldFormat': 'Esto no parece correcto. Revisa el formato y vuelve a intentarlo.',
  'dialog.fieldNumber': 'Introduce un número.',
  'dialog.fieldEmail': 'Introduce una dirección de correo, como nombre@ejemplo.com.',
  'dialog.fieldUrl': 'Introduce una dirección web que empiece por https://.',
  'dialog.fieldOption': 'Elige una de las opciones.',
  'dialog.fieldInvisibleCharacter':
    'Contiene un carácter invisible ({codePoint}), que suele copiarse junto con la clave. Bórralo o vuelve a pegar el valor.',
  'dialog.fieldCharacter':
    'No puede contener «{character}» ({codePoint}). Comprueba que copiaste el valor correcto.',
  'dialog.selectPlaceholder': 'Elige…',
  'dialog.submitUpdate': 'Guardar y reconectar',
  'dialog.webhookUrlLabel': 'URL del webhook',
  'dialog.webhookUsernameLabel': 'Usuario de HTTP Auth',
  'dialog.webhookPasswordLabel': 'Contraseña de HTTP Auth',
  'dialog.webhookAuthHint':
    '{app} los envía con cada evento: escríbelos en los campos HTTP Auth del webhook.',
  'dialog.copyManually': 'Pulsa {shortcut} para copiar.',
  'dialog.setupHelp': 'Lee la guía de {app}',
  'dialog.testFailed': 'La conexión se guardó, pero la prueba falló.',
  'dialog.testAgain': 'Probar de nuevo',
  'dialog.sessionTimedOutHint': 'Lo que escribiste sigue aquí. Empieza de nuevo para continuar.',
  'status.loading': 'Cargando la conexión…',
  'status.removed': '{app} se desconectó.',
  'status.revokeFailed':
    '{app} no confirmó que retiró el acceso. Para estar seguro, quita el acceso en la configuración de tu cuenta de {app}.',
  'status.testLabel': 'Probar la conexión con {app}',
  'status.updateLabel': 'Actualizar la conexión con {app}',
  'status.disconnectLabel': 'Desconectar {app}',
} satisfies Messages;
