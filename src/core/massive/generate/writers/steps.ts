/**
 * The steps a how-to draws on, by kind of task. Every step and tip names the task or what it is
 * done to, so no two answers share a sentence.
 */

/** The words a step can use; `activity` is set when the focus is a gerund ("running"). */
export interface StepWords {
  task: string;
  focus: string;
  activity: string | null;
}
export type Step = (w: StepWords) => readonly [string, string];

/** Steps by phase, in the order they happen: prepare → begin → do → check → finish. */
export interface StepBank {
  prepare: readonly Step[];
  begin: readonly Step[];
  work: readonly Step[];
  check: readonly Step[];
  finish: readonly Step[];
  /** What to have ready; short noun phrases, fit for any task of the kind. */
  need: readonly string[];
  tips: readonly ((w: StepWords) => string)[];
}

const EXERCISE: StepBank = {
  prepare: [
    (w) => [
      w.activity ? `Get the right gear for ${w.activity}` : 'Get comfortable gear',
      `Supportive shoes and breathable clothes are all you need to ${w.task} without aches.`,
    ],
    (w) => [
      'Check in with your body',
      `If you have any health concerns, talk to a doctor before you ${w.task}; otherwise a quick self-check is enough.`,
    ],
  ],
  begin: [
    (w) => [
      w.activity ? `Start with short ${w.activity} sessions` : 'Start with short sessions',
      `Begin with 15–20 minutes, two or three times a week; taking breaks is normal when you first ${w.task}.`,
    ],
    (w) => [
      'Warm up every time',
      `Five minutes of easy movement before each session prepares your muscles and makes it easier to ${w.task} without strain.`,
    ],
  ],
  work: [
    (w) => [
      w.activity ? `Build your ${w.activity} routine gradually` : 'Build the habit gradually',
      `Add a little time or distance each week (about 10% is a common rule of thumb) so your body can adapt to ${w.focus}.`,
    ],
    (w) => [
      'Keep an easy pace',
      `Most sessions should feel conversational; going too hard too soon is the main reason people give up on ${w.focus}.`,
    ],
    (w) => [
      'Stay consistent',
      `Regular, moderate sessions do more than the occasional big effort when you want to ${w.task}.`,
    ],
  ],
  check: [
    (w) => [
      'Listen to your body',
      `Some soreness is normal, but sharp or lingering pain means it's time to rest before you get back to ${w.focus}.`,
    ],
    (w) => [
      'Track your progress',
      `Log each session so you can see how far you've come since you decided to ${w.task}.`,
    ],
  ],
  finish: [
    (w) => [
      'Set your next goal',
      `Once your routine feels easy, pick a new target, like a longer session or a local event, to keep ${w.focus} interesting.`,
    ],
    (w) => [
      'Make recovery part of the plan',
      `Rest days, sleep and stretching are what let you keep up ${w.focus} for the long term.`,
    ],
  ],
  need: ['Comfortable, supportive shoes', 'Breathable clothes', 'A water bottle', 'A simple training log'],
  tips: [
    (w) =>
      `**Go slower than you think:** a pace you could talk at is the right one when you start ${w.focus}.`,
    (w) => `**Rest counts too:** recovery days are when your body adapts to ${w.focus}.`,
    (w) => `**Find a buddy or a group:** it's easier to keep up ${w.focus} with company.`,
    (w) =>
      `**Don't skip the warm-up:** a few minutes of easy movement prevents most early aches from ${w.focus}.`,
  ],
};

