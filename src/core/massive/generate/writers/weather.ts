import { mdText } from '../english.ts';
import { heading, para, placeOf, table, type Writer } from './context.ts';

/** A forecast for the place asked about, else the asker's city: a table and a short outlook. */
export const weather: Writer = (ctx) => {
  const { rng } = ctx;
  const place = mdText(placeOf(ctx) ?? ctx.city ?? 'your area');
  const base = rng.int(2, 28);
  const days = ['Today', 'Tomorrow', rng.pick(['Saturday', 'Sunday', 'Monday', 'Tuesday'])];
  return [
    para(ctx, [`Here's the weather outlook for **${place}** over the next few days.`], 0.9),
    table(
      ['Day', 'Conditions', 'High', 'Low'],
      days.map((day) => {
        const high = base + rng.int(0, 6);
        return [
          day,
          rng.pick(['☀️ Sunny', '⛅ Partly cloudy', '🌧️ Showers', '☁️ Overcast', '🌦️ Scattered showers']),
          `${high}°C`,
          `${high - rng.int(5, 10)}°C`,
        ];
      }),
    ),
    `- **Wind:** ${rng.pick(['light', 'moderate', 'gusty'])}, ${rng.int(5, 35)} km/h\n- **Humidity:** ${rng.int(35, 90)}%\n- **Chance of rain:** ${rng.int(0, 90)}%${ctx.cite.maybe(0.5)}`,
    heading(ctx, 'What to expect'),
    para(
      ctx,
      [
        `${rng.pick(['Mornings start cool', 'Expect a mild start', 'It will feel fresh early on'])} in ${place}, with temperatures climbing through the afternoon.`,
        rng.pick([
          `A light jacket is a good idea for evenings in ${place}.`,
          `Keep an umbrella handy if you are out late in ${place}.`,
          `It should be a good few days for being outside in ${place}.`,
        ]),
      ],
      0.5,
    ),
    `Forecasts for ${place} beyond three days are less reliable, so check a local forecast before heading out. Want an hourly breakdown?`,
  ];
};
