/**
 * Verbs of change and the direction they give. Two-character verbs stand alone ("下降 64.10%");
 * the one-character forms only occur bound to a target ("降至", "增至", "升至"), so they are
 * accepted only before 至/到/为.
 */
export type Direction = 'up' | 'down' | 'none';

const UP = ['提升', '提高', '上升', '增加', '增长', '升高', '扩大', '延长', '攀升', '上涨', '跃升', '增多'];
const DOWN = ['下降', '降低', '减少', '缩短', '缩减', '减低', '回落', '下滑', '压缩', '减轻'];
const NEUTRAL = ['变为', '改变为', '调整为', '变化为'];
const UP_BOUND = ['增', '升', '提'];
const DOWN_BOUND = ['降', '减'];

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

/** A verb of change that may stand alone before an amount ("提高了27.73%"). */
export const FREE_VERB = alternation([...UP, ...DOWN]);
/** A verb of change before 至/到/为 and a target value ("降至", "提升到", "降低为"). */
export const BOUND_VERB = alternation([...UP, ...DOWN, ...NEUTRAL, ...UP_BOUND, ...DOWN_BOUND]);

export function directionOf(verb: string): Direction | null {
  if (UP.includes(verb) || UP_BOUND.includes(verb)) return 'up';
  if (DOWN.includes(verb) || DOWN_BOUND.includes(verb)) return 'down';
  return null;
}
