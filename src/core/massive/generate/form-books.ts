import type { ListKind, Piece } from './ask.ts';

/**
 * Creative pieces, lists and short answers in Spanish, French and German: the forms a prompt can
 * ask for, in each language's words. Like the phrasebooks, no sentence puts an article or an
 * adjective before the subject, and each names it, so answers never share a sentence.
 */

type Line = (s: string) => string;

export interface FormBook {
  /** "Here is a haiku about X:", with the piece's name and count already in words. */
  intro(piece: string, s: string): string;
  /** The name of a piece, singular and plural. */
  pieces: Record<Piece, readonly [string, string]>;
  /** Three pools of haiku lines: the first names the theme. */
  haiku: readonly [readonly Line[], readonly Line[], readonly Line[]];
  /** Four-line stanzas, the last line naming the theme. */
  stanzas: readonly (readonly Line[])[];
  /** Story beats in order, each naming the hero or the theme. */
  story: readonly ((hero: string, s: string) => string)[];
  slogans: readonly Line[];
  jokes: readonly Line[];
  /** An email: subject label, greeting, body paragraphs, sign-off. */
  email: { subject: string; greeting: string; body: readonly Line[]; closing: string };
  /** "7 tips for X": the list's noun by kind. */
  lists: Record<ListKind, string>;
  listIntro(count: number, noun: string, s: string): string;
  /** Items of any list: a bold lead and a sentence naming the theme; at least twelve. */
  items: ReadonlyArray<readonly [string, Line]>;
  /** "X in 3 points:", for bullet-point answers. */
  pointsIntro(count: number, s: string): string;
  /** Sentences for one-paragraph answers, each naming the subject; at least eight. */
  sentences: readonly Line[];
  close: readonly Line[];
}

const PIECE_NAMES_ES: FormBook['pieces'] = {
  haiku: ['un haiku', 'haikus'],
  poem: ['un poema', 'poemas'],
  limerick: ['un poema breve', 'poemas breves'],
  story: ['un cuento', 'cuentos'],
  slogan: ['un eslogan', 'eslóganes'],
  email: ['un correo', 'correos'],
  joke: ['un chiste', 'chistes'],
};

