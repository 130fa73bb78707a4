import { describe, expect, it } from 'vitest';
import { ListenerSet } from '../../src-main/app/listener-set';

describe('ListenerSet', () => {
  it('delivers to every listener even when one throws, and reports the failure with its event', () => {
    const failures: [string, number][] = [];
    const set = new ListenerSet<number>((error, event) => failures.push([(error as Error).message, event]));
    const heard: number[] = [];
    set.add(() => {
      throw new Error('broken');
    });
    set.add((n) => heard.push(n));
    set.emit(1);
    expect(heard).toEqual([1]);
    expect(failures).toEqual([['broken', 1]]);
  });

  it('stops delivering to a removed listener, and to all after clear()', () => {
    const set = new ListenerSet<string>();
    const heard: string[] = [];
    const remove = set.add((s) => heard.push(`a:${s}`));
    set.add((s) => heard.push(`b:${s}`));
    set.emit('1');
    remove();
    set.emit('2');
    set.clear();
    set.emit('3');
    expect(heard).toEqual(['a:1', 'b:1', 'b:2']);
  });
});
