/** How names typed in lower case are printed: places, brands, languages, people. */

/** How products and languages are spelled in print, for subjects typed in lower case. */
const PROPER: Record<string, string> = {
  iphone: 'iPhone',
  ipad: 'iPad',
  ios: 'iOS',
  macos: 'macOS',
  macbook: 'MacBook',
  mac: 'Mac',
  pc: 'PC',
  android: 'Android',
  windows: 'Windows',
  linux: 'Linux',
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  rust: 'Rust',
  chatgpt: 'ChatGPT',
  google: 'Google',
  pixel: 'Pixel',
  samsung: 'Samsung',
  tokyo: 'Tokyo',
  japan: 'Japan',
  lisbon: 'Lisbon',
  portugal: 'Portugal',
  chicago: 'Chicago',
  barcelona: 'Barcelona',
  rome: 'Rome',
  seattle: 'Seattle',
  iceland: 'Iceland',
  canada: 'Canada',
  australia: 'Australia',
  europe: 'Europe',
  spain: 'Spain',
  italy: 'Italy',
  france: 'France',
  germany: 'Germany',
  mexico: 'Mexico',
  berlin: 'Berlin',
  portland: 'Portland',
  everest: 'Everest',
  eiffel: 'Eiffel',
  machu: 'Machu',
  picchu: 'Picchu',
  microsoft: 'Microsoft',
  roman: 'Roman',
  node: 'Node',
  postgres: 'Postgres',
  mysql: 'MySQL',
  kindle: 'Kindle',
  kobo: 'Kobo',
  react: 'React',
  vue: 'Vue',
  aws: 'AWS',
  azure: 'Azure',
  gdpr: 'GDPR',
  oauth: 'OAuth',
  kubernetes: 'Kubernetes',
  airpods: 'AirPods',
  sony: 'Sony',
  nike: 'Nike',
  brooks: 'Brooks',
  tesla: 'Tesla',
  hyundai: 'Hyundai',
  ps5: 'PS5',
  xbox: 'Xbox',
  spanish: 'Spanish',
  french: 'French',
  english: 'English',
  german: 'German',
  italian: 'Italian',
  japanese: 'Japanese',
  chinese: 'Chinese',
  portuguese: 'Portuguese',
  denver: 'Denver',
  netflix: 'Netflix',
  docker: 'Docker',
  monday: 'Monday',
  ceo: 'CEO',
  ai: 'AI',
  vpn: 'VPN',
  crm: 'CRM',
  tv: 'TV',
  tvs: 'TVs',
  ssd: 'SSD',
  hdd: 'HDD',
  dslr: 'DSLR',
  etf: 'ETF',
  ira: 'IRA',
  roth: 'Roth',
  '4k': '4K',
  pilates: 'Pilates',
  premier: 'Premier',
  league: 'League',
  paris: 'Paris',
  london: 'London',
  mars: 'Mars',
  nasa: 'NASA',
  bitcoin: 'Bitcoin',
  excel: 'Excel',
};

/** Proper nouns typed in lower case, in print casing: "tokyo" → "Tokyo". */
export function properCase(text: string): string {
  return text
    .replace(/[\p{L}\p{N}]+/gu, (word) => (word === word.toLowerCase() ? (PROPER[word] ?? word) : word))
    .replace(/\bmount (?=\p{Lu})/gu, 'Mount ');
}

/**
 * A product name typed in lower case, as printed: "tesla model 3" → "Tesla Model 3",
 * "sony wf-1000xm5" → "Sony WF-1000XM5": names with a model number or a known brand; "drip coffee" stays.
 */
export function productCase(text: string): string {
  const proper = properCase(text);
  const brand = proper.split(' ')[0] !== text.split(' ')[0];
  if (!/\d/.test(proper) && !brand) return proper;
  return proper.replace(/[\p{L}\p{N}-]+/gu, (word) => {
    if (/\p{Lu}/u.test(word.slice(1))) return word;
    if (/\d/.test(word) && /\p{L}/u.test(word)) return word.toUpperCase();
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
}

/** "ada lovelace" → "Ada Lovelace": a person's name typed in lower case. */
export function nameCase(text: string): string {
  return text === text.toLowerCase()
    ? text.replace(/(^|\s)(\p{L})/gu, (_, space, letter) => space + letter.toUpperCase())
    : text;
}