const ES: FormBook = {
  intro: (piece, s) => `Aquí tienes ${piece} sobre **${s}**:`,
  pieces: PIECE_NAMES_ES,
  haiku: [
    [(s) => `${s} al alba`, (s) => `otra vez ${s}`, (s) => `${s}, en silencio`],
    [
      () => 'el viento mueve las hojas',
      () => 'la calle contiene el aliento',
      () => 'la luz cruza la ventana',
    ],
    [() => 'y luego se va', () => 'nada más hace falta', () => 'el día empieza'],
  ],
  stanzas: [
    [
      () => 'Fui a buscar lo que no tiene nombre,',
      () => 'como quien busca unas llaves,',
      () => 'en cada rincón del día,',
      (s) => `y encontré ${s} esperando en la puerta.`,
    ],
    [
      () => 'Hay cosas que llegan sin ruido',
      () => 'y se quedan como si siempre hubieran estado;',
      () => 'no piden nada, solo tiempo,',
      (s) => `y así ocurre con ${s}.`,
    ],
    [
      () => 'Que los demás corran,',
      () => 'que los relojes sigan su cuenta;',
      () => 'yo me quedo un poco más',
      (s) => `para aprender lo que enseña ${s}.`,
    ],
  ],
  story: [
    (h, s) => `Nadie en el pueblo esperaba mucho de ${h}, y menos aún de ${s}.`,
    (h, s) => `Un martes cualquiera, ${s} lo cambió todo para ${h}.`,
    (h) => `Al principio salió mal, y ${h} estuvo a punto de rendirse dos veces.`,
    (h, s) => `Pero ${h} siguió, un poco cada día, hasta que ${s} empezó a tener sentido.`,
    (h, s) => `Y si hoy le preguntas a ${h} por ${s}, recibirás una sonrisa y una respuesta muy larga.`,
  ],
  slogans: [
    (s) => `${s}, como debe ser.`,
    (s) => `${s}: te sentirás en casa.`,
    (s) => `${s}, a tu manera.`,
    (s) => `Siempre ${s}, nunca lo de siempre.`,
    (s) => `${s} con un toque extra.`,
    (s) => `Vuelve por ${s}, quédate por la gente.`,
  ],
  jokes: [
    (s) =>
      `Le conté a un amigo un chiste sobre ${s} y no se rio, porque dice que era demasiado especializado.`,
    (s) => `Quise escribir un chiste sobre ${s}, pero los buenos ya estaban cogidos.`,
    (s) => `Intenté explicarle ${s} a mi perro y ahora lo entiende mejor que yo.`,
  ],
  email: {
    subject: 'Asunto',
    greeting: 'Hola:',
    body: [
      (s) => `Te escribo para hablar de este asunto (${s}), que me gustaría resolver cuando te venga bien.`,
      (s) =>
        `¿Podrías decirme cómo prefieres gestionar el tema (${s}) y cuándo te vendría bien, ya que me adapto a tu horario?`,
    ],
    closing: 'Un saludo,  \n[Tu nombre]',
  },
  lists: {
    tips: 'consejos',
    ideas: 'ideas',
    reasons: 'razones',
    ways: 'formas',
    mistakes: 'errores',
    questions: 'preguntas',
  },
  listIntro: (n, noun, s) => `Aquí tienes ${n} ${noun} sobre **${s}**:`,
  items: [
    [
      'Empieza poco a poco',
      (s) => `unos minutos al día con ${s} valen más que una sesión larga a la semana.`,
    ],
    ['Ten un objetivo claro', (s) => `decide qué significa avanzar con ${s} para saber si vas bien.`],
    ['Crea una rutina', (s) => `asocia ${s} a algo que ya haces cada día.`],
    [
      'Aprende de otros',
      (s) => `quien va un paso por delante con ${s} recuerda los obstáculos que encuentras.`,
    ],
    ['Mide tu progreso', (s) => `un registro sencillo de ${s} muestra lo que funciona.`],
    ['Lo básico primero', (s) => `la mayoría de los problemas con ${s} vienen de saltarse lo fundamental.`],
    ['Buenas fuentes', (s) => `una guía bien valorada sobre ${s} vale más que diez vídeos al azar.`],
    ['Paciencia', (s) => `con ${s}, el progreso llega por etapas.`],
    ['Pide opinión', (s) => `enseñar a alguien lo que haces con ${s} corrige vicios a tiempo.`],
    ['Que sea agradable', (s) => `seguirás con ${s} más tiempo si parte del proceso es divertido.`],
    ['Repasa', (s) => `volver sobre lo hecho con ${s} es donde más se aprende.`],
    ['Sé flexible', (s) => `adapta ${s} a tu ritmo y a tu horario.`],
  ],
  pointsIntro: (n, s) => `**${s}** en ${n} puntos:`,
  sentences: [
    (s) => `Casi todas las introducciones a ${s} parten de una idea central y luego añaden detalles.`,
    (s) => `Los detalles de ${s} varían según la fuente, pero lo esencial coincide.`,
    (s) => `Ver ${s} en una situación real ayuda más que cualquier definición.`,
    (s) => `Guías, cursos y noticias mencionan ${s} a menudo sin explicarlo.`,
    (s) => `Los expertos no siempre coinciden en los matices de ${s}, y es normal.`,
    (s) => `Lo que ha cambiado en ${s} en los últimos años está sobre todo en los detalles.`,
    (s) => `Para profundizar en ${s}, lo mejor es una guía reciente y con fuentes.`,
    (s) => `En resumen, merece la pena entender la idea principal de ${s}.`,
  ],
  close: [
    (s) => `¿Quieres otra versión sobre ${s}, con otro tono?`,
    (s) => `Puedo ampliar lo que quieras sobre ${s}.`,
  ],
};

