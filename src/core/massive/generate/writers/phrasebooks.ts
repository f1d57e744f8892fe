/**
 * The answer text in Spanish, French and German: one phrasebook per language, every field
 * required. Sentences never put an article or an adjective before the subject, so they read
 * right whatever its gender or number; each names the subject, so answers never share a sentence.
 */

export type LocalKind = 'definition' | 'howto' | 'recommendation' | 'comparison' | 'general';

type Line = (subject: string) => string;

export interface Phrasebook {
  /** The intent and subject of a prompt in this language, from its question words; null if none. */
  read(clause: string): { kind: LocalKind; subject: string } | null;
  intros: Record<LocalKind, readonly Line[]>;
  /** "**Lead:** sentence." bullet points about the subject. */
  points: readonly Line[];
  /** How-to steps in order: a title and a sentence. */
  steps: ReadonlyArray<readonly [string, Line]>;
  headings: { points: string; steps: string; picks: string; compare: string; learn: string };
  /** What goes between a bold lead and its text ("Lead:" or, in French, "Lead :"). */
  colon: string;
  /** Who a pick suits, in this language. */
  audiences: readonly string[];
  /** A pick of a recommendation: its name, the audience it suits, its price (or null). */
  pick(name: string, audience: string, price: string | null): string;
  /** "X vs Y" table: the aspects, and the ratings best first. */
  aspects: readonly string[];
  ratings: readonly string[];
  feature: string;
  verdict(a: string, b: string): string;
  learn: readonly Line[];
  closes: readonly Line[];
}

/** French "de" before an infinitive, elided before a vowel: "d’installer", "de faire". */
function de(verb: string): string {
  return /^[aeiouyéèêâîôh]/i.test(verb) ? 'd’' : 'de ';
}

const ES: Phrasebook = {
  read(clause) {
    const text = clause.replace(/^[¿¡\s]+|[?!.\s]+$/g, '');
    const rules: ReadonlyArray<readonly [LocalKind, RegExp]> = [
      ['definition', /^(?:qu[ée]|cu[áa]l) (?:es|son|significa) (?:el |la |los |las |un |una |lo )?(.+)$/i],
      ['howto', /^c[óo]mo (?:puedo |se |hago para |hacer )?(.+)$/i],
      ['recommendation', /^(?:cu[áa]les son )?(?:los |las )?mejores (.+)$/i],
    ];
    for (const [kind, rule] of rules) {
      const subject = rule.exec(text)?.[1];
      if (subject) return { kind, subject };
    }
    return null;
  },
  intros: {
    definition: [
      (s) =>
        `En pocas palabras, esto es lo esencial sobre **${s}** y lo que suelen explicar las buenas fuentes.`,
      (s) =>
        `**${s}**: un término que aparece a menudo, y cuyo sentido básico coincide en casi todas las fuentes.`,
    ],
    howto: [
      (s) => `Aquí tienes una forma clara, paso a paso, de abordar **${s}**.`,
      (s) => `Para **${s}**, lo más útil es dividir la tarea en unos pocos pasos sencillos.`,
    ],
    recommendation: [
      (s) =>
        `Estas son algunas de las opciones mejor valoradas en **${s}**, según reseñas recientes y la opinión de quienes las usan.`,
      (s) => `La mejor elección en **${s}** depende de tus prioridades, pero estas opciones destacan.`,
    ],
    comparison: [(s) => `Así se comparan las dos opciones de **${s}** en lo que más importa.`],
    general: [
      (s) => `Aquí tienes un resumen de lo más importante sobre **${s}**.`,
      (s) => `Sobre **${s}** hay mucho que decir, así que empiezo por lo esencial.`,
    ],
  },
  points: [
    (s) =>
      `**Lo básico:** casi todas las introducciones a ${s} empiezan por una idea central y luego añaden detalles.`,
    (s) => `**Dónde aparece:** guías, cursos y noticias mencionan ${s} a menudo sin explicarlo.`,
    (s) =>
      `**Lo que cambia:** la información sobre ${s} se actualiza con el tiempo, así que conviene mirar la fecha de cada fuente.`,
    (s) => `**Opiniones distintas:** los expertos no siempre coinciden sobre ${s}, y es normal.`,
    (s) =>
      `**Un buen comienzo:** una enciclopedia o una guía introductoria resuelve la mayoría de las dudas sobre ${s}.`,
  ],
  steps: [
    ['Ten claro el objetivo', (s) => `Antes de ${s}, decide cómo sería un buen resultado.`],
    ['Reúne lo necesario', (s) => `Prepara la información y el material que vas a necesitar para ${s}.`],
    [
      'Empieza por lo sencillo',
      (s) => `La primera vez que intentes ${s}, hazlo de la forma más simple y ve ampliando poco a poco.`,
    ],
    [
      'Comprueba el resultado',
      (s) => `Al terminar, revisa el resultado y corrige lo que no funcione antes de volver a ${s}.`,
    ],
    [
      'Apunta lo aprendido',
      (s) => `Anota qué te ha funcionado, para que la próxima vez que tengas que ${s} sea más fácil.`,
    ],
  ],
  colon: ':',
  audiences: [
    'principiantes',
    'el uso diario',
    'quien busca la mejor calidad',
    'presupuestos ajustados',
    'un uso intensivo',
    'regalar',
    'viajar',
  ],
  headings: {
    points: 'Lo que conviene saber',
    steps: 'Paso a paso',
    picks: 'Opciones destacadas',
    compare: 'Comparación rápida',
    learn: 'Para saber más',
  },
  pick: (name, audience, price) =>
    `**${name}**: ideal para ${audience}${price ? `, por unos ${price}` : ''}.`,
  aspects: ['Precio', 'Calidad', 'Facilidad de uso', 'Soporte', 'Rendimiento'],
  ratings: ['Excelente', 'Muy bueno', 'Bueno', 'Correcto', 'Mejorable'],
  feature: 'Aspecto',
  verdict: (a, b) =>
    `**En resumen:** ${a} conviene si priorizas la calidad, y ${b} si buscas otra cosa; ambas son opciones sólidas.`,
  learn: [
    (s) =>
      `Una entrada de enciclopedia o una guía reciente sobre ${s} es la forma más fiable de profundizar.`,
    (s) => `Si necesitas datos concretos sobre ${s}, las fuentes oficiales son las más fiables.`,
  ],
  closes: [
    (s) => `¿Quieres que profundice en algún aspecto de ${s}?`,
    (s) => `Si me cuentas para qué lo necesitas, puedo adaptar la respuesta sobre ${s}.`,
  ],
};

