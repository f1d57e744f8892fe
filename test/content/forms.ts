/**
 * Prompts that ask for a form (a creative piece, a list of N, a length), a fact the project's data
 * gives, a place or an activity: invented phrasings, each group checked by forms.test.ts. They
 * join the main corpus, so every corpus-wide check (grammar, variety, languages) runs on them too.
 */
export const FORM_PROMPTS = {
  haiku: [
    'write a haiku about autumn',
    'haiku about the first snow',
    'can you write me a haiku on morning coffee',
    'compose a haiku about city rain',
    'a haiku for my cat',
    'give me 3 haikus about the ocean',
  ],
  poem: [
    'write a short poem about the sea',
    'a poem about friendship',
    'write a rhyming poem for my mom',
    'compose a little poem about lost socks',
    'write a poem on growing older',
    'poem about a lighthouse keeper',
    'write a limerick about a forgetful wizard',
  ],
  story: [
    'write a short story about a robot who learns to paint',
    'tell me a bedtime story about a brave turtle',
    'write a story about a lost umbrella',
    'a short story about two rival bakers',
  ],
  slogan: [
    'write 3 slogans for a coffee shop',
    'slogan for a dog walking business',
    'give me five taglines for an eco-friendly water bottle',
    'come up with a catchy slogan for a bike repair shop',
  ],
  email: [
    'write an email to my landlord about a broken heater',
    'draft an email to my boss asking for a day off',
    'write a polite email to a client about a late invoice',
    'write an email to my team about the new schedule',
  ],
  joke: [
    'tell me a joke about cats',
    'tell me a joke about programmers',
    'give me 2 jokes about accountants',
    'a funny joke about coffee',
    'tell me three jokes about gardening',
  ],
  lists: [
    'list 7 tips for learning spanish',
    'give me 6 ideas for a rainy day',
    '5 reasons to learn python',
    'ten healthy snack ideas',
    'what are some tips for better sleep',
    'give me a couple of ideas for date night',
    'list four mistakes to avoid when buying a used car',
    '8 questions to ask before adopting a dog',
    'share 3 tips for public speaking',
    'give me 9 ideas for a kids birthday party',
    'list 12 tips for working from home',
    'six reasons to start journaling',
    'suggest some ideas for a team building day',
    'give me 4 ways to stay focused while studying',
    'list 10 fun ideas for a weekend at home',
    'two tips for keeping houseplants alive',
  ],
  paragraph: [
    'explain kubernetes in one paragraph',
    'describe the water cycle in a single paragraph',
    'write a paragraph about postgres',
    'explain inflation in one short paragraph',
    'what is docker, in one paragraph',
  ],
  brief: [
    'briefly explain how vaccines work',
    'explain blockchain briefly',
    'what is a roth ira in two sentences',
    'in a nutshell, what is machine learning',
  ],
  words: [
    'describe the water cycle in 50 words',
    'explain netflix in under 60 words',
    'summarize the history of jazz in 80 words',
    'explain photosynthesis in 40 words',
  ],
  bullets: [
    'explain kubernetes in 3 bullet points',
    'summarize stoicism in 5 bullet points',
    'explain compound interest in four bullet points',
    'what is agile, in 2 bullets',
  ],
  summary: [
    'summarize the french revolution',
    'give me a summary of the cold war',
    'sum up the plot of hamlet',
  ],
  capitals: [
    'what is the capital of canada',
    'capital of the netherlands',
    "what's the capital of kenya",
    'what is the capital city of brazil',
    'the capital of new zealand?',
  ],
  countryFacts: [
    'what currency does japan use',
    'what is the currency of switzerland',
    'currency in mexico',
    'what languages are spoken in belgium',
    'what language do they speak in brazil',
    'what time zone is japan in',
    'what time zones does australia have',
    'which continent is peru in',
    'what country is lyon in',
    'where is osaka',
  ],
  conversions: [
    'convert 5 miles to km',
    'what is 100 f in celsius',
    'how many ounces in a pound',
    '10 kg in lbs',
    'convert 3 feet to centimeters',
    '2 gallons to liters',
  ],
  arithmetic: [
    'what is 12 times 7',
    "what's 15% of 80",
    'what is 144 divided by 12',
    '2.5 + 3.75',
    'calculate 1200 minus 365',
  ],
  places: [
    'best hiking trails near denver',
    'best museums in paris',
    'best beaches in thailand',
    'best parks in chicago for kids',
    'best neighborhoods to explore in lisbon',
    'top 5 day trips from rome',
    'best national parks in the us',
  ],
  activities: [
    'best activities for a rainy weekend',
    'fun activities for toddlers',
    'best hobbies for retirees',
    'best date ideas in seattle',
  ],
  services: ['best plumbers near me', 'best hotels in tokyo for families'],
  grammar: [
    'what is netflix',
    'is postgres good for analytics',
    'how does docker work',
    'kubernetes for beginners',
    'what is jenkins',
  ],
} as const;

export type FormGroup = keyof typeof FORM_PROMPTS;

/** Every prompt of the groups, in order. */
export const ALL_FORM_PROMPTS: readonly string[] = Object.values(FORM_PROMPTS).flat();
