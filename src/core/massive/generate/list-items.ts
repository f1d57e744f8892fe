import type { ListKind } from './ask.ts';

/** A list item: a bold lead and a sentence that names what the list is for. */
export type ListItem = readonly [string, (s: string) => string];

/** Items by kind of list, at least twelve each (the most one list holds), every sentence naming its theme. */
export const LIST_ITEMS: Record<ListKind, readonly ListItem[]> = {
  tips: [
    ['Start small', (s) => `a few minutes a day on ${s} beats one long session a week.`],
    [
      'Set one clear goal',
      (s) => `decide what "better" at ${s} means for you, so you can tell when you're improving.`,
    ],
    ['Make it a routine', (s) => `tie ${s} to something you already do every day, like your morning coffee.`],
    [
      'Learn from others',
      (s) => `people who are a step ahead of you with ${s} usually remember the obstacles you're facing.`,
    ],
    [
      'Track your progress',
      (s) => `a simple log of your time on ${s} shows what's working and keeps you motivated.`,
    ],
    ['Focus on the basics first', (s) => `most problems with ${s} come from skipping the fundamentals.`],
    ['Use good resources', (s) => `one well-reviewed guide to ${s} is worth more than ten random videos.`],
    ['Expect plateaus', (s) => `progress with ${s} comes in steps, and flat weeks are part of it.`],
    [
      'Get feedback early',
      (s) => `showing your work on ${s} to someone else catches habits before they stick.`,
    ],
    ['Keep it enjoyable', (s) => `you'll stick with ${s} longer if at least part of it is fun.`],
    [
      'Rest and review',
      (s) => `going back over what you've done on ${s} is where a lot of the learning happens.`,
    ],
    ['Be patient with yourself', (s) => `everyone finds parts of ${s} awkward at first.`],
  ],
  ideas: [
    [
      'Something hands-on',
      (s) => `a small craft, cooking or DIY project turns ${s} into something you'll remember.`,
    ],
    ['A classic', (s) => `the familiar options for ${s} are popular for a reason, and easy to set up.`],
    ['Something creative', (s) => `drawing, writing or making music gives ${s} a personal touch.`],
    ['Something active', (s) => `a walk, a dance break or a quick game keeps energy up during ${s}.`],
    ['A low-cost option', (s) => `plenty of good ideas for ${s} cost nothing but a little planning.`],
    ['Something social', (s) => `inviting a friend or two makes ${s} feel like an occasion.`],
    ['Something new', (s) => `use ${s} to try a skill, recipe or activity you've never done before.`],
    ['A quiet option', (s) => `a book, a puzzle or a long bath suits ${s} when you need to recharge.`],
    [
      'A themed idea',
      (s) => `pick a theme, such as a country, a decade or a color, and build ${s} around it.`,
    ],
    ['Something outdoors', (s) => `if the weather allows, a park, garden or short trip refreshes ${s}.`],
    ['A learning idea', (s) => `a short online class or documentary makes ${s} time well spent.`],
    ['A surprise element', (s) => `a small surprise, planned in advance, makes ${s} stand out.`],
  ],
  reasons: [
    ['It opens doors', (s) => `${s} leads to opportunities, people and ideas you wouldn't meet otherwise.`],
    ['It pays off over time', (s) => `the benefits of ${s} add up, even when progress feels slow.`],
    ['It builds confidence', (s) => `getting better at ${s} shows you that effort turns into results.`],
    ['It is practical', (s) => `${s} is useful in everyday situations, not just in theory.`],
    [
      'There is plenty of help',
      (s) => `guides, courses and communities around ${s} make it easier to get started.`,
    ],
    ['It keeps your mind sharp', (s) => `${s} gives your brain something new to work on.`],
    [
      'It connects with other interests',
      (s) => `${s} often links up with hobbies or work you already care about.`,
    ],
    ['It is flexible', (s) => `you can fit ${s} around your own schedule and pace.`],
    ['It is enjoyable', (s) => `once the basics click, ${s} becomes something to look forward to.`],
    ['It sets you apart', (s) => `${s} is a skill or habit that not everyone has.`],
    ['It is good value', (s) => `the cost of ${s} is usually small next to what you get back.`],
    ['It lasts', (s) => `what you gain from ${s} stays with you for years.`],
  ],
  ways: [
    ['Plan it out', (s) => `a simple plan for ${s} makes the first step obvious.`],
    ['Break it into steps', (s) => `smaller steps make ${s} feel manageable.`],
    ['Build a habit', (s) => `doing a little of ${s} at the same time each day makes it automatic.`],
    ['Ask for help', (s) => `someone experienced with ${s} can save you a lot of trial and error.`],
    ['Use the right tools', (s) => `the right tool or app takes friction out of ${s}.`],
    ['Remove distractions', (s) => `a quiet, set-up space makes it easier to focus on ${s}.`],
    ['Measure what matters', (s) => `pick one number that shows progress on ${s} and check it weekly.`],
    ['Reward yourself', (s) => `small rewards for sticking with ${s} keep motivation up.`],
    ['Find a partner', (s) => `working on ${s} with someone else keeps you both accountable.`],
    ['Review and adjust', (s) => `every few weeks, look at what's working with ${s} and drop what isn't.`],
    ['Keep it simple', (s) => `the simplest approach to ${s} is usually the one you'll keep doing.`],
    ['Learn from setbacks', (s) => `a bad week with ${s} shows you what to change.`],
  ],
  mistakes: [
    [
      'Doing too much at once',
      (s) => `trying to master every part of ${s} at the same time leads to burnout.`,
    ],
    ['Skipping the basics', (s) => `gaps in the fundamentals of ${s} show up later as bigger problems.`],
    [
      'Comparing yourself to experts',
      (s) => `people who make ${s} look easy have usually done it for years.`,
    ],
    ['Not asking for help', (s) => `a quick question to someone who knows ${s} can save hours.`],
    ['Ignoring feedback', (s) => `what others notice about your ${s} is often what you can't see yourself.`],
    ['Giving up too soon', (s) => `the awkward early phase of ${s} passes faster than it feels.`],
    ['Following outdated advice', (s) => `tips on ${s} from years ago may not hold any more.`],
    ['Spending before learning', (s) => `expensive gear for ${s} helps less than a little practice does.`],
    ['No clear goal', (s) => `without a goal, it's hard to know whether ${s} is going well.`],
    ['Being inconsistent', (s) => `long gaps between sessions make ${s} feel like starting over.`],
    [
      'Copying someone else exactly',
      (s) => `what works for someone else's ${s} may not suit your situation.`,
    ],
    ['Not tracking anything', (s) => `without notes, progress on ${s} is hard to see.`],
  ],
  questions: [
    ['What is the goal?', (s) => `knowing what you want from ${s} shapes every other decision.`],
    ['What will it cost?', (s) => `count the time as well as the money ${s} takes.`],
    [
      'Who has done it before?',
      (s) => `people with experience of ${s} can tell you what they wish they'd known.`,
    ],
    ['What could go wrong?', (s) => `a quick look at the risks of ${s} avoids surprises.`],
    [
      'What is the first step?',
      (s) => `the smallest useful first step toward ${s} is usually obvious once you ask.`,
    ],
    ['How will I know it worked?', (s) => `decide in advance what success with ${s} looks like.`],
    [
      'What are the alternatives?',
      (s) => `comparing ${s} with the other options confirms it's the right choice.`,
    ],
    ['How much time do I have?', (s) => `a realistic timeline keeps ${s} from stalling.`],
    ['What do I need to learn?', (s) => `a list of the skills ${s} needs shows where to start.`],
    ['Who else is affected?', (s) => `${s} often involves other people, so check in with them early.`],
    ['What would make it easier?', (s) => `one change to your setup can make ${s} much smoother.`],
    ['When should I review it?', (s) => `a date to look back at ${s} keeps it on track.`],
  ],
};