const COOKING: StepBank = {
  prepare: [
    (w) => [
      'Read the recipe through',
      `Before you ${w.task}, read the whole method once so nothing surprises you halfway.`,
    ],
    (w) => [
      'Gather your ingredients',
      `Weigh and lay out everything for ${w.focus} first; it makes the rest calm and quick.`,
    ],
  ],
  begin: [
    (w) => [
      'Prep before you start',
      `Chop, measure and preheat as needed, so each stage of ${w.focus} can follow straight on.`,
    ],
  ],
  work: [
    (w) => [
      'Follow the method in order',
      `Mix, rest and cook in the order the recipe gives; with ${w.focus}, timing matters more than speed.`,
    ],
    (w) => [
      'Watch the heat and the timing',
      `Temperature and time affect ${w.focus} more than small changes to the ingredients do.`,
    ],
  ],
  check: [
    (w) => [
      'Check and adjust',
      `Near the end, check the texture and flavor of ${w.focus} and adjust the timing or seasoning if needed.`,
    ],
  ],
  finish: [
    (w) => [
      'Rest, serve and store',
      `Let ${w.focus} rest or cool as the recipe says before serving, and store any leftovers airtight.`,
    ],
    (w) => [
      'Note what to tweak next time',
      `Jot down what you'd change, so the next time you ${w.task} goes even better.`,
    ],
  ],
  need: ['A reliable recipe', 'A kitchen scale', 'All the ingredients, measured', 'A timer'],
  tips: [
    (w) => `**Measure by weight:** it's far more consistent than cups and spoons for ${w.focus}.`,
    (w) => `**Don't rush the resting times:** they make a real difference to ${w.focus}.`,
    (w) => `**Taste as you go:** small adjustments to ${w.focus} are easier than fixing things at the end.`,
    (w) => `**Keep notes:** writing down what worked makes the next time you ${w.task} faster.`,
  ],
};

const DEVICE: StepBank = {
  prepare: [
    (w) => [
      'Back up first',
      `Before you ${w.task}, save anything important so nothing is lost if you need to start over.`,
    ],
    (w) => [
      'Check power and connection',
      `A stable connection and enough battery avoid interruptions while you ${w.task}.`,
    ],
  ],
  begin: [
    (w) => [
      'Install pending updates',
      `Many problems disappear on the latest version, so update before you ${w.task}.`,
    ],
    (w) => [
      'Open the right settings',
      `Go to **Settings** and look under **General** or **System**; that's usually where you ${w.task}.`,
    ],
  ],
  work: [
    (w) => [
      'Follow the on-screen steps',
      `Read each prompt carefully as you ${w.task}, and don't interrupt the process once it has started.`,
    ],
  ],
  check: [
    (w) => [
      'Restart and confirm',
      `Restart, then check that the change took effect and that ${w.focus} works as expected.`,
    ],
  ],
  finish: [
    (w) => [
      'Restore your data and settings',
      `Bring back your backup and preferences, and note what you did in case you need to ${w.task} again.`,
    ],
  ],
  need: [
    'A recent backup',
    'Your passwords or passcode',
    'A charger or power outlet',
    'A stable Wi-Fi connection',
  ],
  tips: [
    (w) => `**Back up before anything else:** it's the one step you can't redo once you ${w.task}.`,
    (w) => `**Use the official guide:** it's usually more reliable than forum posts about ${w.focus}.`,
    (w) => `**Write down error messages:** they're the fastest way to get help if you can't ${w.task}.`,
    (w) =>
      `**Be patient with progress bars:** interrupting the process is what breaks ${w.focus} most often.`,
  ],
};

const REPAIR: StepBank = {
  prepare: [
    (w) => [
      'Make it safe',
      `Turn off the water, power or supply that feeds ${w.focus} before you start, and clear space to work.`,
    ],
    (w) => [
      'Identify the exact problem',
      `Look closely at ${w.focus} first; knowing which part is at fault tells you which tools and parts you need.`,
    ],
  ],
  begin: [
    (w) => [
      'Get the right parts',
      `Take the old part with you to the store, so the replacement fits ${w.focus} the first time.`,
    ],
    (w) => [
      'Protect the area',
      `Lay down old towels or drop cloths around ${w.focus}; it saves a lot of cleaning up.`,
    ],
  ],
  work: [
    (w) => [
      'Work in small steps',
      `Take things apart in order and lay the pieces out, so you can put ${w.focus} back together the same way.`,
    ],
    (w) => [
      "Don't force it",
      `If a part of ${w.focus} won't move, check for a hidden screw or clip before applying more force.`,
    ],
  ],
  check: [
    (w) => [
      'Test before you tidy up',
      `Restore the supply and check ${w.focus} carefully for leaks, gaps or loose parts.`,
    ],
  ],
  finish: [
    (w) => [
      'Clean up and keep notes',
      `Note the part numbers and what you did, in case you need to ${w.task} again.`,
    ],
    (w) => [
      'Know when to call a pro',
      `If ${w.focus} still isn't right after a careful attempt, a professional visit is usually cheaper than a second mistake.`,
    ],
  ],
  need: ['Basic hand tools', 'Work gloves', 'Old towels or drop cloths', 'A flashlight or headlamp'],
  tips: [
    (w) => `**Take photos as you go:** they show how ${w.focus} goes back together.`,
    (w) => `**Buy a spare washer or seal:** cheap parts for ${w.focus} are easy to lose or damage.`,
    (w) => `**Check a video of the same model:** it shows how ${w.focus} like yours comes apart.`,
    (w) => `**Don't overtighten:** it's the most common way to damage ${w.focus} on reassembly.`,
  ],
};