const FR: FormBook = {
  intro: (piece, s) => `Voici ${piece} sur ce thème : **${s}**.`,
  pieces: {
    haiku: ['un haïku', 'haïkus'],
    poem: ['un poème', 'poèmes'],
    limerick: ['un petit poème', 'petits poèmes'],
    story: ['une histoire', 'histoires'],
    slogan: ['un slogan', 'slogans'],
    email: ['un e-mail', 'e-mails'],
    joke: ['une blague', 'blagues'],
  },
  haiku: [
    [(s) => `${s} à l’aube`, (s) => `encore ${s}`, (s) => `${s}, en silence`],
    [
      () => 'le vent passe dans les arbres',
      () => 'la rue retient son souffle',
      () => 'la lumière touche la vitre',
    ],
    [() => 'puis tout disparaît', () => 'rien d’autre à vouloir', () => 'le jour recommence'],
  ],
  stanzas: [
    [
      () => 'Je suis parti chercher sans savoir quoi,',
      () => 'comme on cherche ses clés,',
      () => 'dans chaque recoin du jour,',
      (s) => `et j’ai trouvé ${s} qui m’attendait.`,
    ],
    [
      () => 'Certaines choses arrivent sans bruit',
      () => 'et restent comme si de rien n’était ;',
      () => 'elles ne demandent que du temps,',
      (s) => `et c’est ainsi qu’il en va avec ${s}.`,
    ],
    [
      () => 'Que les autres se pressent,',
      () => 'que les horloges comptent ;',
      () => 'je reste encore un peu',
      (s) => `pour apprendre ce qu’enseigne ${s}.`,
    ],
  ],
  story: [
    (h, s) => `Personne au village n’attendait grand-chose de ${h}, et encore moins de ${s}.`,
    (h, s) => `Un mardi comme les autres, ${s} a tout changé pour ${h}.`,
    (h) => `Au début, rien ne marchait, et ${h} a failli abandonner deux fois.`,
    (h, s) => `Mais ${h} a continué, un peu chaque jour, jusqu’à ce que ${s} prenne tout son sens.`,
    (h, s) =>
      `Et si vous interrogez ${h} sur ${s} aujourd’hui, vous aurez droit à un sourire et à une très longue réponse.`,
  ],
  slogans: [
    (s) => `${s}, tout simplement.`,
    (s) => `${s} : comme à la maison.`,
    (s) => `${s}, à votre façon.`,
    (s) => `${s} au quotidien, jamais ordinaire.`,
    (s) => `${s}, avec un petit plus.`,
    (s) => `Venez pour ${s}, restez pour l’ambiance.`,
  ],
  jokes: [
    (s) => `J’ai raconté une blague sur ${s} à un ami, qui n’a pas ri : trop pointu, paraît-il.`,
    (s) => `J’ai voulu écrire une blague sur ${s}, mais les meilleures étaient déjà prises.`,
    (s) => `J’ai essayé d’expliquer ${s} à mon chien, et maintenant il comprend mieux que moi.`,
  ],
  email: {
    subject: 'Objet',
    greeting: 'Bonjour,',
    body: [
      (s) => `Je vous écris au sujet de ceci (${s}), que j’aimerais régler quand cela vous conviendra.`,
      (s) =>
        `Pourriez-vous me dire comment vous souhaitez traiter ce point (${s}) et à quel moment, sachant que je m’adapte à vos disponibilités ?`,
    ],
    closing: 'Bien cordialement,  \n[Votre nom]',
  },
  lists: {
    tips: 'conseils',
    ideas: 'idées',
    reasons: 'raisons',
    ways: 'façons de faire',
    mistakes: 'erreurs',
    questions: 'questions',
  },
  listIntro: (n, noun, s) => `Voici ${n} ${noun} sur ce sujet : **${s}**.`,
  items: [
    [
      'Commencer petit',
      (s) => `quelques minutes par jour sur ${s} valent mieux qu’une longue séance par semaine.`,
    ],
    ['Un objectif clair', (s) => `décidez ce que progresser veut dire pour ${s}.`],
    ['Une routine', (s) => `associez ${s} à une habitude que vous avez déjà.`],
    ['Apprendre des autres', (s) => `ceux qui ont un pas d’avance sur ${s} se souviennent des obstacles.`],
    ['Suivre ses progrès', (s) => `un simple carnet sur ${s} montre ce qui fonctionne.`],
    ['Les bases d’abord', (s) => `la plupart des difficultés avec ${s} viennent des fondamentaux négligés.`],
    ['De bonnes sources', (s) => `un guide reconnu sur ${s} vaut mieux que dix vidéos au hasard.`],
    ['De la patience', (s) => `avec ${s}, on progresse par paliers.`],
    ['Demander un avis', (s) => `montrer votre travail sur ${s} corrige les mauvaises habitudes à temps.`],
    ['Garder le plaisir', (s) => `vous tiendrez plus longtemps avec ${s} si c’est en partie amusant.`],
    ['Revoir', (s) => `revenir sur ce que vous avez fait avec ${s} est très formateur.`],
    ['Rester souple', (s) => `adaptez ${s} à votre rythme et à votre emploi du temps.`],
  ],
  pointsIntro: (n, s) => `**${s}** en ${n} points :`,
  sentences: [
    (s) => `La plupart des introductions à ${s} partent d’une idée centrale, puis ajoutent des détails.`,
    (s) => `Les détails de ${s} varient selon les sources, mais l’essentiel fait consensus.`,
    (s) => `Voir ${s} dans une situation réelle aide plus que n’importe quelle définition.`,
    (s) => `Guides, cours et actualités mentionnent souvent ${s} sans l’expliquer.`,
    (s) => `Les experts ne s’accordent pas toujours sur les nuances de ${s}, et c’est normal.`,
    (s) => `Ce qui a changé pour ${s} ces dernières années tient surtout aux détails.`,
    (s) => `Pour approfondir ${s}, le mieux est un guide récent et sourcé.`,
    (s) => `En bref, l’idée principale de ${s} mérite d’être comprise.`,
  ],
  close: [
    (s) => `Voulez-vous une autre version sur ${s}, avec un autre ton ?`,
    (s) => `Je peux développer ce que vous voulez sur ${s}.`,
  ],
};