const FR: Phrasebook = {
  read(clause) {
    const text = clause.replace(/[?!.\s]+$/g, '');
    const rules: ReadonlyArray<readonly [LocalKind, RegExp]> = [
      [
        'definition',
        /^(?:qu['’]est-ce que|c['’]est quoi|que signifie|qu['’]est-ce qu['’]) ?(?:le |la |les |l['’]|un |une )?(.+)$/i,
      ],
      ['howto', /^comment (?:faire pour |puis-je |on )?(.+)$/i],
      ['recommendation', /^(?:quels sont )?(?:les )?meilleur(?:e)?s? (.+)$/i],
    ];
    for (const [kind, rule] of rules) {
      const subject = rule.exec(text)?.[1];
      if (subject) return { kind, subject };
    }
    return null;
  },
  intros: {
    definition: [
      (s) => `En bref, voici l’essentiel sur **${s}**, tel que les bonnes sources l’expliquent.`,
      (s) =>
        `**${s}** : un terme que l’on rencontre souvent, et dont le sens de base est le même presque partout.`,
    ],
    howto: [
      (s) => `Voici une méthode claire, étape par étape, pour **${s}**.`,
      (s) => `Pour **${s}**, le plus simple est de découper la tâche en quelques étapes.`,
    ],
    recommendation: [
      (s) =>
        `Voici quelques-unes des options les mieux notées pour **${s}**, d’après des avis récents et l’expérience des utilisateurs.`,
      (s) => `Le meilleur choix pour **${s}** dépend de vos priorités, mais ces options se démarquent.`,
    ],
    comparison: [(s) => `Voici comment se comparent les deux options de **${s}** sur ce qui compte le plus.`],
    general: [
      (s) => `Voici un résumé de l’essentiel à savoir sur **${s}**.`,
      (s) => `Il y a beaucoup à dire sur **${s}**, alors commençons par l’essentiel.`,
    ],
  },
  points: [
    (s) =>
      `**Les bases :** la plupart des introductions à ${s} partent d’une idée centrale, puis ajoutent des détails.`,
    (s) => `**Où on le voit :** guides, cours et articles mentionnent ${s} souvent sans l’expliquer.`,
    (s) => `**Ce qui change :** les informations sur ${s} évoluent, vérifiez donc la date de chaque source.`,
    (s) => `**Des avis différents :** les experts ne sont pas toujours d’accord sur ${s}, et c’est normal.`,
    (s) =>
      `**Un bon départ :** une encyclopédie ou un guide d’introduction répond à la plupart des questions sur ${s}.`,
  ],
  steps: [
    ['Fixez votre objectif', (s) => `Avant ${de(s)}${s}, décidez à quoi ressemblerait un bon résultat.`],
    [
      'Rassemblez le nécessaire',
      (s) => `Préparez les informations et le matériel dont vous aurez besoin pour ${s}.`,
    ],
    [
      'Commencez simplement',
      (s) =>
        `La première fois, essayez ${de(s)}${s} de la façon la plus simple possible, puis allez plus loin.`,
    ],
    [
      'Vérifiez le résultat',
      (s) => `Contrôlez le résultat et corrigez ce qui ne va pas avant de recommencer à ${s}.`,
    ],
    [
      'Notez ce qui a marché',
      (s) => `Gardez une trace de ce qui a fonctionné : la prochaine fois, ${s} sera plus facile.`,
    ],
  ],
  colon: ' :',
  audiences: [
    'les débutants',
    'un usage quotidien',
    'ceux qui visent le haut de gamme',
    'les petits budgets',
    'un usage intensif',
    'offrir',
    'voyager',
  ],
  headings: {
    points: 'Ce qu’il faut savoir',
    steps: 'Étape par étape',
    picks: 'Les options à retenir',
    compare: 'Comparaison rapide',
    learn: 'Pour aller plus loin',
  },
  pick: (name, audience, price) =>
    `**${name}** : idéal pour ${audience}${price ? `, environ ${price}` : ''}.`,
  aspects: ['Prix', 'Qualité', 'Facilité d’utilisation', 'Assistance', 'Performances'],
  ratings: ['Excellent', 'Très bien', 'Bien', 'Correct', 'Moyen'],
  feature: 'Critère',
  verdict: (a, b) =>
    `**En résumé :** ${a} convient si la qualité prime, ${b} si vos besoins sont différents ; les deux sont de bons choix.`,
  learn: [
    (s) => `Une entrée d’encyclopédie ou un guide récent sur ${s} est le moyen le plus fiable d’approfondir.`,
    (s) => `Pour des chiffres précis sur ${s}, les sources officielles restent les plus sûres.`,
  ],
  closes: [
    (s) => `Voulez-vous que j’approfondisse un aspect de ${s} ?`,
    (s) => `Dites-moi à quoi cela doit vous servir, et j’adapterai la réponse sur ${s}.`,
  ],
};

const DE: Phrasebook = {
  read(clause) {
    const text = clause.replace(/[?!.\s]+$/g, '');
    const rules: ReadonlyArray<readonly [LocalKind, RegExp]> = [
      ['definition', /^was (?:ist|sind|bedeutet) (?:ein |eine |der |die |das )?(.+)$/i],
      ['howto', /^wie (?:kann ich |macht man |funktioniert )?(.+)$/i],
      ['recommendation', /^(?:was sind )?(?:die )?beste[nrs]? (.+)$/i],
    ];
    for (const [kind, rule] of rules) {
      const subject = rule.exec(text)?.[1];
      if (subject) return { kind, subject };
    }
    return null;
  },
  intros: {
    definition: [
      (s) => `Kurz gesagt: Hier ist das Wichtigste zu **${s}**, so wie gute Quellen es erklären.`,
      (s) => `**${s}** – ein Begriff, der oft auftaucht und dessen Grundbedeutung fast überall gleich ist.`,
    ],
    howto: [
      (s) => `Hier ist ein klarer Weg, Schritt für Schritt, für „**${s}**“.`,
      (s) => `Bei „**${s}**“ hilft es am meisten, die Aufgabe in wenige einfache Schritte zu teilen.`,
    ],
    recommendation: [
      (s) =>
        `Hier sind einige der am besten bewerteten Optionen bei **${s}**, nach aktuellen Tests und Erfahrungen von Nutzern.`,
      (s) =>
        `Die beste Wahl bei **${s}** hängt von deinen Prioritäten ab, aber diese Optionen stechen hervor.`,
    ],
    comparison: [(s) => `So schneiden die beiden Optionen bei **${s}** in den wichtigsten Punkten ab.`],
    general: [
      (s) => `Hier ist ein Überblick über das Wichtigste zu **${s}**.`,
      (s) => `Zu **${s}** gibt es viel zu sagen, deshalb zuerst das Wesentliche.`,
    ],
  },
  points: [
    (s) =>
      `**Die Grundlagen:** Die meisten Einführungen zu ${s} beginnen mit einer zentralen Idee und ergänzen dann Details.`,
    (s) => `**Wo es vorkommt:** Ratgeber, Kurse und Nachrichten erwähnen ${s} oft, ohne es zu erklären.`,
    (s) =>
      `**Was sich ändert:** Informationen zu ${s} werden aktualisiert, achte also auf das Datum jeder Quelle.`,
    (s) => `**Verschiedene Meinungen:** Fachleute sind sich bei ${s} nicht immer einig, und das ist normal.`,
    (s) =>
      `**Ein guter Einstieg:** Ein Lexikoneintrag oder eine Einführung beantwortet die meisten Fragen zu ${s}.`,
  ],
  steps: [
    ['Ziel festlegen', (s) => `Überlege dir vorab, wie ein gutes Ergebnis bei „${s}“ aussieht.`],
    [
      'Alles bereitlegen',
      (s) => `Lege die Informationen und das Material bereit, die du für „${s}“ brauchst.`,
    ],
    [
      'Einfach anfangen',
      (s) => `Fang beim ersten Versuch mit „${s}“ so einfach wie möglich an und steigere dich dann.`,
    ],
    ['Ergebnis prüfen', (s) => `Prüfe, wie weit du mit „${s}“ bist, und korrigiere, was nicht passt.`],
    [
      'Erfahrungen notieren',
      (s) => `Schreib auf, was bei „${s}“ funktioniert hat, damit es beim nächsten Mal leichter geht.`,
    ],
  ],
  colon: ':',
  audiences: [
    'Einsteiger',
    'den Alltag',
    'höchste Ansprüche',
    'kleine Budgets',
    'intensive Nutzung',
    'Geschenke',
    'Reisen',
  ],
  headings: {
    points: 'Was man wissen sollte',
    steps: 'Schritt für Schritt',
    picks: 'Empfehlenswerte Optionen',
    compare: 'Schneller Vergleich',
    learn: 'Mehr erfahren',
  },
  pick: (name, audience, price) => `**${name}**: ideal für ${audience}${price ? `, etwa ${price}` : ''}.`,
  aspects: ['Preis', 'Qualität', 'Bedienung', 'Support', 'Leistung'],
  ratings: ['Hervorragend', 'Sehr gut', 'Gut', 'Ordentlich', 'Mittel'],
  feature: 'Merkmal',
  verdict: (a, b) =>
    `**Fazit:** ${a} passt, wenn dir Qualität am wichtigsten ist, ${b}, wenn du andere Prioritäten hast; beide sind solide.`,
  learn: [
    (s) =>
      `Ein Lexikoneintrag oder ein aktueller Ratgeber zu ${s} ist der verlässlichste Weg, tiefer einzusteigen.`,
    (s) => `Für genaue Zahlen zu ${s} sind offizielle Quellen am zuverlässigsten.`,
  ],
  closes: [
    (s) => `Soll ich auf einen bestimmten Aspekt von ${s} näher eingehen?`,
    (s) => `Wenn du mir sagst, wofür du es brauchst, kann ich die Antwort zu ${s} anpassen.`,
  ],
};

export const PHRASEBOOKS: Record<'es' | 'fr' | 'de', Phrasebook> = { es: ES, fr: FR, de: DE };
