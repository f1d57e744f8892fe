import type { Faker } from '@faker-js/faker';
// Its own module, not random.ts's, which every part imports: Faker and its English data (~30 ms
// to load) are for the router's completions only, and load with them on the first one.
import { faker as english } from '@faker-js/faker/locale/en';

/**
 * A Faker instance of its own, seeded: never the shared global one, whose state would make one
 * request's content depend on the requests before it.
 */
export function createFaker(seed: number): Faker {
  // The package's main entry loads every locale (about 80 ms and 36 MB at start-up); the English
  // entry loads one, but exports only an instance: its constructor makes fresh ones from its data.
  const FakerClass = english.constructor as typeof Faker;
  const faker = new FakerClass({ locale: english.rawDefinitions });
  faker.seed(seed);
  return faker;
}
