import type { Category } from './profiles.ts';

/** Words that place a prompt in a field, tried in order: the first field that matches wins. */
const CATEGORY_WORDS: ReadonlyArray<[Category, RegExp]> = [
  ['pets', /\b(dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|litter|aquariums?|hamsters?|dog food|cat food)\b/i],
  [
    'media',
    /\b(books?|novels?|podcasts?|board games?|video games?|games|movies?|films?|tv shows?|shows|audiobooks?|online courses?|courses?|reads?)\b/i,
  ],
  [
    'vehicles',
    /\b(cars?|suvs?|trucks?|sedans?|minivans?|evs?|electric vehicles?|hybrids?|motorcycles?|tesla|ioniq|tires?|tyres?)\b(?!\s+(?:seats?|chargers?|mounts?|wash|insurance))/i,
  ],
  ['footwear', /\b(shoes?|sneakers?|boots?|sandals?|cleats?|trainers?|footwear|insoles?)\b/i],
  [
    'electronics',
    /\b(laptops?|phones?|smartphones?|iphone|android|headphones?|earbuds?|tvs?|televisions?|monitors?|cameras?|tablets?|speakers?|gpus?|cpus?|keyboards?|mouse|routers?|smartwatch(es)?|watch(es)?|consoles?|chargers?|drones?|macs?|macbooks?|pcs?|computers?|desktops?|ipads?|printers?|networks?|wi-?fi|soundbars?|e-?readers?|dash ?cams?|projectors?|power banks?|ssds?|hdds?|hard drives?|ps5|xbox|playstation|nintendo|kindle|kobo|airpods)\b/i,
  ],
  [
    'software',
    /\b(apps?|software|tools?|platforms?|frameworks?|librar(y|ies)|languages?|python|javascript|typescript|api|apis|ai|llms?|saas|crm|ide|editors?|database|cloud|vpn|browser|protocol|code|coding|programming|password managers?|react|vue|angular|node|postgres|mysql|rust|golang|kubernetes|docker|aws|azure|oauth|microservices|agile)\b/i,
  ],
  [
    'finance',
    /\b(stocks?|invest(ing|ment)?|etfs?|credit cards?|banks?|loans?|mortgages?|savings|crypto|bitcoin|insurance|taxe?s?|retirement|index funds?|mutual funds?|savings accounts?|brokerage|roth|inflation|interest rates?|economy|recession|gdp|compound interest|401k|ira)\b/i,
  ],
  [
    'travel',
    /\b(travel|trips?|hotels?|flights?|destinations?|places?|cities|city|beach(es)?|vacations?|holidays?|visit|itinerary|resorts?|airlines?|things to do|sightseeing)\b/i,
  ],
  [
    'food',
    /\b(recipes?|cook|cooking|bake|baking|restaurants?|food|meals?|dinner|lunch|breakfast|coffee|tea|wine|diet|bread|sourdough|dough|cakes?|cookies|pasta|pizza|soups?|ramen|sushi|noodles|sauces?|eggs?|rice|steak|chicken|salads?|desserts?)\b|ラーメン|寿司|料理|レストラン/i,
  ],
  [
    'health',
    /\b(health|workouts?|exercises?|fitness|sleep|vitamins?|supplements?|symptoms?|pain|weight|yoga|running|run|jogging|walking|swimming|cycling|marathons?|5k|stretch(ing)?|therapy|doctor|skin|skincare|sunscreen|protein|yoga mats?|toothbrush(es)?|meditat\w*|procrastinat\w*|burnout|creatine|electrolytes|fasting|vo2)\b/i,
  ],
  [
    'home',
    /\b(heat pumps?|furnaces?|boilers?|air condition(er|ers|ing)|garden(s|ing)?|lawns?|plants?|furniture|kitchens?|bathrooms?|appliances?|cleaning|laundry|diy|renovat\w*|solar panels?|insulation|thermostats?|roofs?|paint(ing)?|vacuums?|purifiers?|mattress(es)?|desks?|chairs?|cookware|drills?|mowers?|faucets?|drains?|rooms?|screws?|kettles?)\b/i,
  ],
  [
    'science',
    /\b(sky|tides?|moon|sun|stars?|planets?|mars|space|nasa|rockets?|physics|chemistry|biology|atoms?|gravity|climate|oceans?|volcano(es)?|earthquakes?|evolution|dna|photosynthesis|universe|galax(y|ies)|black holes?|light|rainbows?|dinosaurs?)\b/i,
  ],
];

/** The field a prompt is about, from its words; 'other' when none matches. */
export function categoryOf(text: string): Category {
  return CATEGORY_WORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}