const LEARNING: StepBank = {
  prepare: [
    (w) => [
      'Be clear about your goal',
      `Decide what a good result looks like before you ${w.task}; it keeps every later step focused.`,
    ],
    (w) => [
      'Gather what you need',
      `Collect the information, examples or materials you'll want for ${w.focus} before you begin.`,
    ],
  ],
  begin: [
    (w) => [
      'Start small',
      `Begin with the simplest version, so you can ${w.task} without feeling overwhelmed.`,
    ],
    (w) => [
      'Learn the basics first',
      `A short beginner's guide to ${w.focus} will save you from the most common early mistakes.`,
    ],
  ],
  work: [
    (w) => [
      'Work through it step by step',
      `Tackle one part of ${w.focus} at a time and finish it before moving on.`,
    ],
    (w) => [
      'Practice regularly',
      `Short, regular sessions beat one long attempt when you want to ${w.task}.`,
    ],
  ],
  check: [
    (w) => [
      'Check your progress',
      `Compare where you are with your goal, and change your approach to ${w.focus} if something isn't working.`,
    ],
  ],
  finish: [
    (w) => ['Review and refine', `Once you're done, note what worked so it's easier to ${w.task} next time.`],
    (w) => [
      'Keep it going',
      `Set a simple routine for ${w.focus}, so the results last instead of fading after a few weeks.`,
    ],
  ],
  need: [
    'A clear goal',
    'An hour or so to get started',
    'A reliable beginner guide',
    'A place to take notes',
  ],
  tips: [
    (w) => `**Go slowly the first time:** most mistakes with ${w.focus} come from rushing.`,
    (w) => `**Keep notes:** writing down what worked makes it easier to ${w.task} the next time.`,
    (w) =>
      `**Use good references:** official guides on ${w.focus} are usually more reliable than forum posts.`,
    (w) => `**Ask for help early:** a second pair of eyes on ${w.focus} saves time.`,
  ],
};

export type StepKind = 'exercise' | 'cooking' | 'device' | 'repair' | 'learning';

export const STEP_BANKS: Record<StepKind, StepBank> = {
  exercise: EXERCISE,
  cooking: COOKING,
  device: DEVICE,
  repair: REPAIR,
  learning: LEARNING,
};

const EXERCISE_TASK =
  /\b(?:run|running|jog|train|5k|marathon|workout|exercise|swim|cycle|walk|hike|lose weight|stretch|lift)\b/i;
const DEVICE_TASK =
  /^(?:reset|back ?up|update|upgrade|speed up|set up|install|uninstall|restore|connect|format|recover)\b/i;
const REPAIR_TASK = /^(?:fix|repair|change|replace|unclog|remove|paint|descale|clean|tighten|install)\b/i;
const COOKING_TASK = /^(?:cook|bake|brew|boil|grill|roast|fry|make)\b/i;

/** The steps that fit the task: a drain is unclogged with tools, Python is learnt with practice. */
export function stepKind(task: string, category: string): StepKind {
  if (EXERCISE_TASK.test(task) && (category === 'health' || category === 'footwear')) return 'exercise';
  if (DEVICE_TASK.test(task) && (category === 'electronics' || category === 'software')) return 'device';
  if (REPAIR_TASK.test(task) && category !== 'software' && category !== 'electronics') return 'repair';
  if (category === 'food' || (COOKING_TASK.test(task) && category === 'other')) return 'cooking';
  return 'learning';
}
