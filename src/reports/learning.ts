import type { CalendarDate } from '../domain/calendar-date';
import { CATEGORIES } from '../intake/intake-options';
import type { CaseFacts } from './case-facts';

/**
 * Learning from complaints (seed 002's learning template): the lessons learned recorded on
 * responses, grouped by category, with the outcome and the remedy alongside.
 */
export interface LessonItem {
  reference: string;
  stage: number;
  respondedOn: CalendarDate;
  outcome: string;
  lesson: string;
  remedy: string;
  /** From an invented case (`details.demo`). */
  demo: boolean;
}

export interface LearningGroup {
  category: string;
  label: string;
  lessons: LessonItem[];
}

/** The lessons by category, in the order met: a tally (tally.ts), added a case at a time. */
export type LessonTally = Map<string, LessonItem[]>;

export function addLessons(t: LessonTally, f: CaseFacts): void {
  for (const s of f.stages) {
    if (!s.lessons.trim() || !s.respondedOn) continue;
    const key = f.category || 'unknown';
    const list = t.get(key) ?? [];
    list.push({ reference: f.reference, stage: s.stage, respondedOn: s.respondedOn, outcome: s.outcome ?? '', lesson: s.lessons.trim(), remedy: s.remedy.trim(), demo: f.demo });
    t.set(key, list);
  }
}

/** The groups from a tally (whose lists it sorts). */
export function learningOf(t: LessonTally): LearningGroup[] {
  return [...t.entries()]
    .map(([category, lessons]) => ({
      category, label: (CATEGORIES as Record<string, string>)[category] ?? category,
      lessons: lessons.sort((a, b) => a.respondedOn.localeCompare(b.respondedOn) || a.reference.localeCompare(b.reference)),
    }))
    .sort((a, b) => b.lessons.length - a.lessons.length || a.category.localeCompare(b.category));
}