const DE: FormBook = {
  intro: (piece, s) => `Hier ist ${piece} zum Thema **${s}**:`,
  pieces: {
    haiku: ['ein Haiku', 'Haikus'],
    poem: ['ein Gedicht', 'Gedichte'],
    limerick: ['ein kurzes Gedicht', 'kurze Gedichte'],
    story: ['eine Geschichte', 'Geschichten'],
    slogan: ['ein Slogan', 'Slogans'],
    email: ['eine E-Mail', 'E-Mails'],
    joke: ['ein Witz', 'Witze'],
  },
  haiku: [
    [(s) => `${s} im Morgenlicht`, (s) => `wieder ${s}`, (s) => `${s}, ganz still`],
    [
      () => 'der Wind geht durch die Bäume',
      () => 'die Straße hält den Atem an',
      () => 'Licht fällt durch das Fenster',
    ],
    [() => 'dann ist es vorbei', () => 'mehr braucht es nicht', () => 'der Tag beginnt neu'],
  ],
  stanzas: [
    [
      () => 'Ich ging los, ohne zu wissen, wonach,',
      () => 'so wie man Schlüssel sucht,',
      () => 'in jeder Ecke des Tages,',
      (s) => `und fand ${s} an der Tür.`,
    ],
    [
      () => 'Manche Dinge kommen leise',
      () => 'und bleiben, als wären sie immer da gewesen;',
      () => 'sie wollen nichts als Zeit,',
      (s) => `und so ist es auch mit ${s}.`,
    ],
    [
      () => 'Sollen die anderen eilen,',
      () => 'sollen die Uhren zählen;',
      () => 'ich bleibe noch ein wenig',
      (s) => `und lerne, was ${s} lehrt.`,
    ],
  ],
  story: [
    (h, s) => `Niemand im Dorf erwartete viel von ${h}, und noch weniger von ${s}.`,
    (h, s) => `An einem ganz gewöhnlichen Dienstag veränderte ${s} alles für ${h}.`,
    (h) => `Am Anfang ging alles schief, und ${h} hätte zweimal fast aufgegeben.`,
    (h, s) => `Doch ${h} machte weiter, jeden Tag ein bisschen, bis ${s} endlich Sinn ergab.`,
    (h, s) => `Und wer ${h} heute nach ${s} fragt, bekommt ein Lächeln und eine sehr lange Antwort.`,
  ],
  slogans: [
    (s) => `${s}, einfach richtig.`,
    (s) => `${s}: wie zu Hause.`,
    (s) => `${s}, ganz nach deinem Geschmack.`,
    (s) => `${s} für jeden Tag, nie gewöhnlich.`,
    (s) => `${s} mit dem gewissen Extra.`,
    (s) => `Komm wegen ${s}, bleib wegen der Menschen.`,
  ],
  jokes: [
    (s) =>
      `Ich habe einem Freund einen Witz über ${s} erzählt, aber er hat nicht gelacht, weil er zu speziell war.`,
    (s) => `Ich wollte einen Witz über ${s} schreiben, aber die guten waren schon vergeben.`,
    (s) => `Ich habe versucht, meinem Hund ${s} zu erklären, und jetzt versteht er es besser als ich.`,
  ],
  email: {
    subject: 'Betreff',
    greeting: 'Guten Tag,',
    body: [
      (s) =>
        `ich schreibe Ihnen wegen folgender Sache (${s}), die ich gern klären würde, wann es Ihnen passt.`,
      (s) =>
        `Könnten Sie mir sagen, wie Sie mit dem Thema (${s}) umgehen möchten und wann es Ihnen passt, da ich mich gern nach Ihnen richte?`,
    ],
    closing: 'Mit freundlichen Grüßen  \n[Ihr Name]',
  },
  lists: {
    tips: 'Tipps',
    ideas: 'Ideen',
    reasons: 'Gründe',
    ways: 'Wege',
    mistakes: 'Fehler',
    questions: 'Fragen',
  },
  listIntro: (n, noun, s) => `Hier sind ${n} ${noun} zum Thema **${s}**:`,
  items: [
    [
      'Klein anfangen',
      (s) => `ein paar Minuten täglich mit ${s} bringen mehr als eine lange Sitzung pro Woche.`,
    ],
    ['Ein klares Ziel', (s) => `leg fest, was Fortschritt bei ${s} für dich bedeutet.`],
    ['Eine Routine', (s) => `verknüpfe ${s} mit etwas, das du ohnehin jeden Tag tust.`],
    ['Von anderen lernen', (s) => `wer bei ${s} einen Schritt voraus ist, kennt deine Hürden.`],
    ['Fortschritt festhalten', (s) => `ein einfaches Protokoll zu ${s} zeigt, was funktioniert.`],
    ['Grundlagen zuerst', (s) => `die meisten Probleme mit ${s} kommen von übersprungenen Grundlagen.`],
    ['Gute Quellen', (s) => `ein guter Leitfaden zu ${s} ist mehr wert als zehn zufällige Videos.`],
    ['Geduld', (s) => `bei ${s} kommt der Fortschritt in Stufen.`],
    ['Feedback holen', (s) => `wer anderen seine Arbeit an ${s} zeigt, korrigiert Fehler früh.`],
    ['Spaß behalten', (s) => `du bleibst länger bei ${s}, wenn es teilweise Spaß macht.`],
    ['Wiederholen', (s) => `beim Rückblick auf ${s} lernt man oft am meisten.`],
    ['Flexibel bleiben', (s) => `pass ${s} an dein Tempo und deinen Alltag an.`],
  ],
  pointsIntro: (n, s) => `**${s}** in ${n} Punkten:`,
  sentences: [
    (s) => `Die meisten Einführungen in ${s} beginnen mit einer zentralen Idee und ergänzen dann Details.`,
    (s) => `Die Details zu ${s} unterscheiden sich je nach Quelle, das Wesentliche ist aber unstrittig.`,
    (s) => `Ein echtes Beispiel für ${s} hilft mehr als jede Definition.`,
    (s) => `Ratgeber, Kurse und Nachrichten erwähnen ${s} oft, ohne es zu erklären.`,
    (s) => `Fachleute sind sich bei den Feinheiten von ${s} nicht immer einig, und das ist normal.`,
    (s) => `Was sich bei ${s} in den letzten Jahren geändert hat, betrifft vor allem Details.`,
    (s) => `Wer tiefer in ${s} einsteigen will, greift am besten zu einem aktuellen Leitfaden mit Quellen.`,
    (s) => `Kurz gesagt: Die Grundidee von ${s} zu verstehen, lohnt sich.`,
  ],
  close: [
    (s) => `Möchtest du eine andere Version zu ${s}, in einem anderen Ton?`,
    (s) => `Ich kann gern mehr zu ${s} schreiben.`,
  ],
};

export const FORM_BOOKS: Record<'es' | 'fr' | 'de', FormBook> = { es: ES, fr: FR, de: DE };
