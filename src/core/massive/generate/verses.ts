/**
 * The lines creative pieces are made of, in English: each piece draws its own, and the lines
 * that carry a sentence name the theme, so no two prompts share a stock line.
 */

type Line = (t: string) => string;

/** Haiku: three short lines; the first names the theme, the last closes the image. */
export const HAIKU: readonly [readonly Line[], readonly Line[], readonly Line[]] = [
  [
    (t) => `${t} at first light`,
    (t) => `quiet ${t} again`,
    (t) => `slow ${t}, drifting`,
    (t) => `morning, and ${t}`,
    (t) => `all of ${t}, still`,
    (t) => `${t} in the dusk`,
  ],
  [
    () => 'a soft wind moves through the trees',
    () => 'the whole street is holding its breath',
    () => 'small sounds settle into place',
    () => 'light spills across the window',
    () => 'the kettle hums in the dark',
    () => 'old footsteps fade down the lane',
    () => 'a bird waits on the cold wire',
  ],
  [
    () => 'and then it is gone',
    () => 'nothing else needed',
    () => 'the day starts again',
    () => 'I stay a while more',
    () => 'everything slows down',
    () => 'the moment stays close',
  ],
];

/** Poem stanzas: four lines each, the last one a sentence that names the theme. */
export const STANZAS: readonly (readonly Line[])[] = [
  [
    (t) => `I went looking for ${t}`,
    () => 'the way you look for keys,',
    () => 'in every pocket of the day,',
    (t) => `and found ${t} waiting at the door.`,
  ],
  [
    () => 'Some things arrive without a sound,',
    () => 'and stay as if they always had;',
    () => 'they ask for nothing, only time,',
    (t) => `and that is how it goes with ${t}.`,
  ],
  [
    () => 'The light comes in at a slant,',
    () => 'the hours loosen their grip,',
    () => 'and everything I meant to say',
    (t) => `turns into a word for ${t}.`,
  ],
  [
    () => 'Let the others rush ahead,',
    () => 'let the clocks keep their count;',
    () => 'I will stand here a little longer',
    (t) => `and learn what ${t} has to teach.`,
  ],
  [
    () => 'There is a kind of quiet',
    () => 'that only some things make,',
    () => 'a pause between two breaths,',
    (t) => `and I hear it most in ${t}.`,
  ],
  [
    () => 'So here is to the small things,',
    () => 'the ones we almost miss,',
    () => 'the ordinary, shining hours,',
    (t) => `and here, above them all, to ${t}.`,
  ],
];

/** Limericks: five lines, AABBA, with the theme inside a line so the rhymes hold whatever it is. */
export const LIMERICKS: readonly (readonly Line[])[] = [
  [
    (t) => `A lover of ${t} named Lee`,
    () => 'said, “Nothing’s more pleasing to me.”',
    () => 'From morning till night',
    () => 'it all felt just right,',
    (t) => `so ${t} became Lee’s cup of tea.`,
  ],
  [
    (t) => `A fellow who wrote about ${t}`,
    () => 'kept drafting his lines in a rush;',
    () => 'he rhymed and he timed,',
    () => 'he polished and primed,',
    () => 'then read it aloud with a blush.',
  ],
];

/** Story beats, in order: each names the hero, the theme, or both. */
export const STORY: readonly (readonly ((hero: string, t: string) => string)[])[] = [
  [
    (h, t) => `Nobody in the town expected much from ${h}, and even less from ${t}.`,
    (h, t) => `${h} had spent years walking past ${t} without a second look.`,
  ],
  [
    (h, t) => `Then, one ordinary Tuesday, ${t} changed everything for ${h}.`,
    (h, t) => `It started small: ${h} noticed something odd about ${t} and couldn't let it go.`,
  ],
  [
    (h) => `At first it went badly, and ${h} nearly gave up twice.`,
    (h, t) => `The hardest part, ${h} discovered, was that ${t} refused to be hurried.`,
  ],
  [
    (h, t) => `But ${h} kept going, a little each day, until ${t} began to make sense.`,
    (h) => `A neighbor's offhand remark gave ${h} the idea that finally worked.`,
  ],
  [
    (h, t) =>
      `By the end of the year, people came from three streets away to see what ${h} had done with ${t}.`,
    (h, t) => `And if you ask ${h} about ${t} today, you'll get a smile and a very long answer.`,
  ],
];

export const HEROES = ['Mara', 'Theo', 'Ines', 'Jonah', 'Priya', 'Felix', 'Nadia', 'Oskar', 'Lena', 'Ravi'];

/** Slogans built on the thing being named, e.g. "coffee shop". */
export const SLOGANS: readonly Line[] = [
  (k) => `${k}, done right.`,
  (k) => `Where ${k} feels like home.`,
  (k) => `Your ${k}, your way.`,
  (k) => `Good ${k}. Good day.`,
  (k) => `Made with care. Made for ${k} lovers.`,
  (k) => `The ${k} you’ll come back to.`,
  (k) => `Simply better ${k}.`,
  (k) => `${k} with a little extra.`,
  (k) => `Everyday ${k}, never ordinary.`,
  (k) => `Love at first ${k}.`,
  (k) => `Small ${k}, big difference.`,
  (k) => `Come for the ${k}, stay for the people.`,
];

/** Jokes about the theme as asked ("cats", "coffee"). */
export const JOKES: readonly Line[] = [
  (t) => `I told a friend a joke about ${t}, but they didn't laugh — apparently it was too niche.`,
  (t) => `I wanted to write a joke about ${t}, but all the good ones were already taken.`,
  (t) =>
    `I asked an expert on ${t} for a quick answer, and forty minutes later I had a great story and still no answer.`,
  (t) => `Someone said I talk about ${t} too much, so I explained at length why that's wrong, and they left.`,
  (t) => `Experts on ${t} never panic; they just call everything about ${t} "an interesting development."`,
  (t) => `I tried to explain ${t} to my dog, and now he understands it better than I do.`,
  (t) =>
    `My plan to become an expert on ${t} is going well: I've bought three books about ${t} and read none of them.`,
  (t) => `They say knowledge is power, but knowing a lot about ${t} mostly makes me great at parties.`,
];
